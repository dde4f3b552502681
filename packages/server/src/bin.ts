// The `mendunia-server` command, run by bin/mendunia-server.js from the build (dist/bin.js).
// All the work is in cli.ts so tests can call it too.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
