// Builds the documentation site from docs/*.md into docs/site/ (git-ignored): one HTML page per
// Markdown page, a navigation, and live examples: a ```html block whose first line is
// `<!-- live -->` is shown as code and rendered below it with the real script-tag bundle and
// the demo shop's catalog. `npm run docs` builds it; `npm run docs -- --serve` also serves it.
// Also: docs/openapi.json as a page (openapi.html), headings with GitHub's anchors (so links
// such as checkout.md#checkoutjson work on the site as on GitHub), and links that leave docs/
// (../examples/…) pointing at copies under source/. `node scripts/check-links.mjs` (run by
// e2e/docs-site.test.mjs) checks every link of the built site.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { openapiMarkdown } from './docs-openapi.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const out = join(docs, 'site');

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const pages = [
  ...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => ({ src: join(docs, f), href: f.replace(/\.md$/, '.html') })),
  ...readdirSync(join(docs, 'elements')).filter((f) => f.endsWith('.md')).map((f) => ({ src: join(docs, 'elements', f), href: `elements/${f.replace(/\.md$/, '.html')}` })),
  // The Storefront API's OpenAPI description, rendered (the JSON itself is copied beside it).
  { src: join(docs, 'openapi.json'), href: 'openapi.html', markdown: () => openapiMarkdown(JSON.parse(readFileSync(join(docs, 'openapi.json'), 'utf8'))) },
];
const markdownOf = (page) => (page.markdown ? page.markdown() : readFileSync(page.src, 'utf8'));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
let slugsSeen = new Map();
function slug(html) {
  const text = html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]);
  const base = text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
  const n = slugsSeen.get(base) ?? 0;
  slugsSeen.set(base, n + 1);
  return n ? `${base}-${n}` : base;
}

// The page being rendered (for links relative to it).
let current = { src: join(docs, 'README.md'), href: 'README.html' };
const copied = new Set();

/**
 * A link to a file or folder of the repository outside docs/ (../examples/react): on GitHub it
 * shows the file; on the site it points at a copy under source/ (a folder gets a files.html that
 * lists it and shows its README). Returns the site-relative target, or undefined if none exists.
 */
function sourceLink(href) {
  const [path, hash = ''] = href.split('#');
  const target = join(dirname(current.src), decodeURI(path));
  const repoPath = relative(root, target).split(sep).join('/');
  if (repoPath.startsWith('..') || !existsSync(target)) return undefined;
  const isDir = statSync(target).isDirectory();
  const sitePath = `source/${repoPath.replace(/\/$/, '')}${isDir ? '/files.html' : ''}`;
  if (!copied.has(sitePath)) {
    copied.add(sitePath);
    if (isDir) folderPage(target, repoPath.replace(/\/$/, ''));
    else cpSync(target, join(out, sitePath));
  }
  const from = posix.dirname(current.href);
  return `${posix.relative(from, sitePath)}${hash ? `#${hash}` : ''}`;
}

const SKIP = new Set(['node_modules', 'dist', '.git']);
const pendingFolders = [];
function folderPage(dir, repoPath) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  for (const f of files) cpSync(join(dir, f), join(out, 'source', repoPath, f));
  const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  pendingFolders.push({
    src: join(dir, 'README.md'),
    href: `source/${repoPath}/files.html`,
    title: repoPath,
    markdown: () =>
      `# \`${repoPath}/\`\n\nA copy of this folder of the repository (run it from a clone: see [Getting started](${relative(dir, join(docs, 'getting-started.md')).split(sep).join('/')})). Its files:\n\n${files.map((f) => `- [\`${f}\`](${encodeURI(f)})`).join('\n')}\n\n${readme.replace(/^#\s.*\n/, '')}`,
  });
}

const marked = new Marked({
  renderer: {
    code({ text, lang }) {
      const code = `<pre><code class="language-${escapeHtml(lang ?? '')}">${escapeHtml(text)}</code></pre>`;
      if (lang === 'html' && text.trimStart().startsWith('<!-- live -->')) {
        return `${code}<div class="live" aria-label="Live example">${text}</div>`;
      }
      return code;
    },
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      return `<h${depth} id="${escapeHtml(slug(inner))}">${inner}</h${depth}>\n`;
    },
    link({ href, tokens }) {
      return `<a href="${escapeHtml(siteLink(href))}">${this.parser.parseInline(tokens)}</a>`;
    },
  },
});

/**
 * Where a link written in a Markdown file (relative to that file, as GitHub reads it) points on
 * the site: another page's .html, the rendered OpenAPI page, or a copy of a repository file.
 */
function siteLink(href) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) return href;
  const [path, hash] = href.split('#');
  const target = join(dirname(current.src), decodeURI(path));
  const fromHere = (sitePath) => `${posix.relative(posix.dirname(current.href), sitePath) || posix.basename(sitePath)}${hash ? `#${hash}` : ''}`;
  if (target === join(docs, 'openapi.json') && current.href !== 'openapi.html') return fromHere('openapi.html');
  if (target.startsWith(docs + sep)) {
    const sitePath = relative(docs, target).split(sep).join('/');
    return sitePath.endsWith('.md') ? fromHere(sitePath.replace(/\.md$/, '.html')) : href;
  }
  return sourceLink(href) ?? href;
}

function titleOf(markdown, fallback) {
  const m = /^#\s+(.+)$/m.exec(markdown);
  return m ? m[1].replace(/`/g, '') : fallback;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'elements'), { recursive: true });
cpSync(join(root, 'packages/embed/dist'), join(out, 'dist'), { recursive: true });
for (const f of ['catalog.json', 'checkout.json', 'rates', 'images']) cpSync(join(root, 'examples/plain-html', f), join(out, 'demo', f), { recursive: true });
cpSync(join(docs, 'openapi.json'), join(out, 'openapi.json'));

const nav = pages
  .map((p) => ({ ...p, title: titleOf(markdownOf(p), basename(p.src, '.md')) }))
  .sort((a, b) => (a.href === 'README.html' ? -1 : b.href === 'README.html' ? 1 : a.href.localeCompare(b.href)));

/** Live examples fetch the demo's catalog: a page opened from disk (file://) cannot. */
const FROM_DISK_NOTE = `<script>
if (location.protocol === 'file:') {
  for (const live of document.querySelectorAll('.live')) {
    const note = document.createElement('p');
    note.className = 'serve-note';
    note.innerHTML = 'This live example needs the site served over http: run <code>npm run docs -- --serve</code> and open the address it prints.';
    live.replaceChildren(note);
  }
}
</script>`;

function writePage(page) {
  current = page;
  slugsSeen = new Map();
  const depth = page.href.split('/').length - 1;
  const up = '../'.repeat(depth);
  const body = marked.parse(markdownOf(page));
  const links = nav.map((p) => `<li><a href="${up}${p.href}"${p === page ? ' aria-current="page"' : ''}>${escapeHtml(p.title)}</a></li>`).join('');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Mendunia</title>
<link rel="stylesheet" href="${up}site.css">
<script src="${up}dist/mendunia.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<nav aria-label="Documentation"><p><strong>Mendunia</strong></p><ul>${links}</ul></nav>
<main id="main">
<mendunia-store catalog="${up}demo/catalog.json" rates="${up}demo/rates/eurofxref-daily.xml" checkout="${up}demo/checkout.json" currency="USD" max-rate-age="3650d" store-id="docs">
${body.replace(/<h1>/, '<h1 id="top">')}
</mendunia-store>
</main>
${body.includes('class="live"') ? FROM_DISK_NOTE : ''}
</body>
</html>
`;
  mkdirSync(dirname(join(out, page.href)), { recursive: true });
  writeFileSync(join(out, page.href), html);
}

for (const page of nav) writePage(page);
// Folder pages found while rendering (they are not in the navigation).
while (pendingFolders.length) writePage(pendingFolders.shift());

writeFileSync(
  join(out, 'site.css'),
  `body{margin:0;display:grid;grid-template-columns:16rem 1fr;font:16px/1.6 system-ui,sans-serif;color:#1f1a17;background:#fbf7ef}
nav{padding:1rem;border-inline-end:1px solid #dccdb2;position:sticky;top:0;block-size:100vh;overflow:auto;font-size:.9rem}
nav ul{list-style:none;margin:0;padding:0}nav a{display:block;padding:.15rem 0;color:#2f3e75}nav a[aria-current]{font-weight:700}
main{padding:1rem 2rem;max-inline-size:60rem}pre{background:#2b2118;color:#f7f0e4;padding:1rem;overflow:auto;border-radius:8px}
table{border-collapse:collapse}td,th{border:1px solid #dccdb2;padding:.3rem .5rem;text-align:start;vertical-align:top}
.live{border:2px dashed #c0623b;border-radius:8px;padding:1rem;margin-block:1rem}.live mendunia-product-card{max-inline-size:18rem}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:1rem}
.serve-note{margin:0;font-weight:600}
@media (max-width:48rem){body{grid-template-columns:1fr}nav{position:static;block-size:auto}}
`,
);
console.log(`Docs site: ${nav.length} pages in docs/site/. To read it with working live examples: npm run docs -- --serve`);

if (process.argv.includes('--serve')) {
  const { serve } = await import('./serve.mjs');
  const server = await serve({ mounts: { '/': out } });
  console.log(`Serving http://localhost:${server.address().port}/README.html`);
}
