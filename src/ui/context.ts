import { createContext } from 'svelte';
import type { Chunk } from '../core/types.ts';
import type { Context } from './themeStats.ts';

/**
 * What every view and card looks paragraphs, themes and links up by, for the reports on screen. The page provides it
 * once (App.svelte); the members read the page's state when called, so a component that reads one re-renders when
 * the reports or the view on screen change.
 */
export interface Lookups {
  /** Paragraphs of the reports on screen by id. */
  readonly chunkById: ReadonlyMap<string, Chunk>;
  /** What the reports on screen are called on the page (see reportNames). */
  readonly names: ReadonlyMap<string, string>;
  /** The reports on screen in a phrase that stands alone, with their council when they share one. */
  readonly shownReports: string;
  readonly themeLabel: (id: string) => string;
  /** A paragraph's themes: none until the worker has sent those of the reports on screen. */
  readonly themesOf: (id: string) => readonly string[];
  /** The paragraphs just before and after one in its report. */
  readonly contextOf: (id: string) => Context;
  /** A paragraph in the view on screen: the card's own link. */
  readonly permalink: (id: string) => string;
  /** A paragraph's own absolute address, for exports and links that must outlive the current view. */
  readonly paragraphUrl: (id: string) => string;
  /** A paragraph's closest paragraphs in the other report, as a link names them and as following it opens them. */
  readonly pairsHref: (id: string) => string;
  readonly openPairs: (id: string) => void;
}

export const [getLookups, setLookups] = createContext<Lookups>();
