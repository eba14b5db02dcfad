import { describe, expect, it } from 'vitest';
import { LibraryKeywords, buildKeywordIndex, searchKeywords } from '../../src/core/keyword.ts';
import type { Chunk } from '../../src/core/types.ts';

const chunk = (id: string, reportId: string, text: string): Chunk => ({
  id,
  reportId,
  year: 2022,
  paragraph: null,
  kind: 'unnumbered',
  sectionPath: ['Help'],
  grade: null,
  text,
});

describe('searchKeywords matching', () => {
  const index = buildKeywordIndex([
    chunk('a1', 'a', 'Young people who are homeless.'),
    chunk('a2', 'a', 'Children placed in foster homes.'),
    chunk('a3', 'a', 'Child sexual exploitation.'),
  ]);
  const vocabulary = new Set([
    'young',
    'peopl',
    'homeless',
    'children',
    'place',
    'foster',
    'home',
    'child',
    'sexual',
    'exploit',
  ]);
  const known = (term: string) => vocabulary.has(term);
  const ids = (query: string) => searchKeywords(index, query, known).map((h) => h.id);

  it('does not turn a word the reports use into a longer one', () => {
    expect(ids('foster homes')).toEqual(['a2']);
    expect(ids('homes')).toEqual(['a2']);
  });

  it('still completes a half-typed last word, and leaves typos to the spelling step before it', () => {
    expect(ids('homel')).toEqual(['a1']);
    // The engine reads "fosterr" as "foster" (spelling.ts) before the index is asked; the index matches words only.
    expect(ids('fosterr')).toEqual([]);
  });
});

describe('LibraryKeywords', () => {
  const known = () => true;
  const ids = (hits: Map<string, { id: string }[]>) =>
    Object.fromEntries([...hits].map(([report, h]) => [report, h.map((x) => x.id)]));

  it('answers for every report at once, each report with its own paragraphs, best first', () => {
    const library = LibraryKeywords.empty();
    library.add('a', [chunk('a1', 'a', 'Private fostering is rare.'), chunk('a2', 'a', 'Foster carers.')], 'h-a');
    library.add('b', [chunk('b1', 'b', 'Care leavers.'), chunk('b2', 'b', 'Private fostering arrangements.')], 'h-b');
    expect(library.reports()).toEqual(['a', 'b']);
    expect(ids(library.search('private fostering', known))).toEqual({ a: ['a1', 'a2'], b: ['b2'] });
  });

  it('discards a report in place, and adding a report again replaces its paragraphs', () => {
    const library = LibraryKeywords.empty();
    library.add('a', [chunk('a1', 'a', 'Private fostering.')], 'h-a');
    library.add('b', [chunk('b1', 'b', 'Private fostering.')], 'h-b');
    library.add('c', [chunk('c1', 'c', 'Private fostering.')], 'h-c');
    library.discard('b');
    expect(library.reports()).toEqual(['a', 'c']);
    expect(ids(library.search('fostering', known))).toEqual({ a: ['a1'], c: ['c1'] });
    library.add('a', [chunk('a1', 'a', 'Care leavers.'), chunk('a9', 'a', 'Fostering panels.')], 'h-a2');
    expect(ids(library.search('fostering', known))).toEqual({ a: ['a9'], c: ['c1'] });
    expect(ids(library.search('leavers', known))).toEqual({ a: ['a1'] });
  });

  it('is read back from its JSON as it was, and refuses what is not one', () => {
    const library = LibraryKeywords.empty();
    library.add('a', [chunk('a1', 'a', 'Private fostering is rare.'), chunk('a2', 'a', 'Foster carers.')], 'h-a');
    library.add('b', [chunk('b1', 'b', 'Private fostering arrangements.')], 'h-b');
    library.discard('a');
    library.add('c', [chunk('c1', 'c', 'Fostering panels.')], 'h-c');
    const read = LibraryKeywords.fromJSON(library.toJSON());
    expect(read.reports()).toEqual(['b', 'c']);
    expect([read.textHashOf('b'), read.textHashOf('c'), read.textHashOf('a')]).toEqual(['h-b', 'h-c', undefined]);
    expect(read.search('fostering', known)).toEqual(library.search('fostering', known));
    read.discard('b');
    expect(ids(read.search('fostering', known))).toEqual({ c: ['c1'] });
    expect(() => LibraryKeywords.fromJSON('{"index": {}, "held": {"a": ["a1"]}}')).toThrow();
    expect(() => LibraryKeywords.fromJSON('{"not": "one"}')).toThrow();
  });

  it('finds what each report’s own index finds, with the same matched words', () => {
    const a = [
      chunk('a1', 'a', 'Young people who are homeless.'),
      chunk('a2', 'a', 'Children placed in foster homes.'),
    ];
    const b = [chunk('b1', 'b', 'Homeless young people and their housing.'), chunk('b2', 'b', 'Fostering.')];
    const library = LibraryKeywords.empty();
    library.add('a', a, 'h-a');
    library.add('b', b, 'h-b');
    const shared = library.search('homeless young people', known);
    for (const [report, chunks] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const own = searchKeywords(buildKeywordIndex(chunks), 'homeless young people', known);
      expect(shared.get(report)!.map((h) => [h.id, h.terms, h.queryTerms])).toEqual(
        own.map((h) => [h.id, h.terms, h.queryTerms]),
      );
    }
  });
});
