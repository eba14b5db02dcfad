import { describe, expect, it } from 'vitest';
import { indexTerms, wordStem } from '../../src/core/terms.ts';

describe('wordStem', () => {
  it('gives a word its stem in any case and on every call, the field’s own terms before the stemmer’s', () => {
    for (let call = 0; call < 2; call++) {
      expect(['Interviews', 'interviews', 'INTERVIEWS'].map(wordStem)).toEqual(['interview', 'interview', 'interview']);
      expect(['Parents', 'Parenting', 'parenting'].map(wordStem)).toEqual(['parent', 'parenting', 'parenting']);
      expect(['Officers', 'office'].map(wordStem)).toEqual(['officer', 'offic']);
    }
  });

  it('gives the same stems after more distinct words than it keeps', () => {
    const words = ['missing', 'missed', 'communities', 'communication', 'returning', 'carers'];
    const before = words.map(wordStem);
    for (let i = 0; i < 60_000; i++) wordStem(`word${i}ing`);
    expect(words.map(wordStem)).toEqual(before);
    expect(before).toEqual(['miss', 'missed', 'community', 'commun', 'return', 'carer']);
    expect(indexTerms('Missed visits; missing children')).toEqual(['missed', 'visit', 'miss', 'children']);
  });
});
