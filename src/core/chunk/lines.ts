import { withoutRunningLines } from '../runningLines.ts';

// Lines that PDF extraction carries over from covers, footers and back pages; never report content.
const BOILERPLATE = [
  /^©/,
  /crown copyright/i,
  /^website:/i,
  /may be reproduced in whole or in part/i,
  /^further copies of this report/i,
  /^age group:/i,
  /^published:/i,
  /^(reporting|lead) inspector:/i,
  /^inspection dates?:/i,
  /^the office for standards in education, children's services and skills/i,
  /^if you would like a copy of this document/i,
  /^you may reuse this information/i,
  /^this report is available at/i,
  /^interested in our work\?/i,
  /^piccadilly gate/i,
  /^t: \d/i,
  /^textphone:/i,
  /^contents$/i,
];

export const ENDS_SENTENCE = /[.!?]["'”’)]?$/;
export const BULLET = /^-\s+(\S.*)$/;

// A long line that ends no sentence was wrapped at the page width, so its sentence goes on in the next line.
const wrapsOn = (line: string): boolean => line.length >= 60 && !ENDS_SENTENCE.test(line);

/** Which lines are boilerplate, counting the lines a PDF wrapped a boilerplate sentence onto. */
export function boilerplateLines(lines: string[]): boolean[] {
  let wrapped = false;
  return lines.map((line) => {
    const text = line.trim();
    const boilerplate = text !== '' && (wrapped || BOILERPLATE.some((re) => re.test(text)));
    wrapped = boilerplate && wrapsOn(text);
    return boilerplate;
  });
}

// Words Ofsted writes with a hyphen whatever follows.
const HYPHENATED_PREFIXES = new Set([
  'anti',
  'co',
  'cross',
  'decision',
  'face',
  'multi',
  'non',
  'self',
  'semi',
  'well',
]);
// A hyphen (ASCII, Unicode or soft) at a line end, with the word going on in lower case after it. Tried only where a
// word begins (inside one too, a line of letters with no hyphen takes time in the square of its length), and every
// part bounded, far above any word's length: unbounded, a line of millions of letters overflows the regex's stack.
const LINE_END_HYPHEN = /(?<!\p{L})(\p{L}{1,100})([-\u00ad\u2010])[ \t]{0,100}\n\s{0,100}(\p{Ll}{1,100})(\S{0,100})/gu;

/**
 * Mends words that a PDF broke across lines at a hyphen ("assess-\nments", "multi-\nagency"), putting the whole
 * word, with any punctuation after it, at the end of the first line. The report's own spelling elsewhere decides
 * first: "xxx-yyy" keeps the hyphen, "xxxyyy" drops it. Otherwise a soft hyphen or U+2010 (which typesetters put in
 * when they break a word) goes; a plain hyphen stays when xxx is a prefix Ofsted hyphenates (multi, self,
 * decision...) or both halves are words the report uses on their own ("needs-based"), and goes when a half is no word
 * of the report ("ments"). A capital or digit after the break ("16-\n17-year-olds") and a dash after a space are
 * left alone.
 */
export function joinHyphenatedWords(text: string): string {
  const rest = text.replace(LINE_END_HYPHEN, ' ');
  // Bounded as LINE_END_HYPHEN is: no word is longer, and a line of millions of letters would overflow the stack.
  const spelt = new Set((rest.match(/[\p{L}-]{1,200}/gu) ?? []).map((w) => w.toLowerCase()));
  const words = new Set((rest.match(/\p{L}{1,100}/gu) ?? []).map((w) => w.toLowerCase()));
  return text.replace(LINE_END_HYPHEN, (_, head: string, mark: string, tail: string, trailing: string) => {
    const [h, t] = [head.toLowerCase(), tail.toLowerCase()];
    const compound = HYPHENATED_PREFIXES.has(h) || (words.has(h) && words.has(t));
    const hyphen = spelt.has(`${h}-${t}`) || (mark === '-' && !spelt.has(h + t) && compound);
    return (hyphen ? `${head}-${tail}` : head + tail) + trailing + '\n';
  });
}

/** The report's lines, without running titles and page numbers, and with words hyphenated at line ends joined. */
export function toLines(rawText: string): string[] {
  const lines = rawText
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\f/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    // Only where a run of spaces begins: tried inside one too, a long run not at the line's end takes quadratic time.
    .map((l) => l.replace(/(?<! ) +$/, ''));
  return joinHyphenatedWords(withoutRunningLines([lines])[0]!.join('\n')).split('\n');
}
