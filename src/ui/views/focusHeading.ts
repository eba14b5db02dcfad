import { tick } from 'svelte';

/**
 * After the reader switches view with a link, the link they used is gone: focus moves to the new view's heading,
 * so keyboard and screen-reader users carry on from there, not from the top of the page.
 */
export async function focusHeading(): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>('main .results-heading')?.focus();
}
