import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const STOP_WORDS = new Set(eng);
// MiniSearch's own default tokenizer: splitting text the same way for indexing, queries and highlighting
// keeps highlighted words identical to the words that matched.
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The words of a text and nothing else: lower case, each run of characters that are not letters or digits one space.
 * Two texts with the same words in the same order fold alike, whatever their spacing, line breaks or punctuation.
 */
export function foldWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function tokenize(text: string): string[] {
  return text.split(SPLIT).filter(Boolean);
}

/** The index form of a word: lower case, Porter-stemmed; null for stop words. */
export function indexTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  return stemmer(lower);
}

/** The index terms of a text in reading order, repeats kept: for phrases and term counts. */
export function termSequence(text: string): string[] {
  return tokenize(text).flatMap((word) => indexTerm(word) ?? []);
}

/** Distinct index terms of a text, in order of first appearance. */
export function indexTerms(text: string): string[] {
  return [...new Set(termSequence(text))];
}
