import { stemmer } from 'stemmer';
import { eng } from 'stopword';

const STOP_WORDS = new Set(eng);
// MiniSearch's own default tokenizer: splitting text the same way for indexing, queries and highlighting
// keeps highlighted words identical to the words that matched.
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

export function tokenize(text: string): string[] {
  return text.split(SPLIT).filter(Boolean);
}

/** The index form of a word: lower case, Porter-stemmed; null for stop words. */
export function indexTerm(word: string): string | null {
  const lower = word.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  return stemmer(lower);
}

/** Distinct index terms of a text, in order of first appearance. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of tokenize(text)) {
    const term = indexTerm(word);
    if (term) terms.add(term);
  }
  return [...terms];
}
