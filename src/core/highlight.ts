import { indexTerm } from './terms.ts';

/** Why a piece of text is marked: a word the reader typed, or one of the reports' words searched for theirs. */
export type Match = 'own' | 'also' | false;

export interface Segment {
  text: string;
  match: Match;
  /** Inside the sentence that matched the question by meaning. */
  sentence: boolean;
}

/** What to mark in a paragraph. */
export interface Marks {
  /** Index terms (stems) the reader's own words matched. */
  terms: readonly string[];
  /** Index terms matched only through the expansion, marked apart. */
  also?: readonly string[];
  /** The sentence that matched by meaning, as it appears in the text. */
  sentence?: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits text into segments by what is marked, so a view can mark matches with text nodes instead of HTML. A word
 * matches when its index form (stem) is one of the terms; a sentence is marked where the text holds it.
 */
export function highlight(text: string, { terms, also = [], sentence = null }: Marks): Segment[] {
  const own = new Set(terms);
  const extra = new Set(also);
  const start = sentence ? text.indexOf(sentence) : -1;
  const end = start < 0 ? -1 : start + sentence!.length;
  const cuts = new Map<number, Match>();
  for (const m of text.matchAll(WORD)) {
    const term = indexTerm(m[0]);
    if (!term) continue;
    const match: Match = own.has(term) ? 'own' : extra.has(term) ? 'also' : false;
    if (match) cuts.set(m.index, match);
  }
  const segments: Segment[] = [];
  const push = (s: string, match: Match, inSentence: boolean) => {
    if (!s) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match && prev.sentence === inSentence) prev.text += s;
    else segments.push({ text: s, match, sentence: inSentence });
  };
  const inside = (i: number) => i >= start && i < end;
  let last = 0;
  const plain = (upTo: number) => {
    // Plain text may cross the sentence's edges: split it there.
    for (const edge of [start, end])
      if (edge > last && edge < upTo) {
        push(text.slice(last, edge), false, inside(last));
        last = edge;
      }
    push(text.slice(last, upTo), false, inside(last));
    last = upTo;
  };
  for (const m of text.matchAll(WORD)) {
    const match = cuts.get(m.index);
    if (!match) continue;
    plain(m.index);
    push(m[0], match, inside(m.index));
    last = m.index + m[0].length;
  }
  plain(text.length);
  return segments;
}
