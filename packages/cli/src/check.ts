/**
 * `mendunia check`: a shop's catalog, checkout settings and exchange rates checked before they are
 * uploaded, by core's checkShopFiles (the same validation the browser and the server run), every
 * problem printed with its file and field.
 */
import { parseArgs } from 'node:util';
import { checkShopFiles, type ShopCheckReport, type ShopFileInput, type ShopFileIssue, type ShopFileKind, type ShopFileReport } from '@mendunia/core/node/index.js';
import { InputError } from './errors.js';
import type { Io } from './main.js';
import { usageMessage } from './quote/options.js';

export const CHECK_HELP = `Usage: mendunia check <file|url>... [options]

Checks a shop's data files before they go online, with the same rules the shop page and the
server apply: the catalog (catalog.json), the checkout settings (checkout.json) and the
exchange rates (the rates JSON or the ECB eurofxref XML). Which file is which is told from its
content, then its name; name it with an option when neither says.

Options:
  --catalog <file|url>   a file to check as the catalog
  --checkout <file|url>  a file to check as the checkout settings
  --rates <file|url>     a file to check as the exchange rates
  --json                 print the "mendunia.check/1" JSON (docs/cli.md) instead of text
  -h, --help             this help

Exit codes: 0 every file is valid (warnings may be printed), 1 a file has a problem,
2 bad usage (no file, an unknown option).

Example:
  mendunia check examples/plain-html/catalog.json examples/plain-html/checkout.json \\
    examples/plain-html/rates/eurofxref-daily.xml
`;

export const CHECK_FORMAT = 'mendunia.check/1';

const KIND_NAMES: Readonly<Record<ShopFileKind, string>> = { catalog: 'catalog', checkout: 'checkout settings', rates: 'exchange rates' };

/** `mendunia check` with the arguments after "check"; resolves with the exit code. */
export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        catalog: { type: 'string', multiple: true },
        checkout: { type: 'string', multiple: true },
        rates: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new InputError(usageMessage(error, 'check'));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return 0;
  }
  const inputs: ShopFileInput[] = [
    ...positionals.map((location) => ({ location })),
    ...(['catalog', 'checkout', 'rates'] as const).flatMap((kind) => (values[kind] ?? []).map((location) => ({ location, kind }))),
  ];
  if (inputs.length === 0) throw new InputError('no file to check: give the catalog, checkout and rates files (see mendunia check --help)');
  for (const input of inputs) {
    if (input.location.trim() === '') throw new InputError(`${input.kind ? `--${input.kind}` : 'a file name'} is empty`);
  }

  const report = await checkShopFiles(inputs);
  if (values.json) {
    io.stdout.write(`${jsonForTerminal({ format: CHECK_FORMAT, ...report })}\n`);
    return report.valid ? 0 : 1;
  }
  for (const file of report.files) io.stdout.write(fileText(file));
  if (report.valid) {
    io.stdout.write(`${summaryText(report)}\n`);
    return 0;
  }
  const invalid = report.files.filter((f) => !f.valid).length;
  io.stderr.write(`mendunia: ${invalid} of ${report.files.length} file${report.files.length === 1 ? '' : 's'} ${invalid === 1 ? 'has' : 'have'} problems\n`);
  return 1;
}

/** One heading line per file, then one line per problem: `  error   products[3].price: expected integer IDR`. */
function fileText(file: ShopFileReport): string {
  const what = file.kind ? ` (${KIND_NAMES[file.kind]})` : '';
  const errors = file.issues.filter((i) => i.severity === 'error').length;
  const warnings = file.issues.length - errors;
  const counts = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
  const state = file.valid ? `ok${file.summary ? `, ${fileSummary(file)}` : ''}` : 'invalid';
  const lines = [`${printable(file.file)}${what}: ${state}${counts ? ` (${counts})` : ''}`];
  for (const found of file.issues) lines.push(`  ${issueText(found)}`);
  return `${lines.join('\n')}\n`;
}

/** The same words as core's formatIssues (the quote's catalog warnings), for any of the files. */
function issueText(found: ShopFileIssue): string {
  const level = found.severity === 'warning' ? 'warning' : 'error  ';
  const product = found.productId === undefined ? '' : ` (product "${found.productId}")`;
  const where = found.path === '' ? '' : `${found.path}: `;
  return printable(`${level} ${where}${found.message}${product}`);
}

function fileSummary(file: ShopFileReport): string {
  const s = file.summary ?? {};
  if (file.kind === 'catalog') return plural(s.products ?? 0, 'product');
  if (file.kind === 'checkout') return `${plural(s.destinations ?? 0, 'destination')}, ${plural(s.services ?? 0, 'shipping service')}`;
  return `${plural(s.currencies ?? 0, 'currency', 'currencies')}${s.date ? `, dated ${s.date}` : ''}`;
}

/** "All 3 files are valid: 12 products, 31 currencies, 14 destinations." (what was checked). */
function summaryText(report: ShopCheckReport): string {
  const s = report.summary;
  const parts = [
    s.products !== undefined && plural(s.products, 'product'),
    s.currencies !== undefined && plural(s.currencies, 'currency', 'currencies'),
    s.destinations !== undefined && plural(s.destinations, 'destination'),
  ].filter(Boolean);
  const n = report.files.length;
  return `${n === 1 ? 'The file is valid' : `All ${n} files are valid`}: ${parts.join(', ')}.`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/* eslint-disable no-control-regex -- control characters are what these look for */
/** C0 (but tab) and C1 controls, DEL, and the bidi controls that reorder what follows. */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw of those (it escapes C0 itself). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from a file made safe for the terminal, and visible: a control or bidi character in a
 * product id, a file name or a message is shown as \uXXXX (where the mistake is), never sent to the
 * terminal, where it could clear the screen or turn a line around.
 */
export const printable = (text: string): string => text.replace(UNPRINTABLE, escape);

/** JSON with the same characters escaped (JSON.stringify escapes C0 only). */
const jsonForTerminal = (value: unknown): string => JSON.stringify(value, null, 2).replace(RAW_IN_JSON, escape);
