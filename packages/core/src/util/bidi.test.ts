import { expect } from '@open-wc/testing';
import { balanceBidi, isolate } from './bidi.js';

const LRE = '\u202A', RLE = '\u202B', PDF = '\u202C', LRO = '\u202D', RLO = '\u202E';
const LRI = '\u2066', RLI = '\u2067', FSI = '\u2068', PDI = '\u2069', RLM = '\u200F', ALM = '\u061C';

describe('balanceBidi', () => {
  for (const [name, input, expected] of [
    ['plain text is returned as it is', 'Kopi Gayo', 'Kopi Gayo'],
    ['an unclosed override is removed', `Batik ${RLO}Parang`, 'Batik Parang'],
    ['an unclosed left-to-right override is removed', `${LRO}123`, '123'],
    ['a closed override stays', `Batik ${RLO}gnp.exe${PDF} Parang`, `Batik ${RLO}gnp.exe${PDF} Parang`],
    ['a PDF with nothing open is removed', `a${PDF}b`, 'ab'],
    ['a PDI with nothing open is removed', `a${PDI}b`, 'ab'],
    ['an unclosed isolate is removed', `${RLI}نص عربي`, 'نص عربي'],
    ['closed isolates stay', `${LRI}a${PDI} ${FSI}b${PDI}`, `${LRI}a${PDI} ${FSI}b${PDI}`],
    ['a scope does not reach past the end of its line', `${RLO}one\ntwo${PDF}`, 'one\ntwo'],
    ['a PDF does not close across an isolate', `${RLE}a${LRI}b${PDF}c${PDI}d${PDF}`, `${RLE}a${LRI}bc${PDI}d${PDF}`],
    ['a PDI closes the embeddings left open inside its isolate, which go', `${RLI}a${LRE}b${PDI}c`, `${RLI}ab${PDI}c`],
    ['nested pairs stay', `${LRE}a${RLO}b${PDF}c${PDF}`, `${LRE}a${RLO}b${PDF}c${PDF}`],
    ['marks stay (they open nothing)', `a${RLM}b${ALM}c`, `a${RLM}b${ALM}c`],
    ['an outer LRE left open around a closed one', `${LRE}a${LRE}b${PDF}`, `a${LRE}b${PDF}`],
  ] as const) {
    it(name, () => expect(balanceBidi(input)).to.equal(expected));
  }
});

describe('isolate', () => {
  it('wraps text in FSI … PDI, balanced first so it cannot close the isolate early', () => {
    expect(isolate('Kopi')).to.equal(`${FSI}Kopi${PDI}`);
    expect(isolate(`${PDI}${RLO}Kopi`)).to.equal(`${FSI}Kopi${PDI}`);
  });
});
