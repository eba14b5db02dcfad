import type { Report } from './types.ts';

/**
 * Which parts of the two frameworks cover the same ground. The 2012 framework graded many narrower areas within
 * "safeguarding" and "looked after children"; ILACS (2022) grades three broad judgements and overall effectiveness.
 * Matching is by the headings as the reports print them.
 */
export const GRADE_AREAS: readonly { label: string; match: Record<number, RegExp[]> }[] = [
  {
    label: 'Overall effectiveness',
    match: { 2012: [/overall effectiveness/i], 2022: [/^overall effectiveness$/i] },
  },
  {
    label: 'Help and protection',
    match: {
      2012: [/children and young people are safe and feel safe/i, /^safeguarding services.*quality of provision/i, /contribution of health agencies/i],
      2022: [/children who need help and protection/i],
    },
  },
  {
    label: 'Children in care and care leavers',
    match: {
      2012: [/being healthy|staying safe|enjoying and achieving|making a positive contribution|economic well-being/i, /^services for looked after children.*quality of provision/i],
      2022: [/children in care and care leavers/i],
    },
  },
  {
    label: 'Leadership, management and capacity',
    match: {
      2012: [/ambition and prioritisation|leadership and management|performance management and quality assurance|partnership working|capacity for improvement/i],
      2022: [/impact of leaders/i],
    },
  },
];

export const FRAMEWORK_NOTE =
  'The two inspections used different frameworks. In 2012 Ofsted graded safeguarding and services for looked after children separately, area by area, on a four-point scale (outstanding, good, adequate, inadequate). In 2022 the inspection of local authority children’s services (ILACS) gave three broad judgements and an overall one on a different four-point scale (outstanding, good, requires improvement to be good, inadequate). "Adequate" in 2012 is not the same as "requires improvement" in 2022, so the grades sit side by side here as context, not as a score that went up or down.';

export interface GradeRow {
  /** The graded heading, with the part of the report it sits in. */
  area: string;
  grade: string;
}

/** Each report's graded headings, grouped by the areas they cover. */
export function gradesByArea(reports: readonly Report[]): { label: string; byReport: GradeRow[][] }[] {
  return GRADE_AREAS.map(({ label, match }) => ({
    label,
    byReport: reports.map((report) => {
      // Grades printed under headings, plus judgement-table rows no heading carries (2022's overall effectiveness).
      const headed = report.sectionGrades.map((g) => ({ area: g.sectionPath.join(' › '), grade: g.grade }));
      const named = new Set(report.sectionGrades.map((g) => g.sectionPath[g.sectionPath.length - 1]!.toLowerCase()));
      const tabled = report.judgements.flatMap((j) => (j.grade && !named.has(j.area.toLowerCase()) ? [{ area: j.area, grade: j.grade }] : []));
      return [...headed, ...tabled].filter((g) => (match[report.year] ?? []).some((re) => re.test(g.area)));
    }),
  }));
}
