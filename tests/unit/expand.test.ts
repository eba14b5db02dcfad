import { describe, expect, it } from 'vitest';
import { Vocabulary, corpusWords } from '../../src/core/expand.ts';
import { buildKeywordIndex, searchKeywords } from '../../src/core/keyword.ts';
import type { Chunk } from '../../src/core/types.ts';
import { VectorMatrix } from '../../src/core/vectors.ts';

const chunk = (id: string, reportId: string, text: string): Chunk => ({ id, reportId, year: 2022, paragraph: null, sectionPath: ['Help'], grade: null, text });
const unit = (x: number, y: number) => Float32Array.from([x, y].map((v) => v / Math.hypot(x, y)));
const tuning = { max: 2, minSimilarity: 0.5, boost: 0.3 };

describe('Vocabulary.expansions', () => {
  const vocabulary = new Vocabulary(['children', 'teenagers', 'budget'], VectorMatrix.fromRows([unit(1, 0.1), unit(1, 0.3), unit(0, 1)], 2));

  it('adds the nearest corpus words the query does not already contain, each with the expansion boost', () => {
    expect(vocabulary.expansions('Children', unit(1, 0.2), tuning)).toEqual(new Map([['teenagers', 0.3]]));
  });

  it('adds nothing below the similarity threshold', () => {
    expect(vocabulary.expansions('spending', unit(-1, 0), tuning).size).toBe(0);
  });

  it('refuses words and vectors that do not pair up', () => {
    expect(() => new Vocabulary(['one'], VectorMatrix.fromRows([], 2))).toThrow(/1 words for 0/);
  });
});

describe('corpusWords', () => {
  it('keeps distinct lower-case words, without stop words or numbers', () => {
    expect(corpusWords([chunk('a', 'r', 'The Children and 16 children in care')])).toEqual(['care', 'children', 'help']);
  });
});

describe('searchKeywords with expansions', () => {
  const index = buildKeywordIndex([chunk('a1', 'a', 'Teenagers at risk of exploitation.'), chunk('a2', 'a', 'Children at risk.'), chunk('b1', 'b', 'Teenagers leaving care.')]);
  const expansions = new Map([['teenagers', 0.3]]);

  it('lets expansion words re-rank a report the query itself reaches', () => {
    expect(searchKeywords(index, 'children exploitation', 'a', 10, expansions).map((h) => h.id)).toEqual(['a1', 'a2']);
    expect(searchKeywords(index, 'children', 'a', 10, expansions)[0]!.id).toBe('a2');
  });

  it('finds nothing in a report that uses none of the query words', () => {
    expect(searchKeywords(index, 'children', 'b', 10, expansions)).toEqual([]);
  });
});
