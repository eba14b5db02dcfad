import { answerCompare } from './compareAnswers.ts';
import type { ServiceDeps } from './deps.ts';
import { readText } from './drafts.ts';
import { messageOf, storageProblem } from './errors.ts';
import type { Question, Questions, Replies, Request } from './protocol.ts';
import { openReports, openWorkspace, type Workspace } from './workspace.ts';

export type { ServiceDeps } from './deps.ts';

/**
 * Answers the page's typed requests with typed events, each by the part of the worker whose job it is (see
 * workspace.ts). Each question names the reports it is about: which are on screen is the page's to know, and a
 * change to the library is announced for the page to act on.
 */
export class SearchService {
  private opened: Promise<Workspace> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  async handle(request: Request): Promise<void> {
    switch (request.type) {
      case 'init':
        this.opened ??= openWorkspace(this.deps);
        await this.opened;
        return;
      case 'library-changed': {
        const workspace = await this.workspace();
        try {
          await workspace.library.reload();
        } catch (error) {
          const message = `The library could not be read again (${messageOf(error)}).`;
          return this.deps.post({ type: 'notice', message });
        }
        return workspace.announceLibrary();
      }
      case 'start-semantic': {
        const { semantic, sets } = await this.workspace();
        await semantic.start();
        // Searching by meaning is offered: what the reader's first question would still wait for is made now, while
        // they read, not while the model loads. A set that could not be read was reported to the question that asked.
        const set = await sets.latest()?.catch(() => null);
        set?.engine.prepare();
        return;
      }
      case 'open':
        return this.answer(request, (workspace) => openReports(workspace, request.reports));
      case 'search':
        return this.answer(request, ({ searches }) => searches.answer(request.search));
      case 'compare':
        return this.answer(request, async ({ sets, semantic }) => {
          const set = await sets.get(request.reports);
          semantic.askedAbout(set);
          return answerCompare(set, request.question);
        });
      case 'inspect-report':
        return this.answer(request, ({ library, drafts }) =>
          drafts.keep(library.refuseKnown(readText(request.sourceName, request.text))),
        );
      case 'add-report':
        return this.answer(request, async ({ library, drafts, announceLibrary, semantic }) => {
          // Failing or not, the library may have changed: another tab may have added the report first.
          const id = await library.add(drafts.get(request.token), request.meta).finally(announceLibrary);
          drafts.drop(request.token);
          this.deps.announceLibraryChange();
          semantic.added([id]);
          return id;
        });
      case 'delete-report':
        return this.answer(request, async ({ library, announceLibrary }) => {
          await library.delete(request.reportId);
          this.deps.announceLibraryChange();
          announceLibrary();
        });
      case 'export-library':
        return this.answer(request, ({ library }) => library.exportFile());
      case 'import-library':
        return this.answer(request, async ({ library, announceLibrary, semantic }) => {
          const outcome = await library.importFile(request.json);
          if (outcome.added.length) this.deps.announceLibraryChange();
          semantic.added(outcome.added);
          announceLibrary();
          return outcome;
        });
      case 'clear-storage':
        return this.answer(request, async ({ library, announceLibrary }) => {
          // Forgotten first: an embedding that ends while the data is being cleared then writes nothing back.
          library.forgetAdded();
          try {
            await (await this.deps.openStore()).clear();
          } catch (error) {
            await library.reload().catch(() => {});
            throw new Error(storageProblem(error), { cause: error });
          } finally {
            announceLibrary();
          }
        });
    }
  }

  private workspace(): Promise<Workspace> {
    return this.opened ?? Promise.reject(new Error('the search worker was asked something before it was started'));
  }

  /** Posts a question's reply, typed by its kind, or the reason there is none. */
  private async answer<K extends keyof Questions>(
    question: Question<K>,
    reply: (workspace: Workspace) => Replies[K] | Promise<Replies[K]>,
  ): Promise<void> {
    try {
      const workspace = await this.workspace();
      this.deps.post({ type: 'answer', to: question.type, id: question.id, reply: await reply(workspace) });
    } catch (error) {
      this.deps.post({ type: 'error', id: question.id, message: messageOf(error) });
    }
  }
}
