// Which transcripts use which code names, and how often: what makes hover,
// references and rename cost only the files that use a code.

import type { ParsedTranscript } from '../transcript/parseTranscript';

export class UsageTable {
  /** code name → file → number of `#name` tokens there. */
  private readonly byName = new Map<string, Map<string, number>>();

  apply(path: string, parsed: ParsedTranscript, sign: 1 | -1): void {
    for (const token of parsed.tokens) {
      let files = this.byName.get(token.name);
      if (!files) this.byName.set(token.name, (files = new Map()));
      const n = (files.get(path) ?? 0) + sign;
      if (n > 0) files.set(path, n);
      else files.delete(path);
      if (files.size === 0) this.byName.delete(token.name);
    }
  }

  clear(): void {
    this.byName.clear();
  }

  names(): IterableIterator<string> {
    return this.byName.keys();
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Files that use the code (unsorted). */
  files(name: string): IterableIterator<string> {
    return this.byName.get(name)?.keys() ?? [].values();
  }

  count(name: string): number {
    let n = 0;
    for (const c of this.byName.get(name)?.values() ?? []) n += c;
    return n;
  }

  snapshot(): unknown {
    return [...this.byName.entries()].map(([code, files]) => [code, [...files.entries()].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}
