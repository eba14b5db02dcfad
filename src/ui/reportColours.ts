/**
 * The colour of each report on screen, left to right: a pair keeps its two colours, and a timeline runs from the
 * left report's colour to the right one's through colours between them. Each is at least 3:1 against the page
 * (WCAG non-text contrast), checked by the accessibility browser test.
 */
const BETWEEN = ['#8a3b12', '#2e6b30', '#6b5200', '#44546a'];

export function reportColour(index: number, count: number): string {
  if (index === 0) return 'var(--left-report)';
  if (index === count - 1) return 'var(--right-report)';
  return BETWEEN[(index - 1) % BETWEEN.length]!;
}
