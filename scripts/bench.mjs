// `npm run bench`: sizes, runtime and bundle breakdown in one run, against the project's targets.
// Prints the tables and writes them, with the raw numbers, to benchmarks/local/ (git-ignored);
// with --write it updates the tracked docs/benchmarks.md and benchmarks/results.json instead.
// Exits non-zero only when a measurement is broken (a page did not render what it should);
// a missed target is reported as MISS, not hidden and not an error.
//
//   node scripts/bench.mjs             measure (npm run bench builds first)
//   node scripts/bench.mjs --write     measure and update docs/benchmarks.md + benchmarks/results.json
//   node scripts/bench.mjs --profile   also profile the currency switches' element updates (setCurrency →
//                                      every updateComplete; no layout, no checks) and list the hot functions
//   node scripts/bench.mjs --serve     only serve the demo and the 1,000-card fixture, for a person
//   node scripts/bench.mjs --no-server skip the Storefront API server load test (scripts/bench/server.mjs)
import os from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { measureSizes } from './bench/sizes.mjs';
import { attribute, findJsonLiterals, mergeAttributions, originalPositions } from './bench/sourcemap.mjs';
import { measureBrowser } from './bench/browser.mjs';
import { measureServer, serverTable } from './bench/server.mjs';
import {
  breakdownTable,
  environmentTable,
  profileTable,
  runtimeTable,
  sizeTable,
  targetTable,
  targets,
  writeSections,
} from './bench/report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const mounts = {
  '/dist/': join(root, 'packages/embed/dist'),
  '/bench/': join(root, 'scripts/bench'),
  '/': join(root, 'examples/plain-html'),
};

if (args.has('--serve')) {
  const server = await serve({ port: Number(process.env.PORT ?? 0), mounts });
  const base = `http://localhost:${server.address().port}/`;
  console.log(`Demo store: ${base}\n1,000-card fixture: ${base}bench/cards.html  (Ctrl+C to stop)`);
} else {
  await main();
}

/**
 * What the initial download is made of: each script the demo store downloaded before any
 * interaction (whatever the build names them) attributed through its source map, summed.
 */
function bundleBreakdown(files) {
  const localeDir = join(root, 'packages/i18n/src/locales');
  const locales = readdirSync(localeDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ label: `packages/i18n/src/locales/${f}`, data: JSON.parse(readFileSync(join(localeDir, f), 'utf8')) }));
  const parts = [];
  for (const { file } of files) {
    const path = join(root, 'packages/embed/dist', file.replace(/^\/dist\//, ''));
    if (!/\.m?js$/.test(path) || !existsSync(`${path}.map`)) continue;
    const code = readFileSync(path, 'utf8');
    parts.push(attribute(code, JSON.parse(readFileSync(`${path}.map`, 'utf8')), findJsonLiterals(code, locales)));
  }
  if (!parts.length) throw new Error('none of the initially downloaded scripts has a source map beside it in packages/embed/dist');
  return mergeAttributions(parts);
}

/** The source-map lookup for a script the profile names: any file under /dist/ with a .map beside it. */
const locators = new Map();
function locator(url) {
  const match = /\/dist\/([^?#]+\.m?js)(?:[?#].*)?$/.exec(url);
  if (!match) return undefined;
  if (!locators.has(match[1])) {
    const mapFile = join(root, 'packages/embed/dist', `${match[1]}.map`);
    locators.set(match[1], existsSync(mapFile) ? originalPositions(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
  }
  return locators.get(match[1]);
}

async function main() {
  const started = Date.now();
  const environment = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg()[0],
    node: process.version,
  };

  const sizes = await measureSizes(root);

  const server = await serve({ port: 0, mounts });
  const base = `http://127.0.0.1:${server.address().port}/`;
  let browser;
  try {
    browser = await measureBrowser({
      demoUrl: base,
      cardsUrl: `${base}bench/cards.html`,
      profile: args.has('--profile'),
      locate: (url, line, column) => locator(url)?.(line, column),
    });
  } finally {
    await new Promise((r) => server.close(r));
  }
  environment.chromium = browser.chromium;
  // The API server after the browser (both load the one machine; never at the same time).
  const api = args.has('--no-server') ? undefined : await measureServer({ log: (m) => console.error(m) });

  const breakdown = bundleBreakdown(browser.downloads.initial.files);
  const targetList = targets(sizes, browser);
  const sections = {
    environment: environmentTable(environment),
    sizes: sizeTable(sizes, browser.downloads),
    runtime: runtimeTable(browser),
    targets: targetTable(targetList),
    breakdown:
      breakdownTable(breakdown) +
      `\n\nWhitespace kept inside Lit's css and html template literals (runs of 2+ spaces or newlines): about ${(breakdown.templateWhitespace / 1000).toFixed(1)} KB of the minified bundle.`,
    ...(api ? { server: serverTable(api) } : {}),
    ...(browser.cards.profile ? { profile: profileTable(browser.cards.profile) } : {}),
  };

  // A plain run must not dirty tracked files: its results go to an ignored folder, and only
  // --write (a deliberate, reviewed update) touches the docs.
  const write = args.has('--write');
  const outDir = write ? join(root, 'benchmarks') : join(root, 'benchmarks/local');
  const docPath = write ? join(root, 'docs/benchmarks.md') : join(outDir, 'benchmarks.md');
  mkdirSync(outDir, { recursive: true });
  if (!write && existsSync(join(root, 'docs/benchmarks.md'))) copyFileSync(join(root, 'docs/benchmarks.md'), docPath);
  writeSections(docPath, sections, '# Benchmarks\n\nGenerated by `npm run bench`.\n');
  const results = {
    environment,
    sizes,
    browser,
    targets: targetList,
    ...(api ? { server: api } : {}),
    breakdown: {
      totalBytes: breakdown.total,
      templateWhitespaceBytes: breakdown.templateWhitespace,
      gzipBytes: breakdown.gzipTotal,
      groups: breakdown.groups.map(({ group, bytes, percent, gzipSaved, gzipAlone, files }) => ({ group, bytes, percent: Number(percent.toFixed(2)), gzipSaved, gzipAlone, files })),
    },
  };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n## Environment\n\n${sections.environment}`);
  console.log(`\n## Sizes\n\n${sections.sizes}`);
  console.log(`\n## Runtime\n\n${sections.runtime}`);
  console.log(`\n## Targets\n\n${sections.targets}`);
  console.log(`\n## What the initial download is made of\n\n${sections.breakdown}`);
  if (sections.server) console.log(`\n## Storefront API server\n\n${sections.server}`);
  if (browser.demo.errors.length) console.log(`\nThe demo store logged errors:\n  ${browser.demo.errors.join('\n  ')}`);
  if (browser.cards.profile) {
    console.log(`\n## Where the element updates of 6 currency switches spend their time\n\n${sections.profile}`);
    console.log('\nHot functions (self time; % of the busy time):\n');
    for (const f of browser.cards.profile.functions) console.log(`${String(f.ms.toFixed(1)).padStart(8)} ms ${String(f.percent).padStart(5)} %  ${f.fn}`);
  }
  const shown = (p) => p.slice(root.length);
  console.log(`\nWrote ${shown(docPath)} and ${shown(join(outDir, 'results.json'))} in ${((Date.now() - started) / 1000).toFixed(1)} s.${write ? '' : ' (--write updates docs/benchmarks.md and benchmarks/results.json)'}`);
}
