import { expect } from '@open-wc/testing';
import { defineElement, foreignDefinition, VERSION } from './define.js';
import { captureConsole } from '../test/fixtures.js';

const versionKey = Symbol.for('mendunia.version');
let n = 0;
const tag = () => `mendunia-define-test-${++n}`;
/** A class as another copy of Mendunia (of `version`) would have registered it. */
function registeredBy(version: string | undefined, name: string): CustomElementConstructor {
  const ctor = class extends HTMLElement {};
  if (version) Object.defineProperty(ctor, versionKey, { value: version });
  customElements.define(name, ctor);
  return ctor;
}

describe('defineElement', () => {
  it('registers a free tag, and skips the same version silently', async () => {
    const name = tag();
    const { warnings } = await captureConsole(() => {
      defineElement(name, class extends HTMLElement {});
      defineElement(name, class extends HTMLElement {});
    });
    expect((customElements.get(name) as unknown as Record<symbol, string>)[versionKey]).to.equal(VERSION);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once for all the tags another version already defined, and never throws', async () => {
    const names = [tag(), tag(), tag()];
    const first = names.map((name) => registeredBy('0.0.9', name));
    const { warnings } = await captureConsole(() => {
      for (const name of names) defineElement(name, class extends HTMLElement {});
      for (const name of names) defineElement(name, class extends HTMLElement {});
    });
    expect(names.map((name) => customElements.get(name))).to.deep.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.equal(`Mendunia ${VERSION}: <${names[0]}> is already defined by Mendunia 0.0.9; keeping that definition. Load Mendunia once per page.`);
  });

  it('names each foreign element that holds a Mendunia tag', async () => {
    const names = [tag(), tag()];
    for (const name of names) registeredBy(undefined, name);
    const { warnings } = await captureConsole(() => {
      for (const name of names) defineElement(name, class extends HTMLElement {});
    });
    expect(warnings.map((w) => w.match(/<([^>]+)>/)![1])).to.deep.equal(names);
    expect(warnings[0]).to.contain('already defined by another script');
  });

  it('says which class holds the tag, and does not advise loading Mendunia once (it was loaded once)', async () => {
    const name = tag();
    customElements.define(name, class FancyCart extends HTMLElement {});
    const { warnings } = await captureConsole(() => defineElement(name, class extends HTMLElement {}));
    expect(warnings).to.deep.equal([
      `Mendunia ${VERSION}: <${name}> is already defined by another script on this page (class FancyCart), not by Mendunia, so Mendunia's <${name}> cannot be used here. Remove that script or have it use another tag name.`,
    ]);
    expect(foreignDefinition(name)).to.equal('class FancyCart');
    const ours = tag();
    defineElement(ours, class extends HTMLElement {});
    expect(foreignDefinition(ours)).to.equal(undefined);
    expect(foreignDefinition(tag())).to.equal(undefined);
  });
});
