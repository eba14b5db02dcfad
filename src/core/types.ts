/** One row of a report's judgement table, exactly as the report prints it. */
export interface Judgement {
  /** Heading rows of the 2012 table (e.g. "Safeguarding services") have no grade. */
  area: string;
  grade: string | null;
}

export interface Report {
  id: string;
  year: number;
  title: string;
  council: string;
  inspectionDates: string;
  publisher: string;
  published: string | null;
  /** The judgement table as printed (2012: "Record of main findings"; 2022: the judgement table). */
  judgements: Judgement[];
  /** Every graded heading in reading order, with its grade as printed (e.g. "Grade 3 (Adequate)"). */
  sectionGrades: SectionGrade[];
}

export interface SectionGrade {
  sectionPath: string[];
  grade: string;
}

/**
 * What a chunk is in its report: a numbered paragraph, a recommendation (any text under "Areas for improvement" or
 * "What needs to improve"), summary text before the first heading, or other unnumbered text.
 */
export type ChunkKind = 'paragraph' | 'recommendation' | 'summary' | 'unnumbered';

export interface Chunk {
  /**
   * The same for the same text: `<prefix>-p<paragraph>` for a numbered paragraph, otherwise `<prefix>-` and a letter
   * with a count, `r` for recommendation items, `s` summary, `u` other unnumbered text and `b` the blocks of a report
   * split at blank lines. The prefix is the inspection year for a bundled report and the report's id for an added one.
   */
  id: string;
  reportId: string;
  year: number;
  /** The report's own paragraph number; null for unnumbered text (recommendation lists, summaries). */
  paragraph: number | null;
  kind: ChunkKind;
  /** Headings above the paragraph, outermost first. */
  sectionPath: string[];
  /** Grade of the innermost graded section above the paragraph, as printed. */
  grade: string | null;
  text: string;
}

export interface Corpus {
  formatVersion: number;
  reports: Report[];
  chunks: Chunk[];
}
