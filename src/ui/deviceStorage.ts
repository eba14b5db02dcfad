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
    const [estimate, persisted] = await Promise.all([
      navigator.storage?.estimate?.(),
      navigator.storage?.persisted?.(),
    ]);
    return { usage: estimate?.usage ?? null, persisted: persisted ?? false };
  } catch {
    return { usage: null, persisted: false };
  }
}
