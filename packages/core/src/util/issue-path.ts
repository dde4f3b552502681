import type * as v from 'valibot';

/** A valibot issue's path as people read it: `products[3].price`, `rates["x-y"]`. */
export function joinPath(prefix: string, items: readonly v.IssuePathItem[] | undefined): string {
  let path = prefix;
  for (const { key } of items ?? []) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}
