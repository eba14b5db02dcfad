import { indexTerm } from './terms.ts';

export interface Segment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into plain and matching segments, so a view can mark matches with text nodes instead of HTML.
 * A word matches when its index form (stem) is one of `terms`.
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const wanted = new Set(terms);
  const segments: Segment[] = [];
  let last = 0;
  const push = (s: string, match: boolean) => {
    if (!s) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match) prev.text += s;
    else segments.push({ text: s, match });
  };
  for (const m of text.matchAll(WORD)) {
    const term = indexTerm(m[0]);
    if (!term || !wanted.has(term)) continue;
    push(text.slice(last, m.index), false);
    push(m[0], true);
    last = m.index + m[0].length;
  }
  push(text.slice(last), false);
  return segments;
}
