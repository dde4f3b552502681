// Turns docs/openapi.json (written by `npm run openapi -w packages/server`) into one Markdown page
// for the docs site: the operations grouped by tag (parameters, request body, responses), the
// webhooks, the schemas with their properties, and the problem types. Rendered by the site's own
// Markdown renderer, so it gets the same layout, heading anchors and link check as every page.

const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The name of a `#/components/schemas/X` reference, as a link to its section below. */
function refLink(ref) {
  const name = ref.split('/').pop();
  return `[${name}](#schema-${name.toLowerCase()})`;
}

/** A short type description of a JSON schema: `string`, `array of [CartLine]`, `"a" \| "b"` … */
export function typeOf(schema) {
  if (!schema || typeof schema !== 'object') return 'any';
  if (schema.$ref) return refLink(schema.$ref);
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  for (const key of ['oneOf', 'anyOf']) if (schema[key]) return schema[key].map(typeOf).join(' or ');
  if (schema.allOf) return schema.allOf.map(typeOf).join(' and ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
  if (type === 'array') return `array of ${typeOf(schema.items)}`;
  const limits = [
    schema.format && `format ${schema.format}`,
    schema.pattern && `pattern \`${schema.pattern}\``,
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.minLength !== undefined && `length ≥ ${schema.minLength}`,
    schema.maxLength !== undefined && `length ≤ ${schema.maxLength}`,
  ].filter(Boolean);
  return `${type ?? (schema.properties ? 'object' : 'any')}${limits.length ? ` (${limits.join(', ')})` : ''}`;
}

function propertiesTable(schema) {
  const props = Object.entries(schema.properties ?? {});
  if (!props.length) return '';
  const required = new Set(schema.required ?? []);
  return [
    '| property | type | required | description |',
    '| --- | --- | --- | --- |',
    ...props.map(([name, s]) => `| \`${name}\` | ${cell(typeOf(s))} | ${required.has(name) ? 'yes' : ''} | ${cell(s.description)} |`),
  ].join('\n');
}

function bodySchemas(content) {
  return Object.entries(content ?? {})
    .map(([type, { schema }]) => `${typeOf(schema)} (\`${type}\`)`)
    .join(', ');
}

function operation(method, path, op) {
  const out = [`### ${method.toUpperCase()} ${path}`, '', op.summary ? `${op.summary}.` : '', op.description ?? ''];
  if (op.security?.length) out.push(`Needs: ${op.security.map((s) => Object.keys(s).join(' + ')).join(' or ')}.`);
  if (op.parameters?.length) {
    out.push(
      '',
      '| parameter | in | type | required | description |',
      '| --- | --- | --- | --- | --- |',
      ...op.parameters.map((p) => `| \`${p.name}\` | ${p.in} | ${cell(typeOf(p.schema))} | ${p.required ? 'yes' : ''} | ${cell(p.description)} |`),
    );
  }
  if (op.requestBody) out.push('', `Request body${op.requestBody.required ? ' (required)' : ''}: ${bodySchemas(op.requestBody.content)}.`);
  out.push(
    '',
    '| status | meaning | body |',
    '| --- | --- | --- |',
    ...Object.entries(op.responses ?? {}).map(([status, r]) => `| ${status} | ${cell(r.description)} | ${cell(bodySchemas(r.content))} |`),
  );
  return out.filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
}

/** The whole page, as Markdown. */
export function openapiMarkdown(spec) {
  const { info } = spec;
  const tags = spec.tags ?? [];
  const out = [
    `# ${info.title} ${info.version} (OpenAPI reference)`,
    '',
    info.summary ? `${info.summary}.` : '',
    '',
    info.description.replace('docs/storefront-api.md', '[the Storefront API guide](storefront-api.md)'),
    '',
    `Generated from [openapi.json](openapi.json) (OpenAPI ${spec.openapi}), the server's own description of its routes.`,
  ];
  if (spec.servers?.length) out.push('', `Servers: ${spec.servers.map((s) => `\`${s.url}\`${s.description ? ` (${s.description})` : ''}`).join(', ')}.`);
  const byTag = new Map(tags.map((t) => [t.name, []]));
  for (const [path, methods] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      if (typeof op !== 'object' || !op.responses) continue;
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(operation(method, path, op));
    }
  }
  for (const [tag, ops] of byTag) {
    if (!ops.length) continue;
    const description = tags.find((t) => t.name === tag)?.description;
    out.push('', `## ${tag}`, '', description ? `${description}.` : '', '', ops.join('\n\n'));
  }
  const webhooks = Object.entries(spec.webhooks ?? {});
  if (webhooks.length) {
    out.push('', '## Webhooks');
    for (const [name, methods] of webhooks) {
      for (const [method, op] of Object.entries(methods)) out.push('', operation(method, name, op).replace(/^### /, '### Webhook '));
    }
  }
  const schemes = Object.entries(spec.components?.securitySchemes ?? {});
  if (schemes.length) {
    out.push('', '## Authentication', '', '| name | type | description |', '| --- | --- | --- |');
    for (const [name, s] of schemes) out.push(`| \`${name}\` | ${[s.type, s.scheme, s.in, s.name].filter(Boolean).join(' ')} | ${cell(s.description)} |`);
  }
  out.push('', '## Schemas');
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    out.push('', `<h3 id="schema-${name.toLowerCase()}">${name}</h3>`, '', schema.description ?? '', '', `Type: ${typeOf({ ...schema, description: undefined })}.`, '', propertiesTable(schema));
  }
  const problems = Object.entries(spec['x-problem-types'] ?? {});
  if (problems.length) {
    out.push('', '## Problem types', '', 'Errors are RFC 9457 problem details; their `type` is one of:', '', '| type | status | title |', '| --- | --- | --- |');
    for (const [type, p] of problems) out.push(`| \`${type}\` | ${p.status} | ${cell(p.title)} |`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
