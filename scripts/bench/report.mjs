// Turns bench results into markdown tables (printed, and written into docs/benchmarks.md between
// markers so the hand-written prose around them survives each run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { KB } from './sizes.mjs';

/** The targets of issue 16 ("a lean, fast embed"); sizes are gzip, 1 KB = 1,000 bytes. */
export const TARGETS = {
  initialGzip: 35 * KB,
  checkoutGzip: 59 * KB,
  switchMs: 16,
  switchLayoutMs: 20,
  usableMs: 150,
  visibleMs: 250,
  cls: 0,
  gridLongTaskMs: 50,
  gridFirstCardMs: 300,
};

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function environmentTable(env) {
  return table(
    ['Date', 'CPU', 'Cores', 'Memory', 'Load average at start (1 min)', 'Node', 'Chromium'],
    [[env.date, env.cpu, String(env.cores), `${(env.memoryBytes / 2 ** 30).toFixed(1)} GiB`, env.loadAverage.toFixed(2), env.node, env.chromium]],
  );
}

export function sizeTable(sizes, downloads) {
  const bb = sizes.buyButton;
  const vsBb = (m, key) => (bb ? ratio(m[key], bb[key]) : 'n/a');
  const row = (name, m) => [name, kb(m.raw), kb(m.gzip), kb(m.brotli), vsBb(m, 'gzip'), vsBb(m, 'brotli')];
  const files = (list, most = 6) =>
    list.slice(0, most).map((f) => `\`${f.file.replace(/^\/dist\//, '')}\``).join(', ') + (list.length > most ? ` and ${list.length - most} more` : '');
  const count = (list) => `${list.length} file${list.length === 1 ? '' : 's'}`;
  const rows = [];
  if (downloads) {
    rows.push(row(`Demo store, downloaded until idle, no interaction (${count(downloads.initial.files)}: ${files(downloads.initial.files)})`, downloads.initial.total));
    rows.push(row(`… and a buyer who picks ${downloads.locale} and checks out to ${downloads.country}, everything downloaded (${count(downloads.checkout.files)}: ${files(downloads.checkout.files)})`, downloads.checkout.total));
  }
  const { embed } = sizes;
  rows.push(row('File `mendunia.js` as built', embed.initial));
  for (const c of embed.chunks) rows.push(row(`File \`${c.file.split('/').pop()}\` as built`, c));
  for (const e of sizes.entries) {
    const label = e.page ? `ESM: ${e.name}` : `ESM: \`${e.name}\` entry + dependencies`;
    rows.push(row(`${label}, initial (${e.initialChunks} of ${e.chunks} chunks)`, e));
    if (e.chunks > e.initialChunks) rows.push(row(`${label}, with its ${e.chunks - e.initialChunks} lazy chunks`, e.all));
  }
  if (bb) rows.push(row(`Shopify Buy Button ${bb.version} \`buybutton.min.js\` (baseline)`, bb));
  return table(['What', 'Minified', 'gzip -9', 'brotli q11', 'gzip: ours / Buy Button', 'brotli: ours / Buy Button'], rows);
}

export function runtimeTable(browser) {
  const { demo, cards, grid } = browser;
  const sw = cards.currencySwitch;
  const fr = cards.firstRender;
  const runs = (first) => sw.runs.filter((r) => r.first === first).map((r) => `${r.code} ${ms(r.litMs)} / ${ms(r.layoutMs)}`).join(', ');
  return table(
    ['Measure (headless Chromium)', 'Result', 'Detail'],
    [
      ['Demo store: first product card rendered (navigation start → title in the first card, median of 5)', ms(demo.firstCardMs), `runs ${demo.firstCardRuns.map((v) => Math.round(v)).join(', ')} ms; load event ${ms(demo.loadMs)}`],
      ['1,000 cards: inline catalog parsed and rates ready', ms(cards.setupMs), 'creating the `<mendunia-store>` to both stores ready'],
      ['1,000 cards: every card usable (append → first frame in which all show title, price and add button)', ms(fr.usableMs), `${fr.rendered} of ${cards.cards} cards show their title`],
      ['1,000 cards: visible cards complete (append → first frame in which every card in the viewport is usable and its image decoded)', ms(fr.visibleMs), ''],
      ['1,000 cards: element updates (append → every `updateComplete`) / incl. style and layout', `${ms(fr.litMs)} / ${ms(fr.layoutMs)}`, `${fr.longTasks} long task(s), ${ms(fr.longTaskMs)}; CLS ${fr.cls.toFixed(4)} from append to 0.5 s after all usable`],
      [`Currency switch, first to a new currency (median of ${sw.first.count}): element updates / incl. layout`, `${ms(sw.first.medianLitMs)} / ${ms(sw.first.medianLayoutMs)}`, runs(true)],
      [`Currency switch, repeated (median of ${sw.repeated.count}): element updates / incl. layout`, `${ms(sw.repeated.medianLitMs)} / ${ms(sw.repeated.medianLayoutMs)}`, runs(false)],
      [`Long tasks during the ${sw.runs.length} switches`, String(sw.longTasks), `${sw.switchesWithLongTask} of ${sw.runs.length} switches had one; ${ms(sw.longTaskMs)} in total`],
      [`${grid.products.toLocaleString('en')}-product \`<mendunia-product-grid>\`: first card / longest task`, `${ms(grid.firstCardMs)} / ${ms(grid.longestTaskMs)}`, `${grid.longTasks} long task(s) until 1 s quiet; ${grid.cardsInGrid} cards in the grid`],
      ['CLS, demo store while catalog, rates and images arrive late (load + 2 s)', demo.cls.toFixed(4), demo.clsRuns.map((r) => `${r.name}: ${r.cls.toFixed(4)} (first card at ${ms(r.firstCardMs)})`).join('; ') + '; catalog +300 ms, rates +700 ms, images +1 s'],
      ['JS heap after 1,000 cards (after GC)', mb(cards.heap.afterCards), `${mb(cards.heap.beforeCards)} before the cards; ${(cards.heap.perCard / KB).toFixed(1)} KB per card`],
    ],
  );
}

/** PASS, or the ratio measured / limit with MISS: every target in one run, none left out. */
export function verdict(value, limit) {
  if (value <= limit) return 'PASS';
  return limit === 0 ? 'MISS (target is 0)' : `MISS ${ratio(value, limit)}`;
}

/** Each target with its ratio and PASS/MISS; nothing is left out because it missed. */
export function targets(sizes, browser) {
  const { downloads, cards, grid, demo } = browser;
  const sw = cards.currencySwitch;
  const page = sizes.entries.find((e) => e.page);
  const bb = sizes.buyButton;
  const row = (target, value, limit, format) => ({
    target,
    measured: format(value),
    limit: format(limit),
    ratio: limit === 0 ? (value === 0 ? '—' : '∞') : ratio(value, limit),
    result: verdict(value, limit),
  });
  const cls = Math.max(demo.cls, cards.firstRender.cls);
  return [
    row('Initial download: demo store until idle, no interaction (gzip)', downloads.initial.total.gzip, TARGETS.initialGzip, kb),
    row(`Everything a buyer downloads to check out to one country, incl. the locale file and that country's data (gzip; Buy Button ${bb ? kb(bb.gzip) : 'n/a'})`, downloads.checkout.total.gzip, TARGETS.checkoutGzip, kb),
    row('ESM: initial chunks of a page using card + cart, bundled with dynamic imports split (gzip)', page.gzip, TARGETS.initialGzip, kb),
    row('Re-price 1,000 cards, first switch to a new currency: element updates (median)', sw.first.medianLitMs, TARGETS.switchMs, ms),
    row('… with style and layout', sw.first.medianLayoutMs, TARGETS.switchLayoutMs, ms),
    row('Re-price 1,000 cards, repeated switches: element updates (median)', sw.repeated.medianLitMs, TARGETS.switchMs, ms),
    row('… with style and layout', sw.repeated.medianLayoutMs, TARGETS.switchLayoutMs, ms),
    row('1,000 cards: all cards usable', cards.firstRender.usableMs, TARGETS.usableMs, ms),
    row('1,000 cards: visible cards complete', cards.firstRender.visibleMs, TARGETS.visibleMs, ms),
    row('CLS: 1,000 cards rendering, and the demo store with late catalog, rates and images (worst)', cls, TARGETS.cls, (v) => v.toFixed(4)),
    row(`${grid.products.toLocaleString('en')}-product grid: longest task`, grid.longestTaskMs, TARGETS.gridLongTaskMs, ms),
    row(`${grid.products.toLocaleString('en')}-product grid: first card`, grid.firstCardMs, TARGETS.gridFirstCardMs, ms),
  ];
}

export function targetTable(list) {
  return table(['Target', 'Measured', 'Limit', 'Measured / limit', 'Result'], list.map((t) => [t.target, t.measured, t.limit, t.ratio, `**${t.result}**`]));
}

/** The profile of the switches' element updates by source, then its hottest functions. */
export function profileTable(profile, top = 12) {
  const groups = table(['Where (self time)', 'ms', '% of busy time'], profile.groups.slice(0, top).map((g) => [g.group, g.ms.toFixed(1), `${g.percent.toFixed(1)} %`]));
  const functions = table(['Function', 'ms', '% of busy time'], profile.functions.slice(0, top).map((f) => [`\`${f.fn}\``, f.ms.toFixed(1), `${f.percent.toFixed(1)} %`]));
  return `${groups}\n\n${functions}`;
}

export function breakdownTable(breakdown, top = 10) {
  const rows = breakdown.groups.slice(0, top).map((g, i) => [
    String(i + 1),
    g.group,
    kb(g.bytes),
    `${g.percent.toFixed(1)} %`,
    kb(g.gzipSaved),
    kb(g.gzipAlone),
    g.files.slice(0, 2).map((f) => `\`${f.file.split('/').slice(-2).join('/')}\` ${kb(f.bytes)}`).join(', '),
  ]);
  const rest = breakdown.groups.slice(top);
  const restBytes = rest.reduce((s, g) => s + g.bytes, 0);
  rows.push(['', `${rest.length} smaller groups`, kb(restBytes), `${((100 * restBytes) / breakdown.total).toFixed(1)} %`, '', '', '']);
  rows.push(['', '**Total**', `**${kb(breakdown.total)}**`, '100 %', `${kb(breakdown.gzipTotal)} gzip in all`, '', '']);
  return table(['#', 'Source (package, or our package and folder)', 'Minified', 'Share', 'gzip saved without it', 'gzip on its own', 'Largest files'], rows);
}

const START = (name) => `<!-- bench:${name}:start — generated by npm run bench; edits inside are overwritten -->`;
const END = (name) => `<!-- bench:${name}:end -->`;

/** Replaces each generated section of the doc, or appends it when the doc has no markers yet. */
export function writeSections(path, sections, skeleton) {
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : skeleton;
  for (const [name, body] of Object.entries(sections)) {
    const block = `${START(name)}\n${body.trim()}\n${END(name)}`;
    const from = doc.indexOf(`<!-- bench:${name}:start`);
    const to = doc.indexOf(END(name));
    doc = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + END(name).length) : `${doc.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(path, doc);
}
