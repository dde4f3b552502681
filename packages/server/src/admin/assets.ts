/**
 * The dashboard's page and files: /admin is a small HTML shell (no inline script, a strict
 * Content-Security-Policy) that loads the @mendunia/admin bundle from /admin/assets/. The bundle
 * is found through that package (`@mendunia/admin/admin.js`, a dependency of this one), or in
 * MENDUNIA_ADMIN_ASSETS; when it is not built, /admin says so with a 503 instead of a blank page.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_ENTRY = 'admin.js';

/** Headers of every dashboard page and API answer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
});

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A file name with a content hash (admin-3f9a1c2e.js): it never changes, so it is cached for a year. */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$/;

/**
 * The directory of @mendunia/admin's admin.js, as Node resolves the package from here (its
 * export `./admin.js`), or undefined when the package is not installed.
 */
export function defaultAssetsDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.resolve(`@mendunia/admin/${ADMIN_ENTRY}`)));
  } catch {
    return undefined;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page that starts the dashboard. */
export function shellHtml(shopName: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Pesanan — ${escapeHtml(shopName)}</title>
<script type="module" src="/admin/assets/${ADMIN_ENTRY}"></script>
</head>
<body>
<mendunia-admin></mendunia-admin>
<noscript>Dasbor ini memerlukan JavaScript. / This dashboard needs JavaScript.</noscript>
</body>
</html>
`;
}

/** The page when the bundle is missing. */
export function notBuiltHtml(dir: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dashboard not built</title></head>
<body>
<h1>The merchant dashboard is not built</h1>
<p>${dir ? `No ${ADMIN_ENTRY} in <code>${escapeHtml(dir)}</code>.` : 'The package @mendunia/admin is not installed.'}
Build it with <code>npm run build</code> in the Mendunia repository (or install <code>@mendunia/admin</code>),
or point <code>MENDUNIA_ADMIN_ASSETS</code> at its <code>dist/</code> directory, then reload.</p>
<p>The Storefront API itself is running: see <a href="/docs">/docs</a>.</p>
</body>
</html>
`;
}

export const isBuilt = (dir: string | undefined): dir is string => Boolean(dir && existsSync(join(dir, ADMIN_ENTRY)));

/**
 * A file of the bundle by its path under /admin/assets/, or undefined (not there, or outside the
 * directory: `..`, absolute paths, backslashes, and symbolic links leading out are refused).
 */
export async function readAsset(dir: string | undefined, path: string): Promise<{ body: Buffer, type: string, immutable: boolean } | undefined> {
  if (!dir || !path || path.includes('\\') || path.includes('\0') || path.startsWith('/')) return undefined;
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return undefined;
  const type = TYPES[extname(path).toLowerCase()];
  if (!type) return undefined;
  const root = await realpath(dir).catch(() => undefined);
  if (!root) return undefined;
  const file = await realpath(resolve(root, path)).catch(() => undefined);
  if (!file || !file.startsWith(root + sep)) return undefined;
  const info = await stat(file);
  if (!info.isFile()) return undefined;
  return { body: await readFile(file), type, immutable: HASHED.test(path) };
}
