import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Words that carry no topic in a question ("when do they go off"), on top of the usual English list: left out of
 * matching and highlighting. Phrases keep them: the vocabulary bridge (expansion.ts) and word-for-word matching read
 * the whole text.
 */
const FILLER = [
  'when',
  'go',
  'goes',
  'going',
  'gone',
  'went',
  'off',
  'get',
  'gets',
  'getting',
  'got',
  'really',
  'happen',
  'happens',
  'happening',
  'thing',
  'things',
  'lot',
  'lots',

  'sort',
  'way',
  'ways',
  'much',
  'many',
  'also',
  'even',
  'still',
  'yet',
  'ever',
  'enough',
  'actually',
  'anything',
  'something',
  'everything',
  'someone',
  'anyone',
  'tell',
  'know',
  'like',
  'say',
  'says',
  'said',
  'think',
  'please',
  'can',
  'could',
  'would',
  'should',
  'will',
  'does',
  'did',
  'doing',
  'done',
  'make',
  'makes',
  'made',
];
const STOP_WORDS = new Set([...eng, ...FILLER]);
/**
 * Words the Porter stemmer would join to an unrelated one in this field: "parenting" (corporate parenting) is not
 * "parents", "missed" (a missed visit) is not "missing" (a missing child), an "officer" is not an "office", a
 * "community" is not a "communication", a "university" is not "universal". Each keeps a term of its own.
 */
const OWN_TERMS: ReadonlyMap<string, string> = new Map([
  ['parenting', 'parenting'],
  ['missed', 'missed'],
  ['officer', 'officer'],
  ['officers', 'officer'],
  ['community', 'community'],
  ['communities', 'community'],
  ['university', 'university'],
  ['universities', 'university'],
]);
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
  return wordStem(lower);
}

/**
 * Stems already worked out: indexing a library stems the same few thousand words hundreds of thousands of times, and
 * the stemmer's suffix rules cost more than a lookup. Bounded in words and in their length, so text of any size cannot
 * grow it without end; the reports' own words are far fewer.
 */
const STEMS = new Map<string, string>();
const STEMS_KEPT = 50_000;
/** Longer "words" (a table run together, a URL) are rare and would only fill it. */
const STEM_KEPT_LENGTH = 30;

/** A word's stem, stop word or not: for matching phrases, where every word counts. */
export function wordStem(word: string): string {
  const lower = word.toLowerCase();
  let stem = STEMS.get(lower);
  if (stem === undefined) {
    stem = OWN_TERMS.get(lower) ?? stemmer(lower);
    if (lower.length <= STEM_KEPT_LENGTH) {
      if (STEMS.size >= STEMS_KEPT) STEMS.clear();
      STEMS.set(lower, stem);
    }
  }
  return stem;
}

/** The index terms of a text in reading order, repeats kept: for phrases and term counts. */
export function termSequence(text: string): string[] {
  return tokenize(text).flatMap((word) => indexTerm(word) ?? []);
}

/** Distinct index terms of a text, in order of first appearance. */
export function indexTerms(text: string): string[] {
  return [...new Set(termSequence(text))];
}
