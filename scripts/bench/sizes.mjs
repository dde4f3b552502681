// Transfer sizes: gzip (level 9) and brotli (quality 11) of the script-tag bundle, of each ESM
// entry bundled with its dependencies the way a user's bundler would ship it, and of the
// Shopify Buy Button's prebuilt script as the baseline.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export const KB = 1000; // kB as browsers' devtools, bundlephobia and size-limit count them

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotliSize = (buf) =>
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

export function measureBuffer(buf) {
  return { raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
}

/** Sums sizes of several files each compressed on its own (as a browser fetches them). */
export function sumSizes(list) {
  return list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/**
 * An ESM entry with everything it imports (lit, i18next, valibot …), bundled as a shop's bundler
 * would: rollup + terser, Lit's production build, and dynamic imports split into chunks of their
 * own (not inlined). `initial` is the entry chunk with every chunk it imports statically (what a
 * page loads up front); `all` adds the lazily loaded chunks. `entry` is a file path or, with
 * `code`, the source of a virtual entry module (a page's imports).
 */
export async function bundledEntry(entry, { code } = {}) {
  const VIRTUAL = '\0bench-entry.js';
  const bundle = await rollup({
    input: code === undefined ? entry : VIRTUAL,
    plugins: [
      code === undefined ? undefined : { name: 'bench-entry', resolveId: (id) => (id === VIRTUAL ? id : null), load: (id) => (id === VIRTUAL ? code : null) },
      nodeResolve({ browser: true, exportConditions: ['production'] }),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED' && warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
    });
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const initialNames = new Set();
    const visit = (name) => {
      if (initialNames.has(name)) return;
      initialNames.add(name);
      for (const dep of chunks.get(name)?.imports ?? []) visit(dep);
    };
    for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
    const measure = (names) => sumSizes([...names].map((n) => measureBuffer(Buffer.from(chunks.get(n).code))));
    return { initial: measure(initialNames), all: measure(chunks.keys()), chunks: chunks.size, initialChunks: initialNames.size };
  } finally {
    await bundle.close();
  }
}

/** The imports of a page that shows product cards and a cart, as a shop would write them. */
export const CARD_CART_PAGE = ['store', 'product-card', 'cart-button', 'cart'].map((e) => `import '@mendunia/elements/${e}/define.js';`).join('\n');

export async function measureSizes(root) {
  const embedDist = join(root, 'packages/embed/dist');
  const initialFile = join(embedDist, 'mendunia.js');
  if (!existsSync(initialFile)) throw new Error(`${initialFile} is missing: run npm run build first.`);
  const initial = measureBuffer(readFileSync(initialFile));
  // Any other script in embed/dist is a lazily loaded chunk (the checkout, once it exists).
  const chunkFiles = readdirSync(embedDist).filter((f) => /\.m?js$/.test(f) && f !== 'mendunia.js').sort();
  const chunks = chunkFiles.map((f) => ({ file: `packages/embed/dist/${f}`, ...measureBuffer(readFileSync(join(embedDist, f))) }));
  const embed = {
    file: 'packages/embed/dist/mendunia.js',
    initial,
    chunks,
    whole: chunks.length ? sumSizes([initial, ...chunks]) : undefined,
  };

  const entries = [];
  for (const [name, file] of [
    ['@mendunia/core', 'packages/core/dist/index.js'],
    ['@mendunia/elements', 'packages/elements/dist/index.js'],
    ['@mendunia/i18n', 'packages/i18n/dist/index.js'],
  ]) {
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first.`);
    const { initial: first, all, chunks: count, initialChunks } = await bundledEntry(path);
    entries.push({ name, file, ...first, all, chunks: count, initialChunks });
  }
  {
    const { initial: first, all, chunks: count, initialChunks } = await bundledEntry(join(root, 'bench-page.js'), { code: CARD_CART_PAGE });
    entries.push({ name: 'page with card + cart (store, product-card, cart-button, cart define.js)', page: true, file: CARD_CART_PAGE, ...first, all, chunks: count, initialChunks });
  }

  const bbFile = 'node_modules/@shopify/buy-button-js/dist/buybutton.min.js';
  const bbPath = join(root, bbFile);
  const bbVersion = JSON.parse(readFileSync(join(root, 'node_modules/@shopify/buy-button-js/package.json'), 'utf8')).version;
  const buyButton = existsSync(bbPath) ? { file: bbFile, version: bbVersion, ...measureBuffer(readFileSync(bbPath)) } : undefined;
  return { embed, entries, buyButton };
}
