/** Larger files are refused before reading: no inspection report comes near it, and parsing would stall the page. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

const MB = 1_048_576;

/** The limit as the page states it ("20 MB"). */
export const REPORT_LIMIT_WORDS = `${MAX_REPORT_BYTES / MB} MB`;

/** Null when a file or text of this size is accepted; otherwise the refusal, in words. */
export function sizeRefusal(name: string, bytes: number): string | null {
  if (bytes <= MAX_REPORT_BYTES) return null;
  return `${name} is ${(bytes / MB).toFixed(1)} MB; reports over ${REPORT_LIMIT_WORDS} are not accepted.`;
}

/**
 * Longer than any paragraph of an inspection report (the longest of the bundled ones is under 2,000 characters): a
 * chunk this long means numbers or blank lines were missed, and the reader is told which one.
 */
export const MAX_PLAUSIBLE_PARAGRAPH = 20_000;
