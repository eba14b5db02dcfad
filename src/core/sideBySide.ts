/** The most reports shown side by side: a council's inspections over a decade or so. */
export const MAX_COLUMNS = 6;

/** Two reports or more, each once, and not more than fit on a screen: what the page may ask the worker to show. */
export function isSelection(ids: readonly string[]): boolean {
  return ids.length >= 2 && ids.length <= MAX_COLUMNS && new Set(ids).size === ids.length;
}
