// Runtime measurements in headless Chromium: the demo store's first product card and layout
// shift, and 1,000 cards (first render, currency switch, long tasks, heap) on a fixture page.
import { chromium } from 'playwright-core';
import { chromeArgs, chromePath } from '../chrome.mjs';
import { measureBuffer, sumSizes } from './sizes.mjs';

export const CARD_COUNT = 1000;
export const GRID_PRODUCTS = 10000;
/**
 * The currency switches, from USD (the fixture's start): each of the first four is the page's first
 * switch to that currency (no cache can have seen it); the rest rotate through all five again.
 */
export const SWITCH_SEQUENCE = ['JPY', 'SGD', 'EUR', 'MYR', 'USD', 'JPY', 'SGD', 'EUR', 'MYR', 'USD', 'JPY', 'SGD'];
export const SWITCHES = SWITCH_SEQUENCE.length;

/** Marks each switch as the first to its currency or a repeat, given the currency shown before. */
export function labelSwitches(sequence, start) {
  const seen = new Set([start]);
  return sequence.map((code) => {
    const first = !seen.has(code);
    seen.add(code);
    return { code, first };
  });
}
const DEMO_RUNS = 5;

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs in the page before any of its scripts: stamps the first frame in which the first product
 * card's shadow root shows a title, and sums layout shifts without recent input.
 */
function instrumentDemo() {
  window.__bench = { firstCard: undefined, cls: 0, shifts: [] };
  const check = () => {
    const title = document.querySelector('mendunia-product-card')?.shadowRoot?.querySelector('[part="title"]');
    if (title && title.textContent.trim()) window.__bench.firstCard = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
  const describe = (node) => {
    if (!node) return '(gone)';
    if (node.nodeType !== 1) return node.nodeName;
    const host = node.getRootNode()?.host;
    const part = node.getAttribute('part');
    const self = `${node.localName}${part ? `[part=${part}]` : node.className ? `.${String(node.className).split(' ')[0]}` : ''}`;
    return host ? `${host.localName} › ${self}` : self;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__bench.cls += e.value;
      window.__bench.shifts.push({ at: Math.round(e.startTime), value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Runs in the fixture page before its scripts: records every long task and layout shift. */
function instrumentLongTasks() {
  window.__longTasks = [];
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts.push({ start: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput });
  }).observe({ type: 'layout-shift', buffered: true });
}

function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  // A failed request is reported with its URL (Chromium's console line for it has none).
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
}

/** Delays the demo's network like a slow connection, so images and rates arrive after first paint. */
async function slowNetwork(page) {
  const delays = [[/catalog\.json$/, 300], [/\/rates\//, 700], [/\/images\/(?!logo)/, 1000]];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const delay = delays.find(([re]) => re.test(url))?.[1];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    await route.continue();
  });
}

async function demoLoad(browser, url, { viewport = { width: 1280, height: 900 }, mobile = false, slow = false, scroll = false, settleMs = 0 } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport, isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.addInitScript(instrumentDemo);
  if (slow) await slowNetwork(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.firstCard !== undefined, null, { timeout: 15000 });
  if (scroll) {
    // Scroll down the page as a reader would, so lazy images below the fold arrive in view.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 120));
      }
    });
  }
  if (settleMs) await page.waitForTimeout(settleMs);
  const result = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      firstCard: window.__bench.firstCard,
      domContentLoaded: nav?.domContentLoadedEventEnd,
      load: nav?.loadEventEnd,
      cls: window.__bench.cls,
      shifts: window.__bench.shifts,
      cards: document.querySelectorAll('mendunia-product-card').length,
    };
  });
  await context.close();
  return { ...result, errors };
}

export async function measureDemo(browser, url) {
  await demoLoad(browser, url); // warm-up: first navigation pays for process start and code caching
  const runs = [];
  for (let i = 0; i < DEMO_RUNS; i++) runs.push(await demoLoad(browser, url));
  if (runs.some((r) => r.cards < 12)) throw new Error(`the demo page rendered ${Math.min(...runs.map((r) => r.cards))} product cards, expected 12 or more`);
  // Layout shift while the catalog, rates and images arrive late, after load + 2 s.
  const clsRuns = [
    { name: 'desktop 1280×900', ...(await demoLoad(browser, url, { slow: true, settleMs: 2000 })) },
    { name: 'mobile 390×844, scrolled to the end', ...(await demoLoad(browser, url, { slow: true, settleMs: 2000, scroll: true, mobile: true, viewport: { width: 390, height: 844 } })) },
  ];
  return {
    firstCardMs: median(runs.map((r) => r.firstCard)),
    firstCardRuns: runs.map((r) => r.firstCard),
    loadMs: median(runs.map((r) => r.load)),
    cls: Math.max(...clsRuns.map((r) => r.cls)),
    clsRuns: clsRuns.map(({ name, cls, shifts, firstCard }) => ({ name, cls, shifts, firstCardMs: firstCard })),
    errors: [...new Set([...runs, ...clsRuns].flatMap((r) => r.errors))],
  };
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * Self time per function over a CDP CPU profile, largest first. `locate(url, line, column)`
 * (1-based) may name the original source of a minified position.
 */
function topFunctions(profile, limit, locate = () => undefined) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const where = f.url ? locate(f.url, f.lineNumber + 1, f.columnNumber + 1) ?? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // Percentages of the time the page was busy (idle and the profiler's own "(program)" left out).
  const total = [...self].filter(([k]) => k !== '(idle)' && k !== '(program)').reduce((a, [, b]) => a + b, 0);
  return [...self]
    .filter(([k]) => k !== '(idle)' && k !== '(program)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, ms]) => ({ fn, ms: Number(ms.toFixed(2)), percent: Number(((100 * ms) / total).toFixed(1)) }));
}

/**
 * Self time by where it was spent: our package and folder (`core money/`), a dependency
 * (`i18next`, `lit-html`), the engine's own entries (`(garbage collector)`), or "browser" for
 * native functions (DOM, style, Intl) that have no script location.
 */
export function profileGroups(functions) {
  const groups = new Map();
  for (const { fn, ms, percent } of functions) {
    const where = / (\S+:\d+(?::\d+)?)$/.exec(fn)?.[1] ?? '';
    let group;
    if (!where) group = fn.startsWith('(') ? fn : 'browser (native: DOM, Intl …)';
    else {
      const parts = where.replace(/:\d+(:\d+)?$/, '').split('/');
      if (['core', 'elements', 'i18n', 'embed'].includes(parts[0]) && parts[1] === 'src') group = `@mendunia/${parts[0]}${parts.length > 3 ? ` ${parts[2]}/` : ''}`;
      else if (parts[0].startsWith('@')) group = `${parts[0]}/${parts[1]}`;
      else group = parts.length > 1 ? parts[0] : `unmapped ${parts[0]}`;
    }
    const g = groups.get(group) ?? { group, ms: 0, percent: 0 };
    g.ms += ms;
    g.percent += percent;
    groups.set(group, g);
  }
  return [...groups.values()].sort((a, b) => b.ms - a.ms).map((g) => ({ group: g.group, ms: Number(g.ms.toFixed(1)), percent: Number(g.percent.toFixed(1)) }));
}

export async function measureCards(browser, url, { profile = false, locate } = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.addInitScript(instrumentLongTasks);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.menduniaBench !== undefined);
  const cdp = await context.newCDPSession(page);

  const setup = await page.evaluate((n) => window.menduniaBench.setup(n), CARD_COUNT);
  if (setup.currency !== 'USD') throw new Error(`fixture shows ${setup.currency} after setup, expected USD (rates not applied?)`);
  const heapBefore = await heapUsed(cdp);
  const first = await page.evaluate(() => window.menduniaBench.renderCards());
  if (first.rendered !== CARD_COUNT) throw new Error(`only ${first.rendered} of ${CARD_COUNT} product cards rendered their product's title`);
  const heapAfter = await heapUsed(cdp);

  const switches = [];
  for (const { code, first: firstToCode } of labelSwitches(SWITCH_SEQUENCE, 'USD')) {
    const s = await page.evaluate((c) => window.menduniaBench.switchCurrency(c), code);
    if (s.shown !== code) throw new Error(`after setCurrency('${code}') the store shows ${s.shown}`);
    if (s.priced !== CARD_COUNT) throw new Error(`after switching to ${code}, ${s.priced} of ${CARD_COUNT} cards show the core's price`);
    if (!(s.lit > 0)) throw new Error(`currency switch took ${s.lit} ms: the timer did not measure anything`);
    switches.push({ ...s, first: firstToCode });
  }
  await page.evaluate(() => window.menduniaBench.frame());
  await page.waitForTimeout(100); // long-task entries are delivered asynchronously
  const longTasks = await page.evaluate(() => window.__longTasks);
  const during = (s) => longTasks.filter((t) => t.start < s.end && t.start + t.duration > s.start);
  const firstRenderLongTasks = during(first);
  const heapAfterSwitches = await heapUsed(cdp);

  let profileTop;
  if (profile) {
    // Only the element-update window (setCurrency → every updateComplete): no layout, no checks.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    for (const code of SWITCH_SEQUENCE.slice(4, 10)) await page.evaluate((c) => window.menduniaBench.updatePrices(c), code);
    const { profile: p } = await cdp.send('Profiler.stop');
    profileTop = { functions: topFunctions(p, 25, locate), groups: profileGroups(topFunctions(p, Infinity, locate)) };
  }
  await context.close();
  if (errors.length) throw new Error(`the 1,000-card fixture logged errors:\n${errors.join('\n')}`);

  return {
    cards: CARD_COUNT,
    setupMs: setup.setupMs,
    firstRender: {
      usableMs: first.usableMs,
      visibleMs: first.visibleMs,
      cls: first.cls,
      litMs: first.lit,
      layoutMs: first.layout,
      frameMs: first.frame,
      rendered: first.rendered,
      longTasks: firstRenderLongTasks.length,
      longTaskMs: firstRenderLongTasks.reduce((a, t) => a + t.duration, 0),
    },
    heap: { beforeCards: heapBefore, afterCards: heapAfter, afterSwitches: heapAfterSwitches, perCard: (heapAfter - heapBefore) / CARD_COUNT },
    currencySwitch: summariseSwitches(switches, during),
    profile: profileTop,
  };
}

/** Element updates and with layout, for the first switches to a currency and for repeats apart. */
export function summariseSwitches(switches, during = () => []) {
  const part = (list) => ({
    count: list.length,
    medianLitMs: list.length ? median(list.map((s) => s.lit)) : undefined,
    medianLayoutMs: list.length ? median(list.map((s) => s.layout)) : undefined,
    maxLitMs: list.length ? Math.max(...list.map((s) => s.lit)) : undefined,
    maxLayoutMs: list.length ? Math.max(...list.map((s) => s.layout)) : undefined,
  });
  const tasks = switches.flatMap(during);
  return {
    first: part(switches.filter((s) => s.first)),
    repeated: part(switches.filter((s) => !s.first)),
    runs: switches.map(({ code, first, lit, layout }) => ({ code, first, litMs: lit, layoutMs: layout })),
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((a, t) => a + t.duration, 0),
    switchesWithLongTask: switches.filter((s) => during(s).length > 0).length,
  };
}

/** A fresh page with a <mendunia-product-grid> of 10,000 products: first card and longest task. */
export async function measureGrid(browser, url) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.addInitScript(instrumentLongTasks);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.menduniaBench !== undefined);
  const result = await page.evaluate((n) => window.menduniaBench.gridPage(n), GRID_PRODUCTS);
  await context.close();
  if (errors.length) throw new Error(`the 10,000-product grid logged errors:\n${errors.join('\n')}`);
  return result;
}

export async function measureBrowser({ demoUrl, cardsUrl, profile, locate }) {
  const executablePath = chromePath();
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH.');
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromeArgs, '--enable-precise-memory-info'] });
  try {
    const demo = await measureDemo(browser, demoUrl);
    const downloads = await measureDownloads(browser, demoUrl);
    const cards = await measureCards(browser, cardsUrl, { profile, locate });
    const grid = await measureGrid(browser, cardsUrl);
    return { chromium: browser.version(), demo, downloads, cards, grid };
  } finally {
    await browser.close();
  }
}

/** Our code and data, as the browser fetched it: scripts, and JSON or modules under /dist/. */
export function isOurDownload(url, resourceType) {
  const { pathname } = new URL(url);
  if (!pathname.startsWith('/dist/')) return false;
  return resourceType === 'script' || /\.(m?js|json)$/.test(pathname);
}

/** What the page downloaded so far, as { url → body }; the same URL counts once (cached after). */
function recordDownloads(page) {
  const bodies = new Map();
  const shop = new Map();
  const pending = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith('http') || response.status() !== 200 || bodies.has(url) || shop.has(url)) return;
    const type = response.request().resourceType();
    const ours = isOurDownload(url, type);
    if (!ours && !['script', 'fetch', 'xhr'].includes(type)) return;
    pending.push(response.body().then((body) => (ours ? bodies : shop).set(url, body), () => {}));
  });
  const snapshot = async () => {
    await Promise.all(pending);
    const files = (map) => [...map].map(([url, body]) => ({ file: new URL(url).pathname, ...measureBuffer(body) }));
    const list = files(bodies);
    return { files: list, total: sumSizes(list), shopData: files(shop) };
  };
  return { snapshot };
}

/**
 * Bytes by what the browser actually fetches (whatever the build's file names): the demo store
 * loaded until the network is idle with no interaction, then a Japanese-speaking buyer who picks
 * Japanese and checks out to Japan (their locale file and that country's data included).
 */
export async function measureDownloads(browser, url) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  const downloads = recordDownloads(page);
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('mendunia-product-card').first().locator('[part="title"]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  const initial = await downloads.snapshot();

  const co = (selector) => page.locator(`mendunia-checkout ${selector}`);
  await page.evaluate(() => document.querySelector('mendunia-store').setAttribute('locale', 'ja'));
  await page.waitForFunction(() => document.querySelector('mendunia-product-card')?.shadowRoot?.querySelector('[lang="ja"]'), null, { timeout: 15000 });
  await page.locator('mendunia-product-card[product-id="kopi-gayo-arabika"] [part="add-button"]').click();
  await page.locator('mendunia-cart-button button').click();
  await page.locator('mendunia-cart [part="checkout-button"]').click();
  await co('#f-name').fill('Sato Hanako');
  await co('#f-email').fill('hanako@example.com');
  await co('[part="next-button"]').click();
  await co('#a-country').selectOption('JP');
  await co('#a-name').fill('Sato Hanako');
  await co('#a-region').selectOption('13');
  await co('#a-addressLine1').fill('1-1 Chiyoda, Chiyoda-ku');
  await co('#a-postalCode').fill('100-0001');
  await co('#f-phone').fill('090-1234-5678');
  await co('[part="next-button"]').click();
  await co('fieldset, [part="blocked"]').first().waitFor();
  await co('[part="next-button"]').click();
  await co('[part="landed-cost"]').waitFor();
  await page.waitForLoadState('networkidle');
  const checkout = await downloads.snapshot();
  await context.close();
  const locale = checkout.files.some((f) => /\/ja\.json$/.test(f.file));
  if (errors.length) throw new Error(`the checkout walk logged errors:\n${errors.join('\n')}`);
  return { initial, checkout, localeFileFetched: locale, country: 'JP', locale: 'ja' };
}
