// Attributes a minified bundle's bytes to the sources its source map names, so we can see what
// makes the script-tag bundle big. No dependency: a source map v3 "mappings" decoder is 30 lines.
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * Decodes `mappings` into, per generated line, segments [column, sourceIndex | -1, line, column]
 * (original line and column 0-based; absent for unmapped segments).
 */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (let i = 0; i < segmentText.length; i++) {
        const digit = DIGIT[segmentText.charCodeAt(i)];
        if (digit < 0) throw new Error(`source map: bad base64 character in "${segmentText}"`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        segments.push([column, source, originalLine, originalColumn]);
      } else segments.push([column, -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * A readable group for a source path as the TypeScript plugin wrote it (paths are relative and
 * not always to the map's folder, so they are matched by shape): a package from node_modules, or
 * one of our packages with its first folder ("@mendunia/core money/").
 */
export function groupOf(path) {
  const nm = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (nm) return { group: nm[1], file: path.slice(path.lastIndexOf('node_modules/') + 13), ours: false };
  const ours = path.match(/(?:^|\/)(core|elements|i18n|embed)\/src\/(.*)$/);
  const [pkg, rest] = ours ? [ours[1], ours[2]] : ['embed', path.replace(/^(\.\.\/)*(src\/)?/, '')];
  const folder = rest.includes('/') ? `${rest.slice(0, rest.indexOf('/'))}/` : rest;
  return { group: `@mendunia/${pkg} ${folder}`, file: `packages/${pkg}/src/${rest}`, ours: true };
}

/** Index just past the object literal that starts at `start` (a `{`), skipping strings. */
function endOfObject(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Where JSON modules ended up in the bundle. The JSON plugin emits no mappings, so without this
 * their bytes would count for whatever module precedes them. Found by their first key and value
 * written the way terser prints them, then to the matching brace.
 */
export function findJsonLiterals(code, jsonFiles) {
  const found = [];
  for (const { label, data } of jsonFiles) {
    // `{price:{approximate:"approximately"` — the first keys down to the first plain value.
    let head = '';
    let node = data;
    while (node && typeof node === 'object' && Object.keys(node).length) {
      const [key, value] = Object.entries(node)[0];
      head += `{${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}:`;
      node = value;
    }
    if (!head) continue;
    if (typeof node !== 'object') head += JSON.stringify(node);
    const at = code.indexOf(head);
    const end = at < 0 ? -1 : endOfObject(code, at);
    if (end > 0) found.push({ label, start: at, end });
  }
  return found;
}

/**
 * Bytes of `code` per source and per group. Each mapped segment owns the characters up to the
 * next segment; a line that starts without a segment continues the previous one (the inside of
 * a multi-line template literal such as css``); characters before the first segment count as
 * "(unmapped)" (the IIFE wrapper). `literals` (from findJsonLiterals) override the map.
 */
export function attribute(code, map, literals = []) {
  const lines = decodeMappings(map.mappings);
  const UNMAPPED = -1;
  const owner = new Int32Array(code.length).fill(UNMAPPED);
  let offset = 0;
  let current = UNMAPPED;
  code.split('\n').forEach((lineText, i) => {
    const segments = lines[i] ?? [];
    let from = 0;
    for (const [column, source] of segments) {
      owner.fill(current, offset + from, offset + column);
      from = Math.max(from, column);
      current = source;
    }
    owner.fill(current, offset + from, offset + lineText.length + 1);
    offset += lineText.length + 1;
  });
  const labels = [];
  for (const { label, start, end } of literals) {
    labels.push(label);
    owner.fill(-2 - (labels.length - 1), start, end);
  }
  const describe = (index) => {
    if (index === UNMAPPED) return { group: '(unmapped: bundle wrapper)', file: '(unmapped)', ours: false };
    if (index <= -2) {
      const file = labels[-2 - index];
      return { ...groupOf(file), file };
    }
    return groupOf(map.sources[index]);
  };

  const groups = new Map();
  const sequence = []; // [group, fragment] in bundle order
  let total = 0;
  for (let start = 0; start < code.length; ) {
    let end = start + 1;
    while (end < code.length && owner[end] === owner[start]) end++;
    const fragment = code.slice(start, end);
    const bytes = Buffer.byteLength(fragment);
    total += bytes;
    const info = describe(owner[start]);
    const g = groups.get(info.group) ?? { group: info.group, ours: info.ours, bytes: 0, files: new Map(), fragments: [] };
    g.bytes += bytes;
    g.files.set(info.file, (g.files.get(info.file) ?? 0) + bytes);
    g.fragments.push(fragment);
    groups.set(info.group, g);
    sequence.push([info.group, fragment]);
    start = end;
  }
  const gzipTotal = gzipSync(code, { level: 9 }).length;
  if (total !== Buffer.byteLength(code)) throw new Error(`source map attribution counted ${total} bytes of ${Buffer.byteLength(code)}`);
  const list = [...groups.values()]
    .map((g) => ({
      group: g.group,
      ours: g.ours,
      bytes: g.bytes,
      percent: (100 * g.bytes) / total,
      // Compressed on its own: more than the group really adds to the gzip size (no shared
      // dictionary with the rest), but it ranks groups the way the wire sees them.
      gzipAlone: gzipSync(g.fragments.join(''), { level: 9 }).length,
      // The bundle's gzip size minus that of the bundle with this group's bytes cut out (not
      // runnable, but compressed like the rest): about what leaving the group out would save.
      gzipSaved: gzipTotal - gzipSync(sequence.filter(([group]) => group !== g.group).map(([, f]) => f).join(''), { level: 9 }).length,
      files: [...g.files].map(([file, bytes]) => ({ file, bytes })).sort((a, b) => b.bytes - a.bytes),
    }))
    .sort((a, b) => b.bytes - a.bytes);
  // Runs of 2+ spaces/newlines survive only inside template literals (terser keeps css`` and
  // html`` text as written): roughly what a template-literal minifier would remove.
  const templateWhitespace = [...code.matchAll(/\s{2,}/g)].reduce((s, m) => s + m[0].length - 1, 0);
  return { total, gzipTotal, groups: list, templateWhitespace };
}

/** A lookup from a generated position (1-based line, 1-based column) to "source:line". */
export function originalPositions(map) {
  const lines = decodeMappings(map.mappings);
  return (line, column) => {
    let best;
    for (const segment of lines[line - 1] ?? []) if (segment[0] <= column - 1) best = segment;
    if (!best || best[1] < 0) return undefined;
    const { file } = groupOf(map.sources[best[1]]);
    return `${file.replace(/^packages\//, '')}:${best[2] + 1}`;
  };
}

/**
 * Several files' attributions as one (the files a page downloads, each compressed on its own):
 * bytes and gzip figures add up per group; shares are recomputed over the whole.
 */
export function mergeAttributions(list) {
  if (list.length === 1) return list[0];
  const groups = new Map();
  for (const a of list) {
    for (const g of a.groups) {
      const m = groups.get(g.group) ?? { group: g.group, ours: g.ours, bytes: 0, gzipAlone: 0, gzipSaved: 0, files: new Map() };
      m.bytes += g.bytes;
      m.gzipAlone += g.gzipAlone;
      m.gzipSaved += g.gzipSaved;
      for (const f of g.files) m.files.set(f.file, (m.files.get(f.file) ?? 0) + f.bytes);
      groups.set(g.group, m);
    }
  }
  const total = list.reduce((s, a) => s + a.total, 0);
  return {
    total,
    gzipTotal: list.reduce((s, a) => s + a.gzipTotal, 0),
    templateWhitespace: list.reduce((s, a) => s + a.templateWhitespace, 0),
    groups: [...groups.values()]
      .map((g) => ({ ...g, percent: (100 * g.bytes) / total, files: [...g.files].map(([file, bytes]) => ({ file, bytes })).sort((a, b) => b.bytes - a.bytes) }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
