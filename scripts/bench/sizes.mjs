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
 * An ESM entry with everything it imports (lit, i18next, valibot …) as one minified module: what
 * a shop's bundler ships when it imports the whole entry. Lit resolves to its production build.
 */
export async function bundledEntry(file) {
  const bundle = await rollup({
    input: file,
    plugins: [nodeResolve({ browser: true, exportConditions: ['production'] })],
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED' && warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({
      format: 'es',
      inlineDynamicImports: true,
      plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
    });
    return Buffer.from(output[0].code);
  } finally {
    await bundle.close();
  }
}

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
    entries.push({ name, file, ...measureBuffer(await bundledEntry(path)) });
  }

  const bbFile = 'node_modules/@shopify/buy-button-js/dist/buybutton.min.js';
  const bbPath = join(root, bbFile);
  const bbVersion = JSON.parse(readFileSync(join(root, 'node_modules/@shopify/buy-button-js/package.json'), 'utf8')).version;
  const buyButton = existsSync(bbPath) ? { file: bbFile, version: bbVersion, ...measureBuffer(readFileSync(bbPath)) } : undefined;
  return { embed, entries, buyButton };
}
