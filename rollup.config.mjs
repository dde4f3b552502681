// Builds every package: ESM with .d.ts per package (dependencies external, one output
// module per source module so bundlers can tree-shake and subpaths can be imported), and the
// script tag for shops that paste a <script>: a small loader and minified, code-split ES
// module chunks with everything inlined.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import replace from '@rollup/plugin-replace';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';
import { countryDataPlugin } from './packages/embed/build/country-data.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
// ── The script tag (packages/embed) ──────────────────────────────────────────────────────────
// mendunia.js is a small classic script (loader.ts) that imports native ES module chunks from
// dist/chunks/: `main` on every page, one entry per other element when it is used, and the
// shared chunks rollup splits out of them. Entry and shared chunks have hashed names; the
// loader is given their names (and what each imports, for modulepreload) by the build below,
// which runs before it (rollup -c builds the configurations of this array in order).
const EMBED_ENTRIES = {
  main: 'packages/embed/src/main.ts',
  cart: '@mendunia/elements/cart/define.js',
  checkout: '@mendunia/elements/checkout/define.js',
  'currency-selector': '@mendunia/elements/currency-selector/define.js',
  'locale-selector': '@mendunia/elements/locale-selector/define.js',
  'product-grid': '@mendunia/elements/product-grid/define.js',
  'landed-cost': '@mendunia/elements/landed-cost/define.js',
};
/** Old hashed chunks (and the former one-file checkout) must not pile up in dist/. */
function cleanEmbedDist() {
  return {
    name: 'mendunia-clean-embed-dist',
    buildStart() {
      for (const old of ['chunks', 'data', 'mendunia-checkout.js', 'mendunia-checkout.js.map']) {
        rmSync(join(root, 'packages/embed/dist', old), { recursive: true, force: true });
      }
    },
  };
}

/** Filled by the chunks build, read by the loader build: see loader.ts (ChunkManifest). */
const chunkManifest = { entries: {}, imports: {} };

function recordChunks() {
  const inChunks = (fileName) => fileName.replace(/^chunks\//, '');
  return {
    name: 'mendunia-record-chunks',
    generateBundle(_options, bundle) {
      chunkManifest.entries = {};
      chunkManifest.imports = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) chunkManifest.entries[chunk.name] = inChunks(chunk.fileName);
        if (chunk.imports.length) chunkManifest.imports[inChunks(chunk.fileName)] = chunk.imports.map(inChunks);
      }
    },
  };
}

// ── Locale files of the script-tag bundle (i18n) ─────────────────────────────────────────────
// en and id are bundled. Every other language is written to dist/locales/<lang>.json (its main
// and checkout strings merged) and fetched on demand from next to mendunia.js (see
// setLanguageLoader() in packages/embed/src/index.ts). The ESM build's dynamic imports of those
// strings (packages/i18n/src/lazy-locales.ts) are replaced by nothing: one small JSON file per
// language, not a chunk of code per language.
const LOCALES = join(root, 'packages/i18n/src/locales');
const BUNDLED_LANGUAGES = ['en', 'id'];

function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = typeof v === 'object' && typeof out[k] === 'object' ? deepMerge(out[k], v) : v;
  return out;
}

function localeFiles() {
  const NO_LAZY_LOCALES = '\0mendunia-no-lazy-locales';
  return {
    name: 'mendunia-locale-files',
    resolveId(source, importer) {
      if (source === './lazy-locales.js' && /packages\/i18n\/(src|dist)\//.test(importer?.split(sep).join('/') ?? '')) return NO_LAZY_LOCALES;
      return null;
    },
    load(id) {
      return id === NO_LAZY_LOCALES ? 'export const importLanguage = undefined;' : null;
    },
    buildStart() {
      for (const file of readdirSync(LOCALES)) {
        const lang = file.replace(/\.json$/, '');
        if (!file.endsWith('.json') || BUNDLED_LANGUAGES.includes(lang)) continue;
        const read = (path) => (this.addWatchFile(path), JSON.parse(readFileSync(path, 'utf8')));
        const strings = deepMerge(read(join(LOCALES, file)), read(join(LOCALES, 'checkout', file)));
        this.emitFile({ type: 'asset', fileName: `locales/${lang}.json`, source: JSON.stringify(strings) });
      }
    },
  };
}

/** All non-test .ts files of a package's src/, keyed by their path without extension. */
function sources(pkg) {
  const dir = join(root, 'packages', pkg, 'src');
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'test' && name !== 'fixtures') walk(p);
      }
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) {
        out[relative(dir, p).replace(/\.ts$/, '')] = p;
      }
    }
  };
  walk(dir);
  return out;
}

const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

function esm(pkg) {
  return {
    input: sources(pkg),
    external: isExternal,
    output: {
      dir: `packages/${pkg}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `packages/${pkg}/src`,
      sourcemap: true,
    },
    plugins: [
      json({ preferConst: true }),
      typescript({
        tsconfig: `packages/${pkg}/tsconfig.json`,
        filterRoot: root,
        include: [`packages/${pkg}/src/**/*.ts`],
        exclude: ['**/*.test.ts'],
        outDir: `packages/${pkg}/dist`,
        declarationDir: `packages/${pkg}/dist`,
        outputToFilesystem: true,
      }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message);
      warn(warning);
    },
  };
}

/**
 * The script-tag bundles (main and checkout chunk) compile every package's sources into one
 * file, resolved through the `source` export condition.
 */
function scriptTagPlugins() {
  return [
    nodeResolve({ browser: true, exportConditions: ['source', 'production', 'browser'] }),
    json({ preferConst: true, compact: true }),
    // Lit's html`` and css`` literals without their indentation and comments. Whitespace between
    // tags becomes one space, never nothing: "Cart" and its count stay two words, as the button's
    // name says them. CSS is only minified, never rewritten for older browsers (no targets):
    // light-dark(), nesting and logical properties stay.
    minifyTemplates({
      include: ['packages/elements/src/**/*.ts'],
      failOnError: true,
      options: { minifyOptions: { conservativeCollapse: true, minifyCSS: { minify: true } } },
    }),
    typescript({
      tsconfig: 'packages/embed/tsconfig.bundle.json',
      filterRoot: root,
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts'],
      noEmitOnError: true,
    }),
  ];
}

const scriptTag = [
  {
    // The chunks of the script tag: native ES modules, code-split.
    input: EMBED_ENTRIES,
    output: {
      dir: 'packages/embed/dist',
      format: 'es',
      entryFileNames: 'chunks/[name]-[hash].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Shared pieces under ~2 KB go into a chunk beside them: fewer requests, better gzip.
      experimentalMinChunkSize: 2000,
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: true, format: { comments: false } }), recordChunks()],
    },
    plugins: [
      cleanEmbedDist(),
      localeFiles(), // i18n: dist/locales/<lang>.json, see above
      countryDataPlugin(root), // checkout: dist/data/<version>/<CC>.json, see packages/embed/build/country-data.mjs
      ...scriptTagPlugins(),
    ],
  },
  {
    // mendunia.js, the loader: a classic script (the tag needs no type="module").
    input: 'packages/embed/src/loader.ts',
    output: {
      file: 'packages/embed/dist/mendunia.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
    plugins: [
      replace({ preventAssignment: true, values: { __MENDUNIA_CHUNKS__: () => JSON.stringify(chunkManifest) } }),
      // The loader imports nothing: compiled alone (not every package's sources, as above).
      typescript({
        tsconfig: false,
        compilerOptions: { target: 'ES2022', module: 'ESNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, sourceMap: true },
        filterRoot: root,
        include: ['packages/embed/src/loader.ts'],
        noEmitOnError: true,
      }),
    ],
  },
];

// ── The merchant dashboard (packages/admin) ──────────────────────────────────────────────────
// dist/admin.js, the one file the reference server serves at /admin/assets/admin.js: every
// package inlined (lit, i18next, core), only the dashboard's languages (id, en: no lazy
// locales), no code-splitting (one request, then the JSON API). Bundled from the packages'
// built ESM (esm() above runs first), so the sources are not compiled a third time.
const { resolveId: adminNoLazyLocales, load: adminNoLazyLocalesLoad } = localeFiles();
const adminBundle = {
  input: 'packages/admin/dist/define.js',
  output: {
    file: 'packages/admin/dist/admin.js',
    format: 'es',
    inlineDynamicImports: true,
    sourcemap: true,
    plugins: [terser({ ecma: 2020, module: true, format: { comments: false } })],
  },
  plugins: [
    { name: 'mendunia-admin-no-lazy-locales', resolveId: adminNoLazyLocales, load: adminNoLazyLocalesLoad },
    nodeResolve({ browser: true, exportConditions: ['production', 'browser'] }),
    json({ preferConst: true, compact: true }),
  ],
};

// MENDUNIA_BUILD=script-tag npx rollup -c: the script tag only (while working on packages/embed).
export default process.env.MENDUNIA_BUILD === 'script-tag' ? scriptTag : [esm('core'), esm('i18n'), esm('elements'), esm('react'), esm('cli'), esm('server'), ...scriptTag, esm('admin'), adminBundle];
