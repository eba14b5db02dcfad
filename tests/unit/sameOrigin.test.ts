import { describe, expect, it } from 'vitest';
import { sameOriginFetch, siteBaseOf, sitePath } from '../../src/embed/sameOrigin.ts';

const origin = 'https://site.example';

describe('the worker’s origin checks', () => {
  it('take only an absolute base on the page’s own origin', () => {
    expect(siteBaseOf('https://site.example/app/', origin).href).toBe('https://site.example/app/');
    expect(siteBaseOf('https://site.example//other.example/', origin).href).toBe(
      'https://site.example//other.example/',
    );
    for (const bad of ['', '/app/', '//other.example/', 'https://other.example/', 'javascript:alert(1)']) {
      expect(() => siteBaseOf(bad, origin)).toThrow(
        `The page asked for its files from “${bad}”, not from its own site`,
      );
    }
  });

  it('refuse a folder path that would be read as another host', () => {
    expect(sitePath(new URL('https://site.example/app/'), 'models/')).toBe('/app/models/');
    expect(() => sitePath(new URL('https://site.example//other.example/'), 'models/')).toThrow(
      'the page’s address begins with two slashes, which would fetch the model from another site',
    );
  });

  it('let through fetches of the page’s origin, data: URLs and nothing else', async () => {
    const fetched: string[] = [];
    const guarded = sameOriginFetch(
      (input) => (fetched.push(String(input instanceof Request ? input.url : input)), Promise.resolve(new Response())),
      'https://site.example/assets/worker.js',
      origin,
    );
    await guarded('models/config.json');
    await guarded(new Request('https://site.example/data/corpus.json'));
    await guarded('data:application/octet-stream;base64,AA==');
    for (const bad of ['//other.example/models/x', 'https://other.example/', 'http://site.example/']) {
      await expect(guarded(bad)).rejects.toThrow('the app loads nothing from another site');
    }
    expect(fetched).toEqual([
      'models/config.json',
      'https://site.example/data/corpus.json',
      'data:application/octet-stream;base64,AA==',
    ]);
  });
});
