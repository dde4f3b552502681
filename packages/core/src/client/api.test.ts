import { expect } from '@open-wc/testing';
import { ApiError, createApi } from './api.js';

type Reply = () => Response | Promise<Response>;

/** A Storefront API stand-in: answers each request with the next reply, recording what was sent. */
function server(...replies: Reply[]) {
  const requests: { url: string; method: string | undefined; headers: Record<string, string>; body: unknown }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    requests.push({
      url: String(input),
      method: init?.method,
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const reply = replies.shift();
    if (!reply) throw new TypeError('Failed to fetch');
    return reply();
  };
  return { fetch: fetchImpl, requests };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected an ApiError');
}

const ORDER = { quote: { id: 'qt_1' } as never, contact: {}, address: {} };

describe('createApi', () => {
  it('posts a quote request as JSON and returns the answer', async () => {
    const shop = server(() => json(200, { quote: { id: 'qt_1' } }));
    const api = createApi('https://shop.example/', { fetch: shop.fetch });
    const answer = await api.quote({ lines: [{ productId: 'kopi', quantity: 2 }], destination: 'SG' });
    expect(answer.quote.id).to.equal('qt_1');
    expect(shop.requests).to.have.length(1);
    expect(shop.requests[0]).to.deep.include({ url: 'https://shop.example/api/quotes', method: 'POST' });
    expect(shop.requests[0]!.headers).to.deep.include({ accept: 'application/json', 'content-type': 'application/json' });
    expect(shop.requests[0]!.body).to.deep.equal({ lines: [{ productId: 'kopi', quantity: 2 }], destination: 'SG' });
  });

  it('turns problem details into an ApiError with the fields, without retrying a 4xx', async () => {
    const problem = { type: 'https://mendunia.dev/problems/invalid-request', title: 'Invalid', status: 422, detail: 'lines[0].quantity is too large', errors: [{ path: 'lines[0].quantity', message: 'must be <= 999' }] };
    const shop = server(() => json(422, problem, 'application/problem+json'));
    const error = await apiError(createApi('https://shop.example', { fetch: shop.fetch }).quote({ lines: [], destination: 'SG' }));
    expect(error.status).to.equal(422);
    expect(error.type).to.equal(problem.type);
    expect(error.message).to.equal('lines[0].quantity is too large');
    expect(error.errors).to.deep.equal(problem.errors);
    expect(error.retryable).to.equal(false);
    expect(shop.requests).to.have.length(1);
  });

  it('retries an order on network failures and 5xx with the same idempotency key', async () => {
    const shop = server(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
      () => json(201, { reference: 'MDN-261129-7KQ4M' }),
    );
    const api = createApi('https://shop.example', { fetch: shop.fetch, backoffMs: 1 });
    const order = await api.placeOrder(ORDER, 'key-1');
    expect(order.reference).to.equal('MDN-261129-7KQ4M');
    expect(shop.requests.map((r) => r.headers['idempotency-key'])).to.deep.equal(['key-1', 'key-1', 'key-1']);
  });

  it('gives up after the attempts with a network ApiError naming the server', async () => {
    const shop = server();
    const error = await apiError(createApi('https://shop.example', { fetch: shop.fetch, attempts: 2, backoffMs: 1 }).payment('MDN-1', 'token'));
    expect(error.status).to.equal(0);
    expect(error.type).to.equal('network');
    expect(error.retryable).to.equal(true);
    expect(error.message).to.match(/^The shop's server at https:\/\/shop\.example could not be reached: network error \(Failed to fetch\)/);
    expect(shop.requests).to.have.length(2);
    expect(shop.requests[0]!.headers).to.deep.include({ authorization: 'Bearer token' });
  });

  it('refuses an answer that is not JSON, or too large, without retrying', async () => {
    const page = server(() => new Response('<!doctype html><p>Welcome</p>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const unreadable = await apiError(createApi('https://shop.example', { fetch: page.fetch }).quote({ lines: [], destination: 'SG' }));
    expect(unreadable.type).to.equal('invalid-response');
    expect(unreadable.retryable).to.equal(false);

    const huge = 'x'.repeat(6 * 1024 * 1024);
    const big = server(() => new Response(huge, { status: 200, headers: { 'content-length': String(huge.length) } }));
    const tooLarge = await apiError(createApi('https://shop.example', { fetch: big.fetch }).quote({ lines: [], destination: 'SG' }));
    expect(tooLarge.type).to.equal('invalid-response');
    expect(tooLarge.retryable).to.equal(false);
    expect(big.requests).to.have.length(1);
  });
});
