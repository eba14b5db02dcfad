import { Vocabulary, rewrite, type Bridged } from './expansion.ts';
import { fuse, type Fusion, type KeywordRanked, type Ranked } from './fuse.ts';
import { searchKeywords, type AlsoSearched, type KeywordHit, type LibraryKeywords } from './keyword.ts';
import { isConfident } from './themes.ts';
import type { Chunk, Report } from './types.ts';
import { RELEVANCE_TUNING, TermWeights, judgeRelevance, type RelevanceTuning, type Searched } from './relevance.ts';
import { foldForPhrase, type ReportIndex } from './reportIndex.ts';
import { splitSentences } from './semanticIndex.ts';
import { Spelling, applyCorrections, type Correction } from './spelling.ts';
import { indexTerm, indexTerms, tokenize } from './terms.ts';

export const MODES = ['hybrid', 'keyword', 'semantic'] as const;
export type Mode = (typeof MODES)[number];

export const isMode = (value: unknown): value is Mode => MODES.includes(value as Mode);

/** Longer queries are cut: no question needs more, and the keyword index cost grows with every term. */
export const MAX_QUERY_CHARS = 1000;

export interface SearchTuning {
  /** Semantic matches below this similarity are not relevant enough to show as answers. */
  minSimilarity: number;
  /** Share of a paragraph's best sentence in its similarity; the rest is the whole paragraph's (semanticIndex.ts). */
  sentenceWeight: number;
  /**
   * Paragraphs per report, closest as a whole first, whose sentences are scanned (semanticIndex.ts): the scan of every
   * sentence is most of the cost of searching a whole library. Set where `npm run eval` gives the same figures as
   * scanning every paragraph (docs/quality.md).
   */
  sentenceShortlist: number;
  /** How hybrid search combines the keyword and the semantic ranking. */
  fusion: Fusion;
  /** Share of a word's keyword weight when a paragraph matches it through the reports' words for it (expansion.ts). */
  expansionWeight: number;
  /** Share of the rewritten question (the question with the reports' words added) in the query vector. */
  rewriteWeight: number;
  /** When a paragraph counts as an answer, not merely the closest one (relevance.ts). */
  relevance: RelevanceTuning;
}

/**
 * From the grid in scripts/tune.ts (`npm run tune` prints every setting's scores, on both halves of the questions;
 * docs/quality.md has the choice). A light keyword weight keeps a
 * paragraph that shares one common word from outranking the one that means the same; the blend beat reciprocal rank
 * fusion at every weight tried; the similarity floor keeps unrelated paragraphs out of the semantic column without
 * cutting answers. Query expansion with neighbouring words, which helped word vectors, no longer helped and was
 * removed.
 */
export const SEARCH_TUNING: SearchTuning = {
  minSimilarity: 0.2,
  sentenceWeight: 0.7,
  sentenceShortlist: 40,
  fusion: { method: 'blend', alpha: 0.3 },
  expansionWeight: 0.5,
  rewriteWeight: 0.7,
  relevance: RELEVANCE_TUNING,
};

export interface SearchRequest {
  query: string;
  mode: Mode;
  /** Results per report. */
  k?: number;
  /** Restrict to one theme; with an empty query, browse that theme. */
  theme?: string | null;
  /** The embedded query (see queryVectorFor), needed by semantic and hybrid modes. */
  queryVector?: Float32Array | null;
  /** Whether to search for the reports' words for the reader's everyday ones too (default true). */
  expand?: boolean;
}

/** How a question is read before it is searched: its misspellings and everyday words, and the text to embed. */
export interface QueryPlan {
  query: string;
  /** Words no report holds, read as the reports' nearest word. */
  corrections: Correction[];
  /** The query with its corrections. */
  corrected: string;
  /** The reader's everyday phrases and the reports' words searched for them too; empty when expansion is off. */
  expansion: Bridged[];
  /** What the model embeds beside the query. */
  rewritten: string;
}

/** How strongly a paragraph answers: an answer, related, or only the closest in a report that is silent on it. */
export type Strength = 'strong' | 'possible' | 'weak';

export interface SearchResult extends Chunk {
  score: number;
  /** Theme ids, primary first. */
  themes: string[];
  /** Index terms (stems) the chunk shares with the query, for highlighting. */
  matchedTerms: string[];
  /** Index terms it matched only through the reports' words for the reader's (the expansion). */
  expansionTerms: string[];
  /** The sentence closest to the question by meaning, when it is close enough to say so. */
  sentence: string | null;
  /** Whether the paragraph clears the relevance bar (see relevance.ts), rather than being merely the closest. */
  relevant: boolean;
  strength: Strength;
}

export interface ReportResults {
  report: Report;
  results: SearchResult[];
  /** False when no result clears the relevance bar: the report is silent on this, and its results are only the closest. */
  discussed: boolean;
}

export interface SearchResponse {
  query: string;
  mode: Mode;
  theme: string | null;
  /** Whether the reports' words for everyday ones were searched too (the request's choice). */
  expand: boolean;
  expansion: Bridged[];
  corrections: Correction[];
  reports: ReportResults[];
}

let madeVocabulary: Vocabulary | null = null;
/** Made on first use: the page imports this module's constants and would otherwise build the phrase table it never reads. */
const vocabulary = (): Vocabulary => (madeVocabulary ??= new Vocabulary());

/** Plain words for a match's strength, as the page and the CLI show it. */
export const STRENGTH_LABELS: Record<Strength, string> = {
  strong: 'strong match',
  possible: 'possible match',
  weak: 'closest, not an answer',
};

/** Spacing folded; a query over the limit is cut at its last whole word, never inside a character. */
export function normaliseQuery(raw: string): { query: string; truncated: boolean } {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (query.length <= MAX_QUERY_CHARS) return { query, truncated: false };
  // The first half of a surrogate pair (an emoji, say) alone would reach the index, and the address as U+FFFD.
  const last = query.charCodeAt(MAX_QUERY_CHARS - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_QUERY_CHARS - 1 : MAX_QUERY_CHARS;
  return { query: query.slice(0, end).replace(/\s+\S*$/, ''), truncated: true };
}

/**
 * Rankings of each of a set of reports (a pair, a council's inspections over time, the whole library), each from the
 * report's own index, or, for a whole library, its keyword side from the library's shared index (`libraryKeywords`;
 * a report it does not hold is searched in its own). Only the term weights behind the relevance bar are shared by the set;
 * they are combined from each report's.
 */
export class SearchEngine {
  private readonly weights: TermWeights;
  private spellingOf: Spelling | null = null;

  constructor(
    readonly reports: readonly ReportIndex[],
    private readonly tuning: SearchTuning = SEARCH_TUNING,
    private readonly libraryKeywords: LibraryKeywords | null = null,
  ) {
    this.weights = TermWeights.combine(reports.map((r) => r.weights));
  }

  /** Whether the reports use a term (stem): a query word they use is meant as written. */
  private readonly known = (term: string): boolean => this.weights.has(term);

  /** Whether every report's vectors are ready: semantic and hybrid search need them. */
  get semanticReady(): boolean {
    return this.reports.every((r) => r.semantic !== null);
  }

  /** Reads a question as it will be searched: the same for the same question, reports and choice. */
  plan(raw: string, expand = true): QueryPlan {
    const { query } = normaliseQuery(raw);
    const corrections = this.corrections(query);
    const corrected = applyCorrections(query, corrections);
    const expansion = expand ? vocabulary().bridge(corrected) : [];
    return { query, corrections, corrected, expansion, rewritten: rewrite(corrected, expansion) };
  }

  private corrections(query: string): Correction[] {
    const words = tokenize(query);
    const out: Correction[] = [];
    words.forEach((word, i) => {
      const term = indexTerm(word);
      if (!term || this.known(term) || vocabulary().knows(word) || out.some((c) => c.word === word.toLowerCase()))
        return;
      const spelling = this.spelling();
      if (spelling.has(word) || (i === words.length - 1 && spelling.startsAWord(word))) return;
      const suggestion = spelling.suggest(word);
      if (suggestion) out.push({ word: word.toLowerCase(), suggestion });
    });
    return out;
  }

  /** The reports' words, for suggesting what a misspelt word was meant to be. */
  private spelling(): Spelling {
    return (this.spellingOf ??= new Spelling(
      Spelling.wordCounts(this.reports.flatMap((r) => r.chunks.map((c) => c.text))),
    ));
  }

  /**
   * Makes now what a first question would otherwise wait for: the everyday-words table, the reports' spelling list,
   * and what every search reads of each paragraph. The worker calls it once searching by meaning is ready.
   */
  prepare(): void {
    vocabulary();
    this.spelling();
    for (const r of this.reports) r.prepareForSearch();
  }

  /** Searches as planned; a caller that embedded the plan's texts passes the same plan, so it is read once. */
  search(request: SearchRequest, plan = this.plan(request.query, request.expand ?? true)): SearchResponse {
    const { query } = plan;
    const k = request.k ?? 10;
    const theme = request.theme ?? null;
    const { mode } = request;
    if (query && mode !== 'keyword') {
      if (!request.queryVector) throw new Error('semantic search needs the embedded query');
      if (!this.semanticReady) throw new Error('semantic search needs the embeddings, which are not ready');
    }
    const bridges = plan.expansion.map((b) => ({
      terms: indexTerms(b.said),
      find: b.find.map((f) => indexTerms(f)).filter((t) => t.length),
    }));
    const ownTerms = indexTerms(plan.corrected);
    const own = new Set(ownTerms);
    const context: QueryContext = {
      plan,
      ownTerms,
      bridges,
      expansionTerms: new Set(bridges.flatMap((b) => b.find.flat()).filter((t) => !own.has(t))),
      phrase: foldForPhrase(query),
      also: { phrases: plan.expansion.flatMap((b) => b.find), weight: this.tuning.expansionWeight },
      libraryHits: null,
    };
    if (this.libraryKeywords && query && mode !== 'semantic')
      context.libraryHits = this.libraryKeywords.search(plan.corrected, this.known, context.also);
    const searched = this.reports.map((r) =>
      this.searchReport(r, { mode, k, theme, queryVector: request.queryVector ?? null }, context),
    );
    const reports = judgeRelevance(searched, this.tuning.relevance);
    return {
      query,
      mode,
      theme,
      expand: request.expand ?? true,
      expansion: plan.expansion,
      corrections: plan.corrections,
      reports,
    };
  }

  private searchReport(
    r: ReportIndex,
    { mode, k, theme, queryVector }: Omit<Required<SearchRequest>, 'query' | 'expand'>,
    context: QueryContext,
  ): Searched {
    const { plan, phrase } = context;
    const query = plan.query;
    const keep = (i: number) => theme === null || hasTheme(r, i, theme);
    // A paragraph that holds the query word for word answers it, whatever the similarity says: its report is never
    // called silent, in any mode, and it is among the report's results.
    const phraseHits = new Set(
      phrase.trim() ? r.chunks.flatMap((c, i) => (r.folded[i]!.includes(phrase) && keep(i) ? [c.id] : [])) : [],
    );
    const similarity =
      query && mode !== 'keyword'
        ? r.semantic!.index.scores(queryVector!, this.tuning.sentenceWeight, this.tuning.sentenceShortlist)
        : null;
    const matched = new Map<string, string[]>();
    const coverageById = new Map<string, number>();
    let ranking: Ranked[] = [];
    if (!query) {
      if (theme !== null) ranking = themeRanking(r, theme);
    } else {
      // Hits share a handful of combinations of query words: each combination's coverage is worked out once.
      const coverageOf = new Map<string, number>();
      const keywordHits: KeywordRanked[] = [];
      if (mode !== 'semantic') {
        // A report the shared index does not hold (added or deleted while this search waited for its question to be
        // embedded) is searched in its own index.
        const hits =
          context.libraryHits && this.libraryKeywords!.holds(r.report.id)
            ? (context.libraryHits.get(r.report.id) ?? [])
            : searchKeywords(r.keyword, context.plan.corrected, this.known, context.also);
        for (const hit of hits) {
          if (theme !== null && !keep(r.position(hit.id)!)) continue;
          const key = hit.queryTerms.join(' ');
          let coverage = coverageOf.get(key);
          if (coverage === undefined) coverageOf.set(key, (coverage = this.coverage(context, new Set(hit.queryTerms))));
          keywordHits.push({ id: hit.id, score: hit.score, coverage });
          matched.set(hit.id, hit.terms);
          coverageById.set(hit.id, coverage);
        }
      }
      const semanticHits = new Map<string, number>();
      if (similarity) {
        const { minSimilarity } = this.tuning;
        for (let i = 0; i < similarity.length; i++) {
          const score = similarity[i]!;
          if (score >= minSimilarity && (theme === null || keep(i))) semanticHits.set(r.chunks[i]!.id, score);
        }
      }
      ranking =
        mode === 'keyword'
          ? keywordHits
          : mode === 'semantic'
            ? [...semanticHits].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score)
            : fuse(keywordHits, semanticHits, this.tuning.fusion);
    }
    const shown = ranking.slice(0, k);
    if (phraseHits.size && k > 0 && !shown.some(({ id }) => phraseHits.has(id))) {
      const first = [...phraseHits][0]!;
      const best = ranking.find(({ id }) => phraseHits.has(id)) ?? {
        id: first,
        score: similarity?.[r.position(first)!] ?? 0,
      };
      shown.splice(Math.min(shown.length, k - 1), 1, best);
    }
    const expansionTerms = context.expansionTerms;
    const results = shown.map(({ id, score }): Searched['results'][number] => {
      const i = r.position(id)!;
      const terms = matched.get(id) ?? [];
      const sentence = similarity ? r.semantic!.index.bestSentence(i, queryVector!) : null;
      return {
        result: {
          ...r.chunks[i]!,
          score,
          themes: (r.semantic?.assignments[i] ?? []).map((t) => t.id),
          matchedTerms: terms.filter((t) => !expansionTerms.has(t)),
          expansionTerms: terms.filter((t) => expansionTerms.has(t)),
          sentence:
            sentence && sentence.similarity >= this.tuning.minSimilarity
              ? (splitSentences(r.chunks[i]!.text)[sentence.index] ?? null)
              : null,
          relevant: false,
          strength: 'weak',
        },
        evidence: {
          phrase: phraseHits.has(id),
          coverage: coverageById.get(id) ?? 0,
          similarity: similarity?.[i] ?? null,
          browsed: !query,
        },
      };
    });
    // With a theme filter, the bar is set by the paragraphs that may be shown, not by those filtered out.
    const similarities = similarity && theme !== null ? similarity.filter((_, i) => keep(i)) : similarity;
    return { report: r.report, results, similarities };
  }

  /**
   * Share of the question's weight (IDF) that a paragraph matched. A word the reader typed counts in full; a phrase of
   * theirs the paragraph matched through the reports' words for it counts at the expansion weight.
   */
  private coverage(context: QueryContext, matched: ReadonlySet<string>): number {
    let total = 0;
    let hit = 0;
    const bridgedTerms = new Map<string, boolean>();
    for (const b of context.bridges) {
      const found = b.find.some((terms) => terms.every((t) => matched.has(t)));
      for (const t of b.terms) bridgedTerms.set(t, (bridgedTerms.get(t) ?? false) || found);
    }
    for (const t of context.ownTerms) {
      const w = this.weights.idf(t);
      total += w;
      if (matched.has(t)) hit += w;
      else if (bridgedTerms.get(t)) hit += w * this.tuning.expansionWeight;
    }
    return total > 0 ? hit / total : 0;
  }
}

interface QueryContext {
  plan: QueryPlan;
  /** Index terms of the question as searched (its corrections made). */
  ownTerms: string[];
  /** Each bridged phrase's terms, and the terms of each report phrase searched for it. */
  bridges: { terms: string[]; find: string[][] }[];
  /** Terms only the expansion brought. */
  expansionTerms: ReadonlySet<string>;
  phrase: string;
  /** The reports' phrases for the reader's everyday ones, searched beside the question. */
  also: AlsoSearched;
  /** Every report's keyword hits, when the library's shared index answered for all of them at once. */
  libraryHits: Map<string, KeywordHit[]> | null;
}

/** The query vector: the question's own, blended with the rewritten question's when the expansion rewrote it. */
export async function queryVectorFor(
  plan: QueryPlan,
  embed: (texts: string[]) => Promise<Float32Array[]>,
  weight = SEARCH_TUNING.rewriteWeight,
): Promise<Float32Array> {
  const texts = plan.rewritten === plan.query || weight === 0 ? [plan.query] : [plan.query, plan.rewritten];
  const [own, rewritten] = await embed(texts);
  if (!own) throw new Error('the model returned no vector for the query');
  if (!rewritten) return own;
  const out = new Float32Array(own.length);
  let norm = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = (1 - weight) * own[i]! + weight * rewritten[i]!;
    norm += out[i]! * out[i]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / norm;
  return out;
}

/** The chunks of one report that belong to a theme, most typical first. */
export function themeRanking(r: ReportIndex, themeId: string): Ranked[] {
  const assignments = r.semantic?.assignments;
  if (!assignments) return [];
  return r.chunks
    .flatMap((chunk, i) => {
      const found = assignments[i]!.find((t) => t.id === themeId);
      return found && isConfident(assignments[i]!, themeId) ? [{ id: chunk.id, score: found.score }] : [];
    })
    .sort((a, b) => b.score - a.score);
}

function hasTheme(r: ReportIndex, i: number, themeId: string): boolean {
  const assignment = r.semantic?.assignments[i];
  return !!assignment && isConfident(assignment, themeId);
}
