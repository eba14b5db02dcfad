import type { Mode } from '../core/search.ts';

/** How the search modes are named on the page: the form's choices and a result list's heading. */
export const MODE_LABELS: Record<Mode, string> = {
  hybrid: 'Best match',
  keyword: 'Exact words',
  semantic: 'Similar meaning',
};

/** What each mode finds, in a line under its name. */
export const MODE_HINTS: Record<Mode, string> = {
  hybrid: 'Your words and paragraphs that mean the same: the usual choice.',
  keyword: 'Paragraphs that contain your words, or the words the reports use for them.',
  semantic: 'Paragraphs about the same thing, even in other words.',
};
