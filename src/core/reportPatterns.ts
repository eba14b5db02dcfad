// How Ofsted's children's services reports are laid out: the headings, grades and timescales the chunker reads the
// outline from, and that the recommendations are read back by. One pattern for each, so the two never disagree.

/** The heading of a report's recommendations: "Areas for improvement" (2012), "What needs to improve?" (ILACS). */
export const RECOMMENDATIONS_HEADING = /^(areas for improvement|what needs to improve\??)$/i;
/** A heading under the 2012 areas for improvement that says how soon its items are due. */
export const TIMESCALE = /^(immediately|within [a-z0-9 ]+ (weeks?|months?))$/i;
/** The 2012 report's closing table of judgements. */
export const RECORD_OF_FINDINGS = /^record of main findings$/i;
/** The section path given to the text that stands before a report's first heading. */
export const SUMMARY_SECTION = 'Summary';

/** A 2012 grade on its own line under the heading it grades. */
export const GRADE_LINE = /^Grade \d\s*\([A-Za-z ]+\)$/i;
/** A 2012 heading with its grade on the same line. */
export const INLINE_GRADE = /^(.*?)\s+(Grade \d\s*\([A-Za-z ]+\))$/i;
/** A judgement-table row from a PDF: the area, then one of Ofsted's grades. */
export const GRADED_ROW = /^(.+?)\s+(Outstanding|Good|Adequate|Inadequate|Requires improvement to be good)$/i;
export const JUDGEMENT_HEADER = /^judgement\s+grade$/i;

// The 2012 safeguarding and looked after children framework nests its outcome areas under a parent
// heading; the text gives no indentation, so the outline is stated here.
export const TOP_LEVEL = new RegExp(
  '^(about this inspection|the inspection judgements and what they mean|service information|safeguarding services|' +
    'services for looked after children|record of main findings|what needs to improve\\??)$',
  'i',
);
export const OUTCOME_AREA = new RegExp(
  '^(children and young people are safe and feel safe|being healthy|staying safe|enjoying and achieving|' +
    'making a positive contribution.*|economic well-being)$',
  'i',
);
