import { describe, expect, it } from 'vitest';
import { withoutRunningLines } from '../../src/core/runningLines.ts';

const TITLE = 'Inspection of Testshire local authority children’s services';
// Two lines of a page's own text, unlike any other page's.
const body = (n: number) => [`${n}. Children are seen by social workers.`, `Plans for ${n * 7} children are done.`];
const text = (lines: string[]) => withoutRunningLines([lines])[0]!;

describe('page furniture in text, whose pages only its page numbers show', () => {
  it('keeps a line next to page numbers on only a few of many pages, and counts it once a page', () => {
    const within = [2, 5, 8];
    const page = (n: number) => [...body(n), ...(within.includes(n) ? ['Within three months'] : []), `Page ${n} of 10`];
    const lines = [TITLE, ...Array.from({ length: 10 }, (_, i) => page(i + 1)).flat()];
    expect(text(lines).filter((l) => l === 'Within three months')).toHaveLength(3);
    const twoPages = [TITLE, ...body(1), 'Within three months', 'Within three months', '1', 'Within three months'];
    expect(text(twoPages)).toEqual(twoPages.filter((l) => l !== '1'));
  });

  it('drops every line of a footer three lines deep', () => {
    const footer = ['Testshire children’s services', 'Inspected in May 2021', 'Report 80123'];
    const lines = [TITLE, ...[1, 2, 3, 4].flatMap((n) => [...body(n), ...footer, `Page ${n} of 4`])];
    expect(text(lines)).toEqual([TITLE, ...[1, 2, 3, 4].flatMap(body)]);
  });

  it('keeps the title when the running title repeats it', () => {
    const lines = [1, 2, 3, 4].flatMap((n) => [TITLE, String(n), ...body(n)]);
    expect(text(lines)).toEqual([TITLE, ...[1, 2, 3, 4].flatMap(body)]);
  });
});

describe('page furniture in a PDF, page by page', () => {
  it('drops a running title on pages that have no page numbers, but not the first line', () => {
    const pages = [1, 2, 3, 4].map((n) => [TITLE, ...body(n), 'Testshire children’s services']);
    expect(withoutRunningLines(pages)).toEqual([[TITLE, ...body(1)], body(2), body(3), body(4)]);
  });

  it('drops page numbers in any of their forms, wherever they stand on the page', () => {
    const pages = [
      [TITLE, '- 1 -', ...body(1)],
      [...body(2), '2/3', 'www.gov.uk/ofsted'],
      [...body(3), ...body(4), '3', ...body(5), ...body(6)],
    ];
    expect(withoutRunningLines(pages)).toEqual([[TITLE, ...body(1)], body(2), [3, 4, 5, 6].flatMap(body)]);
  });
});
