// Turns bench results into markdown tables (printed, and written into docs/benchmarks.md between
// markers so the hand-written prose around them survives each run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { KB } from './sizes.mjs';

export const TARGETS = {
  wholeGzip: 35 * KB,
  initialGzip: 25 * KB,
  frameMs: 16,
  cls: 0,
  serverQuoteP99Ms: 20,
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

export function sizeTable(sizes) {
  const bb = sizes.buyButton;
  const vsBb = (m, key) => (bb ? ratio(m[key], bb[key]) : 'n/a');
  const row = (name, m) => [name, kb(m.raw), kb(m.gzip), kb(m.brotli), vsBb(m, 'gzip'), vsBb(m, 'brotli')];
  const { embed } = sizes;
  const rows = [row('Script tag `mendunia.js`, initial', embed.initial)];
  if (embed.whole) rows.push(row(`Script tag with checkout chunk (+ ${embed.chunks.map((c) => `\`${c.file.split('/').pop()}\``).join(', ')})`, embed.whole));
  else rows.push(['Script tag with checkout chunk', 'n/a — checkout not built yet', '', '', '', '']);
  for (const e of sizes.entries) rows.push(row(`\`${e.name}\` ESM entry + dependencies`, e));
  if (bb) rows.push(row(`Shopify Buy Button ${bb.version} \`buybutton.min.js\` (baseline)`, bb));
  return table(['Bundle', 'Minified', 'gzip -9', 'brotli q11', 'gzip: ours / Buy Button', 'brotli: ours / Buy Button'], rows);
}

export function runtimeTable(browser) {
  const { demo, cards } = browser;
  const sw = cards.currencySwitch;
  const litRuns = sw.runs.map((r) => r.litMs);
  return table(
    ['Measure (headless Chromium)', 'Result', 'Detail'],
    [
      ['Demo store: first product card rendered (navigation start → title in the first card, median of 5)', ms(demo.firstCardMs), `runs ${demo.firstCardRuns.map((v) => Math.round(v)).join(', ')} ms; load event ${ms(demo.loadMs)}`],
      ['1,000 cards: inline catalog parsed and rates ready', ms(cards.setupMs), 'creating the `<mendunia-store>` to both stores ready'],
      ['1,000 cards: first render (append → every `updateComplete`)', ms(cards.firstRender.litMs), `${cards.firstRender.rendered} of ${cards.cards} cards show their title`],
      ['1,000 cards: first render incl. style and layout', ms(cards.firstRender.layoutMs), `next frame at ${ms(cards.firstRender.frameMs)}; ${cards.firstRender.longTasks} long task(s), ${ms(cards.firstRender.longTaskMs)}`],
      ['Currency switch, 1,000 cards re-priced (`setCurrency` → every `updateComplete`, median of 10)', ms(sw.medianLitMs), `min ${ms(Math.min(...litRuns))}, max ${ms(Math.max(...litRuns))}; every card checked against the core's price`],
      ['Currency switch incl. style and layout (median of 10)', ms(sw.medianLayoutMs), 'forced by reading `offsetHeight` after the updates'],
      ['Long tasks during the 10 switches', String(sw.longTasks), `${sw.switchesWithLongTask} of 10 switches had one; ${ms(sw.longTaskMs)} in total`],
      ['CLS, demo store while catalog, rates and images arrive late (load + 2 s)', demo.cls.toFixed(4), demo.clsRuns.map((r) => `${r.name}: ${r.cls.toFixed(4)} (first card at ${ms(r.firstCardMs)})`).join('; ') + '; catalog +300 ms, rates +700 ms, images +1 s'],
      ['JS heap after 1,000 cards (after GC)', mb(cards.heap.afterCards), `${mb(cards.heap.beforeCards)} before the cards; ${(cards.heap.perCard / KB).toFixed(1)} KB per card`],
      ['Reference server: quote p99', 'n/a — no server yet', ''],
    ],
  );
}

/** Each target with its ratio and PASS/MISS; nothing is left out because it missed. */
export function targets(sizes, browser) {
  const whole = sizes.embed.whole ?? sizes.embed.initial;
  const sw = browser.cards.currencySwitch;
  const verdict = (value, limit) => (value <= limit ? 'PASS' : 'MISS');
  return [
    {
      target: 'Whole script-tag bundle ≤ 35 KB gzip',
      measured: kb(whole.gzip) + (sizes.embed.whole ? '' : ' (no lazy chunk yet: initial = whole)'),
      limit: kb(TARGETS.wholeGzip),
      ratio: ratio(whole.gzip, TARGETS.wholeGzip),
      result: verdict(whole.gzip, TARGETS.wholeGzip),
    },
    {
      target: 'Initial script ≤ 25 KB gzip',
      measured: kb(sizes.embed.initial.gzip),
      limit: kb(TARGETS.initialGzip),
      ratio: ratio(sizes.embed.initial.gzip, TARGETS.initialGzip),
      result: verdict(sizes.embed.initial.gzip, TARGETS.initialGzip),
    },
    {
      target: '1,000 cards re-priced inside one 16 ms frame (element updates)',
      measured: ms(sw.medianLitMs),
      limit: `${TARGETS.frameMs} ms`,
      ratio: ratio(sw.medianLitMs, TARGETS.frameMs),
      result: verdict(sw.medianLitMs, TARGETS.frameMs),
    },
    {
      target: '… and with style and layout, as the frame must',
      measured: ms(sw.medianLayoutMs),
      limit: `${TARGETS.frameMs} ms`,
      ratio: ratio(sw.medianLayoutMs, TARGETS.frameMs),
      result: verdict(sw.medianLayoutMs, TARGETS.frameMs),
    },
    {
      target: 'CLS 0 on the demo store',
      measured: browser.demo.cls.toFixed(4),
      limit: '0',
      ratio: browser.demo.cls === 0 ? '—' : '∞ (target is 0)',
      result: browser.demo.cls === 0 ? 'PASS' : 'MISS',
    },
    { target: 'Server quote p99 ≤ 20 ms', measured: 'n/a — no server yet', limit: `${TARGETS.serverQuoteP99Ms} ms`, ratio: '—', result: 'n/a' },
  ];
}

export function targetTable(list) {
  return table(['Target', 'Measured', 'Limit', 'Measured / limit', 'Result'], list.map((t) => [t.target, t.measured, t.limit, t.ratio, `**${t.result}**`]));
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
