// Hostile catalog content: whatever a catalog (or a tampered saved cart) holds — markup, script,
// event handlers, javascript: URLs, template and i18next syntax, bidi overrides, emoji,
// zero-width characters, text at the length limits — is shown as the text it is, never run.
import { expect, fixture, html } from '@open-wc/testing';
import { createStorefront, memoryStorage, type Storefront } from '@mendunia/core';
import '../product-card/define.js';
import '../cart/define.js';
import type { MenduniaProductCard } from '../product-card/product-card.js';
import type { MenduniaCart } from '../cart/cart.js';
import { translator } from '@mendunia/i18n';
import { captureConsole, waitFor } from '../test/fixtures.js';

declare global {
  interface Window {
    __menduniaPwned?: string;
  }
}

/** Every string is already in the form the catalog parser keeps (NFC, trimmed, no C0/C1 controls). */
const HOSTILE: Record<string, string> = {
  script: '<script>window.__menduniaPwned = "script"</script>',
  img: `<img src=x onerror="window.__menduniaPwned = 'img'">`,
  attribute: `"><svg onload="window.__menduniaPwned = 'svg'"><b title='`,
  javascript: 'javascript:window.__menduniaPwned = "javascript"',
  template: '${window.__menduniaPwned = "template"} {{constructor.constructor("window.__menduniaPwned = 1")()}}',
  i18next: '$t(product.soldOut) {{quantity}} {{name}} {{- name}} {{count}} $t(cart.title, {"count": 2}) {',
  rtl: 'Batik \u202Egnp.exe\u202C Parang',
  emoji: 'Kopi ☕️ 👩🏽‍🌾 🇮🇩 Gayo',
  zeroWidth: 'Ca\u200Bbai\u200C Ra\u200Dwit\u2060 Bu\uFEFFbuk',
};

const ids = Object.keys(HOSTILE).map((key) => `h-${key.toLowerCase()}`);

function hostileProduct(key: string) {
  const text = HOSTILE[key]!;
  return {
    id: `h-${key.toLowerCase()}`,
    name: { en: text },
    description: { en: `${text}\n${text}` },
    price: 100000,
    images: [{ src: '/packages/elements/src/test/product.svg', width: 400, height: 300, alt: { en: text } }],
    weightGrams: 100,
    variants: [{ id: 'only', name: { en: text }, stock: 5 }],
  };
}

async function storefrontWith(products: unknown[], extra: { storage?: ReturnType<typeof memoryStorage> } = {}) {
  const storefront = createStorefront({
    catalog: { version: 1, currency: 'IDR', products },
    locale: 'en',
    storage: extra.storage ?? memoryStorage(),
  });
  const { errors } = await captureConsole(() => storefront.loadCatalog());
  return { storefront, errors };
}

async function cards(storefront: Storefront, productIds: readonly string[]) {
  const root = await fixture<HTMLElement>(
    html`<div>${productIds.map((id) => html`<mendunia-product-card product-id=${id} .storefront=${storefront}></mendunia-product-card>`)}</div>`,
  );
  const els = [...root.querySelectorAll<MenduniaProductCard>('mendunia-product-card')];
  await Promise.all(els.map((el) => el.updateComplete));
  return els;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']);

/**
 * Nothing was added to the element's shadow DOM but the template's own markup: no script-like
 * elements, no inline event handler attributes, no javascript: URLs.
 */
function expectNoInjection(el: Element): void {
  const all = [...el.shadowRoot!.querySelectorAll('*')];
  expect(el.shadowRoot!.querySelectorAll('script, iframe, object, embed, svg, b, form, link, style:not([data-lit])').length, 'injected elements').to.equal(0);
  for (const node of all) {
    for (const attr of node.getAttributeNames()) {
      expect(attr.startsWith('on'), `<${node.localName} ${attr}>`).to.equal(false);
      if (URL_ATTRIBUTES.has(attr)) expect(/^\s*javascript:/i.test(node.getAttribute(attr) ?? ''), `<${node.localName} ${attr}="${node.getAttribute(attr)}">`).to.equal(false);
    }
  }
  const images = all.filter((n) => n.localName === 'img');
  for (const img of images) expect(img.getAttribute('part')).to.match(/^(line-)?image$/);
}

/** Lets image error events and any queued task run, so a handler that was injected would have fired. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('hostile catalog text', () => {
  let scriptsBefore: number;
  beforeEach(() => {
    delete window.__menduniaPwned;
    scriptsBefore = document.querySelectorAll('script').length;
  });
  afterEach(async () => {
    await settle();
    expect(window.__menduniaPwned, 'a hostile string ran').to.equal(undefined);
    expect(document.querySelectorAll('script').length, 'scripts added to the page').to.equal(scriptsBefore);
  });

  it('the product card shows name, description, alt text and variant names as the text they are', async () => {
    const { storefront, errors } = await storefrontWith(Object.keys(HOSTILE).map(hostileProduct));
    expect(errors).to.deep.equal([]);
    const els = await cards(storefront, ids);
    Object.values(HOSTILE).forEach((text, i) => {
      const el = els[i]!;
      expect(part(el, 'title')!.textContent, `title of ${ids[i]}`).to.equal(text);
      expect(part(el, 'description')!.textContent, `description of ${ids[i]}`).to.equal(`${text}\n${text}`);
      expect(part(el, 'image')!.getAttribute('alt'), `alt of ${ids[i]}`).to.equal(text);
      expect(el.shadowRoot!.querySelector('option')!.textContent, `variant of ${ids[i]}`).to.equal(text);
      expectNoInjection(el);
    });
  });

  it('messages that quote a hostile name keep it verbatim (no i18next nesting or interpolation of it)', async () => {
    const { storefront } = await storefrontWith(Object.keys(HOSTILE).map(hostileProduct));
    const els = await cards(storefront, ids);
    for (const [i, el] of els.entries()) {
      part(el, 'add-button')!.click();
      await el.updateComplete;
      // Quoted inside an isolate (FSI … PDI): its direction cannot reach the words around it.
      expect(part(el, 'status')!.textContent).to.equal(`Added to cart: \u2068${Object.values(HOSTILE)[i]}\u2069 × 1`);
      expectNoInjection(el);
    }
  });

  it('the cart shows hostile line names as text, in labels too', async () => {
    const { storefront } = await storefrontWith(Object.keys(HOSTILE).map(hostileProduct));
    for (const id of ids) storefront.cart.add(id, 'only', 1);
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    const lines = [...cart.shadowRoot!.querySelectorAll('[part="line"]')];
    expect(lines).to.have.length(ids.length);
    Object.values(HOSTILE).forEach((text, i) => {
      const line = lines[i]!;
      expect(line.querySelector('[part="line-name"]')!.textContent).to.equal(text);
      expect(line.querySelector('[part="line-variant"]')!.textContent).to.equal(text);
      expect(line.querySelector('[part="remove-button"]')!.getAttribute('aria-label')).to.equal(`Remove ${text} from the cart`);
    });
    expectNoInjection(cart);
  });

  it('a tampered saved cart is shown as text: the name of a line that is gone appears in the notice, inert', async () => {
    const storage = memoryStorage();
    const name = HOSTILE['img']!;
    storage.setItem('mendunia:default:cart', JSON.stringify({ v: 2, lines: [{ productId: 'no-such-product', quantity: 1, priceIdr: 1, name }] }));
    const { storefront } = await storefrontWith([hostileProduct('emoji')], { storage });
    const cart = await fixture<MenduniaCart>(html`<mendunia-cart inline .storefront=${storefront}></mendunia-cart>`);
    expect(part(cart, 'notices')!.querySelector('li')!.textContent).to.equal(`\u2068${name}\u2069 is no longer available and was removed from your cart.`);
    expectNoInjection(cart);
  });

  it('a name of 200 characters is shown whole; 201 refuses that product, naming the field', async () => {
    const name200 = `<b>${'x'.repeat(196)}</b`.slice(0, 200);
    expect(name200).to.have.length(200);
    const name201 = `${name200}y`;
    const description5000 = `${'<i>Kain batik 🇮🇩 </i>'.repeat(250)}`.slice(0, 5000);
    expect(description5000).to.have.length(5000);
    const product = (id: string, name: string, description?: string) => ({ id, name, description, price: 1000, images: [], weightGrams: 10 });
    const { storefront, errors } = await storefrontWith([
      product('long-ok', name200, description5000),
      product('long-name', name201),
      product('long-description', 'Fine name', `${description5000}z`),
    ]);
    const [ok, longName, longDescription] = await cards(storefront, ['long-ok', 'long-name', 'long-description']);
    expect(part(ok!, 'title')!.textContent).to.equal(name200);
    expect(part(ok!, 'description')!.textContent).to.equal(description5000);
    expectNoInjection(ok!);
    expect(part(longName!, 'message')!.textContent).to.equal('This product is not available.');
    expect(part(longDescription!, 'message')!.textContent).to.equal('This product is not available.');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('products[1].name: too long (at most 200 characters)');
    expect(errors[0]).to.contain('products[2].description: too long (at most 5000 characters)');
  });
  it('"__proto__" and "constructor" keys in catalog JSON pollute nothing', async () => {
    const text = '{"id": "kopi", "__proto__": {"polluted": "product"}, "constructor": {"prototype": {"polluted": "ctor"}}, "name": {"__proto__": {"polluted": "name"}, "en": "Kopi"}, "price": 1000, "images": [], "weightGrams": 10, "tags": ["__proto__"]}';
    const { storefront } = await storefrontWith([JSON.parse(text)]);
    const [el] = await cards(storefront, ['kopi']);
    expect(part(el!, 'title')!.textContent).to.equal('Kopi');
    expect(({} as { polluted?: unknown }).polluted).to.equal(undefined);
    expect((Object.prototype as { polluted?: unknown }).polluted).to.equal(undefined);
  });
});

describe('hostile image URLs', () => {
  const refused = [
    'javascript:window.__menduniaPwned="src"',
    'JaVaScRiPt:window.__menduniaPwned="src"',
    'java\tscript:window.__menduniaPwned="src"',
    'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__menduniaPwned=1"/>',
    'data:image/png;base64,iVBORw0KGgo=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ];
  const accepted = [
    // Port 9 (discard) refuses at once: these load nothing, and no name is looked up.
    'https://127.0.0.1:9/batik.png',
    'http://127.0.0.1:9/batik.png',
    '//127.0.0.1:9/batik.png',
    'images/batik.svg',
    '/no-such-image.png" onerror="window.__menduniaPwned=\'quote\'',
  ];
  const product = (id: string, src: string) => ({ id, name: `Product ${id}`, price: 1000, images: [{ src, width: 10, height: 10 }], weightGrams: 10 });

  beforeEach(() => delete window.__menduniaPwned);

  it('refuses javascript:, data:, vbscript: and file: images: the product is left out and the console names each field', async () => {
    const { storefront, errors } = await storefrontWith([...refused.map((src, i) => product(`bad-${i}`, src)), product('good', 'https://127.0.0.1:9/ok.png')]);
    const state = storefront.$catalog.get();
    expect(state.status === 'ready' && state.catalog.products.map((p) => p.id)).to.deep.equal(['good']);
    expect(errors).to.have.length(1);
    refused.forEach((_, i) => expect(errors[0]).to.contain(`products[${i}].images[0].src: expected a relative path or an http(s) URL (product "bad-${i}")`));
    const els = await cards(storefront, refused.map((_, i) => `bad-${i}`));
    for (const el of els) {
      expect(part(el, 'message')!.textContent).to.equal('This product is not available.');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    }
  });

  it('keeps http(s) and relative images, as written; a quote in the URL stays inside the src attribute', async () => {
    const { storefront, errors } = await storefrontWith(accepted.map((src, i) => product(`ok-${i}`, src)));
    expect(errors).to.deep.equal([]);
    const els = await cards(storefront, accepted.map((_, i) => `ok-${i}`));
    els.forEach((el, i) => {
      const img = part(el, 'image') as HTMLImageElement;
      expect(img.getAttribute('src')).to.equal(accepted[i]);
      expect(img.getAttributeNames().filter((a) => a.startsWith('on'))).to.deep.equal([]);
    });
    // The broken one fails to load; nothing runs when it does.
    const quoted = part(els.at(-1)!, 'image') as HTMLImageElement;
    quoted.loading = 'eager';
    await waitFor(() => quoted.complete);
    await settle();
    expect(window.__menduniaPwned).to.equal(undefined);
  });
});

describe('translated messages quote values verbatim', () => {
  // i18next replaces the first "{{quantity}}" in the string so far, so before the fix a name
  // holding one took the quantity and the quantity slot showed "{{quantity}}".
  const t = translator('en');
  for (const name of ['{{quantity}}', '{{quantity}} {{name}} {{-name}} {', 'a{', '\uE000o \uE000e \uE000', '$& $1 $$ $`']) {
    it(`keeps ${JSON.stringify(name)} as written`, () => {
      expect(t('product.added', { name, quantity: 2 })).to.equal(`Added to cart: ${name} × 2`);
      expect(t('product.addedLimited', { name, count: 3 })).to.equal(`Only 3 available: your cart now has 3 of ${name}`);
    });
  }

  it('still fills every placeholder of a message, and plurals', () => {
    expect(t('product.lowStock', { count: 1 })).to.equal('Only 1 left');
    expect(translator('id')('product.added', { name: '{x}', quantity: 1 })).to.contain('{x}');
  });
});
