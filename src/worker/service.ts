import { answerCompare } from './compareAnswers.ts';
import type { ServiceDeps } from './deps.ts';
import { readText } from './drafts.ts';
import { messageOf, storageProblem } from './errors.ts';
import type { Question, Questions, Replies, Request } from './protocol.ts';
import { openWorkspace, type Workspace } from './workspace.ts';

export type { ServiceDeps } from './deps.ts';

const DELETED_ELSEWHERE =
  'A report you were comparing was deleted in another tab of this app; showing the default pair.';

/**
 * Answers the page's typed requests with typed events, each by the part of the worker whose job it is (see
 * workspace.ts). A switch of the reports on screen is done in turn, and the requests that follow wait for it, so they
 * never see the old reports.
 */
export class SearchService {
  private opened: Promise<Workspace> | null = null;
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ServiceDeps) {}

  async handle(request: Request): Promise<void> {
    switch (request.type) {
      case 'init':
        this.opened ??= openWorkspace(this.deps, request.selection);
        await this.opened;
        return;
      case 'select': {
        const { screen } = await this.workspace();
        return this.inTurn(() => screen.select(request.selection));
      }
      case 'library-changed': {
        const { library, screen } = await this.workspace();
        return this.inTurn(async () => {
          await library.reload();
          await screen.refresh(DELETED_ELSEWHERE);
        }, 'The library could not be read again');
      }
      case 'start-semantic':
        return (await this.settled()).screen.startSemantic();
      case 'search':
        return this.answer(request, ({ searches }) => searches.answer(request.search));
      case 'compare':
        return this.answer(request, ({ screen }) => answerCompare(screen.shown, request.question));
      case 'inspect-report':
        return this.answer(request, ({ library, drafts }) =>
          drafts.keep(library.refuseKnown(readText(request.sourceName, request.text))),
        );
      case 'add-report':
        return this.answer(request, async ({ library, drafts, screen }) => {
          // Failing or not, the library may have changed: another tab may have added the report first.
          const id = await library
            .add(drafts.get(request.token), request.meta)
            .finally(() => this.inTurn(() => screen.refresh(DELETED_ELSEWHERE)));
          drafts.drop(request.token);
          this.deps.announceLibraryChange();
          return id;
        });
      case 'delete-report':
        return this.answer(request, async ({ library, screen }) => {
          await library.delete(request.reportId);
          this.deps.announceLibraryChange();
          await this.inTurn(() => screen.refresh());
        });
      case 'export-library':
        return this.answer(request, ({ library }) => library.exportFile());
      case 'import-library':
        return this.answer(request, async ({ library, screen }) => {
          const outcome = await library.importFile(request.json);
          if (outcome.added.length) this.deps.announceLibraryChange();
          await this.inTurn(() => screen.refresh(DELETED_ELSEWHERE));
          return outcome;
        });
      case 'clear-storage':
        return this.answer(request, async ({ library, screen }) => {
          try {
            await (await this.deps.openStore()).clear();
          } catch (error) {
            throw new Error(storageProblem(error), { cause: error });
          }
          library.forgetAdded();
          await this.inTurn(() => screen.refresh());
        });
    }
  }

  private workspace(): Promise<Workspace> {
    return this.opened ?? Promise.reject(new Error('the search worker was asked something before it was started'));
  }

  /** The workspace once any switch of the reports on screen under way is done. */
  private async settled(): Promise<Workspace> {
    const workspace = await this.workspace();
    await this.switching;
    return workspace;
  }

  /** Switches the reports on screen after any switch under way; a failure leaves the current ones, and says why. */
  private inTurn(change: () => Promise<void>, failure = 'Those reports could not be opened'): Promise<void> {
    this.switching = this.switching
      .then(change)
      .catch((error: unknown) => this.deps.post({ type: 'notice', message: `${failure} (${messageOf(error)}).` }));
    return this.switching;
  }

  /** Posts a question's reply, typed by its kind, or the reason there is none. */
  private async answer<K extends keyof Questions>(
    question: Question<K>,
    reply: (workspace: Workspace) => Replies[K] | Promise<Replies[K]>,
  ): Promise<void> {
    try {
      const workspace = await this.settled();
      this.deps.post({ type: 'answer', to: question.type, id: question.id, reply: await reply(workspace) });
    } catch (error) {
      this.deps.post({ type: 'error', id: question.id, message: messageOf(error) });
    }
  }
}
