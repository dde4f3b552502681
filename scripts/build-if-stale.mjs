// Runs `npm run build` only when the build is out of date, so `npm start`, the examples,
// `npm run docs` and `npm run bench` start in seconds right after `npm install` (whose `prepare`
// built everything). Up to date means: every output below exists, and the fingerprint of the
// build's inputs (path, size and mtime of every source and config file) equals the one stamped
// by the last successful build. A fingerprint, not "newest mtime": it also notices deleted files.
//
//   node scripts/build-if-stale.mjs           build if needed
//   node scripts/build-if-stale.mjs --begin   note the inputs as the build starts (start of `npm run build`)
//   node scripts/build-if-stale.mjs --stamp   record the inputs noted by --begin as built (its end)
//   node scripts/build-if-stale.mjs --check   exit 1 when a build is needed, without building
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'node_modules/.cache/mendunia/build-stamp');
// The fingerprint taken when the build started: a file saved during a build may have been read
// before the change, so the stamp must not claim it.
const pendingFile = `${stampFile}.pending`;

/** Packages built by rollup (their src/ is an input, their dist/ an output). */
const BUILT = ['core', 'i18n', 'elements', 'embed', 'react', 'admin', 'cli', 'server'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.base.json', 'tsconfig.json', 'scripts/build-if-stale.mjs', 'scripts/react-wrappers.mjs'];
const OUTPUTS = [
  'packages/core/dist/index.js',
  'packages/i18n/dist/index.js',
  'packages/elements/dist/index.js',
  'packages/elements/custom-elements.json',
  'packages/react/dist/index.js',
  'packages/embed/dist/mendunia.js',
  'packages/admin/dist/admin.js',
  'packages/cli/dist/main.js',
  'packages/server/dist/index.js',
];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    // Tests are not build inputs (rollup excludes them): editing one must not cost a rebuild.
    if (stat.isDirectory()) walk(path, out);
    else if (!/\.test\.ts$/.test(name)) out.push([relative(root, path), stat.size, stat.mtimeMs]);
  }
  return out;
}

export function fingerprint() {
  const entries = [];
  for (const file of INPUT_FILES) {
    const path = join(root, file);
    if (existsSync(path)) entries.push([file, statSync(path).size, statSync(path).mtimeMs]);
  }
  for (const pkg of BUILT) {
    const dir = join(root, 'packages', pkg);
    for (const file of readdirSync(dir)) {
      if (/^(package\.json|tsconfig.*\.json)$/.test(file)) entries.push([`packages/${pkg}/${file}`, statSync(join(dir, file)).size, statSync(join(dir, file)).mtimeMs]);
    }
    walk(join(dir, 'src'), entries);
  }
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** Why a build is needed, or undefined when the outputs are up to date. */
export function staleReason() {
  const missing = OUTPUTS.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(stampFile)) return 'no record of a previous build';
  if (readFileSync(stampFile, 'utf8').trim() !== fingerprint()) return 'sources changed since the last build';
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--begin')) {
    mkdirSync(dirname(stampFile), { recursive: true });
    rmSync(stampFile, { force: true });
    writeFileSync(pendingFile, `${fingerprint()}\n`);
  } else if (process.argv.includes('--stamp')) {
    if (existsSync(pendingFile)) renameSync(pendingFile, stampFile);
  } else {
    const reason = staleReason();
    if (process.argv.includes('--check')) {
      console.log(reason ? `Build needed: ${reason}.` : 'Build is up to date.');
      process.exitCode = reason ? 1 : 0;
    } else if (reason) {
      console.log(`Building (${reason}) …`);
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
      process.exitCode = result.status ?? 1;
    } else {
      console.log('Build is up to date (npm run build forces one).');
    }
  }
}
