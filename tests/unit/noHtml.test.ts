import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

// Report text, queries and URL parameters are untrusted; every way of turning a string into markup is banned.
const HTML_SINKS = [
  /\{@html\b/,
  /\.innerHTML\b/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write/,
  /createContextualFragment/,
  /DOMParser/,
];

describe('no HTML from strings', () => {
  it('finds no HTML sink anywhere in src/', () => {
    const found = files(src).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return HTML_SINKS.filter((re) => re.test(text)).map((re) => `${relative(src, file)}: ${re.source}`);
    });
    expect(found).toEqual([]);
  });

  it('would catch one', () => {
    expect(HTML_SINKS.some((re) => re.test('<p>{@html text}</p>'))).toBe(true);
    expect(HTML_SINKS.some((re) => re.test('el.innerHTML = text'))).toBe(true);
  });
});
