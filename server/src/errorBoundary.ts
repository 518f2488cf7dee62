// The server's one error boundary: every request and notification handler runs
// inside it, so an exception in a feature is logged and answered (requests with a
// fallback, notifications by carrying on), never the end of the process. An editor
// whose server dies loses every diagnostic and the analyst's trust.

import { CancellationToken, ResponseError } from 'vscode-languageserver/node';

export interface Log {
  error(message: string): void;
}

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));

/** A request handler that waits for `ready`, and answers `fallback` if it throws (a `ResponseError` is the client's answer and passes). */
export const guardRequest =
  (log: Log, ready: Promise<void>) =>
  <P, R>(name: string, fn: (params: P, token: CancellationToken) => R | Promise<R>, fallback: R | ((params: P) => R)) =>
  async (params: P, token: CancellationToken = CancellationToken.None): Promise<R> => {
    await ready;
    try {
      return await fn(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log.error(`${name} failed: ${describe(e)}`);
      return typeof fallback === 'function' ? (fallback as (params: P) => R)(params) : fallback;
    }
  };

/** A notification handler (document sync, watched files, folders): waits for `ready`; an exception is logged, never rethrown. */
export const guardNotification =
  (log: Log, ready: Promise<void>) =>
  <P>(name: string, fn: (params: P) => unknown) =>
  async (params: P): Promise<void> => {
    try {
      await ready;
      await fn(params);
    } catch (e) {
      log.error(`${name} failed: ${describe(e)}`);
    }
  };
