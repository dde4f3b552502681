#!/usr/bin/env node
// The `mendunia-server` command. All the work is in src/cli.mjs so tests can call it too.

let main;
try {
  ({ main } = await import('../src/cli.mjs'));
} catch (error) {
  // In a clone of the repository @mendunia/core runs from its build (dist/); say so instead of
  // printing a resolver stack trace.
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'ERR_MODULE_NOT_FOUND' && /@mendunia[\\/]core|packages[\\/]core[\\/]dist/.test(String(error))) {
    process.stderr.write('mendunia-server: @mendunia/core is not built: run `npm run build` at the repository root (npm install does it too)\n');
    process.exit(1);
  }
  throw error;
}

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
