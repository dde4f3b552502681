// The bench's pure helpers (no browser, no build): `node --test scripts/bench/`. The benchmark
// itself never runs in `npm test`; timing belongs to `npm run bench`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isOurDownload, labelSwitches, summariseSwitches, SWITCH_SEQUENCE } from './browser.mjs';
import { verdict } from './report.mjs';
import { judge, proposedBudget } from '../size-budget.mjs';

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
});
