import type { StoredCart } from './persist.js';

/**
 * Tells other tabs of the same shop (same origin, same store id) that the cart changed, and
 * hears them. BroadcastChannel exists in browsers, workers and Node ≥ 18; where it does not,
 * each tab keeps its own view until it reloads.
 */
export interface CartChannel {
  post(cart: StoredCart): void;
  close(): void;
}

interface Message {
  readonly type: 'mendunia-cart';
  readonly sender: string;
  readonly cart: StoredCart;
}

export function openCartChannel(name: string, onRemoteChange: (cart: StoredCart) => void): CartChannel {
  const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (!Channel) return { post() {}, close() {} };
  const channel = new Channel(name);
  // In Node an open channel keeps the process alive: a script or server that made a storefront
  // could never exit. Listening must not be a reason to keep running (browsers have no unref).
  (channel as { unref?: () => void }).unref?.();
  const sender = Math.random().toString(36).slice(2);
  channel.onmessage = (event: { data: unknown }) => {
    const message = event.data as Message | undefined;
    if (message?.type === 'mendunia-cart' && message.sender !== sender && Array.isArray(message.cart?.lines)) {
      onRemoteChange(message.cart);
    }
  };
  return {
    post(cart) {
      const message: Message = { type: 'mendunia-cart', sender, cart };
      channel.postMessage(message);
    },
    close: () => channel.close(),
  };
}
