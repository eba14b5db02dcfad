// Page marks: a page number ("12", "Page 3 of 12", "3/12", "- 3 -") or Ofsted's web address alone on a line. They are
// never report content, and wherever one stands a page begins or ends. A year alone on a line is a cover's date.
const PAGE_NUMBER = /^(?:page\s+)?(?!(?:19|20)\d{2}$)\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;
const OFSTED_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?(?:gov\.uk\/ofsted|(?:reports\.)?ofsted\.gov\.uk)\/?$/i;

// Lines at each edge of a page that may be a running title or footer: three, as a footer can take two lines and pdf.js
// may give a page's header after its footer.
const EDGE = 3;

// A line recurring at the edges of fewer pages than this is content that happened to fall there, such as the timescale
// "Within three months" at the top of a page or two.
const MIN_PAGES = 3;

const isPageMark = (line: string): boolean => PAGE_NUMBER.test(line.trim()) || OFSTED_ADDRESS.test(line.trim());

/** A line without its emphasis marks and with its spacing collapsed: how the chunker and this filter compare lines. */
export const cleanLine = (line: string): string => line.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

const keyOf = (line: string): string => cleanLine(line).toLowerCase();

/** A run of lines with text between page breaks and page marks: its lines' indexes, and the page it is on. */
interface Stretch {
  page: number;
  lines: number[];
}

/** Where the pages are not known, the stretches between page marks are the pages. */
function stretchesOf(pages: string[][], pagesKnown: boolean): Stretch[] {
  const stretches: Stretch[] = [];
  let lines: number[] = [];
  const end = (page: number) => {
    if (lines.length) stretches.push({ page: pagesKnown ? page : stretches.length, lines });
    lines = [];
  };
  let index = 0;
  pages.forEach((page, p) => {
    for (const line of page) {
      if (isPageMark(line)) end(p);
      else if (line.trim()) lines.push(index);
      index++;
    }
    end(p);
  });
  return stretches;
}

const edgesOf = (stretch: Stretch): number[] => [...stretch.lines.slice(0, EDGE), ...stretch.lines.slice(-EDGE)];

/** Lines at the edges of at least three pages, and of at least half of them. */
function runningKeys(stretches: Stretch[], keys: string[], pageCount: number): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  for (const stretch of stretches) {
    for (const i of edgesOf(stretch)) pagesOf.set(keys[i]!, (pagesOf.get(keys[i]!) ?? new Set()).add(stretch.page));
  }
  const running = [...pagesOf].filter(([, on]) => on.size >= MIN_PAGES && on.size >= pageCount / 2);
  return new Set(running.map(([key]) => key));
}

/**
 * Drops page furniture, for text and PDF alike: page marks wherever they stand, and below the title (the first line,
 * always kept) the title repeated and any running title or footer, which is a line at the edge of at least three pages
 * and at least half of them (a page's edges being its first and last three lines with text and the three either side
 * of a page mark on it). `pages` are a PDF's pages; text, whose pages are not known, is one page, which its page marks
 * divide. A line that merely recurs in the body, such as "Within three months", is kept.
 */
export function withoutRunningLines(pages: string[][]): string[][] {
  const lines = pages.flat();
  const keys = lines.map(keyOf);
  // A text, or a PDF of one page, has no page breaks to go by.
  const pagesKnown = pages.length > 1;
  const stretches = stretchesOf(pages, pagesKnown);
  const running = runningKeys(stretches, keys, pagesKnown ? pages.length : stretches.length);
  const edges = new Set(stretches.flatMap(edgesOf));
  const title = lines.findIndex((l) => l.trim());
  const isFurniture = (line: string, i: number) =>
    isPageMark(line) || (i > title && (keys[i] === keys[title] || (edges.has(i) && running.has(keys[i]!))));
  let index = 0;
  return pages.map((page) => page.filter((line) => !isFurniture(line, index++)));
}
