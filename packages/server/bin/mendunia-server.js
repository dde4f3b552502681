#!/usr/bin/env node
// The `mendunia-server` command. The code is TypeScript (src/bin.ts, src/cli.ts) run from its
// build in dist/; in a clone of the repository that build (and @mendunia/core's) comes from
// `npm run build`: say so instead of printing a resolver stack trace.
try {
  await import('../dist/bin.js');
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'ERR_MODULE_NOT_FOUND' && /@mendunia[\\/](core|i18n)|packages[\\/](core|i18n|server)[\\/]dist/.test(String(error))) {
    process.stderr.write('mendunia-server: the server is not built: run `npm run build` at the repository root (npm install does it too)\n');
    process.exit(1);
  }
  throw error;
}
