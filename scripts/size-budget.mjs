// `npm run size`: fails when a built file is bigger than its budget in size-budget.json, and asks
// for the budget to be lowered when a file has shrunk by more than 2 % (a ratchet: bytes won back
// stay won).
//
//   { "packages/embed/dist/mendunia.js": { "gzip": 43000, "brotli": 38200 } }
//
// Budgets are bytes; a file may have "raw", "gzip" (level 9) and "brotli" (quality 11) budgets.
// Sizes are reported in KB of 1,000 bytes, as `npm run bench` and browsers' devtools count them.
// An optional argument names another budget file (used to check that this script fails).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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
  if (size < budget * (1 - RATCHET)) return { status: 'shrank', headroom: budget - size, proposed: proposedBudget(size) };
  return { status: 'ok', headroom: budget - size };
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
    const path = join(root, file);
    if (!existsSync(path)) {
      failures.push(`${file} does not exist: run \`npm run build\` before \`npm run size\`.`);
      continue;
    }
    const buf = readFileSync(path);
    for (const [kind, budget] of Object.entries(limits)) {
      if (!measure[kind]) {
        failures.push(`${file}: unknown budget kind "${kind}" in ${basename(budgetFile)} (use raw, gzip or brotli).`);
        continue;
      }
      if (!Number.isInteger(budget) || budget <= 0) {
        failures.push(`${file}: the ${kind} budget must be a positive whole number of bytes, got ${JSON.stringify(budget)}.`);
        continue;
      }
      const size = measure[kind](buf);
      const name = basename(file);
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
      `\nSize budget exceeded. Make the bundle smaller (see "What the script-tag bundle is made of" in docs/benchmarks.md), ` +
        `or, if the growth is worth it, raise the budget in size-budget.json in the same change and say why.`,
    );
    process.exit(1);
  }
}
