// Parses files on every core at once: a pool of worker threads runs the core's
// pure parse step (`summarizeFile`) and hands back plain summaries, which the
// caller applies to its index in the main thread. The core stays pure; only
// this host module knows about threads. Where the worker script is not beside
// the bundle (tests bundle files elsewhere) or threads are not wanted, the same
// function parses in-process, so results never depend on where they were made.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { summarizeFile, type FileSummary } from '../core/project/fileSummary';
import type { FileRole } from '../core/project/config';

export interface ParseJob {
  path: string;
  role: FileRole;
  text: string;
}

/** The worker script esbuild writes beside dist/cli.js and dist/server.js. */
export const WORKER_FILE = 'parseWorker.js';

/** Below this much text, starting threads costs more than it saves. */
const PARALLEL_MIN_CHARS = 2_000_000;

export class ParsePool {
  private workers: Worker[] = [];
  private readonly script: string | undefined;

  constructor(
    dir: string = __dirname,
    private readonly size = Math.max(1, Math.min(availableParallelism(), 8)),
    private readonly minChars = PARALLEL_MIN_CHARS,
  ) {
    const script = join(dir, WORKER_FILE);
    this.script = existsSync(script) ? script : undefined;
  }

  /** Whether jobs of this total size would run on threads. */
  parallel(totalChars: number): boolean {
    return this.script !== undefined && this.size > 1 && totalChars >= this.minChars;
  }

  /** The batch the workers are on: batches run one after another (each worker answers in order). */
  private busy: Promise<unknown> = Promise.resolve();

  /** Summaries of the jobs, in the jobs' order. Calls may overlap; they are served in turn. */
  summarize(jobs: ParseJob[]): Promise<Array<FileSummary | undefined>> {
    const run = this.busy.then(() => this.run(jobs));
    this.busy = run.catch(() => undefined);
    return run;
  }

  private async run(jobs: ParseJob[]): Promise<Array<FileSummary | undefined>> {
    const chars = jobs.reduce((n, j) => n + j.text.length, 0);
    if (!this.parallel(chars)) return jobs.map((j) => summarizeFile(j.role, j.path, j.text));
    if (this.workers.length === 0) {
      for (let i = 0; i < this.size; i++) {
        const w = new Worker(this.script!);
        w.unref();
        this.workers.push(w);
      }
    }
    // Deal the jobs out by size so every worker gets about the same amount of text.
    const shares: number[][] = this.workers.map(() => []);
    const load = this.workers.map(() => 0);
    const order = jobs.map((_, i) => i).sort((a, b) => jobs[b].text.length - jobs[a].text.length);
    for (const i of order) {
      const w = load.indexOf(Math.min(...load));
      shares[w].push(i);
      load[w] += jobs[i].text.length;
    }
    const out: Array<FileSummary | undefined> = new Array(jobs.length);
    await Promise.all(this.workers.map((worker, w) => new Promise<void>((resolve, reject) => {
      const mine = shares[w];
      if (mine.length === 0) return resolve();
      const onMessage = (summaries: Array<FileSummary | undefined>): void => {
        worker.off('error', onError);
        mine.forEach((jobIndex, k) => (out[jobIndex] = summaries[k]));
        resolve();
      };
      const onError = (e: Error): void => {
        worker.off('message', onMessage);
        reject(e);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(mine.map((i) => jobs[i]));
    })));
    return out;
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker's side: summarise every job it is sent (host/parseWorker.ts is the entry point). */
export function serveParseJobs(port: { on(event: 'message', f: (jobs: ParseJob[]) => void): void; postMessage(v: unknown): void }): void {
  port.on('message', (jobs) => port.postMessage(jobs.map((j) => summarizeFile(j.role, j.path, j.text))));
}
