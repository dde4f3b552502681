/**
 * Explicit bidi formatting characters in text that comes from outside (a catalog, a buyer's
 * form, a saved cart). An override or embedding that is never closed reverses or re-orders
 * everything after it on the line — in an order message, the price — so unpaired ones are
 * removed. Paired ones stay (they are how a name mixing scripts may be written), and so do the
 * marks LRM, RLM and ALM, which never open a scope.
 */

/** LRE, RLE, LRO, RLO (closed by PDF) and LRI, RLI, FSI (closed by PDI). */
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']);
const PDF = '\u202C';
const PDI = '\u2069';
const ANY_EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * `text` with every unpaired explicit bidi control removed, line by line (a paragraph ends every
 * scope, so a control is paired only within its line). Follows UAX #9: a PDI closes the nearest
 * open isolate and every embedding opened inside it; a PDF closes the nearest embedding, but not
 * across an isolate.
 */
export function balanceBidi(text: string): string {
  if (!ANY_EXPLICIT.test(text)) return text;
  return text.split('\n').map(balanceLine).join('\n');
}

function balanceLine(line: string): string {
  const chars = [...line];
  const keep = chars.map(() => true);
  /** Indexes of the openers still open, innermost last. */
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (EMBEDDINGS.has(c) || ISOLATES.has(c)) {
      open.push(i);
    } else if (c === PDF) {
      const top = open.at(-1);
      if (top !== undefined && EMBEDDINGS.has(chars[top]!)) open.pop();
      else keep[i] = false;
    } else if (c === PDI) {
      let k = open.length - 1;
      while (k >= 0 && !ISOLATES.has(chars[open[k]!]!)) k--;
      if (k < 0) {
        keep[i] = false;
        return;
      }
      // Embeddings opened inside the isolate and left open: the PDI closes them, but without
      // their PDF they are unpaired, so they go.
      for (const j of open.splice(k).slice(1)) keep[j] = false;
    }
  });
  for (const j of open) keep[j] = false;
  return chars.filter((_, i) => keep[i]).join('');
}

/**
 * Text from outside set into a sentence (a product name in "… was removed from your cart"):
 * wrapped in FSI … PDI, the plain-text <bdi>, so its direction neither takes nor gives order to
 * the words around it. Balanced first, so nothing inside can close the isolate early.
 */
export function isolate(text: string): string {
  return `\u2068${balanceBidi(text)}\u2069`;
}
