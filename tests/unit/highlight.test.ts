import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/core/highlight.ts';
import { indexTerms } from '../../src/core/terms.ts';

describe('highlight', () => {
  it('marks every word whose stem matched, keeping all other text as is', () => {
    expect(highlight('Children missing from home, and missing from care.', { terms: ['miss'] })).toEqual([
      { text: 'Children ', match: false, sentence: false },
      { text: 'missing', match: 'own', sentence: false },
      { text: ' from home, and ', match: false, sentence: false },
      { text: 'missing', match: 'own', sentence: false },
      { text: ' from care.', match: false, sentence: false },
    ]);
  });

  it('keeps apart words the stemmer would join but the field does not: missed is not missing, parenting not parents', () => {
    expect(highlight('Missed visits; missing children', { terms: indexTerms('missing') })).toEqual([
      { text: 'Missed visits; ', match: false, sentence: false },
      { text: 'missing', match: 'own', sentence: false },
      { text: ' children', match: false, sentence: false },
    ]);
    expect(highlight('Corporate parenting for parents', { terms: indexTerms('parents') })).toEqual([
      { text: 'Corporate parenting for ', match: false, sentence: false },
      { text: 'parents', match: 'own', sentence: false },
    ]);
  });

  it('marks no filler word ("when", "go", "off"), even when asked for', () => {
    expect(indexTerms('when they go off')).toEqual([]);
  });

  it('is case-insensitive and leaves stop words alone', () => {
    expect(highlight('The LADO and the lado', { terms: ['lado', 'the'] })).toEqual([
      { text: 'The ', match: false, sentence: false },
      { text: 'LADO', match: 'own', sentence: false },
      { text: ' and the ', match: false, sentence: false },
      { text: 'lado', match: 'own', sentence: false },
    ]);
  });

  it('returns the text untouched when nothing matches, markup included', () => {
    const text = '<img src=x onerror=alert(1)> care';
    expect(highlight(text, { terms: ['neglect'] })).toEqual([{ text, match: false, sentence: false }]);
    expect(highlight('', { terms: ['care'] })).toEqual([]);
  });

  it('uses the same terms as the index', () => {
    expect(indexTerms('Return home interviews, returning HOME!')).toEqual(['return', 'home', 'interview']);
    expect(highlight('returning home', { terms: indexTerms('return') })).toEqual([
      { text: 'returning', match: 'own', sentence: false },
      { text: ' home', match: false, sentence: false },
    ]);
  });

  it("marks words matched through the expansion apart from the reader's own", () => {
    expect(highlight('Foster carers and agency staff', { terms: ['foster'], also: ['carer'] })).toEqual([
      { text: 'Foster', match: 'own', sentence: false },
      { text: ' ', match: false, sentence: false },
      { text: 'carers', match: 'also', sentence: false },
      { text: ' and agency staff', match: false, sentence: false },
    ]);
  });

  it('marks the sentence that matched by meaning, with the words in it', () => {
    const text = 'Visits are regular. Children are seen alone. Plans are clear.';
    expect(highlight(text, { terms: ['alon'], sentence: 'Children are seen alone.' })).toEqual([
      { text: 'Visits are regular. ', match: false, sentence: false },
      { text: 'Children are seen ', match: false, sentence: true },
      { text: 'alone', match: 'own', sentence: true },
      { text: '.', match: false, sentence: true },
      { text: ' Plans are clear.', match: false, sentence: false },
    ]);
  });
});
