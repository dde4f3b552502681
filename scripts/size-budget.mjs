// `npm run size`: fails when a built file is bigger than its budget in size-budget.json, and asks
// for the budget to be lowered when a file has shrunk by more than 2 % (a ratchet: bytes won back
// stay won).
//
//   { "packages/embed/dist/mendunia.js": { "gzip": 43000, "brotli": 38200 } }
//
// A key whose file name holds `*` budgets the sum of the matching files (each compressed on its
// own), for chunks whose names carry a content hash: "packages/embed/dist/chunks/*.js".
//
// Budgets are bytes; a file may have "raw", "gzip" (level 9) and "brotli" (quality 11) budgets.
// Sizes are reported in KB of 1,000 bytes, as `npm run bench` and browsers' devtools count them.
// An optional argument names another budget file (used to check that this script fails).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A file that shrank by more than this share of its budget should have its budget lowered. */
export const RATCHET = 0.02;

const measure = {
  raw: (buf) => buf.length,
  gzip: (buf) => gzipSync(buf, { level: 9 }).length,
  brotli: (buf) =>
    brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
};

const kb = (bytes) => `${(bytes / 1000).toFixed(1).replace(/\.0$/, '')} KB`;

/** The budget to propose for a file measured at `size`: 0.5 % above it, rounded up to 100 bytes. */
export const proposedBudget = (size) => Math.ceil((size * 1.005) / 100) * 100;

/**
 * 'over' when `size` is past the budget, 'shrank' when it is more than 2 % under (lower the
 * budget to `proposed`), else 'ok'.
 */
export function judge(size, budget) {
  if (size > budget) return { status: 'over', headroom: budget - size };
  // Only when the proposal is a real cut (rounding up can reach the budget on a small file).
  if (size < budget * (1 - RATCHET) && proposedBudget(size) < budget) return { status: 'shrank', headroom: budget - size, proposed: proposedBudget(size) };
  return { status: 'ok', headroom: budget - size };
}

/**
 * The files a budget key names: one path, or a pattern whose last part has `*` (any characters
 * but `/`), e.g. `packages/embed/dist/chunks/*.js` for chunks whose names carry a hash.
 */
export function matchingFiles(key, base = root) {
  if (!key.includes('*')) return existsSync(join(base, key)) ? [join(base, key)] : [];
  const dir = join(base, dirname(key));
  if (dirname(key).includes('*')) throw new Error(`size budget: only the file name may hold a *, not the folder (${key})`);
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${basename(key).split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

function main() {
  const budgetFile = resolve(process.argv[2] ?? join(root, 'size-budget.json'));
  let budgets;
  try {
    budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
  } catch (e) {
    console.error(`size budget: cannot read ${budgetFile}: ${e.message}`);
    process.exit(2);
  }

  const failures = [];
  const lines = [];
  const shrank = [];
  for (const [file, limits] of Object.entries(budgets)) {
    if (file.startsWith('$')) continue; // "$comment" and the like
    const paths = matchingFiles(file);
    if (!paths.length) {
      failures.push(`${file} ${file.includes('*') ? 'matches no file' : 'does not exist'}: run \`npm run build\` before \`npm run size\`.`);
      continue;
    }
    const bufs = paths.map((path) => readFileSync(path));
    for (const [kind, budget] of Object.entries(limits)) {
      if (!measure[kind]) {
        failures.push(`${file}: unknown budget kind "${kind}" in ${basename(budgetFile)} (use raw, gzip or brotli).`);
        continue;
      }
      if (!Number.isInteger(budget) || budget <= 0) {
        failures.push(`${file}: the ${kind} budget must be a positive whole number of bytes, got ${JSON.stringify(budget)}.`);
        continue;
      }
      // Several files (a pattern) are each compressed on their own, as a browser fetches them.
      const size = bufs.reduce((total, buf) => total + measure[kind](buf), 0);
      const name = file.includes('*') ? `${basename(file)} (${paths.length} files)` : basename(file);
      const verdict = judge(size, budget);
      if (verdict.status === 'over') {
        failures.push(`${name} is ${kb(size)} ${kind}, over its budget of ${kb(budget)} by ${kb(size - budget)} (${size} > ${budget} bytes, ${file}).`);
      } else {
        const { headroom } = verdict;
        lines.push(`ok  ${name.padEnd(16)} ${kind.padEnd(6)} ${kb(size).padStart(9)} of ${kb(budget).padStart(9)}  headroom ${kb(headroom)} (${((100 * headroom) / budget).toFixed(1)} %)`);
        if (verdict.status === 'shrank') {
          shrank.push(`${name} ${kind} is ${kb(size)}, ${((100 * headroom) / budget).toFixed(1)} % under its budget of ${kb(budget)}: lower "${file}".${kind} in ${basename(budgetFile)} from ${budget} to ${verdict.proposed} so the bytes won stay won.`);
        }
      }
    }
  }

  for (const line of lines) console.log(line);
  for (const hint of shrank) console.log(`lower ${hint}`);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL ${f}`);
    console.error(
      `\nSize budget exceeded. Make the bundle smaller (see "What the initial download is made of" in docs/benchmarks.md), ` +
        `or, if the growth is worth it, raise the budget in size-budget.json in the same change and say why.`,
    );
    process.exit(1);
  }
}
