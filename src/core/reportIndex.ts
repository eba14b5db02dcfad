import type { KeywordIndex } from './keyword.ts';
import { TermWeights } from './relevance.ts';
import type { SemanticIndex } from './semanticIndex.ts';
import { foldWords } from './terms.ts';
import type { ThemeAssignment } from './themes.ts';
import type { Chunk, Report } from './types.ts';

/** A report's vectors (paragraphs and sentences) and the themes they gave its paragraphs, in chunk order. */
export interface ReportSemantic {
  index: SemanticIndex;
  assignments: ThemeAssignment[];
}

/** Text for phrase matching: its folded words, padded so that a phrase matches whole words only. */
export const foldForPhrase = (text: string) => ` ${foldWords(text)} `;

/**
 * Everything search needs of one report, built once for it and never for a pair: any set of reports is searched by
 * combining what each report's own index answers (search.ts). What a search needs beyond the stored indexes is
 * worked out on the first search that needs it, so a library of hundreds of reports opens without paying for all.
 */
export class ReportIndex {
  /** Null until the model has embedded the report (or its stored vectors were read). */
  semantic: ReportSemantic | null = null;
  private positions: Map<string, number> | null = null;
  private foldedTexts: string[] | null = null;
  private termWeights: TermWeights | null = null;
  /** The keyword index, or how to make it until the first search that needs it does. */
  private keywordOrMaker: KeywordIndex | (() => KeywordIndex);

  /**
   * @param keywordOrMaker the report's keyword index, or how to make it on the first search that needs it: a search
   *   of every report uses the library's shared index (LibraryKeywords), so most reports of a large library never
   *   make theirs.
   */
  constructor(
    readonly report: Report,
    readonly chunks: readonly Chunk[],
    keywordOrMaker: KeywordIndex | (() => KeywordIndex),
  ) {
    this.keywordOrMaker = keywordOrMaker;
  }

  get keyword(): KeywordIndex {
    if (typeof this.keywordOrMaker === 'function') this.keywordOrMaker = this.keywordOrMaker();
    return this.keywordOrMaker;
  }

  withSemantic(semantic: ReportSemantic): this {
    if (semantic.index.chunks.rows !== this.chunks.length || semantic.assignments.length !== this.chunks.length) {
      throw new Error(
        `${semantic.index.chunks.rows} vectors for the ${this.chunks.length} paragraphs of ${this.report.id}`,
      );
    }
    this.semantic = semantic;
    return this;
  }

  /** A chunk's place in the report, or undefined when the chunk is not the report's. */
  position(chunkId: string): number | undefined {
    return this.positionsById().get(chunkId);
  }

  get folded(): readonly string[] {
    return this.foldedByPosition();
  }

  /** Makes now what every search reads of each paragraph (its place, its folded text), not on the first search. */
  prepareForSearch(): void {
    this.positionsById();
    this.foldedByPosition();
  }

  private positionsById(): Map<string, number> {
    return (this.positions ??= new Map(this.chunks.map((c, i) => [c.id, i])));
  }

  private foldedByPosition(): string[] {
    return (this.foldedTexts ??= this.chunks.map((c) => foldForPhrase(c.text)));
  }

  get weights(): TermWeights {
    return (this.termWeights ??= TermWeights.of(this.chunks));
  }
}
