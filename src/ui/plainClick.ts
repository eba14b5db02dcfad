/**
 * Whether a click on a link is a plain one, which the page handles in place; a middle click or one with a modifier
 * key is left to the browser, so the link opens in a new tab or window as the reader asked.
 */
export const isPlainClick = (e: MouseEvent): boolean => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey;
