export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A storage failure in words a reader understands, not IndexedDB's. */
export function storageProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the device is out of storage space for this site';
  if (name === 'InvalidStateError' || name === 'UnknownError') {
    return 'the browser’s storage is not available just now; try again';
  }
  return 'the browser’s storage refused the change';
}
