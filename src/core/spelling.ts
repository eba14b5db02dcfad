import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

/** A word of the question that no report holds, and the reports' word it was read as. */
export interface Correction {
  word: string;
  suggestion: string;
}

const WORD = /^\p{L}+$/u;

/** The question with each misspelt word replaced by the word it was read as (whole words, any case). */
export function applyCorrections(query: string, corrections: readonly Correction[]): string {
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return corrections.reduce(
    (q, c) =>
      q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(c.word)}(?![\\p{L}\\p{N}])`, 'giu'), () => c.suggestion),
    query,
  );
}

/**
 * Reads a misspelt word as the reports' word it most likely means: the nearest by edit distance (one edit for short
 * words, two for longer ones), or one that sounds the same ("adopshun" and "adoption" share a Double Metaphone code),
 * the commoner on a tie. A word the reports hold is never corrected, so a real word is never stretched into another.
 */
export class Spelling {
  private readonly byFirst = new Map<string, string[]>();
  private readonly bySound = new Map<string, string>();

  constructor(private readonly counts: ReadonlyMap<string, number>) {
    const words = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    for (const w of words) {
      const list = this.byFirst.get(w[0]!) ?? [];
      list.push(w);
      this.byFirst.set(w[0]!, list);
      const sound = doubleMetaphone(w)[0];
      if (!this.bySound.has(sound)) this.bySound.set(sound, w);
    }
  }

  /** Counts of the words (lower case, letters only, three letters or more) of some texts. */
  static wordCounts(texts: Iterable<string>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const text of texts)
      for (const w of text.toLowerCase().split(/[^\p{L}]+/u))
        if (w.length >= 3) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  }

  has(word: string): boolean {
    return this.counts.has(word.toLowerCase());
  }

  /** Whether some word of the reports starts with this one: a half-typed word, not a misspelt one. */
  startsAWord(prefix: string): boolean {
    const p = prefix.toLowerCase();
    return (this.byFirst.get(p[0] ?? '') ?? []).some((w) => w.startsWith(p));
  }

  suggest(word: string): string | null {
    const w = word.toLowerCase();
    if (w.length < 4 || !WORD.test(w) || this.counts.has(w)) return null;
    const limit = w.length <= 5 ? 1 : 2;
    let best: string | null = null;
    let bestDistance = limit + 1;
    // Most common first, so the first word at the least distance is the commoner one.
    for (const candidate of this.byFirst.get(w[0]!) ?? []) {
      if (Math.abs(candidate.length - w.length) > limit) continue;
      const d = distance(w, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best) return best;
    // A short code sounds like too many words to be a reading of this one.
    const code = doubleMetaphone(w)[0];
    const sound = code.length >= 4 ? this.bySound.get(code) : undefined;
    return sound && sound[0] === w[0] && Math.abs(sound.length - w.length) <= 3 ? sound : null;
  }
}
