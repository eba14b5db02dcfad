import { describe, expect, it } from 'vitest';
import { libraryWaitNote } from '../../src/worker/searchAnswers.ts';

describe('the note while a search of every report waits for reports to be prepared', () => {
  it('counts down the reports still being prepared, in the singular for one', () => {
    expect(libraryWaitNote(true, 47, 52)).toBe(
      'Searching every report by meaning starts once every report is prepared for it; 47 of 52 are still being prepared, so these results contain your exact words.',
    );
    expect(libraryWaitNote(true, 1, 52)).toBe(
      'Searching every report by meaning starts once every report is prepared for it; 1 of 52 is still being prepared, so these results contain your exact words.',
    );
    expect(libraryWaitNote(false, 47, 52)).toBe(
      'Theme lists of every report appear once every report is prepared for searching by meaning; 47 of 52 are still being prepared.',
    );
    expect(libraryWaitNote(false, 1, 2)).toBe(
      'Theme lists of every report appear once every report is prepared for searching by meaning; 1 of 2 is still being prepared.',
    );
  });
});
