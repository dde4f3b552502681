// Clients that try to hold the server: slow-loris connections that send their headers a byte at a
// time, a body that never finishes. A real server process on SQLite, short deadlines so the test
// is quick; the assertions are about what happens (cut off, server still answers), not how fast.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startServer, tempDir } from './support/server.mjs';
import { getJson } from './support/shop.mjs';

/**
 * Opens a socket, writes `first` at once, then `text` one byte every `everyMs`, then nothing;
 * resolves with what the server answered when the server closes the socket (rejects after
 * `giveUpMs` with the socket still open).
 * @param {URL} url  @param {string} text  @param {number} everyMs  @param {number} giveUpMs  @param {string} [first]
 * @returns {Promise<{ answer: string, sent: number }>}
 */
function trickle(url, text, everyMs, giveUpMs, first = '') {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    if (first) socket.write(first);
    let answer = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < text.length && !socket.destroyed) socket.write(text[sent++] ?? '');
    }, everyMs);
    const giveUp = setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error(`the server kept a slow connection open for ${giveUpMs} ms (${sent} bytes sent)`));
    }, giveUpMs);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer, sent });
    });
  });
}

describe('slow and idle clients are cut off', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  const dir = tempDir();

  before(async () => {
    server = await startServer({ dataDir: dir.dir, env: { MENDUNIA_HEADERS_TIMEOUT: '1s', MENDUNIA_REQUEST_TIMEOUT: '2s', MENDUNIA_CONNECTION_TIMEOUT: '3s', MENDUNIA_KEEP_ALIVE_TIMEOUT: '1s' } });
  });
  after(async () => {
    await server?.stop();
    dir.remove();
  });

  test('slow-loris: 20 connections sending their headers byte by byte are closed with 408, and the server keeps answering', async () => {
    const url = new URL(server.url);
    // 40 header lines at one byte per 50 ms would take well over a minute to finish.
    const headers = `GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\n${Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: ${'a'.repeat(30)}\r\n`).join('')}\r\n`;
    const slow = Array.from({ length: 20 }, () => trickle(url, headers, 50, 30_000));
    // Meanwhile a normal client is served.
    const health = await getJson(`${server.url}/api/health`);
    assert.equal(health.status, 200);
    const results = await Promise.all(slow);
    for (const r of results) {
      assert.ok(r.sent < headers.length, 'cut off before the headers were complete');
      assert.match(r.answer, /^HTTP\/1\.1 408 /);
    }
    assert.equal((await getJson(`${server.url}/api/health`)).status, 200);
  });

  test('a body that never finishes is cut off', async () => {
    const url = new URL(server.url);
    const head = `POST /api/quotes HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`;
    const body = `{"lines":[${' '.repeat(59_000)}`;
    const r = await trickle(url, body, 20, 30_000, head);
    assert.ok(r.sent < body.length);
  });

  test('an idle connection that never sends anything is closed', async () => {
    const url = new URL(server.url);
    const r = await trickle(url, '', 1000, 30_000);
    assert.equal(r.sent, 0);
  });
});
