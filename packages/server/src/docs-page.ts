/**
 * /docs: the OpenAPI document as a readable page, self-contained (no scripts or fonts from
 * elsewhere), with a link to the JSON for tools such as Swagger UI or Redoc.
 */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The parts of the OpenAPI document the page shows. */
export interface DocumentForPage {
  openapi: string;
  info: { title: string, version: string, description: string };
  paths: Record<string, Record<string, { summary?: string, responses?: Record<string, unknown> }>>;
}

export function docsPage(doc: DocumentForPage) {
  const rows = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const codes = Object.keys(op.responses ?? {}).join(' ');
      rows.push(`<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td><td>${codes}</td></tr>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:start;vertical-align:top}code{font-size:.9em}</style>
</head><body>
<h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape(doc.openapi)}).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What</th><th>Responses</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</body></html>
`;
}
