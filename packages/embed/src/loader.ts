// The script tag: `<script src=".../mendunia.js" data-catalog="catalog.json" ...>`. A small
// classic script (no module, no inline code, no eval: it works under `script-src 'self'`) that
// finds its own folder and imports the code-split ES modules beside it, in chunks/:
// - main (every page): the storefront from the tag's data-* attributes, the store, price, card
//   and cart button, the data-mendunia-add buttons, the lazy checkout;
// - one chunk per other element, imported when its tag first appears in the page (an
//   autoloader, as Shoelace's): selectors, grid; the cart drawer when the cart button is used
//   (prefetched on hover or focus), the checkout when a buyer checks out.
// The chunk names are hashed (cache them forever); this file is the only one that is not.
// Two tags of the same version share one module instance per chunk (same URLs); another version
// has its own folder and so its own chunks (elements are defined once: see defineElement()).

/** Written by rollup.config.mjs: the entry chunks and what each imports, relative to chunks/. */
declare const __MENDUNIA_CHUNKS__: ChunkManifest;

interface ChunkManifest {
  /** Entry name (`main`, `checkout`, an element's tag without `mendunia-`) → file. */
  entries: Record<string, string>;
  /** File → the files it imports statically (preloaded with it). */
  imports: Record<string, string[]>;
}

/** What main exports to this loader. */
interface MainChunk {
  init(tag: { src: string; dataset: DOMStringMap }, load: (entry: string) => Promise<unknown>): void;
}

const chunks = __MENDUNIA_CHUNKS__;
const script = document.currentScript as HTMLScriptElement | null;
const src = script?.src || document.baseURI;
const base = new URL('chunks/', src);
const dataset = script?.dataset ?? {};

const urlOf = (file: string): string => new URL(file, base).href;

/** The entries imported so far (a failed one is forgotten, so a retry fetches it again). */
const loaded = new Map<string, Promise<unknown>>();
let attempts = 0;

function load(entry: string): Promise<unknown> {
  const file = chunks.entries[entry];
  if (!file) return Promise.reject(new Error(`Mendunia: no chunk named ${entry}.`));
  let promise = loaded.get(entry);
  if (!promise) {
    // A module whose fetch failed stays failed under its URL: a retry asks under another one.
    const url = urlOf(file) + (attempts ? `?retry=${attempts}` : '');
    promise = import(/* webpackIgnore: true */ url).catch((error: unknown) => {
      loaded.delete(entry);
      attempts++;
      throw Object.assign(new Error(`Mendunia: ${nameOf(entry)} could not be loaded from ${urlOf(file)}.`), { cause: error });
    });
    loaded.set(entry, promise);
    const companion = COMPANIONS[entry];
    if (companion) void promise.then(() => load(companion), () => undefined).catch(report);
  }
  return promise;
}

/** For the console: `the checkout`, `the script`, `<mendunia-cart>`. */
function nameOf(entry: string): string {
  return entry === 'checkout' ? 'the checkout' : entry === 'main' ? 'the script' : `<${PREFIX}${entry}>`;
}

/**
 * `<link rel="modulepreload">` for an entry and everything it imports (on intent: fetched, not
 * run). Resolves when they are fetched (or failed: the import that follows reports it).
 */
const preloaded = new Map<string, Promise<unknown>>();
function preload(entry: string): Promise<unknown> {
  const queue = chunks.entries[entry] ? [chunks.entries[entry]] : [];
  for (const file of queue) {
    if (preloaded.has(file)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = urlOf(file);
    preloaded.set(file, new Promise((done) => (link.onload = link.onerror = done)));
    document.head.append(link);
    queue.push(...(chunks.imports[file] ?? []));
  }
  return Promise.all(queue.map((file) => preloaded.get(file)));
}

const PREFIX = 'mendunia-';
/** Elements whose code loads on use, not on sight (the tag sits in the page from the start). */
const ON_USE: Record<string, string> = { 'mendunia-cart': 'mendunia-cart-button' };
/**
 * Entries whose code follows another's: the cart drawer shows the import charges for the buyer's
 * country (a <mendunia-landed-cost> in its shadow root, where the autoloader does not look).
 */
const COMPANIONS: Record<string, string> = { cart: 'landed-cost' };
/** The box of a control before its code runs: as tall as its fields and buttons (elements' shared styles). */
const RESERVED = `:where(${['currency-selector', 'locale-selector', 'cart-button'].map((n) => PREFIX + n)}):not(:defined){display:inline-block;min-block-size:max(2.25rem,36px);vertical-align:middle}`;
/** Loaded by main itself, with a message while it loads and a retry (lazy-checkout.ts). */
const BY_MAIN = new Set(['mendunia-checkout']);

/** Imports the chunk of every undefined Mendunia element in `root` (and `root` itself). */
function scan(root: Element | Document, main: Promise<unknown>): Promise<unknown>[] {
  const found = root.querySelectorAll(':not(:defined)');
  const all = root instanceof Element ? [root, ...found] : found;
  const entries = new Set<string>();
  for (const el of all) {
    const tag = el.localName;
    if (!tag.startsWith(PREFIX) || customElements.get(tag) || ON_USE[tag] || BY_MAIN.has(tag)) continue;
    const entry = tag.slice(PREFIX.length);
    // Elements of main (store, price, card, cart button) have no chunk of their own.
    if (chunks.entries[entry]) entries.add(entry);
  }
  // Fetched together, then run together: the elements seen at once are defined in the same
  // frame, so one that arrives later never moves one already drawn beside it (layout shift).
  const ready = Promise.all([main, ...[...entries].map(preload)]);
  return [...entries].map((entry) => ready.then(() => load(entry)).catch(report));
}

function report(error: Error): void {
  console.error(error.message);
}

/**
 * Version-free, once per page: with several tags (same or other versions) each runs after the
 * one before it has defined its elements, as classic scripts did, so the first tag's elements
 * are the page's; only the first tag's autoloader runs (a second one would race it to define).
 */
const QUEUE = Symbol.for('mendunia.loader-queue@1');

function start(): void {
  const page = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;
  const previous = page[QUEUE];
  const main = (previous ?? Promise.resolve()).then(() => load('main')).then((m) => (m as MainChunk).init({ src, dataset }, load));
  main.catch(report);
  if (previous) {
    page[QUEUE] = main.catch(() => undefined);
    return;
  }
  page[QUEUE] = Promise.allSettled([main, ...scan(document, main)]);
  // A tag already held by another script (a theme's own <mendunia-cart>): load its chunk now,
  // so the console says at once which tag is taken and by what (defineElement()).
  for (const tag of Object.keys(ON_USE)) {
    if (customElements.get(tag)) void main.then(() => load(tag.slice(PREFIX.length))).catch(report);
  }
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node, main);
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Until its code runs, an element loaded on use shows nothing (not the text slotted into it),
  // and a control takes the room it will have (its code arrives after the page's first paint:
  // without this, the line it sits on grows when it does, and moves what is below).
  // An adopted stylesheet, not a <style> element: it works under a strict CSP. `:where()` leaves
  // the page's own rules for these tags stronger.
  if ('adoptedStyleSheets' in document) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(Object.keys(ON_USE).map((tag) => `${tag}:not(:defined){display:none}`).join('') + RESERVED);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  // The cart drawer: prefetched on intent, run on use.
  for (const [tag, trigger] of Object.entries(ON_USE)) {
    const entry = tag.slice(PREFIX.length);
    const on = (event: Event): boolean => event.composedPath().some((n) => (n as Element).localName === trigger);
    const intent = (event: Event) => on(event) && preload(entry);
    for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, intent, { capture: true, passive: true });
    document.addEventListener('click', (event) => on(event) && void main.then(() => load(entry)).catch(report), { capture: true });
  }
}

// The first chunk and what it imports: fetched now, in parallel, while the page is parsed.
preload('main');

// A <mendunia-store> needs its children (inline catalog) parsed before it reads them.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();

export {}; // a module (its names are its own), though built as a classic script
