#!/usr/bin/env node
// The `mendunia` command. The code is TypeScript in src/, built to dist/ by `npm run build`;
// this shim only starts it, so tests and scripts can call dist/main.js themselves.

let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  // In a clone of the repository the command and @mendunia/core run from their builds (dist/, made
  // by `npm install` through the root "prepare" script); say so instead of a resolver stack trace.
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /@mendunia[\\/](core|i18n)|packages[\\/](cli|core|i18n)[\\/]dist|[\\/]dist[\\/]main\.js/.test(String(error))) {
    process.stderr.write('mendunia: the command is not built: run `npm run build` at the repository root (npm install does it too)\n');
    process.exit(1);
  }
  throw error;
}

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
