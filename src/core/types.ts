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

export interface Chunk {
  /** Stable across builds: `<year>-p<paragraph>` for numbered paragraphs, `<year>-<slug>-<n>` otherwise. */
  id: string;
  reportId: string;
  year: number;
  /** The report's own paragraph number; null for unnumbered text (recommendation lists, summaries). */
  paragraph: number | null;
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
