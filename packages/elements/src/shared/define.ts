import '../shared/events.js'; // declares the typed events (GlobalEventHandlersEventMap) for users of this module
/** The version of @mendunia/elements, written into each definition so a second copy can tell. */
export const VERSION = '0.1.0';

const versionKey = Symbol.for('mendunia.version');
const warned = new Set<string>();

type Versioned = CustomElementConstructor & { [versionKey]?: string };

/**
 * Registers a Mendunia element unless the tag is already taken. Two script tags (or a bundle
 * and a script tag) on one page must never throw: the same version is silently skipped, another
 * version gets one console warning for all its tags (a foreign element: one per tag) and the
 * first definition stays.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as Versioned | undefined;
  if (!existing) {
    Object.defineProperty(ctor, versionKey, { value: VERSION });
    registry.define(tag, ctor);
    return;
  }
  if (existing === ctor || existing[versionKey] === VERSION) return;
  // One warning per other version, not one per tag (a second bundle would print one for each
  // element); a foreign element of the same name is named on its own.
  const key = existing[versionKey] ? `version ${existing[versionKey]}` : `foreign <${tag}>`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(
    existing[versionKey]
      ? `Mendunia ${VERSION}: <${tag}> is already defined by Mendunia ${existing[versionKey]}; keeping that definition. Load Mendunia once per page.`
      : `Mendunia ${VERSION}: <${tag}> is already defined by another script on this page (${describeClass(existing)}), not by Mendunia, so Mendunia's <${tag}> cannot be used here. Remove that script or have it use another tag name.`,
  );
}

function describeClass(ctor: CustomElementConstructor): string {
  return ctor.name ? `class ${ctor.name}` : 'an unnamed class';
}

/**
 * When `tag` is held by an element that is not Mendunia's (another script defined it first),
 * says by what (`class FancyCart`); else undefined. A Mendunia element that depends on it (the
 * cart button opens <mendunia-cart>) uses this to say why it cannot work instead of doing nothing.
 */
export function foreignDefinition(tag: string): string | undefined {
  const existing = globalThis.customElements?.get(tag) as Versioned | undefined;
  return existing && !existing[versionKey] ? describeClass(existing) : undefined;
}
