/**
 * `mendunia serve [folder]`: serves a folder over http://localhost, so a shop page that fetches
 * catalog.json, rates and locales/ works on the merchant's own computer (a page opened as
 * file:// cannot fetch). No dependencies. The repository's scripts/serve.mjs (the demo) uses the
 * same file resolution.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from './errors.js';
import type { Io } from './main.js';

/** Content types of the files a shop serves. */
export const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.xml': 'application/xml; charset=utf-8',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL path names under `mounts` (URL prefix → folder; the longest prefix wins), a
 * folder's index.html, or undefined. Never a file outside the mounted folder (no ../ escapes).
 */
export function resolveFile(mounts: Readonly<Record<string, string>>, pathname: string): { file: string; size: number } | undefined {
  const prefix = Object.keys(mounts)
    .sort((a, b) => b.length - a.length)
    .find((p) => pathname.startsWith(p));
  if (!prefix) return undefined;
  const base = resolve(mounts[prefix] as string);
  let file: string;
  try {
    file = resolve(base, normalize(decodeURIComponent(pathname.slice(prefix.length))));
  } catch {
    return undefined; // a malformed %-escape
  }
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return resolveFile({ [pathname.replace(/\/?$/, '/')]: file }, pathname.replace(/\/?$/, '/') + 'index.html');
    return { file, size: stat.size };
  } catch {
    return undefined;
  }
}

/**
 * A request handler that serves the files under `mounts` (GET and HEAD; 404, 405, 400 otherwise),
 * with `headers` added to each. `rewrite(file)` may return the text to send instead of a file's
 * content (the repository's demo server dates its sample rates that way), or undefined.
 */
export function fileHandler({
  mounts,
  headers = {},
  rewrite,
}: {
  mounts: Readonly<Record<string, string>>;
  headers?: Record<string, string>;
  rewrite?: (file: string) => string | undefined;
}): RequestListener {
  return (req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const found = resolveFile(mounts, pathname);
    if (!found || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(found ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(found ? 'Method not allowed' : 'Not found');
      return;
    }
    const common = {
      'content-type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
    };
    const text = rewrite?.(found.file);
    if (text !== undefined) {
      res.writeHead(200, common);
      res.end(req.method === 'HEAD' ? undefined : text);
      return;
    }
    res.writeHead(200, { ...common, 'content-length': found.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  };
}

/**
 * A static file server for `folder`; resolves once listening. Port 0 picks a free port.
 */
export function serveFolder({ folder, port = 8080, host = '127.0.0.1' }: { folder: string; port?: number; host?: string }): Promise<Server> {
  const server = createServer(fileHandler({ mounts: { '/': folder } }));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

export const SERVE_HELP = `Usage: mendunia serve [folder] [options]

Serves a folder (default: the current one) at http://localhost:8080, so that a shop page can
load its catalog, rates and language files. For trying a shop on your own computer; use a real
web server for the live shop.

Options:
  --port <n>    the port (default: $PORT, else 8080; 0 picks a free one)
  --host <h>    the address to listen on (default 127.0.0.1, this computer only)
  -h, --help    this help
`;

/**
 * `mendunia serve`: resolves with 0 once stopped by Ctrl+C (SIGINT) or SIGTERM.
 */
export async function runServe(argv: readonly string[], io: Pick<Io, 'stdout'>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  if (parsed.values.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) throw new InputError(`serve takes one folder, got ${parsed.positionals.length}`);
  const folder = resolve(parsed.positionals[0] ?? '.');
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new InputError(`${folder} is not a folder`);
  const portText = parsed.values.port ?? process.env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new InputError(`--port ${portText}: expected a port number, e.g. 8080`);
  const host = parsed.values.host ?? '127.0.0.1';
  let server;
  try {
    server = await serveFolder({ folder, port, host });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new InputError(`port ${port} is in use: pick another with --port`);
    throw error;
  }
  const address = server.address() as AddressInfo;
  io.stdout.write(`Serving ${folder} at http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}/  (Ctrl+C to stop)\n`);
  await new Promise<void>((resolveClosed) => {
    const stop = () => {
      server.close(() => resolveClosed());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
