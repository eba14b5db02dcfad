import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, parseReportText, type ReadReport } from '../../src/core/chunk.ts';
import { MAX_REPORT_BYTES } from '../../src/core/limits.ts';
import { extractPdfText, type PdfJsModule } from '../../src/import/pdfText.ts';
import { imageOnlyPdf, textToPdf } from './pdfFixtures.ts';

const seeds = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];
const seedText = (id: string) => readFileSync(join(import.meta.dirname, '../../seeds', `${id}.txt`), 'utf8');
const fromText = seeds.map((id) => parseReport(seedText(id), { id }));
const fromPdf: ReadReport[] = [];
const extracted: { text: string; pages: number }[] = [];

beforeAll(async () => {
  const pdfs = await textToPdf(seeds.map((id) => ({ title: id, text: seedText(id) })));
  for (const [i, pdf] of pdfs.entries()) {
    // Timed one after the other, the first including pdf.js's start-up, as a reader's first added report would.
    const t0 = performance.now();
    extracted.push(await extractPdfText(pdfjs, new Uint8Array(pdf), `${seeds[i]}.pdf`));
    const t1 = performance.now();
    fromPdf.push(parseReportText(extracted[i]!.text, { id: seeds[i]! }));
    const t2 = performance.now();
    console.log(
      `${seeds[i]}.pdf: ${(pdf.length / 1024).toFixed(0)} KB, ${extracted[i]!.pages} pages; text extracted in ${(t1 - t0).toFixed(0)} ms, parsed in ${(t2 - t1).toFixed(0)} ms`,
    );
  }
});

describe('the seed reports printed to PDF and read back', () => {
  it('keeps every numbered paragraph, in order', () => {
    expect(extracted.map((e) => e.pages)).toEqual([24, 8]);
    expect(fromPdf.map((r) => r.method)).toEqual(['numbered', 'numbered']);
    expect(fromPdf.map((r) => r.warnings)).toEqual([[], []]);
    expect(fromPdf.map((r) => r.chunks.filter((c) => c.paragraph !== null).map((c) => c.paragraph))).toEqual([
      Array.from({ length: 153 }, (_, i) => i + 1),
      Array.from({ length: 49 }, (_, i) => i + 1),
    ]);
    expect(fromPdf.map((r) => r.chunks.length)).toEqual([166, 58]);
  });

  it('gives the same metadata, sections, grades and judgement tables as the text files', () => {
    seeds.forEach((_, i) => {
      expect(fromPdf[i]!.report).toEqual(fromText[i]!.report);
      expect(fromPdf[i]!.chunks.map((c) => [c.id, c.sectionPath, c.grade])).toEqual(
        fromText[i]!.chunks.map((c) => [c.id, c.sectionPath, c.grade]),
      );
    });
  });

  it('gives the same text for every chunk but one whose table lost its tabs', () => {
    const differing = fromPdf.flatMap((r, i) =>
      r.chunks.filter((c, k) => c.text !== fromText[i]!.chunks[k]!.text).map((c) => c.id),
    );
    expect(differing).toEqual(['2012-p3']);
    const p3 = fromPdf[0]!.chunks.find((c) => c.id === '2012-p3')!.text;
    expect(p3).toContain(
      'four point scale. Outstanding (Grade 1) A service that significantly exceeds minimum requirements Good (Grade 2) A service',
    );
  });

  it('mends words hyphenated at line ends and paragraphs cut by page breaks', () => {
    const hyphenated = extracted.map((e) => e.text.split('\n').filter((l) => /\p{L}[-\u2010]$/u.test(l)).length);
    expect(hyphenated).toEqual([64, 26]);
    const all = fromPdf.flatMap((r) => r.chunks.map((c) => c.text)).join('\n');
    expect(all).not.toMatch(/\u2010/);
    expect(all).toContain('needs-based support');
    const p97 = fromPdf[0]!.chunks.find((c) => c.paragraph === 97)!;
    expect(p97.text).toMatch(
      /health reviews whether these are being considered and used effectively as a basis for planning to meet individual needs\.$/,
    );
  });

  it('drops running titles, page numbers and the footer address', () => {
    const all = fromPdf.flatMap((r) => r.chunks.map((c) => c.text)).join('\n');
    for (const furniture of [...seeds, 'www.gov.uk/ofsted', 'Page 3 of']) expect(all).not.toContain(furniture);
    for (const e of extracted) expect(e.text).not.toMatch(/^Page \d+ of \d+$/m);
  });
});

describe('bad PDFs', () => {
  it('refuses a PDF with no text layer, saying it may be a scan', async () => {
    await expect(extractPdfText(pdfjs, new Uint8Array(await imageOnlyPdf()), 'scan.pdf')).rejects.toThrow(
      'scan.pdf has no text layer (it may be a scan), so its words cannot be read. Use a PDF with selectable text, or a text file.',
    );
  });

  it('refuses bytes that are not a PDF', async () => {
    await expect(extractPdfText(pdfjs, new TextEncoder().encode('%PDF-1.7 nonsense'), 'broken.pdf')).rejects.toThrow(
      /^broken\.pdf could not be read as a PDF/,
    );
  });

  it('refuses an empty file and one over 20 MB without opening them', async () => {
    const untouchable: PdfJsModule = {
      getDocument: () => {
        throw new Error('opened');
      },
    };
    expect(MAX_REPORT_BYTES).toBe(20 * 1024 * 1024);
    await expect(extractPdfText(untouchable, new Uint8Array(0), 'empty.pdf')).rejects.toThrow('empty.pdf is empty.');
    await expect(extractPdfText(untouchable, new Uint8Array(MAX_REPORT_BYTES + 1), 'huge.pdf')).rejects.toThrow(
      'huge.pdf is 20.0 MB; reports over 20 MB are not accepted.',
    );
    await expect(extractPdfText(untouchable, new Uint8Array(MAX_REPORT_BYTES), 'edge.pdf')).rejects.toThrow(
      'edge.pdf could not be read as a PDF: the file is damaged, or it is not a PDF.',
    );
  });

  it('names the file and the page, in plain words, when a page of a real PDF cannot be read', async () => {
    const [pdf] = await textToPdf([{ title: 't', text: seedText(seeds[1]!) }]);
    // The real pdf.js opens the real file; its third page then fails as a damaged stream does.
    const damaged: PdfJsModule = {
      getDocument: (source) => {
        const task = pdfjs.getDocument(source);
        void task.promise.then((doc) => {
          const getPage = doc.getPage.bind(doc);
          doc.getPage = (n: number) =>
            n === 3 ? Promise.reject(new Error('Bad encoding in flate stream')) : getPage(n);
        });
        return task;
      },
    };
    await expect(extractPdfText(damaged, new Uint8Array(pdf!), 'inspection.pdf')).rejects.toThrow(
      'inspection.pdf is damaged: page 3 of 8 could not be read. Try saving the PDF again from the program that made it, or add a text file.',
    );
    await expect(extractPdfText(pdfjs, new TextEncoder().encode('%PDF-1.7 not really'), 'fake.pdf')).rejects.toThrow(
      'fake.pdf could not be read as a PDF: the file is damaged, or it is not a PDF.',
    );
  });
});
