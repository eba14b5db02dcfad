import { registerSW } from 'virtual:pwa-register';

export interface OfflineHooks {
  onOfflineReady(): void;
  onUpdateReady(apply: () => Promise<void>): void;
  onError(message: string): void;
}

/**
 * Registers the Workbox service worker. An update is installed in the background as a whole and waits: the
 * reader is asked, and until they accept the old version keeps running, never a mix of the two.
 *
 * Resolves once the page no longer waits on a first install: from then on, what the page and its worker fetch is
 * answered from the offline copy, so the model and onnxruntime's wasm, which the install downloads anyway, are not
 * downloaded a second time. It resolves at once when a service worker already serves the page, or when there is
 * none or it cannot install.
 */
export function registerOffline(hooks: OfflineHooks): Promise<void> {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (!sw) return Promise.resolve();
  return new Promise<void>((settle) => {
    if (sw.controller) settle();
    // The worker claims open pages when it activates (clientsClaim in vite.config.ts): that is the moment.
    sw.addEventListener('controllerchange', () => settle(), { once: true });
    const update = registerSW({
      immediate: true,
      onOfflineReady: () => hooks.onOfflineReady(),
      onNeedRefresh: () => hooks.onUpdateReady(() => update(true)),
      onRegisteredSW: (_url, registration) => {
        const installing = registration?.installing;
        // No install under way (a hard reload of an installed site): the page stays uncontrolled until the next visit.
        if (!installing) return settle();
        installing.addEventListener('statechange', () => {
          if (installing.state === 'redundant') settle();
        });
      },
      onRegisterError: () => {
        hooks.onError(
          'This browser cannot keep an offline copy of the tool (service workers are unavailable), so it needs the network on each visit.',
        );
        settle();
      },
    });
  });
}

/** Removes the offline copy: every cache of this origin and the service worker. */
export async function removeOfflineCopy(): Promise<void> {
  if ('caches' in self) for (const key of await caches.keys()) await caches.delete(key);
  const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
  for (const r of registrations) await r.unregister();
}
