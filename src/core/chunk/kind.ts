import { RECOMMENDATIONS_HEADING, SUMMARY_SECTION } from '../reportPatterns.ts';
import type { Chunk, ChunkKind } from '../types.ts';

/**
 * A chunk's kind from where the chunker placed it in the report's outline. Every chunk is given its kind here, and a
 * report stored before chunks carried one is given the same kind when it is read back.
 */
export function kindOf({ paragraph, sectionPath }: Pick<Chunk, 'paragraph' | 'sectionPath'>): ChunkKind {
  if (paragraph !== null) return 'paragraph';
  if (sectionPath.some((h) => RECOMMENDATIONS_HEADING.test(h))) return 'recommendation';
  return sectionPath[0] === SUMMARY_SECTION ? 'summary' : 'unnumbered';
}
