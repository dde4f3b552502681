import { expect } from '@open-wc/testing';
import { fetchJson, fetchText, FetchError, looksLikeHtml, parseJsonText, type FetchOptions } from './fetch.js';

// Real files on the test server (the catalog's fixtures: a JSON file, an HTML page, plain text).
const fixtureUrl = (name: string) => new URL(`../catalog/fixtures/${name}`, import.meta.url).href;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function fetchFailure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(FetchError);
  return error as FetchError;
}

/** The real dev-server response with Content-Length removed, as a chunked or compressed reply has none. */
const withoutContentLength: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(response.body, { status: response.status, headers });
};

/** A server that accepts the connection and never answers: settles only on abort. */
const neverAnswers: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal;
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** A body that never ends: one chunk, then silence until aborted. */
const endlessBody: typeof fetch = async (_input, init) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason), { once: true });
      },
    }),
  );

describe('fetchText', () => {
  it('reads a file as text, with its content type, final URL and status', async () => {
    const url = fixtureUrl('not-json.txt');
    const fetched = await fetchText(url);
    expect(fetched.text).to.equal(await (await fetch(url)).text());
    expect(fetched.contentType).to.match(/^text\/plain/);
    expect(fetched.url).to.equal(url);
    expect(fetched.status).to.equal(200);
  });

  it('resolves a relative URL against the page', async () => {
    const fetched = await fetchText(new URL(fixtureUrl('valid.json')).pathname);
    expect(fetched.url).to.equal(fixtureUrl('valid.json'));
    expect(JSON.parse(fetched.text)).to.have.property('products');
  });

  it('sends the method, headers, body and Accept it is given, through the fetch it is given', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const recording: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), init });
      return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
    };
    await fetchText('https://shop.example/api/quotes', {
      fetch: recording,
      method: 'POST',
      body: '{"lines":[]}',
      accept: 'application/json',
      headers: { 'idempotency-key': 'k-1' },
    });
    expect(seen).to.have.length(1);
    expect(seen[0]!.url).to.equal('https://shop.example/api/quotes');
    expect(seen[0]!.init?.method).to.equal('POST');
    expect(seen[0]!.init?.body).to.equal('{"lines":[]}');
    expect(seen[0]!.init?.headers).to.deep.equal({ 'idempotency-key': 'k-1', accept: 'application/json' });
  });

  describe('fails with a FetchError whose code says why and whose message names the URL', () => {
    const rows: readonly (readonly [string, string, FetchOptions, string, RegExp])[] = [
      ['an HTTP error status', fixtureUrl('missing.json'), {}, 'http', /^HTTP 404$/],
      ['an unreachable server', 'http://127.0.0.1:9/catalog.json', {}, 'network', /^network error \(.+\): offline, unreachable, or blocked by CORS$/],
      ['a body over maxBytes, by its Content-Length', fixtureUrl('valid.json'), { maxBytes: 100 }, 'too-large', /^too large \(\d{4,} bytes; the limit is 100 bytes\)$/],
      ['a body over maxBytes, counted while reading', fixtureUrl('valid.json'), { maxBytes: 100, fetch: withoutContentLength }, 'too-large', /^too large \(more than 100 bytes\)$/],
      ['a server that never answers', fixtureUrl('valid.json'), { timeoutMs: 50, fetch: neverAnswers }, 'timeout', /^no answer within 0.05 s$/],
      ['a body that never ends', fixtureUrl('valid.json'), { timeoutMs: 50, fetch: endlessBody }, 'timeout', /^no answer within 0.05 s$/],
    ];
    for (const [what, url, options, code, reason] of rows) {
      it(what, async () => {
        const error = await fetchFailure(fetchText(url, options));
        expect(error.code).to.equal(code);
        expect(error.url).to.equal(url);
        expect(error.reason).to.match(reason);
        expect(error.message).to.equal(`${url}: ${error.reason}`);
      });
    }

    it('keeps the status and the limits as data', async () => {
      const notFound = await fetchFailure(fetchText(fixtureUrl('missing.json')));
      expect(notFound.status).to.equal(404);
      const large = await fetchFailure(fetchText(fixtureUrl('valid.json'), { maxBytes: 100 }));
      expect(large.maxBytes).to.equal(100);
      expect(large.size).to.be.greaterThan(100);
      const slow = await fetchFailure(fetchText(fixtureUrl('valid.json'), { timeoutMs: 30, fetch: neverAnswers }));
      expect(slow.timeoutMs).to.equal(30);
    });

    it('a URL that cannot be parsed', async () => {
      const error = await fetchFailure(fetchText('http://['));
      expect(error.code).to.equal('invalid-url');
      expect(error.message).to.equal('http://[: not a valid URL');
    });
  });

  it('accepts a body of exactly maxBytes', async () => {
    const size = (await (await fetch(fixtureUrl('valid.json'))).arrayBuffer()).byteLength;
    const exact = await fetchText(fixtureUrl('valid.json'), { maxBytes: size, fetch: withoutContentLength });
    expect(new TextEncoder().encode(exact.text).byteLength).to.equal(size);
    const over = await fetchFailure(fetchText(fixtureUrl('valid.json'), { maxBytes: size - 1, fetch: withoutContentLength }));
    expect(over.code).to.equal('too-large');
  });

  it('takes any status that acceptStatus takes, with its body', async () => {
    const fetched = await fetchText(fixtureUrl('missing.json'), { acceptStatus: () => true });
    expect(fetched.status).to.equal(404);
  });

  describe('passes cancellation through as the AbortError, not a FetchError', () => {
    it('when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(fetchText(fixtureUrl('valid.json'), { signal: controller.signal }));
      expect(error).to.not.be.instanceOf(FetchError);
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('when it is aborted while waiting, with the reason given', async () => {
      const controller = new AbortController();
      const reason = new DOMException('left the page', 'AbortError');
      const pending = fetchText(fixtureUrl('valid.json'), { signal: controller.signal, fetch: neverAnswers });
      setTimeout(() => controller.abort(reason), 10);
      expect(await rejection(pending)).to.equal(reason);
    });
  });
});

describe('fetchJson', () => {
  it('reads JSON', async () => {
    const data = (await fetchJson(fixtureUrl('valid.json'))) as { products: unknown[] };
    expect(data.products).to.have.length(4);
  });

  it('asks for JSON unless told otherwise', async () => {
    let accept: string | undefined;
    const recording: typeof fetch = async (_input, init) => {
      accept = (init?.headers as Record<string, string>)['accept'];
      return new Response('{}');
    };
    await fetchJson('https://shop.example/checkout.json', { fetch: recording });
    expect(accept).to.equal('application/json');
  });

  const refused: readonly (readonly [string, string, string, RegExp])[] = [
    ['an HTML page', fixtureUrl('html.html'), 'html', /^not JSON \(got HTML, check the URL\)$/],
    ['text that is not JSON', fixtureUrl('not-json.txt'), 'not-json', /^not JSON: Unexpected token/],
  ];
  for (const [what, url, code, reason] of refused) {
    it(`refuses ${what} with a FetchError naming the URL`, async () => {
      const error = await fetchFailure(fetchJson(url));
      expect(error.code).to.equal(code);
      expect(error.message).to.match(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
      expect(error.reason).to.match(reason);
    });
  }

  it('still fails with fetchText’s errors', async () => {
    expect((await fetchFailure(fetchJson(fixtureUrl('missing.json')))).code).to.equal('http');
  });
});

describe('parseJsonText', () => {
  it('reads JSON with a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}', 'x.json')).to.deep.equal({ a: 1 });
  });

  const refused: readonly (readonly [string, string, string, string])[] = [
    ['empty text', '', '', 'not JSON: the text is empty'],
    ['only spaces', ' \n ', '', 'not JSON: the text is empty'],
    ['an HTML page', '<!doctype html><title>404</title>', '', 'not JSON (got HTML, check the URL)'],
    ['HTML after blank lines', '\n\n  <html>', '', 'not JSON (got HTML, check the URL)'],
    ['a page served as text/html that does not look like one', 'Not found', 'text/html; charset=utf-8', 'not JSON (got HTML, check the URL)'],
  ];
  for (const [what, text, contentType, reason] of refused) {
    it(`refuses ${what}`, () => {
      let caught: unknown;
      try {
        parseJsonText(text, 'x.json', contentType);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(FetchError);
      expect((caught as FetchError).message).to.equal(`x.json: ${reason}`);
    });
  }

  it('reads JSON even when the server calls it text/html', () => {
    expect(parseJsonText('{"a":1}', 'x.json', 'text/html')).to.deep.equal({ a: 1 });
  });
});

describe('looksLikeHtml', () => {
  for (const [text, contentType, expected] of [
    ['<!DOCTYPE html><html>', '', true],
    ['  <html lang="en">', '', true],
    ['<body>', '', true],
    ['<?xml version="1.0"?><Cube/>', 'application/xml', false],
    ['{"html": "<html>"}', 'application/json', false],
    ['anything', 'text/html', true],
  ] as const) {
    it(`${JSON.stringify(text)} (${contentType || 'no type'}) → ${expected}`, () => {
      expect(looksLikeHtml(text, contentType)).to.equal(expected);
    });
  }
});
