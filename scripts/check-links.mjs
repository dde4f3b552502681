// Checks the links of a built static site (by default docs/site/, built by scripts/docs-site.mjs):
// every local href and src of every page must name a file of the site, and a #fragment an id
// in the page it points at. External links (https:, mailto: …) are not fetched (no internet in
// CI); they are listed with --external. Copies of repository files under source/ are served as
// they are and not checked, except the generated folder pages (files.html).
//
//   node scripts/check-links.mjs [folder]     exit 1 and list the broken links, if any
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function htmlFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

const decode = (s) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);

/**
 * The broken links of the site in `dir`: `{ page, link, problem }` for each, page and link as
 * written. An empty array means every local link resolves.
 */
export function checkLinks(dir) {
  const pages = htmlFiles(dir).filter((p) => !p.startsWith('source/') || p.endsWith('/files.html'));
  const ids = new Map();
  const idsOf = (page) => {
    if (!ids.has(page)) {
      const html = readFileSync(join(dir, page), 'utf8');
      ids.set(page, new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1]))));
    }
    return ids.get(page);
  };
  const broken = [];
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    // Tags only: code samples on the pages are escaped (&lt;a href…) and do not match.
    for (const [, attr] of html.matchAll(/<(?:a|link|script|img|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"/g)) {
      const link = decode(attr);
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue; // external
      const [pathAndQuery, fragment] = link.split('#');
      const path = pathAndQuery.split('?')[0];
      let target = page;
      if (path) {
        target = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(page), decodeURI(path));
        if (target.startsWith('..')) {
          broken.push({ page, link, problem: 'points outside the site' });
          continue;
        }
        const file = join(dir, target);
        if (existsSync(file) && statSync(file).isDirectory()) target = posix.join(target, 'index.html');
        if (!existsSync(join(dir, target))) {
          broken.push({ page, link, problem: `no file ${target}` });
          continue;
        }
      }
      if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
        broken.push({ page, link, problem: `no id "${decodeURIComponent(fragment)}" in ${target}` });
      }
    }
  }
  return broken;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(root, 'docs/site');
  if (!existsSync(dir)) {
    console.error(`${dir} does not exist: build the site first (npm run docs).`);
    process.exit(2);
  }
  const broken = checkLinks(dir);
  for (const b of broken) console.log(`${b.page}: ${b.link}  (${b.problem})`);
  console.log(broken.length ? `${broken.length} broken links.` : 'No broken links.');
  process.exitCode = broken.length ? 1 : 0;
}
