/**
 * Popular client-side engines on the same corpus and questions: Orama (keyword, vector and hybrid, fed our chunk
 * and query vectors), FlexSearch and Fuse.js (keyword). Each ranks one report at a time, as ours does, and gets
 * the same words to work with: paragraph text plus its headings, English stemming and our stop-word list where
 * the engine takes one. Everything else is each engine's documented default, except the settings ours was tuned
 * on, which it is given too (vector similarity cut and hybrid weights), so the comparison is of engines, not of tuning.
 */
import { create, insertMultiple, save, search, type AnyOrama } from '@orama/orama';
import { Charset, Encoder, Index } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import Fuse from 'fuse.js';
import { eng } from 'stopword';
import type { SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { SEARCH_TUNING, type Mode } from '../../src/core/search.ts';
import type { Chunk, Corpus } from '../../src/core/types.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import type { JudgedQuestion } from '../lib/metrics.ts';
import { measureRanker, timed, type Ranker, type RankerFigures } from './measure.ts';

const K = 10;
/** Orama's hybrid takes fixed weights: ours when we blend, an even split when we fuse by rank. */
const HYBRID_ALPHA = SEARCH_TUNING.fusion.method === 'blend' ? SEARCH_TUNING.fusion.alpha : 0.5;

export interface PeerFigures extends RankerFigures {
  engine: string;
  /** Our mode it is compared with. */
  mode: Mode;
  buildMs: number;
  /** The engine's own serialised index (what an app would store or ship), vectors included for Orama. */
  bytes: number;
}

const section = (c: Chunk) => c.sectionPath.join(' / ');

interface Peer {
  engine: string;
  build(): Promise<{ bytes: number; rankers: Partial<Record<Mode, Ranker>> }>;
}

function orama(corpus: Corpus, semantic: SemanticIndexes): Peer {
  const paragraph = new Map(corpus.chunks.map((c) => [c.id, c.paragraph]));
  const ranking = (hits: { id: string }[]) => hits.map((h) => paragraph.get(h.id) ?? null);
  let db: AnyOrama;
  const common = (reportId: string) => ({ where: { reportId: { eq: reportId } }, limit: K });
  const text = { properties: ['text', 'section'], boost: { text: 1, section: 0.5 } };
  const vector = (v: Float32Array) => ({
    vector: { value: v, property: 'embedding' },
    similarity: SEARCH_TUNING.minSimilarity,
  });
  return {
    engine: 'Orama',
    async build() {
      db = create({
        schema: {
          reportId: 'enum',
          text: 'string',
          section: 'string',
          embedding: `vector[${semantic.index.chunks.dim}]`,
        },
        components: { tokenizer: { stemming: true, stopWords: eng } },
      });
      await insertMultiple(
        db,
        corpus.chunks.map((c, i) => ({
          id: c.id,
          reportId: c.reportId,
          text: c.text,
          section: section(c),
          embedding: Array.from(semantic.index.chunks.row(i)),
        })),
      );
      return {
        bytes: Buffer.byteLength(JSON.stringify(save(db))),
        rankers: {
          keyword: async (term, _v, reportId) =>
            ranking((await search(db, { term, ...text, ...common(reportId) })).hits),
          semantic: async (_t, v, reportId) =>
            ranking((await search(db, { mode: 'vector', ...vector(v!), ...common(reportId) })).hits),
          hybrid: async (term, v, reportId) =>
            ranking(
              (
                await search(db, {
                  mode: 'hybrid',
                  term,
                  ...text,
                  ...vector(v!),
                  hybridWeights: { text: HYBRID_ALPHA, vector: 1 - HYBRID_ALPHA },
                  ...common(reportId),
                })
              ).hits,
            ),
        },
      };
    },
  };
}

/** One FlexSearch index per report: its way to rank within a report. `suggest` keeps documents matching only some words. */
function flexSearch(corpus: Corpus): Peer {
  return {
    engine: 'FlexSearch',
    build() {
      const indexes = new Map<string, Index>();
      for (const report of corpus.reports) {
        const index = new Index({
          tokenize: 'strict',
          encoder: new Encoder(Charset.LatinBalance).assign({ ...EnglishPreset, filter: new Set(eng) }),
        });
        corpus.chunks.forEach((c, i) => c.reportId === report.id && index.add(i, `${section(c)} ${c.text}`));
        indexes.set(report.id, index);
      }
      let bytes = 0;
      for (const index of indexes.values())
        index.export((key, data) => void (bytes += Buffer.byteLength(key) + Buffer.byteLength(data ?? '')));
      return Promise.resolve({
        bytes,
        rankers: {
          keyword: (query, _v, reportId) =>
            Promise.resolve(
              (indexes.get(reportId)!.search(query, { limit: K, suggest: true }) as number[]).map(
                (i) => corpus.chunks[i]!.paragraph,
              ),
            ),
        },
      });
    },
  };
}

/** Fuse.js is a fuzzy matcher (Bitap); `ignoreLocation` lets a match anywhere in a long paragraph count. */
function fuse(corpus: Corpus): Peer {
  return {
    engine: 'Fuse.js',
    build() {
      const keys = [
        { name: 'text', weight: 1 },
        { name: 'section', weight: 0.5 },
      ];
      const engines = new Map<string, Fuse<{ paragraph: number | null; text: string; section: string }>>();
      let bytes = 0;
      for (const report of corpus.reports) {
        const docs = corpus.chunks
          .filter((c) => c.reportId === report.id)
          .map((c) => ({ paragraph: c.paragraph, text: c.text, section: section(c) }));
        const index = Fuse.createIndex(keys, docs);
        bytes += Buffer.byteLength(JSON.stringify(index.toJSON()));
        engines.set(report.id, new Fuse(docs, { keys, ignoreLocation: true }, index));
      }
      const keyword: Ranker = (query, _v, reportId) =>
        Promise.resolve(
          engines
            .get(reportId)!
            .search(query, { limit: K })
            .map((r) => r.item.paragraph),
        );
      return Promise.resolve({ bytes, rankers: { keyword } });
    },
  };
}

export async function benchPeers(
  corpus: Corpus,
  semantic: SemanticIndexes,
  embedder: Embedder,
  judgements: JudgedQuestion[],
): Promise<PeerFigures[]> {
  const figures: PeerFigures[] = [];
  for (const peer of [orama(corpus, semantic), flexSearch(corpus), fuse(corpus)]) {
    const { ms: buildMs, value: built } = await timed(() => peer.build());
    for (const [mode, rank] of Object.entries(built.rankers) as [Mode, Ranker][]) {
      const measured = await measureRanker(corpus, judgements, embedder, mode !== 'keyword', rank);
      figures.push({ engine: peer.engine, mode, buildMs, bytes: built.bytes, ...measured });
    }
  }
  return figures;
}
