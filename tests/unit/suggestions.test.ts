import { describe, expect, it } from 'vitest';
import { counterpartStrength, MIN_COUNTERPART_SIMILARITY } from '../../src/core/compare.ts';
import { mostUsedThemes } from '../../src/ui/suggestions.ts';

describe('mostUsedThemes', () => {
  it('counts each paragraph once, by its primary theme, most first and ties in the order given', () => {
    const themeMap = { p1: ['b', 'a'], p2: ['a'], p3: ['c'], p4: ['b'], p5: ['c', 'b'], p6: [] };
    expect(mostUsedThemes(themeMap, ['a', 'b', 'c', 'd'], 3)).toEqual(['b', 'c', 'a']);
    expect(mostUsedThemes(themeMap, ['c', 'b', 'a'], 2)).toEqual(['c', 'b']);
    expect(mostUsedThemes({}, ['a'], 3)).toEqual([]);
  });
});

describe('counterpartStrength', () => {
  it('calls a pair a strong match from the counterpart bar up, and not an answer below it', () => {
    expect(counterpartStrength(MIN_COUNTERPART_SIMILARITY)).toBe('strong');
    expect(counterpartStrength(0.51)).toBe('strong');
    expect(counterpartStrength(MIN_COUNTERPART_SIMILARITY - 0.01)).toBe('weak');
    expect(counterpartStrength(0.3, 0.4)).toBe('weak');
  });
});
