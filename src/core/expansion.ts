import { BRIDGES, type Bridge } from './everydayWords.ts';
import { tokenize, wordStem } from './terms.ts';

/** A phrase of the reader's that the vocabulary bridges, and the reports' phrases searched for it as well. */
export interface Bridged {
  /** The reader's words, as typed. */
  said: string;
  /** The reports' words for them, not already in the question. */
  find: string[];
}

interface Phrase {
  stems: string[];
  bridge: Bridge;
  /** Whether the phrase is one of the bridge's report phrases (a two-way bridge read backwards). */
  fromFind: boolean;
}

const stemsOf = (text: string) => tokenize(text.toLowerCase()).map(wordStem);

/** Every phrase that opens a bridge, by its first stem, longest first, so "foster parents" wins over "parents". */
function phraseTable(bridges: readonly Bridge[]): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  const add = (text: string, bridge: Bridge, fromFind: boolean) => {
    const stems = stemsOf(text);
    if (!stems.length) return;
    const list = table.get(stems[0]!) ?? [];
    list.push({ stems, bridge, fromFind });
    table.set(stems[0]!, list);
  };
  for (const bridge of bridges) {
    for (const ask of bridge.ask) add(ask, bridge, false);
    if (bridge.twoWay) for (const find of bridge.find) add(find, bridge, true);
  }
  for (const list of table.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return table;
}

/**
 * Reads a question for everyday phrases and finds the reports' words for them. Phrases are matched on word stems, so
 * "runaway" and "runaways" open the same bridge; each word belongs to one phrase, the longest that starts there. A
 * report phrase the question already holds is not added again.
 */
export class Vocabulary {
  private readonly table: Map<string, Phrase[]>;
  private readonly words: ReadonlySet<string>;

  constructor(bridges: readonly Bridge[] = BRIDGES) {
    this.table = phraseTable(bridges);
    this.words = new Set(bridges.flatMap((b) => b.ask.flatMap((a) => tokenize(a.toLowerCase()).map(wordStem))));
  }

  /** Whether a word belongs to one of the everyday phrases: it is meant as typed, not misspelt. */
  knows(word: string): boolean {
    return this.words.has(wordStem(word));
  }

  bridge(question: string): Bridged[] {
    const words = tokenize(question.toLowerCase());
    const stems = words.map(wordStem);
    const asked = ` ${stems.join(' ')} `;
    const found: Bridged[] = [];
    const added = new Set<string>();
    for (let i = 0; i < stems.length;) {
      const phrase = this.table.get(stems[i]!)?.find((p) => p.stems.every((s, j) => stems[i + j] === s));
      if (!phrase) {
        i++;
        continue;
      }
      const own = phrase.fromFind ? new Set([phrase.stems.join(' ')]) : new Set<string>();
      const find = phrase.bridge.find.filter((f) => {
        const key = stemsOf(f).join(' ');
        if (own.has(key) || added.has(key) || asked.includes(` ${key} `)) return false;
        added.add(key);
        return true;
      });
      if (find.length) found.push({ said: words.slice(i, i + phrase.stems.length).join(' '), find });
      i += phrase.stems.length;
    }
    return found;
  }
}

/** The question with the reports' words for it: what the model embeds beside the question itself. */
export function rewrite(question: string, bridged: readonly Bridged[]): string {
  return bridged.length ? `${question} (${bridged.flatMap((b) => b.find).join(', ')})` : question;
}
