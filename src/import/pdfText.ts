import type * as PdfJs from 'pdfjs-dist';
import { sizeRefusal } from '../core/limits.ts';
import { withoutRunningLines } from '../core/runningLines.ts';

/**
 * The pdf.js module: the browser passes the modern build with `GlobalWorkerOptions.workerSrc` set to the worker served
 * from this site (`pdfjs-dist/build/pdf.worker.min.mjs?url`); Node passes `pdfjs-dist/legacy/build/pdf.mjs`, which
 * runs without a worker.
 */
export type PdfJsModule = Pick<typeof PdfJs, 'getDocument'>;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * The text layer of a PDF as plain text laid out like the reports' .txt files: one line per printed line, a blank
 * line where the vertical gap shows a new paragraph, and a blank line between pages. Running titles and page numbers
 * are dropped; the chunker mends words hyphenated at line ends and paragraphs cut by page breaks.
 */
export async function extractPdfText(
  pdfjs: PdfJsModule,
  data: Uint8Array,
  source: string,
): Promise<{ text: string; pages: number }> {
  if (data.length === 0) throw new Error(`${source} is empty.`);
  const tooLarge = sizeRefusal(source, data.length);
  if (tooLarge) throw new Error(tooLarge);
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (error) {
    if ((error as Error).name === 'PasswordException') {
      throw new Error(
        `${source} is protected by a password, so its words cannot be read. Save a copy without the password and ` +
          'add that.',
        { cause: error },
      );
    }
    // pdf.js's own words ("Invalid PDF structure", "Bad encoding in flate stream") mean nothing to a reader.
    throw new Error(`${source} could not be read as a PDF: the file is damaged, or it is not a PDF.`, { cause: error });
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let content;
      try {
        content = await (await doc.getPage(n)).getTextContent();
      } catch {
        throw new Error(
          `${source} is damaged: page ${n} of ${doc.numPages} could not be read. Try saving the PDF again from the ` +
            'program that made it, or add a text file.',
        );
      }
      pages.push(layOut(content.items.filter((i): i is TextItem & (typeof content.items)[number] => 'str' in i)));
    }
    const text = withoutRunningLines(pages.map((p) => p.split('\n')))
      .map((lines) => lines.join('\n'))
      .join('\n\n');
    if (!text.trim()) {
      throw new Error(
        `${source} has no text layer (it may be a scan), so its words cannot be read. Use a PDF with selectable ` +
          'text, or a text file.',
      );
    }
    return { text, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/**
 * Rebuilds printed lines from text items. A line ends where pdf.js says so (`hasEOL`) or, for PDFs whose items carry
 * no such mark, where the baseline moves by more than half a line; a gap of more than 1.8 lines before a line is a
 * paragraph break.
 */
function layOut(items: TextItem[]): string {
  let out = '';
  let line = '';
  let lineY: number | null = null;
  let lastY: number | null = null;
  let lineHeight = 0;
  const endLine = () => {
    out += line.trimEnd() + '\n';
    lastY = lineY;
    line = '';
    lineY = null;
  };
  for (const item of items) {
    const y = item.transform[5]!;
    if (line !== '' && lineY !== null && lineHeight > 0 && Math.abs(y - lineY) > lineHeight / 2) endLine();
    if (line === '' && lastY !== null && lineHeight > 0 && lastY - y > lineHeight * 1.8) out += '\n';
    if (line === '') lineY = y;
    line += item.str;
    if (item.height) lineHeight = item.height;
    if (item.hasEOL) endLine();
  }
  return out + line;
}
