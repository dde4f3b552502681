/**
 * The `mendunia` command: subcommands, help, version, and the one place errors become messages
 * and exit codes (0 done, 2 bad input, 1 a bug).
 */
import { readFileSync } from 'node:fs';
import { CHECK_HELP, runCheck } from './check.js';
import { isInputError } from './errors.js';
import { QUOTE_HELP, runQuote } from './quote/command.js';
import { SERVE_HELP, runServe } from './serve.js';

/** Where a command writes: process.stdout and process.stderr, or a test's capture. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** A subcommand: its help text, and what runs it (resolves with the exit code). */
export interface Command {
  readonly help: string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

// dist/main.js and src/main.ts are both one level below the package's folder.
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `Usage: mendunia <command> [options]

Commands:
  quote     what a buyer abroad pays for some items: shipping, duties and taxes, totals
  check     check the catalog, checkout settings and exchange rates files before uploading them
  serve     serve a shop folder at http://localhost:8080 to try it on this computer
  help      this help, or "mendunia help quote" for a command's options

Options:
  -h, --help      this help
  -v, --version   the version (${VERSION})

Documentation: docs/cli.md (check, serve), docs/quote-cli.md (quote)
`;

const COMMANDS: Readonly<Record<string, Command>> = {
  quote: { help: QUOTE_HELP, run: runQuote },
  check: { help: CHECK_HELP, run: runCheck },
  serve: { help: SERVE_HELP, run: runServe },
};

/**
 * Runs the command line `argv` (without node and the script) and returns the exit code.
 * Expected errors print "mendunia: <message>" on stderr and return 2, without a stack trace.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(HELP);
      return 2;
    }
    if (command === '-h' || command === '--help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'help') {
      const topic = rest[0];
      if (topic === undefined) io.stdout.write(HELP);
      else if (Object.hasOwn(COMMANDS, topic)) io.stdout.write(COMMANDS[topic].help);
      else return fail(io, `unknown command "${topic}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, command)) {
      return fail(io, `unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see mendunia --help)`);
    }
    return await COMMANDS[command].run(rest, io);
  } catch (error) {
    if (isInputError(error)) return fail(io, error.message);
    io.stderr.write(`mendunia: unexpected error, please report it with the command you ran:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function fail(io: Io, message: string): number {
  io.stderr.write(`mendunia: ${message}\n`);
  return 2;
}
