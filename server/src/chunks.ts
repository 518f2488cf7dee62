// Long work in chunks. A handler is one synchronous run of JavaScript, so a
// `$/cancelRequest` or an edit cannot arrive while it runs. Work that can be
// long (rename across many files, references of a big theme, symbols) calls
// `step()` per item: every few hundred items it lets the event loop run, then
// stops the request when it was cancelled or the project changed under it.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Anything with a revision that changes on every change of what the request reads. */
export interface Revisioned {
  readonly revision: number;
}

export class Chunks {
  private steps = 0;
  private readonly revisions: number[];

  constructor(private readonly token: CancellationToken, private readonly projects: readonly Revisioned[], private readonly size = 200) {
    this.revisions = projects.map((p) => p.revision);
  }

  /** One item of work done; yields to the event loop every `size` items. */
  async step(): Promise<void> {
    if (++this.steps % this.size !== 0) return;
    // A timer, not setImmediate: the message reader (poll phase) and the message
    // queue (check phase) both run before it, so a cancellation sent meanwhile is seen.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.check();
  }

  /** Throws the LSP error for a cancelled request, or for one whose project changed meanwhile. */
  check(): void {
    if (this.token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    if (this.projects.some((p, i) => p.revision !== this.revisions[i])) throw new ResponseError(LSPErrorCodes.ContentModified, 'The project changed while the request ran; ask again.');
  }
}
