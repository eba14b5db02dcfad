import { CORPUS_FORMAT_VERSION } from '../core/corpus.ts';
import { isSelection } from '../core/sideBySide.ts';
import type { Corpus } from '../core/types.ts';
import { modelFromConfig } from '../embed/embedder.ts';
import type { CatalogueEntry, IndexStore } from '../store/indexStore.ts';
import type { ServiceDeps } from './deps.ts';
import { Drafts } from './drafts.ts';
import { messageOf } from './errors.ts';
import type { Event, Selection } from './protocol.ts';
import { ReportIndexCache } from './reportIndexCache.ts';
import { ReportLibrary } from './reportLibrary.ts';
import { SearchAnswers } from './searchAnswers.ts';
import { ReportsOnScreen } from './reportsOnScreen.ts';
import { ModelRunner } from './modelRunner.ts';

/** Everything the worker's requests are answered from, made once by `openWorkspace`. */
export interface Workspace {
  library: ReportLibrary;
  drafts: Drafts;
  screen: ReportsOnScreen;
  searches: SearchAnswers;
}

/**
 * Starts the worker: the bundled reports (without which nothing works: a fatal error), the model's name, storage
 * when the browser allows it, the reader's reports, and the reports the page asked to show, or the default pair.
 */
export async function openWorkspace(deps: ServiceDeps, requested: Selection | null): Promise<Workspace> {
  const notice = (message: string) => deps.post({ type: 'notice', message });
  let bundled: Corpus;
  try {
    bundled = JSON.parse(await deps.fetchText('data/corpus.json')) as Corpus;
    if (bundled.formatVersion !== CORPUS_FORMAT_VERSION) {
      throw new Error(`unexpected corpus format ${String(bundled.formatVersion)}`);
    }
  } catch (error) {
    const message = `The reports could not be loaded (${messageOf(error)}). Check your connection and reload the page.`;
    deps.post({ type: 'fatal', message });
    throw error;
  }
  const model = modelFromConfig(await deps.fetchText('config.json').catch(() => null));
  let store: IndexStore | null = null;
  try {
    store = await deps.openStore();
  } catch (error) {
    notice(`This browser will not let the app store its index (${messageOf(error)}), so it is rebuilt on each visit.`);
  }
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
  const missing = (requested ?? []).filter((id) => !library.exists(id));
  const ids = requested && missing.length === 0 && isSelection(requested) ? requested : library.defaultSelection();
  const post = (event: Event) => deps.post(event);
  const screen = await ReportsOnScreen.open({ post, indexes, library, semantic }, ids, missing);
  return { library, drafts: new Drafts(), screen, searches: new SearchAnswers(library, indexes, screen, semantic) };
}
