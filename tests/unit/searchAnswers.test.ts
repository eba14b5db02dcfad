import { describe, expect, it } from 'vitest';
import { libraryWaitNote } from '../../src/worker/searchAnswers.ts';

describe('the note while a search of every report waits for reports to be prepared', () => {
  it('counts down the reports still being prepared, in the singular for one', () => {
    expect(libraryWaitNote('Semantic', 47, 52)).toBe(
      'Semantic search of every report starts once every report is prepared for it; 47 of 52 are still being prepared, so these are keyword results.',
    );
    expect(libraryWaitNote('Hybrid', 1, 52)).toBe(
      'Hybrid search of every report starts once every report is prepared for it; 1 of 52 is still being prepared, so these are keyword results.',
    );
    expect(libraryWaitNote(null, 47, 52)).toBe(
      'Theme lists of every report appear once every report is prepared for semantic search; 47 of 52 are still being prepared.',
    );
    expect(libraryWaitNote(null, 1, 2)).toBe(
      'Theme lists of every report appear once every report is prepared for semantic search; 1 of 2 is still being prepared.',
    );
  });
});
