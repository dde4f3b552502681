// Builds every package: ESM with .d.ts per package (dependencies external, one output
// module per source module so bundlers can tree-shake and subpaths can be imported), and the
// script-tag bundle (IIFE, everything inlined, minified) for shops that paste a <script>.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';

const root = fileURLToPath(new URL('.', import.meta.url));

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

export default [
  esm('core'),
  esm('i18n'),
  esm('elements'),
  {
    input: 'packages/embed/src/index.ts',
    output: {
      file: 'packages/embed/dist/mendunia.js',
      format: 'iife',
      sourcemap: true,
      plugins: [terser({ ecma: 2020, module: false, format: { comments: false } })],
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['source', 'production', 'browser'] }),
      json({ preferConst: true, compact: true }),
      typescript({
        // Compiles every package's sources into one bundle (resolved through the `source` condition).
        tsconfig: 'packages/embed/tsconfig.bundle.json',
        filterRoot: root,
        include: ['packages/*/src/**/*.ts'],
        exclude: ['**/*.test.ts'],
        noEmitOnError: true,
      }),
    ],
  },
];
