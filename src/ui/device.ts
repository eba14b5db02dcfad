import { registerSW } from 'virtual:pwa-register';

export interface OfflineHooks {
  onOfflineReady(): void;
  onUpdateReady(apply: () => Promise<void>): void;
  onError(message: string): void;
}

/**
 * Registers the Workbox service worker. An update is installed in the background as a whole and waits: the
 * reader is asked, and until they accept the old version keeps running, never a mix of the two.
 */
export function registerOffline(hooks: OfflineHooks): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    immediate: true,
    onOfflineReady: hooks.onOfflineReady,
    onNeedRefresh: () => hooks.onUpdateReady(() => update(true)),
    onRegisterError: () => hooks.onError('This browser cannot keep an offline copy of the tool (service workers are unavailable), so it needs the network on each visit.'),
  });
}

export interface StorageReport {
  /** Bytes this site stores on the device (offline copy, search index), when the browser says. */
  usage: number | null;
  persisted: boolean;
}

/** Asks the browser to keep this site's data under storage pressure; harmless when refused. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageReport(): Promise<StorageReport> {
  try {
    const [estimate, persisted] = await Promise.all([navigator.storage?.estimate?.(), navigator.storage?.persisted?.()]);
    return { usage: estimate?.usage ?? null, persisted: persisted ?? false };
  } catch {
    return { usage: null, persisted: false };
  }
}

/** Removes the offline copy: every cache of this origin and the service worker. */
export async function removeOfflineCopy(): Promise<void> {
  if ('caches' in self) for (const key of await caches.keys()) await caches.delete(key);
  const registrations = (await navigator.serviceWorker?.getRegistrations?.()) ?? [];
  for (const r of registrations) await r.unregister();
}
