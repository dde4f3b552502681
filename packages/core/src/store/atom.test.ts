import { expect } from '@open-wc/testing';
import { atom, computed } from './atom.js';

describe('atom / computed', () => {
  it('notifies listeners with value and previous, only on change', () => {
    const $n = atom(1);
    const seen: [number, number][] = [];
    const off = $n.listen((v, prev) => seen.push([v, prev]));
    $n.set(1);
    $n.set(2);
    off();
    $n.set(3);
    expect(seen).to.deep.equal([[2, 1]]);
    expect($n.get()).to.equal(3);
  });

  it('subscribe calls at once and on change', () => {
    const $s = atom('a');
    const seen: string[] = [];
    $s.subscribe((v) => seen.push(v));
    $s.set('b');
    expect(seen).to.deep.equal(['a', 'b']);
  });

  it('lets a listener unsubscribe another during notification', () => {
    const $n = atom(0);
    const calls: string[] = [];
    let offB = () => {};
    $n.listen(() => {
      calls.push('a');
      offB();
    });
    offB = $n.listen(() => calls.push('b'));
    $n.set(1);
    $n.set(2);
    expect(calls).to.deep.equal(['a', 'b', 'a']);
  });

  it('computed keeps the same object until an input changes', () => {
    const $a = atom(2);
    const $b = atom(3);
    let runs = 0;
    const $sum = computed([$a, $b], (a, b) => {
      runs++;
      return { total: a + b };
    });
    const first = $sum.get();
    expect(first.total).to.equal(5);
    expect($sum.get()).to.equal(first);
    $a.set(10);
    expect($sum.get().total).to.equal(13);
    expect($sum.get()).to.not.equal(first);
    expect(runs).to.equal(2);
  });
});
