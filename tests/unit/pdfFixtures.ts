import { launchChromium } from '../../scripts/lib/chromium.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A soft hyphen in the middle of every long word lets Chromium hyphenate at line ends, as typesetting does.
const hyphenable = (s: string) =>
  s.replace(/\p{L}{10,}/gu, (w) => `${w.slice(0, w.length >> 1)}\u00ad${w.slice(w.length >> 1)}`);

/**
 * Prints text to an A4 PDF the way a publisher would: each source line a paragraph, wrapped at the page width and
 * hyphenated, with a running title at the top of every page and Ofsted's address and "Page n of m" at the bottom.
 */
export async function textToPdf(texts: { title: string; text: string }[]): Promise<Buffer[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const out: Buffer[] = [];
    for (const { title, text } of texts) {
      const body = text
        .split(/\n/)
        .map((l) => (l.trim() ? `<p>${hyphenable(escape(l.replace(/\t/g, '    ')))}</p>` : ''))
        .join('\n');
      await page.setContent(
        `<html lang="en"><body style="font: 11pt serif; margin: 0"><style>p { margin: 0 0 8pt; }</style>${body}</body></html>`,
      );
      out.push(
        await page.pdf({
          format: 'A4',
          margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' },
          displayHeaderFooter: true,
          headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center">${escape(title)}</div>`,
          footerTemplate:
            '<div style="font-size:8pt;width:100%;text-align:center"><div>www.gov.uk/ofsted</div><div>Page <span class="pageNumber"></span> of <span class="totalPages"></span></div></div>',
        }),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A PDF with an image and no text layer, like a scan. */
export async function imageOnlyPdf(): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<html><body><div style="width:400px;height:600px;background:linear-gradient(#333,#ccc)"></div></body></html>',
    );
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
