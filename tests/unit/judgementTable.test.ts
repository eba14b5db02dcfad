import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/chunk.ts';
import { gradesByArea, judgementTable } from '../../src/core/gradeAreas.ts';

const read = (id: string) =>
  parseReport(readFileSync(join(import.meta.dirname, '../../seeds', `${id}.txt`), 'utf8'), { id }).report;
const slac = read('2012-redcar-cleveland-safeguarding-and-looked-after-children');
const ilacs = read('2022-redcar-cleveland-ilacs');

describe("the start page's judgement tables", () => {
  it('puts each row of the 2012 table under the service the report grades it in', () => {
    expect(judgementTable(slac).map((j) => (j.grade ? `${j.area}: ${j.grade}` : `# ${j.area}`))).toEqual([
      '# Safeguarding services',
      'Overall effectiveness: Adequate',
      'Capacity for improvement: Good',
      '# Safeguarding outcomes for children and young people',
      'Children and young people are safe and feel safe: Good',
      'Quality of provision: Adequate',
      'The contribution of health agencies to keeping children and young people safe: Good',
      'Ambition and prioritisation: Good',
      'Leadership and management: Good',
      'Performance management and quality assurance: Adequate',
      'Partnership working: Good',
      'Equality and diversity: Good',
      '# Services for looked after children',
      'Overall effectiveness: Good',
      'Capacity for improvement: Good',
      '# How good are outcomes for looked after children and care leavers?',
      'Being healthy: Good',
      'Staying safe: Good',
      'Enjoying and achieving: Good',
      'Making a positive contribution, including user engagement: Good',
      'Economic well-being: Good',
      'Quality of provision: Good',
      'Ambition and prioritisation: Good',
      'Leadership and management: Good',
      'Performance management and quality assurance: Adequate',
      'Equality and diversity: Good',
    ]);
  });

  it('leaves a table with no services as the report prints it', () => {
    expect(judgementTable(ilacs)).toEqual(ilacs.judgements);
  });

  it('names the service of each row under "Other graded areas"', () => {
    expect(gradesByArea([slac, ilacs]).at(-1)).toEqual({
      label: 'Other graded areas',
      byReport: [
        [
          { area: 'Safeguarding services › Equality and diversity', grade: 'Good' },
          { area: 'Services for looked after children › Equality and diversity', grade: 'Good' },
        ],
        [],
      ],
    });
  });
});
