import type { Mode } from '../core/search.ts';

/** How the search modes are named on the page: the form's choices and a result list's heading. */
export const MODE_LABELS: Record<Mode, string> = { hybrid: 'Hybrid', keyword: 'Keyword', semantic: 'Semantic' };
