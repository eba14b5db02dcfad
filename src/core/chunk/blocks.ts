import { cleanLine } from '../runningLines.ts';
import type { Chunk } from '../types.ts';
import { kindOf } from './kind.ts';
import { BULLET, ENDS_SENTENCE, boilerplateLines } from './lines.ts';

/**
 * One chunk per block of text between blank lines, its wrapped lines joined. A short block that ends without
 * punctuation is a heading, giving the section of the blocks after it; a block in lower case after one that ends no
 * sentence was cut by a page break and is put back.
 */
export function splitAtBlankLines(lines: string[], reportId: string, year: number, prefix: string): Chunk[] {
  const blocks: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    const text = parts.join('').trim();
    parts = [];
    if (!text) return;
    const previous = blocks[blocks.length - 1];
    const cutByPage = previous !== undefined && !ENDS_SENTENCE.test(previous) && /^\p{Ll}/u.test(text);
    if (cutByPage) blocks[blocks.length - 1] = `${previous} ${text}`;
    else blocks.push(text);
  };
  const boilerplate = boilerplateLines(lines);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) flush();
    else if (!boilerplate[i]) {
      const bullet = BULLET.exec(trimmed);
      parts.push(bullet ? '\n- ' + cleanLine(bullet[1]!) : ' ' + cleanLine(trimmed));
    }
  });
  flush();
  const chunks: Chunk[] = [];
  let heading = 'Report text';
  for (const text of blocks) {
    if (text.length < 90 && !/[.!?:]$/.test(text) && !text.includes('\n')) heading = text;
    else {
      const id = `${prefix}-b${chunks.length + 1}`;
      const sectionPath = [heading];
      const kind = kindOf({ paragraph: null, sectionPath });
      chunks.push({ id, reportId, year, paragraph: null, kind, sectionPath, grade: null, text });
    }
  }
  return chunks;
}
