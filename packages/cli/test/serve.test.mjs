// `mendunia serve`: the command docs/getting-started.md gives shop owners to try their page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/main.js';

const bin = fileURLToPath(new URL('../bin/mendunia.js', import.meta.url));
let folder = '';
/** @type {import('node:child_process').ChildProcessWithoutNullStreams | undefined} */
let child;
let base = '';

function capture() {
  const out = { stdout: '', stderr: '' };
  /** @param {'stdout' | 'stderr'} stream */
  const to = (stream) => ({ write: (/** @type {string} */ t) => (out[stream] += t) });
  return { out, io: { stdout: to('stdout'), stderr: to('stderr') } };
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'mendunia-serve-'));
  mkdirSync(join(folder, 'locales'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Shop</title>');
  writeFileSync(join(folder, 'locales', 'ja.json'), '{"cart":{}}');
  writeFileSync(join(folder, '..', 'mendunia-serve-secret.txt'), 'outside');
  const started = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: folder, stdio: 'pipe' });
  child = started;
  base = await new Promise((resolve, reject) => {
    let text = '';
    started.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /http:\/\/localhost:(\d+)\//.exec(text);
      if (m) resolve(`http://127.0.0.1:${m[1]}/`);
    });
    started.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
});

after(async () => {
  if (child && child.exitCode === null) {
    const running = child;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGINT');
    assert.equal(await exited, 0, 'Ctrl+C stops it cleanly');
  }
  rmSync(join(folder, '..', 'mendunia-serve-secret.txt'), { force: true });
  rmSync(folder, { recursive: true, force: true });
});

describe('mendunia serve', () => {
  it('serves the current folder: index.html at /, files with their content type', async () => {
    const page = await fetch(base);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<title>Shop<\/title>/);
    const json = await fetch(`${base}locales/ja.json`);
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await json.json(), { cart: {} });
  });

  it('answers 404 for a missing file and for a path outside the folder', async () => {
    assert.equal((await fetch(`${base}locales/ko.json`)).status, 404);
    assert.equal((await fetch(`${base}..%2fmendunia-serve-secret.txt`)).status, 404);
    assert.equal((await fetch(`${base}%E0%A4%A`)).status, 404);
  });

  it('refuses a folder that does not exist and a port that is not a number, with a message', async () => {
    let { out, io } = capture();
    assert.equal(await main(['serve', join(folder, 'nope')], io), 2);
    assert.match(out.stderr, /^mendunia: .*nope is not a folder\n$/);
    ({ out, io } = capture());
    assert.equal(await main(['serve', folder, '--port', 'http'], io), 2);
    assert.equal(out.stderr, 'mendunia: --port http: expected a port number, e.g. 8080\n');
    ({ out, io } = capture());
    assert.equal(await main(['help', 'serve'], io), 0);
    assert.match(out.stdout, /^Usage: mendunia serve \[folder\]/);
  });
});
