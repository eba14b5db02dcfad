import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../src/core/chunk.ts';
import { extractPdfText } from '../../src/import/pdfText.ts';
import { textToPdf } from './pdfFixtures.ts';

const seedText = (id: string) => readFileSync(join(import.meta.dirname, '../../seeds', `${id}.txt`), 'utf8');
const body = Array.from(
  { length: 6 },
  (_, i) => `${i + 1}. Children in care are seen by social workers who know them well, and their plans help them.`,
).join('\n\n');

/** Covers laid out as Ofsted's reports and the files readers save from them lay them out, with what a reader sees. */
const layouts: { name: string; text: string; title: string; council: string; year: number }[] = [
  {
    name: 'a year alone on a line, the council under the title',
    text: `Inspection of children's services\nTestshire\n\n2019\n\nOfsted\n\n${body}`,
    title: "Inspection of children's services",
    council: 'Testshire',
    year: 2019,
  },
  {
    name: 'the council above the title, a year alone on a line',
    text: `Testshire\nInspection of children's services\n\n2019\n\n${body}`,
    title: "Inspection of children's services",
    council: 'Testshire',
    year: 2019,
  },
  {
    name: 'the council above the title, with inspection dates',
    text: `Testshire\nInspection of children's services\n\nInspection dates: 4 to 15 March 2019\n\n${body}`,
    title: "Inspection of children's services",
    council: 'Testshire',
    year: 2019,
  },
  {
    name: 'a 2014-2017 cover: the council by its formal name above a long title',
    text:
      'Testshire County Council\nInspection of services for children in need of help and protection, children ' +
      'looked after and care leavers\nand\nReview of the effectiveness of the Local Safeguarding Children Board\n\n' +
      `Inspection date: 13 March 2017 – 6 April 2017\nReport published: 22 May 2017\n\n${body}`,
    title: 'Inspection of services for children in need of help and protection, children looked after and care leavers',
    council: 'Testshire',
    year: 2017,
  },
  {
    name: 'an ILACS title naming the council, without "local authority"',
    text:
      'Inspection of Testshire children’s services\n\nInspection dates: 14 to 25 March 2022\n\n' +
      `Lead inspector: Jo Bloggs, His Majesty’s Inspector\n\n${body}`,
    title: 'Inspection of Testshire children’s services',
    council: 'Testshire',
    year: 2022,
  },
  {
    name: 'a "Local authority:" line',
    text: `Ofsted inspection report\n\nLocal authority: Testshire\n\nInspection dates: 14 to 25 March 2022\n\n${body}`,
    title: 'Ofsted inspection report',
    council: 'Testshire',
    year: 2022,
  },
  {
    name: 'no council and no year: left blank',
    text: `Ofsted\n\nChildren's services report\n\n${body}`,
    title: "Children's services report",
    council: '',
    year: 0,
  },
];

describe('the cover of a report a reader adds, in plain text', () => {
  for (const layout of layouts) {
    it(`reads ${layout.name}`, () => {
      const { report, chunks } = parseReportText(layout.text, { id: 'x' });
      expect({ title: report.title, council: report.council, year: report.year }).toEqual({
        title: layout.title,
        council: layout.council,
        year: layout.year,
      });
      expect(chunks.filter((c) => c.paragraph !== null).map((c) => c.paragraph)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  }

  it('reads the bundled reports as before', () => {
    const read = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'].map(
      (id) => parseReportText(seedText(id), { id }).report,
    );
    expect(read.map((r) => [r.title, r.council, r.year])).toEqual([
      ['Inspection of safeguarding and looked after children services', 'Redcar and Cleveland', 2012],
      ["Inspection of Redcar and Cleveland local authority children's services", 'Redcar and Cleveland', 2022],
    ]);
  });
});

describe('the cover of a report a reader adds, printed to PDF and read back', () => {
  const read: { title: string; council: string; year: number }[] = [];
  beforeAll(async () => {
    const pdfs = await textToPdf(layouts.map((l, i) => ({ title: `layout-${i}`, text: l.text })));
    for (const [i, pdf] of pdfs.entries()) {
      const { text } = await extractPdfText(pdfjs, new Uint8Array(pdf), `layout-${i}.pdf`);
      const { report } = parseReportText(text, { id: 'x' });
      read.push({ title: report.title, council: report.council, year: report.year });
    }
  });

  it('reads each layout as from the text', () => {
    expect(read).toEqual(layouts.map(({ title, council, year }) => ({ title, council, year })));
  });
});
