import { describe, expect, it } from 'vitest';
import { Vocabulary, rewrite } from '../../src/core/expansion.ts';
import { BRIDGES } from '../../src/core/everydayWords.ts';
import { Spelling, applyCorrections } from '../../src/core/spelling.ts';

const vocabulary = new Vocabulary([
  { ask: ['kids'], find: ['children', 'young people'] },
  { ask: ['runaway', 'run away'], find: ['missing from home', 'missing from care'] },
  { ask: ['parents'], find: ['parents and carers'] },
  { ask: ['foster parents'], find: ['foster carers'] },
  { ask: ['turnover'], find: ['vacancies', 'agency staff'], twoWay: true },
]);

describe('Vocabulary.bridge', () => {
  it('finds the reports words for an everyday phrase, matching word stems', () => {
    expect(vocabulary.bridge('Runaways')).toEqual([
      { said: 'runaways', find: ['missing from home', 'missing from care'] },
    ]);
    expect(vocabulary.bridge('kids who run away')).toEqual([
      { said: 'kids', find: ['children', 'young people'] },
      { said: 'run away', find: ['missing from home', 'missing from care'] },
    ]);
  });

  it('reads the longest phrase that starts at a word, so "foster parents" is not "parents"', () => {
    expect(vocabulary.bridge('foster parents')).toEqual([{ said: 'foster parents', find: ['foster carers'] }]);
  });

  it('adds no report phrase the question already holds', () => {
    expect(vocabulary.bridge('kids and young people')).toEqual([{ said: 'kids', find: ['children'] }]);
  });

  it('reads a two-way bridge backwards from one report phrase to the others', () => {
    expect(vocabulary.bridge('agency staff')).toEqual([{ said: 'agency staff', find: ['vacancies'] }]);
  });

  it('leaves a question with no everyday phrase alone', () => {
    expect(vocabulary.bridge('return home interviews')).toEqual([]);
    expect(rewrite('return home interviews', [])).toBe('return home interviews');
  });

  it('rewrites the question with the reports words, keeping the question', () => {
    expect(rewrite('runaways', vocabulary.bridge('runaways'))).toBe('runaways (missing from home, missing from care)');
  });

  it('knows the words of its everyday phrases', () => {
    expect(vocabulary.knows('Kids')).toBe(true);
    expect(vocabulary.knows('children')).toBe(false);
  });
});

describe('the vocabulary of children social care', () => {
  it('has a few hundred bridges, no everyday phrase twice, and every phrase in lower case', () => {
    expect(BRIDGES.length).toBeGreaterThanOrEqual(200);
    const asks = BRIDGES.flatMap((b) => b.ask);
    expect(new Set(asks).size).toBe(asks.length);
    for (const phrase of [...asks, ...BRIDGES.flatMap((b) => b.find)]) expect(phrase).toBe(phrase.toLowerCase());
    for (const b of BRIDGES) expect(b.find.length).toBeGreaterThan(0);
  });

  it('bridges the everyday words readers use for the field terms', () => {
    const real = new Vocabulary();
    const found = (q: string) => real.bridge(q).flatMap((b) => b.find);
    expect(found('runaways')).toContain('return home interview');
    expect(found('foster parents')).toContain('foster carers');
    expect(found('staff turnover')).toContain('agency staff');
  });
});

describe('Spelling', () => {
  const spelling = new Spelling(
    Spelling.wordCounts([
      'Foster carers and fostering. Safeguarding children; adoption and adopters. Homes, homeless.',
      'foster foster safeguarding',
    ]),
  );

  it('reads a short misspelling as the nearest word of the reports', () => {
    expect(spelling.suggest('fostr')).toBe('foster');
    expect(spelling.suggest('safegaurding')).toBe('safeguarding');
  });

  it('reads a word spelt as it sounds', () => {
    expect(spelling.suggest('adopshun')).toBe('adoption');
  });

  it('never corrects a word the reports hold, a short word, or one with nothing near', () => {
    expect(spelling.suggest('homes')).toBeNull();
    expect(spelling.suggest('kid')).toBeNull();
    expect(spelling.suggest('zebra')).toBeNull();
  });

  it('tells a half-typed word from a misspelt one', () => {
    expect(spelling.startsAWord('fosteri')).toBe(true);
    expect(spelling.startsAWord('fostr')).toBe(false);
  });

  it('replaces whole misspelt words only, in any case', () => {
    const corrections = [{ word: 'fostr', suggestion: 'foster' }];
    expect(applyCorrections('Fostr carers and fostrs', corrections)).toBe('foster carers and fostrs');
    expect(applyCorrections('fostr', [])).toBe('fostr');
  });
});
