import { CORPUS_FORMAT_VERSION } from '../core/corpus.ts';
import { isSelection } from '../core/sideBySide.ts';
import { THEMES } from '../core/taxonomy.ts';
import type { Corpus } from '../core/types.ts';
import { modelFromConfig } from '../embed/models.ts';
import type { CatalogueEntry } from '../store/indexStore.ts';
import type { ServiceDeps } from './deps.ts';
import { Drafts } from './drafts.ts';
import { messageOf } from './errors.ts';
import type { Opened, Selection } from './protocol.ts';
import { ReportIndexCache } from './reportIndexCache.ts';
import { ReportLibrary } from './reportLibrary.ts';
import { SearchAnswers } from './searchAnswers.ts';
import { SharedKeywords } from './sharedKeywords.ts';
import { ReportSets } from './reportSets.ts';
import { ModelRunner } from './modelRunner.ts';

/** Everything the worker's requests are answered from, made once by `openWorkspace`. */
export interface Workspace {
  library: ReportLibrary;
  drafts: Drafts;
  sets: ReportSets;
  semantic: ModelRunner;
  searches: SearchAnswers;
  /** Posts the library as it now is: the page then knows whether the reports it shows are still there. */
  readonly announceLibrary: () => void;
}

/**
 * Starts the worker: the bundled reports (without which nothing works: a fatal error), the model's name, storage
 * when the browser allows it, and the reader's reports. Which reports are on screen is the page's to say.
 */
export async function openWorkspace(deps: ServiceDeps): Promise<Workspace> {
  const notice = (message: string) => deps.post({ type: 'notice', message });
  // Asked for at once: each waits on the network or on IndexedDB, not on the others.
  const corpusText = deps.fetchText('data/corpus.json');
  const configText = deps.fetchText('config.json').catch(() => null);
  const opening = deps.openStore().then(
    (store) => ({ store, error: null }),
    (error: unknown) => ({ store: null, error }),
  );
  let bundled: Corpus;
  try {
    bundled = JSON.parse(await corpusText) as Corpus;
    if (bundled.formatVersion !== CORPUS_FORMAT_VERSION) {
      throw new Error(`unexpected corpus format ${String(bundled.formatVersion)}`);
    }
  } catch (error) {
    const message = `The reports could not be loaded (${messageOf(error)}). Check your connection and reload the page.`;
    deps.post({ type: 'fatal', message });
    throw error;
  }
  const model = modelFromConfig(await configText);
  const { store, error } = await opening;
  if (!store)
    notice(`This browser will not let the app store its index (${messageOf(error)}), so it is rebuilt on each visit.`);
  let added: CatalogueEntry[] = [];
  try {
    added = (await store?.listReports()) ?? [];
  } catch (error) {
    notice(`The reports you added could not be read (${messageOf(error)}).`);
  }
  const fetchBytes = (path: string) => deps.fetchBytes(path);
  const indexes = new ReportIndexCache({ bundled, store, modelId: model.id, fetchBytes, notice });
  const library = new ReportLibrary(bundled, store, indexes, added);
  const semantic = new ModelRunner(deps, model, indexes, library);
  const sets = new ReportSets(indexes, library);
  const announceLibrary = () => {
    sets.clear();
    deps.post({ type: 'library', reports: library.entries(), defaultSelection: library.defaultSelection() });
  };
  announceLibrary();
  const searches = new SearchAnswers(library, indexes, sets, semantic, new SharedKeywords(store));
  return { library, drafts: new Drafts(), sets, semantic, searches, announceLibrary };
}

/**
 * Opens reports side by side for the page: those asked for when this browser has them all and they can be compared,
 * else the default pair. Semantic search of them waits for the page's 'start-semantic': the first answer is keyword.
 */
export async function openReports(
  { library, sets, semantic }: Workspace,
  requested: Selection | null,
): Promise<Opened> {
  const missing = (requested ?? []).filter((id) => !library.exists(id));
  const ids = requested && missing.length === 0 && isSelection(requested) ? requested : library.defaultSelection();
  const set = await sets.get(ids);
  semantic.opened(set);
  const themes = THEMES.map(({ id, label, description }) => ({ id, label, description }));
  return { corpus: set.corpus, themes, missing };
}
