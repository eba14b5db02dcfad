/** Larger files are refused before reading: no inspection report comes near it, and parsing would stall the page. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/**
 * Longer than any paragraph of an inspection report (the longest of the bundled ones is under 2,000 characters): a
 * chunk this long means numbers or blank lines were missed, and the reader is told which one.
 */
export const MAX_PLAUSIBLE_PARAGRAPH = 20_000;
