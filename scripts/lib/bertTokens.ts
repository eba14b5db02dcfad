/**
 * The word splitting that Transformers.js applies to our tokenizer.json (`Lowercase` normalizer, then
 * `BertPreTokenizer`), reproduced so the build can tell which GloVe words a text can ever produce.
 * The punctuation class is copied from Transformers.js 4.x (Unicode P plus every ASCII symbol); if the two drifted,
 * the vocabulary would carry words the tokenizer never emits and miss ones it does.
 */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const SINGLE_PUNCTUATION = new RegExp(`^[${PUNCTUATION}]$`, 'u');
const PLAIN_WORD = new RegExp(`^[^\\s${PUNCTUATION}]+$`, 'u');

/** The pieces BertPreTokenizer cuts a lowercased text into: words and single punctuation characters. */
export function bertPreTokenize(text: string): string[] {
  return text.toLowerCase().trim().match(PRE_TOKEN) ?? [];
}

/** Words only (no punctuation pieces): what coverage is measured on, since punctuation carries no meaning here. */
export function bertWords(text: string): string[] {
  return bertPreTokenize(text).filter((piece) => !SINGLE_PUNCTUATION.test(piece));
}

/**
 * True when the tokenizer can emit this vocabulary entry: a single punctuation character, or a lowercase word with
 * no space or punctuation inside. Entries such as `'s`, `n't`, `u.s.` or `well-known` could never be looked up.
 */
export function isReachableToken(token: string): boolean {
  if (token !== token.toLowerCase()) return false;
  return SINGLE_PUNCTUATION.test(token) || PLAIN_WORD.test(token);
}
