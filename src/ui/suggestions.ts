import type { ThemeMap } from '../worker/protocol.ts';

/**
 * Questions offered on the first screen, in the words a reader would use rather than the reports': they show that
 * everyday questions work, and each is a permalink like any other search. They are questions of the tuning
 * judgements (tests/eval/questions.json), so what they find has been judged by reading, not picked by hand.
 */
export const SUGGESTED_QUESTIONS: readonly string[] = [
  'kids running away from foster homes',
  'youngsters bounced between different foster families',
  'teenagers with nowhere to live',
  'do kids in care get a say in how things are run',
];

/** The themes most paragraphs of the reports on screen are mainly about, most first (ties in taxonomy order). */
export function mostUsedThemes(themeMap: ThemeMap, order: readonly string[], count: number): string[] {
  const uses = new Map<string, number>();
  for (const themes of Object.values(themeMap)) if (themes[0]) uses.set(themes[0], (uses.get(themes[0]) ?? 0) + 1);
  return order
    .filter((id) => uses.has(id))
    .sort((a, b) => uses.get(b)! - uses.get(a)!)
    .slice(0, count);
}
