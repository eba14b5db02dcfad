import type * as PdfJs from 'pdfjs-dist';

/** The pdf.js module: the browser passes the modern build, Node tests its legacy build; both have this surface. */
export type PdfJsModule = Pick<typeof PdfJs, 'getDocument'>;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * The text layer of a PDF as plain text laid out like the reports' .txt files: one line per printed line, a blank
 * line where the vertical gap shows a new paragraph, and a blank line between pages.
 */
export async function extractPdfText(pdfjs: PdfJsModule, data: Uint8Array, source: string): Promise<{ text: string; pages: number }> {
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (error) {
    throw new Error(`${source} could not be read as a PDF (${(error as Error).message}).`);
  }
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(layOut(content.items.filter((i): i is TextItem & (typeof content.items)[number] => 'str' in i)));
  }
  await doc.destroy();
  const text = pages.join('\n\n');
  if (!text.trim()) throw new Error(`${source} has no text layer (it may be a scan), so its words cannot be read. Use a PDF with selectable text, or a text file.`);
  return { text, pages: doc.numPages };
}

function layOut(items: TextItem[]): string {
  let out = '';
  let line = '';
  let lastY: number | null = null;
  let lineHeight = 0;
  for (const item of items) {
    const y = item.transform[5]!;
    if (lastY !== null && line === '' && lineHeight > 0 && lastY - y > lineHeight * 1.8) out += '\n';
    line += item.str;
    if (item.height) lineHeight = item.height;
    if (item.hasEOL) {
      out += line.trimEnd() + '\n';
      line = '';
      lastY = y;
    }
  }
  return out + line;
}
