import { expect } from '@open-wc/testing';
import type * as v from 'valibot';
import * as schemas from './schema.js';
import { HS_CODE_PATTERN, ID_PATTERN, LANGUAGE_TAG_PATTERN, LIMITS, cleanText, isSafeImageSrc } from './schema.js';
// A module import, not fetch(): the test runner serves every .json as a JavaScript module.
import published from '../../catalog.schema.json';

interface JsonSchemaObject {
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly required?: readonly string[];
}
interface JsonSchemaNode extends JsonSchemaObject {
  readonly pattern?: string;
  readonly maxLength?: number;
  readonly anyOf?: readonly JsonSchemaNode[];
  readonly items?: JsonSchemaNode;
}
interface JsonSchemaDocument extends JsonSchemaObject {
  readonly $schema: string;
  readonly $defs: Readonly<Record<string, JsonSchemaNode>>;
}

const jsonSchema = published as unknown as JsonSchemaDocument;

type AnySchema = v.GenericSchema & {
  readonly pipe?: readonly { readonly type: string; readonly entries?: v.ObjectEntries }[];
};

/** The entries of the v.object inside one of our object schemas (a pipe of a guard and v.object). */
function entriesOf(schema: AnySchema): v.ObjectEntries {
  const object = schema.pipe?.find((item) => item.type === 'object');
  if (!object?.entries) throw new Error(`${schema.type} is not an object schema`);
  return object.entries;
}

const optionalTypes = new Set(['optional', 'nullish', 'exact_optional']);

function shapeOfValibot(schema: AnySchema) {
  const entries = entriesOf(schema);
  return {
    properties: Object.keys(entries).sort(),
    required: Object.keys(entries)
      .filter((key) => !optionalTypes.has(entries[key]!.type))
      .sort(),
  };
}

function shapeOfJson(node: JsonSchemaObject) {
  return {
    properties: Object.keys(node.properties ?? {}).sort(),
    required: [...(node.required ?? [])].sort(),
  };
}

describe('catalog.schema.json', () => {
  const pairs: readonly (readonly [string, JsonSchemaObject, AnySchema])[] = [
    ['(root)', jsonSchema, schemas.CatalogEnvelopeSchema],
    ['Merchant', jsonSchema.$defs['Merchant']!, schemas.MerchantSchema],
    ['Category', jsonSchema.$defs['Category']!, schemas.CategorySchema],
    ['Product', jsonSchema.$defs['Product']!, schemas.ProductSchema],
    ['Image', jsonSchema.$defs['Image']!, schemas.ImageSchema],
    ['Dimensions', jsonSchema.$defs['Dimensions']!, schemas.DimensionsSchema],
    ['Variant', jsonSchema.$defs['Variant']!, schemas.VariantSchema],
  ];

  it('is a draft 2020-12 schema', () => {
    expect(jsonSchema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
  });

  for (const [name, node, schema] of pairs) {
    it(`${name}: same property names and required fields as the valibot schema`, () => {
      expect(shapeOfJson(node)).to.deep.equal(shapeOfValibot(schema));
    });
  }

  it('pairs every object in either schema, so a new one cannot be left out of the check', () => {
    const pairedJson = pairs.map(([name]) => name).filter((name) => name !== '(root)').sort();
    const jsonObjects = Object.entries(jsonSchema.$defs)
      .filter(([, node]) => node.properties)
      .map(([name]) => name)
      .sort();
    expect(jsonObjects).to.deep.equal(pairedJson);

    const pairedValibot = new Set(pairs.map(([, , schema]) => schema));
    const valibotObjects = Object.entries(schemas).filter(([name]) => name.endsWith('Schema'));
    for (const [name, schema] of valibotObjects) {
      expect(pairedValibot.has(schema as AnySchema), `${name} is paired`).to.equal(true);
    }
  });

  it('uses the same patterns and length limits', () => {
    const defs = jsonSchema.$defs;
    const product = defs['Product']!.properties!;
    expect(defs['Id']!.pattern).to.equal(ID_PATTERN.source);
    expect(defs['LanguageTag']!.pattern).to.equal(LANGUAGE_TAG_PATTERN.source);
    expect(product['hsCode']!.pattern).to.equal(HS_CODE_PATTERN.source);
    expect(defs['Name']!.anyOf![0]!.maxLength).to.equal(LIMITS.name);
    expect(defs['Description']!.anyOf![0]!.maxLength).to.equal(LIMITS.description);
    expect(defs['Alt']!.anyOf![0]!.maxLength).to.equal(LIMITS.alt);
    expect(defs['Image']!.properties!['src']!.maxLength).to.equal(LIMITS.src);
    expect(defs['Variant']!.properties!['sku']!.maxLength).to.equal(LIMITS.sku);
    expect(defs['Merchant']!.properties!['city']!.maxLength).to.equal(LIMITS.city);
    expect(product['tags']!.items!.maxLength).to.equal(LIMITS.tag);
  });
});

describe('isSafeImageSrc', () => {
  const rows: readonly (readonly [string, boolean])[] = [
    ['images/batik.svg', true],
    ['./batik.svg', true],
    ['../batik.svg', true],
    ['/images/batik.svg', true],
    ['images/batik parang.svg', true],
    ['images/batik.svg?v=2&w=800#top', true],
    ['img/a:b.svg', true],
    ['https://cdn.example.com/batik.jpg', true],
    ['HTTP://cdn.example.com/batik.jpg', true],
    ['//cdn.example.com/batik.jpg', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['java\rscript:alert(1)', false],
    ['data:image/svg+xml,<svg onload=alert(1)>', false],
    ['vbscript:msgbox(1)', false],
    ['file:///etc/passwd', false],
    ['ftp://example.com/a.png', false],
    ['mailto:toko@example.com', false],
    ['a:b.svg', false],
    ['http://[::1', false],
  ];
  for (const [src, safe] of rows) {
    it(`${JSON.stringify(src)} → ${safe}`, () => {
      expect(isSafeImageSrc(src)).to.equal(safe);
    });
  }
});

describe('cleanText', () => {
  const rows: readonly (readonly [string, string])[] = [
    ['  Kopi  ', 'Kopi'],
    ['a\u0000b\u001Fc\u007Fd\u0080e\u009Ff', 'abcdef'],
    ['line\r\nline\rline', 'line\nline\nline'],
    ['tab\tkept\nnewline kept', 'tab\tkept\nnewline kept'],
    ['e\u0301', 'é'],
    ['\u200Bzero width space is not a control character', '\u200Bzero width space is not a control character'],
  ];
  for (const [input, output] of rows) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(output)}`, () => {
      expect(cleanText(input)).to.equal(output);
    });
  }
});
