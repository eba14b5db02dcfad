import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/core/highlight.ts';
import { indexTerms } from '../../src/core/terms.ts';

describe('highlight', () => {
  it('marks every word whose stem matched, keeping all other text as is', () => {
    expect(highlight('Children who go missing, and missed reviews.', ['miss'])).toEqual([
      { text: 'Children who go ', match: false },
      { text: 'missing', match: true },
      { text: ', and ', match: false },
      { text: 'missed', match: true },
      { text: ' reviews.', match: false },
    ]);
  });

  it('is case-insensitive and leaves stop words alone', () => {
    expect(highlight('The LADO and the lado', ['lado', 'the'])).toEqual([
      { text: 'The ', match: false },
      { text: 'LADO', match: true },
      { text: ' and the ', match: false },
      { text: 'lado', match: true },
    ]);
  });

  it('returns the text untouched when nothing matches, markup included', () => {
    const text = '<img src=x onerror=alert(1)> care';
    expect(highlight(text, ['neglect'])).toEqual([{ text, match: false }]);
    expect(highlight('', ['care'])).toEqual([]);
  });

  it('uses the same terms as the index', () => {
    expect(indexTerms('Return home interviews, returning HOME!')).toEqual(['return', 'home', 'interview']);
    expect(highlight('returning home', indexTerms('return'))).toEqual([
      { text: 'returning', match: true },
      { text: ' home', match: false },
    ]);
  });
});
