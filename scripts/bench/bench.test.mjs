// The bench's pure helpers (no browser, no build): `node --test scripts/bench/`. The benchmark
// itself never runs in `npm test`; timing belongs to `npm run bench`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isOurDownload, labelSwitches, profileGroups, summariseSwitches, SWITCH_SEQUENCE } from './browser.mjs';
import { verdict } from './report.mjs';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judge, matchingFiles, proposedBudget } from '../size-budget.mjs';

describe('currency switches', () => {
  it('the first switch to each currency is told apart from the repeats', () => {
    assert.deepEqual(labelSwitches(['JPY', 'USD', 'JPY', 'SGD'], 'USD'), [
      { code: 'JPY', first: true },
      { code: 'USD', first: false },
      { code: 'JPY', first: false },
      { code: 'SGD', first: true },
    ]);
  });

  it('the bench rotates through at least four new currencies before repeating', () => {
    const labelled = labelSwitches(SWITCH_SEQUENCE, 'USD');
    assert.ok(labelled.filter((s) => s.first).length >= 4);
    assert.ok(labelled.filter((s) => !s.first).length >= 4);
  });

  it('first and repeated switches are summarised apart', () => {
    const runs = [
      { code: 'JPY', first: true, lit: 40, layout: 50 },
      { code: 'SGD', first: true, lit: 30, layout: 60 },
      { code: 'USD', first: false, lit: 10, layout: 12 },
      { code: 'JPY', first: false, lit: 12, layout: 20 },
      { code: 'SGD', first: false, lit: 8, layout: 14 },
    ];
    const s = summariseSwitches(runs);
    assert.equal(s.first.count, 2);
    assert.equal(s.first.medianLitMs, 35);
    assert.equal(s.first.maxLayoutMs, 60);
    assert.equal(s.repeated.count, 3);
    assert.equal(s.repeated.medianLitMs, 10);
    assert.equal(s.repeated.medianLayoutMs, 14);
  });
});

describe('downloads', () => {
  it('counts our scripts and data under /dist/, whatever their names, and not the shop files', () => {
    assert.ok(isOurDownload('http://127.0.0.1:1/dist/mendunia.js', 'script'));
    assert.ok(isOurDownload('http://127.0.0.1:1/dist/chunks/card-3f2a.js', 'script'));
    assert.ok(isOurDownload('http://127.0.0.1:1/dist/data/JP.json', 'fetch'));
    assert.ok(isOurDownload('http://127.0.0.1:1/dist/locales/ja.json', 'fetch'));
    assert.ok(!isOurDownload('http://127.0.0.1:1/catalog.json', 'fetch'));
    assert.ok(!isOurDownload('http://127.0.0.1:1/dist/images/x.svg', 'image'));
  });
});

describe('profile', () => {
  it('sums self time by our package and folder, by dependency, and by native code', () => {
    const groups = profileGroups([
      { fn: 'translate i18next/dist/esm/i18next.js:518', ms: 10, percent: 20 },
      { fn: 'getResource i18next/dist/esm/i18next.js:317', ms: 5, percent: 10 },
      { fn: 'r.format core/src/money/format.ts:79', ms: 3, percent: 6 },
      { fn: '(anonymous) core/src/money/format.ts:74', ms: 1, percent: 2 },
      { fn: 'update @lit/reactive-element/reactive-element.js:3', ms: 3, percent: 6 },
      { fn: '(garbage collector)', ms: 2, percent: 4 },
      { fn: 'setAttribute', ms: 1, percent: 2 },
    ]);
    assert.deepEqual(groups.map((g) => [g.group, g.ms, g.percent]), [
      ['i18next', 15, 30],
      ['@mendunia/core money/', 4, 8],
      ['@lit/reactive-element', 3, 6],
      ['(garbage collector)', 2, 4],
      ['browser (native: DOM, Intl …)', 1, 2],
    ]);
  });
});

describe('verdicts', () => {
  it('PASS at or under the limit, otherwise MISS with the ratio', () => {
    assert.equal(verdict(35000, 35000), 'PASS');
    assert.equal(verdict(52500, 35000), 'MISS 1.50×');
    assert.equal(verdict(0, 0), 'PASS');
    assert.equal(verdict(0.01, 0), 'MISS (target is 0)');
  });
});

describe('size budget ratchet', () => {
  it('fails past the budget, asks to lower it below 98 %, is quiet in between', () => {
    assert.equal(judge(10001, 10000).status, 'over');
    assert.equal(judge(10000, 10000).status, 'ok');
    assert.equal(judge(9800, 10000).status, 'ok');
    const shrank = judge(9000, 10000);
    assert.equal(shrank.status, 'shrank');
    assert.equal(shrank.proposed, 9100);
    assert.ok(proposedBudget(9000) >= 9000);
  });

  it('a * in the file name budgets every matching file, and nothing else', () => {
    const base = mkdtempSync(join(tmpdir(), 'mendunia-budget-'));
    mkdirSync(join(base, 'dist/chunks'), { recursive: true });
    for (const f of ['card-3f2a.js', 'cart-9b1c.js', 'card-3f2a.js.map', 'notes.txt']) writeFileSync(join(base, 'dist/chunks', f), 'x');
    assert.deepEqual(matchingFiles('dist/chunks/*.js', base).map((p) => p.slice(base.length)), ['/dist/chunks/card-3f2a.js', '/dist/chunks/cart-9b1c.js']);
    assert.deepEqual(matchingFiles('dist/chunks/card-*.js', base).length, 1);
    assert.deepEqual(matchingFiles('dist/none/*.js', base), []);
    assert.deepEqual(matchingFiles('dist/chunks/notes.txt', base).length, 1);
    assert.throws(() => matchingFiles('dist/*/x.js', base), /only the file name/);
  });
});
