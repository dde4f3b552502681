// Builds the documentation site from docs/*.md into docs/site/ (git-ignored): one HTML page per
// Markdown page, a navigation, and live examples: a ```html block whose first line is
// `<!-- live -->` is shown as code and rendered below it with the real script-tag bundle and
// the demo shop's catalog. `npm run docs` builds it; `npm run docs -- --serve` also serves it.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const out = join(docs, 'site');

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const pages = [
  ...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => ({ src: join(docs, f), href: f.replace(/\.md$/, '.html') })),
  ...readdirSync(join(docs, 'elements')).filter((f) => f.endsWith('.md')).map((f) => ({ src: join(docs, 'elements', f), href: `elements/${f.replace(/\.md$/, '.html')}` })),
];

const marked = new Marked({
  renderer: {
    code({ text, lang }) {
      const code = `<pre><code class="language-${escapeHtml(lang ?? '')}">${escapeHtml(text)}</code></pre>`;
      if (lang === 'html' && text.trimStart().startsWith('<!-- live -->')) {
        return `${code}<div class="live" aria-label="Live example">${text}</div>`;
      }
      return code;
    },
    link({ href, tokens }) {
      // Links between pages point at the built .html files.
      const target = /^[\w./-]+\.md(#.*)?$/.test(href) ? href.replace(/\.md(#|$)/, '.html$1') : href;
      return `<a href="${escapeHtml(target)}">${this.parser.parseInline(tokens)}</a>`;
    },
  },
});

function titleOf(markdown, fallback) {
  const m = /^#\s+(.+)$/m.exec(markdown);
  return m ? m[1].replace(/`/g, '') : fallback;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'elements'), { recursive: true });
cpSync(join(root, 'packages/embed/dist'), join(out, 'dist'), { recursive: true });
for (const f of ['catalog.json', 'checkout.json', 'rates', 'images']) cpSync(join(root, 'examples/plain-html', f), join(out, 'demo', f), { recursive: true });

const nav = pages
  .map((p) => ({ ...p, title: titleOf(readFileSync(p.src, 'utf8'), basename(p.src, '.md')) }))
  .sort((a, b) => (a.href === 'README.html' ? -1 : b.href === 'README.html' ? 1 : a.href.localeCompare(b.href)));

for (const page of nav) {
  const depth = page.href.split('/').length - 1;
  const up = '../'.repeat(depth);
  const body = marked.parse(readFileSync(page.src, 'utf8'));
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
</body>
</html>
`;
  writeFileSync(join(out, page.href), html);
}

writeFileSync(
  join(out, 'site.css'),
  `body{margin:0;display:grid;grid-template-columns:16rem 1fr;font:16px/1.6 system-ui,sans-serif;color:#1f1a17;background:#fbf7ef}
nav{padding:1rem;border-inline-end:1px solid #dccdb2;position:sticky;top:0;block-size:100vh;overflow:auto;font-size:.9rem}
nav ul{list-style:none;margin:0;padding:0}nav a{display:block;padding:.15rem 0;color:#2f3e75}nav a[aria-current]{font-weight:700}
main{padding:1rem 2rem;max-inline-size:60rem}pre{background:#2b2118;color:#f7f0e4;padding:1rem;overflow:auto;border-radius:8px}
table{border-collapse:collapse}td,th{border:1px solid #dccdb2;padding:.3rem .5rem;text-align:start;vertical-align:top}
.live{border:2px dashed #c0623b;border-radius:8px;padding:1rem;margin-block:1rem}.live mendunia-product-card{max-inline-size:18rem}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:1rem}
@media (max-width:48rem){body{grid-template-columns:1fr}nav{position:static;block-size:auto}}
`,
);
console.log(`Docs site: ${nav.length} pages in docs/site/ (open docs/site/README.html, or npm run docs -- --serve)`);

if (process.argv.includes('--serve')) {
  const { serve } = await import('./serve.mjs');
  const server = await serve({ mounts: { '/': out } });
  console.log(`Serving http://localhost:${server.address().port}/README.html`);
}
