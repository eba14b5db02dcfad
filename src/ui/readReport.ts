import { decodeReport } from '../core/chunk.ts';
import { sizeRefusal } from '../core/limits.ts';

const isPdf = (bytes: Uint8Array) => bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** A chosen or dropped file as text: UTF-8 text as is, a PDF through its text layer. */
export async function readReportFile(file: File): Promise<string> {
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  const tooLarge = sizeRefusal(file.name, file.size);
  if (tooLarge) throw new Error(tooLarge);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isPdf(bytes)) return decodeReport(bytes, file.name);
  // pdf.js is loaded only when a PDF is added; its worker is served from this site.
  const [{ extractPdfText }, pdfjs, { default: workerSrc }] = await Promise.all([
    import('../import/pdfText.ts'),
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]).catch(() => {
    // The files of the version this tab runs are gone once another tab switched to a newer one.
    throw new Error(
      `${file.name} could not be read: the PDF reader of this version of the tool could not be loaded. Reload the page and add it again.`,
    );
  });
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  return (await extractPdfText(pdfjs, bytes, file.name)).text;
}
