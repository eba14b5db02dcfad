/**
 * The worker loads its data and its model from the page's own origin and nowhere else. The page's meta policy does
 * not reach a worker, and a host may serve the app at an address whose path reads as another site's (`//other-host/`),
 * so every fetch is checked here, whoever makes it: the worker's own, Transformers.js's and onnxruntime's.
 */

type Fetch = typeof fetch;

/** The site's base as the worker takes it: an absolute URL on the worker's own origin, or an error in words. */
export function siteBaseOf(siteBase: string, origin: string): URL {
  let base: URL | null = null;
  try {
    base = new URL(siteBase);
  } catch {
    // Not an absolute URL: refused below.
  }
  if (base?.origin !== origin) {
    throw new Error(`The page asked for its files from “${siteBase}”, not from its own site, so nothing was loaded.`);
  }
  return base;
}

/**
 * A folder of the site as a path, as Transformers.js takes its model folder. A path that begins with two slashes
 * would be read as another host's address, so it is refused.
 */
export function sitePath(base: URL, folder: string): string {
  const { pathname } = new URL(folder, base);
  if (pathname.startsWith('//')) {
    throw new Error(
      'the page’s address begins with two slashes, which would fetch the model from another site; ' +
        'open the page at its usual address',
    );
  }
  return pathname;
}

/** `fetchImpl`, refusing any URL (resolved against `base`) that is not on `origin`; a data: URL holds its content. */
export function sameOriginFetch(fetchImpl: Fetch, base: string, origin: string): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), base);
    if (url.protocol !== 'data:' && url.origin !== origin) {
      return Promise.reject(new TypeError(`refused to fetch ${url.href}: the app loads nothing from another site`));
    }
    return fetchImpl(input, init);
  };
}
