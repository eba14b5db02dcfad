import type { Lookups } from '../context.ts';
import type { ExportContext } from '../exportRows.ts';

/** Exports link each paragraph by its own address: a file outlives the view it was saved from. */
export const exportContext = (lookups: Lookups): ExportContext => ({
  chunkById: lookups.chunkById,
  themeLabel: lookups.themeLabel,
  themesOf: lookups.themesOf,
  permalink: lookups.paragraphUrl,
  reportName: (reportId) => lookups.names.get(reportId) ?? reportId,
});
