// Builds every package: ESM with .d.ts per package (dependencies external, one output
// module per source module so bundlers can tree-shake and subpaths can be imported), and the
// script-tag bundle (IIFE, everything inlined, minified) for shops that paste a <script>.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import replace from '@rollup/plugin-replace';

const root = fileURLToPath(new URL('.', import.meta.url));
const embedVersion = JSON.parse(readFileSync(join(root, 'packages/embed/package.json'), 'utf8')).version;
/**
 * The global through which the script-tag bundle lends Lit, core, i18n and the shared element
 * pieces to its lazily loaded checkout chunk (versioned: two Mendunia versions on one page each
 * load their own chunk against their own main bundle).
 */
const SHARED_GLOBAL = `__mendunia_${embedVersion.replace(/\W/g, '_')}`;
const SHARED = {
  lit: 'lit',
  'lit/decorators.js': 'litDecorators',
  '@lit/context': 'litContext',
  '@mendunia/core': 'core',
  '@mendunia/i18n': 'i18n',
  '@mendunia/elements': 'elements',
};

/**
 * For the checkout chunk: what the main bundle already has is taken from it, not bundled
 * again. Relative imports of core's public folders and of the elements' shared/ pieces are
 * mapped to the package entry that re-exports them.
 */
function sharedWithMainBundle() {
  return {
    name: 'mendunia-shared-with-main',
    resolveId(source, importer) {
      if (Object.hasOwn(SHARED, source)) return { id: source, external: true };
      if (!importer || !source.startsWith('.')) return null;
      const path = join(dirname(importer), source).split(sep).join('/');
      // Everything the checkout takes from shared/ must be exported by packages/elements/src/index.ts.
      if (/packages\/elements\/src\/shared\/[^/]+\.js$/.test(path)) return { id: '@mendunia/elements', external: true };
      if (/packages\/core\/src\/(money|rates|catalog|cart|storage|store|client)\/index\.js$/.test(path)) return { id: '@mendunia/core', external: true };
      // Core modules whose every export is re-exported by core's index (and so lent by the main bundle).
      if (/packages\/core\/src\/(util\/(fetch|message)|limits)\.js$/.test(path)) return { id: '@mendunia/core', external: true };
      // One i18next instance for the page: the checkout adds its strings to the main bundle's.
      if (/packages\/i18n\/src\/instance\.js$/.test(path)) return { id: '@mendunia/i18n', external: true };
      return null;
    },
  };
}

// ── Locale files of the script-tag bundle (i18n) ─────────────────────────────────────────────
// en and id are bundled. Every other language is written to dist/locales/<lang>.json (its main
// and checkout strings merged) and fetched on demand from next to mendunia.js (see
// setLanguageLoader() in packages/embed/src/index.ts). The ESM build's dynamic imports of those
// strings (packages/i18n/src/lazy-locales.ts) are replaced by nothing: an IIFE cannot split.
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
      if (source === './lazy-locales.js' && importer?.split(sep).join('/').includes('packages/i18n/src/')) return NO_LAZY_LOCALES;
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
    typescript({
      tsconfig: 'packages/embed/tsconfig.bundle.json',
      filterRoot: root,
      include: ['packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts'],
      noEmitOnError: true,
    }),
  ];
}

export default [
  esm('core'),
  esm('i18n'),
  esm('elements'),
  esm('react'),
  {
    input: 'packages/embed/src/index.ts',
    output: {
      file: 'packages/embed/dist/mendunia.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
    plugins: [
      localeFiles(), // i18n: dist/locales/<lang>.json, see above
      replace({ preventAssignment: true, values: { __MENDUNIA_SHARED__: JSON.stringify(SHARED_GLOBAL) } }),
      ...scriptTagPlugins(),
    ],
  },
  {
    // The checkout, loaded by the script-tag bundle on first use (<script> from its own URL).
    input: 'packages/embed/src/checkout.ts',
    output: {
      file: 'packages/embed/dist/mendunia-checkout.js',
      format: 'iife',
      sourcemap: true,
      globals: Object.fromEntries(Object.entries(SHARED).map(([id, key]) => [id, `${SHARED_GLOBAL}.${key}`])),
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
    plugins: [
      sharedWithMainBundle(),
      ...scriptTagPlugins(),
    ],
  },
];
