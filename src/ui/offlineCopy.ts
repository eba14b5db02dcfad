import { registerSW } from 'virtual:pwa-register';

export interface OfflineHooks {
  onOfflineReady(): void;
  onUpdateReady(apply: () => Promise<void>): void;
  onError(message: string): void;
  /** The offline copy could not be saved; the message says why, as far as the browser tells. */
  onOfflineFailed(message: string): void;
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
    let controlled = !!sw.controller;
    if (controlled) settle();
    sw.addEventListener('controllerchange', () => {
      // The worker claims open pages when it activates (clientsClaim in vite.config.ts): on a first visit, that is
      // the moment. Later, it is a new version another tab accepted before this tab heard it was waiting (under load
      // the notice comes late): this page is the old version, whole, until its reader reloads.
      if (controlled) hooks.onUpdateReady(() => Promise.resolve(location.reload()));
      controlled = true;
      settle();
    });
    let registration: ServiceWorkerRegistration | undefined;
    const update = registerSW({
      immediate: true,
      onOfflineReady: () => hooks.onOfflineReady(),
      onNeedRefresh: () => hooks.onUpdateReady(() => switchToUpdate(sw, registration, update)),
      // Left to itself, the plugin reloads every tab that loaded under a service worker once an update takes over,
      // whichever tab's reader accepted it, losing what a reader had typed there; only the tab that asked reloads.
      onNeedReload: () => {},
      onRegisteredSW: (_url, registered) => {
        registration = registered;
        // An active worker finished its install, precache and all: a later visit is offline-ready from the start.
        if (registered?.active) hooks.onOfflineReady();
        const installing = registered?.installing;
        // No install under way (a hard reload of an installed site): the page stays uncontrolled until the next visit.
        if (!installing) return settle();
        installing.addEventListener('statechange', () => {
          if (installing.state !== 'redundant') return;
          settle();
          void whyNotSaved().then((message) => hooks.onOfflineFailed(message));
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

/** A failed install is most often a full quota: say so when the browser's figures show it. */
async function whyNotSaved(): Promise<string> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : undefined;
  const reason =
    free === undefined
      ? 'the browser refused to store it'
      : `the browser lets this site store only ${(free / 1_048_576).toFixed(1)} MB more, which is not enough`;
  return `The offline copy could not be saved: ${reason}. The tool works while you are online; free some space on this device, then reload to try again.`;
}

/**
 * Lets the waiting version take over, then reloads this tab into it. The reload follows this tab's own
 * `controllerchange`: the plugin's waits for Workbox's `controlling` event to say `isUpdate`, which it never does in
 * the tab where the app was first installed (that tab loaded with no service worker). With nothing waiting, another
 * tab's reader accepted first and the new version already serves this tab: a reload is all it needs.
 */
async function switchToUpdate(
  sw: ServiceWorkerContainer,
  registration: ServiceWorkerRegistration | undefined,
  skipWaiting: (reload: boolean) => Promise<void>,
): Promise<void> {
  if (!registration?.waiting) return location.reload();
  sw.addEventListener('controllerchange', () => location.reload(), { once: true });
  await skipWaiting(true);
}

/** Removes the offline copy: every cache of this origin and the service worker. */
export async function removeOfflineCopy(): Promise<void> {
  if ('caches' in self) for (const key of await caches.keys()) await caches.delete(key);
  const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
  for (const r of registrations) await r.unregister();
}
