/**
 * The dashboard's pages as hash routes, so Back works, a page can be reloaded or bookmarked,
 * and the server serves one HTML shell: `#/orders?status=paid&page=2`, `#/orders/MDN-…`,
 * `#/orders/MDN-…/packing-slip`, `#/orders/MDN-…/customs`.
 */
import type { OrderFilters } from './api.js';

export type Route =
  | { readonly page: 'orders'; readonly filters: OrderFilters; readonly pageNumber: number }
  | { readonly page: 'order'; readonly reference: string }
  | { readonly page: 'packing-slip' | 'customs'; readonly reference: string }
  | { readonly page: 'not-found' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The route of a location hash; an empty hash is the orders list. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const [path = '', query = ''] = text.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'orders')) {
    const params = new URLSearchParams(query);
    const filters: Record<string, string> = {};
    for (const key of ['status', 'q'] as const) {
      const value = params.get(key)?.trim();
      if (value) filters[key] = value;
    }
    for (const key of ['since', 'until'] as const) {
      const value = params.get(key)?.trim();
      if (value && DATE.test(value)) filters[key] = value;
    }
    const n = Number(params.get('page'));
    return { page: 'orders', filters, pageNumber: Number.isSafeInteger(n) && n >= 1 ? n : 1 };
  }
  if (parts[0] === 'orders' && parts.length === 2) return { page: 'order', reference: parts[1] };
  if (parts[0] === 'orders' && parts.length === 3 && (parts[2] === 'packing-slip' || parts[2] === 'customs')) {
    return { page: parts[2], reference: parts[1] };
  }
  return { page: 'not-found' };
}

/** The hash of a route (parseRoute's inverse). */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'orders': {
      const params = new URLSearchParams();
      for (const key of ['status', 'since', 'until', 'q'] as const) {
        const value = route.filters[key];
        if (value) params.set(key, value);
      }
      if (route.pageNumber > 1) params.set('page', String(route.pageNumber));
      const query = params.toString();
      return `#/orders${query ? `?${query}` : ''}`;
    }
    case 'order':
      return `#/orders/${encodeURIComponent(route.reference)}`;
    case 'packing-slip':
    case 'customs':
      return `#/orders/${encodeURIComponent(route.reference)}/${route.page}`;
    case 'not-found':
      return '#/orders';
  }
}
