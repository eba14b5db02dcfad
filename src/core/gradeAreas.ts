import type { Judgement, Report } from './types.ts';

/**
 * The inspection framework a report was graded under, read from its own graded headings and judgement table, never
 * from its year: the 2009-2013 safeguarding and looked after children inspections graded many narrower areas
 * ("Grade 3 (Adequate)"); ILACS (from 2018) gives three broad judgements and overall effectiveness.
 */
export type Framework = 'slac' | 'ilacs' | 'other';

export function frameworkOf(report: Report): Framework {
  const graded = [
    ...report.judgements.map((j) => j.area),
    ...report.sectionGrades.map((g) => g.sectionPath.join(' › ')),
  ];
  if (graded.some((area) => /impact of leaders|children who need help and protection/i.test(area))) return 'ilacs';
  if (report.sectionGrades.some((g) => /^Grade \d/i.test(g.grade))) return 'slac';
  return 'other';
}

/**
 * Which parts of the frameworks cover the same ground, matched by the headings as the reports print them. A graded
 * row that no area claims (a framework not listed here) is shown under "Other graded areas", never dropped.
 */
export const GRADE_AREAS: readonly { label: string; match: Record<Exclude<Framework, 'other'>, RegExp[]> }[] = [
  {
    label: 'Overall effectiveness',
    match: { slac: [/overall effectiveness/i], ilacs: [/^overall effectiveness$/i] },
  },
  {
    label: 'Help and protection',
    match: {
      slac: [
        /children and young people are safe and feel safe/i,
        /^safeguarding services.*quality of provision/i,
        /contribution of health agencies/i,
      ],
      ilacs: [/children who need help and protection/i],
    },
  },
  {
    label: 'Children in care and care leavers',
    match: {
      slac: [
        /being healthy|staying safe|enjoying and achieving|making a positive contribution|economic well-being/i,
        /^services for looked after children.*quality of provision/i,
      ],
      ilacs: [/children in care and care leavers/i],
    },
  },
  {
    label: 'Leadership, management and capacity',
    match: {
      slac: [
        /ambition and prioritisation|leadership and management|performance management and quality assurance|partnership working|capacity for improvement/i,
      ],
      ilacs: [/impact of leaders/i],
    },
  },
];

const OTHER = 'Other graded areas';

/** Said above the grades when the two reports were graded under different frameworks. */
export const FRAMEWORK_NOTE =
  'The two inspections used different frameworks. The safeguarding and looked after children inspections (2009-2013) graded safeguarding and services for looked after children separately, area by area, on a four-point scale (outstanding, good, adequate, inadequate). The inspection of local authority children’s services (ILACS, from 2018) gives three broad judgements and an overall one on a different four-point scale (outstanding, good, requires improvement to be good, inadequate). "Adequate" is not the same as "requires improvement", so the grades sit side by side here as context, not as a score that went up or down.';

export interface GradeRow {
  /** The graded heading, with the part of the report it sits in. */
  area: string;
  grade: string;
}

const headingOf = (path: readonly string[]) => path[path.length - 1]!.toLowerCase();

/**
 * The report's judgement table with each row under the service the report grades it in. The 2009-2013 tables, as
 * their text comes out of the reports, can put a service's heading row above rows of the other service; the graded
 * headings of the report itself say which service each area belongs to, so the service rows are set from them, and
 * a group row ("How good are outcomes…") stands above the first row graded under it. A row the headings do not grade
 * ("Equality and diversity") stays in the service of the row before it.
 */
export function judgementTable(report: Report): Judgement[] {
  const nested = report.sectionGrades.filter((g) => g.sectionPath.length > 1);
  const services = new Set(nested.map((g) => g.sectionPath[0]!.toLowerCase()));
  if (!services.size) return report.judgements;
  const groups = new Set(nested.flatMap((g) => g.sectionPath.slice(1, -1).map((h) => h.toLowerCase())));
  const unused = [...nested];
  const rows: Judgement[] = [];
  let service: string | null = null;
  let waiting: Judgement[] = [];
  for (const row of report.judgements) {
    const key = row.area.toLowerCase();
    if (!row.grade) {
      if (groups.has(key)) waiting.push(row);
      else if (!services.has(key)) rows.push(row);
      continue;
    }
    const at = unused.findIndex((g) => headingOf(g.sectionPath) === key);
    const path = at < 0 ? null : unused.splice(at, 1)[0]!.sectionPath;
    if (path && path[0] !== service) {
      service = path[0]!;
      rows.push({ area: service, grade: null });
    }
    const under = new Set(path?.map((h) => h.toLowerCase()) ?? []);
    rows.push(...waiting.filter((g) => under.has(g.area.toLowerCase())));
    waiting = waiting.filter((g) => !under.has(g.area.toLowerCase()));
    rows.push(row);
  }
  return [...rows, ...waiting];
}

/** Each report's graded headings, grouped by the areas they cover. */
export function gradesByArea(reports: readonly Report[]): { label: string; byReport: GradeRow[][] }[] {
  const graded = reports.map((report) => {
    // Grades printed under headings, plus judgement-table rows no heading carries (2022's overall effectiveness).
    const headed = report.sectionGrades.map((g) => ({ area: g.sectionPath.join(' › '), grade: g.grade }));
    const named = new Set(report.sectionGrades.map((g) => g.sectionPath[g.sectionPath.length - 1]!.toLowerCase()));
    // Named with the service the table puts them in, as both services grade some of the same areas.
    const services = new Set(report.sectionGrades.map((g) => g.sectionPath[0]!));
    let service: string | null = null;
    const tabled = judgementTable(report).flatMap((j) => {
      if (!j.grade && services.has(j.area)) service = j.area;
      if (!j.grade || named.has(j.area.toLowerCase())) return [];
      return [
        {
          area: service ? `${service} › ${j.area}` : j.area,
          grade: j.grade,
        },
      ];
    });
    return { framework: frameworkOf(report), rows: [...headed, ...tabled] };
  });
  const areas = GRADE_AREAS.map(({ label, match }) => ({
    label,
    byReport: graded.map(({ framework, rows }) =>
      framework === 'other' ? [] : rows.filter((g) => match[framework].some((re) => re.test(g.area))),
    ),
  }));
  const claimed = areas.map((a) => a.byReport);
  const unclaimed = graded.map(({ rows }, i) =>
    rows.filter((g) => !claimed.some((byReport) => byReport[i]!.includes(g))),
  );
  return unclaimed.some((rows) => rows.length) ? [...areas, { label: OTHER, byReport: unclaimed }] : areas;
}
