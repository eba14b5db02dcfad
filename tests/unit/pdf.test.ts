import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/chunk.ts';
import { joinHyphenation, parseReportText, type ReadReport } from '../../src/core/reportText.ts';
import { extractPdfText } from '../../src/import/pdfText.ts';
import { imageOnlyPdf, textToPdf } from './pdfFixtures.ts';

const seeds = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];
const seedText = (id: string) => readFileSync(join(import.meta.dirname, '../../seeds', `${id}.txt`), 'utf8');
let fromPdf: ReadReport[];
let extracted: { text: string; pages: number }[];

beforeAll(async () => {
  const pdfs = await textToPdf(seeds.map((id) => ({ title: id, text: seedText(id) })));
  extracted = await Promise.all(pdfs.map((pdf, i) => extractPdfText(pdfjs, new Uint8Array(pdf), `${seeds[i]}.pdf`)));
  fromPdf = extracted.map((e, i) => parseReportText(e.text, { id: `pdf${i}`, chunkPrefix: `pdf${i}` }));
}, 120_000);

describe('the seed reports printed to PDF and read back', () => {
  it('keeps every numbered paragraph, in order', () => {
    expect(fromPdf.map((r) => r.method)).toEqual(['numbered', 'numbered']);
    expect(fromPdf.map((r) => r.chunks.filter((c) => c.paragraph !== null).map((c) => c.paragraph))).toEqual([
      Array.from({ length: 153 }, (_, i) => i + 1),
      Array.from({ length: 49 }, (_, i) => i + 1),
    ]);
    expect(extracted.map((e) => e.pages)).toEqual([24, 8]);
  });

  it('finds the same sections, grades and judgement tables as the text files', () => {
    seeds.forEach((id, i) => {
      const original = parseReport(seedText(id), { id });
      const byNumber = new Map(original.chunks.map((c) => [c.paragraph, c]));
      for (const c of fromPdf[i]!.chunks.filter((x) => x.paragraph !== null)) {
        expect({ p: c.paragraph, path: c.sectionPath, grade: c.grade }).toEqual({ p: c.paragraph, path: byNumber.get(c.paragraph)!.sectionPath, grade: byNumber.get(c.paragraph)!.grade });
      }
      expect(fromPdf[i]!.report.sectionGrades).toEqual(original.report.sectionGrades);
      expect(fromPdf[i]!.report.judgements).toEqual(original.report.judgements);
    });
  });

  it('mends paragraphs cut by page breaks and drops running titles and page numbers', () => {
    const p97 = fromPdf[0]!.chunks.find((c) => c.paragraph === 97)!;
    expect(p97.text).toMatch(/health reviews whether these are being considered and used effectively as a basis for planning to meet individual needs\.$/);
    const all = fromPdf.flatMap((r) => r.chunks.map((c) => c.text)).join('\n');
    expect(all).not.toContain(seeds[0]);
    expect(fromPdf[1]!.chunks.length).toBe(parseReport(seedText(seeds[1]!), { id: 'x' }).chunks.length);
  });
});

describe('bad PDFs', () => {
  it('refuses a PDF with no text layer, saying it may be a scan', async () => {
    await expect(extractPdfText(pdfjs, new Uint8Array(await imageOnlyPdf()), 'scan.pdf')).rejects.toThrow(
      'scan.pdf has no text layer (it may be a scan), so its words cannot be read. Use a PDF with selectable text, or a text file.',
    );
  });
  it('refuses bytes that are not a PDF', async () => {
    await expect(extractPdfText(pdfjs, new TextEncoder().encode('%PDF-1.7 nonsense'), 'broken.pdf')).rejects.toThrow(/^broken\.pdf could not be read as a PDF/);
  });
});

describe('reports without numbered paragraphs', () => {
  const plain = [
    'Inspection of Testshire children’s services',
    '',
    'Inspection dates: 3 to 14 May 2021',
    '',
    'Help and protection',
    '',
    'Children who need help receive it quickly. Social workers visit',
    'regularly and know the children well.',
    '',
    'Children in care',
    '',
    'Most children in care live in stable homes. Their assess-',
    'ments are thorough and up to date.',
  ].join('\n');

  it('falls back to blocks at blank lines, joining wrapped lines and hyphenated words, and says so', () => {
    const r = parseReportText(plain, { id: 't', chunkPrefix: 't' });
    expect(r.method).toBe('paragraphs');
    expect(r.warnings).toEqual(['No numbered paragraphs were found, so the text was split at blank lines.']);
    expect(r.report).toMatchObject({ title: 'Inspection of Testshire children’s services', year: 2021, inspectionDates: '3 to 14 May 2021' });
    expect(r.chunks.map((c) => [c.id, c.sectionPath[0], c.text])).toEqual([
      ['t-b1', 'Help and protection', 'Children who need help receive it quickly. Social workers visit regularly and know the children well.'],
      ['t-b2', 'Children in care', 'Most children in care live in stable homes. Their assessments are thorough and up to date.'],
    ]);
  });

  it('joins only lower-case words split at a line end', () => {
    expect(joinHyphenation('assess-\nments, 16-\n17-year-olds, multi-\nAgency')).toBe('assessments, 16-\n17-year-olds, multi-\nAgency');
  });

  it('refuses text that is not an inspection report', () => {
    expect(() => parseReportText('Shopping list\n\neggs, milk, bread\n', { id: 'x', source: 'list.txt' })).toThrow(/^list\.txt: this does not look like an Ofsted inspection report/);
    expect(() => parseReportText('  \n', { id: 'x', source: 'blank.txt' })).toThrow('blank.txt: the file is empty');
  });
});
