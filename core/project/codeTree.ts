// The code tree the codebook defines: nodes by id, children, ancestors. Built
// from the parsed codebook alone; the counts hang off it (counts.ts).

import type { CodebookNode, ParsedCodebook } from '../codebook/parseCodebook';

export class CodeTree {
  /**
   * Nodes by `key`: the id, except for a later node with an id already used (an
   * error), which keeps its own place and children as `id (2)`; extracts coded
   * with that id count for the first node.
   */
  readonly nodesById = new Map<string, CodebookNode>();
  private readonly childrenById = new Map<string | undefined, CodebookNode[]>();
  private readonly ancestorsById = new Map<string, string[]>();

  constructor(codebook: ParsedCodebook | undefined) {
    for (const node of codebook?.nodes ?? []) {
      this.nodesById.set(node.key, node);
      const siblings = this.childrenById.get(node.parentKey) ?? [];
      siblings.push(node);
      this.childrenById.set(node.parentKey, siblings);
    }
    for (const id of this.nodesById.keys()) {
      const chain: string[] = [];
      const seen = new Set<string>();
      for (let cur: string | undefined = id; cur !== undefined && !seen.has(cur); cur = this.nodesById.get(cur)?.parentKey) {
        seen.add(cur);
        chain.push(cur);
      }
      this.ancestorsById.set(id, chain);
    }
  }

  /** The codebook's ids (a duplicate's `id (2)` key is not one). */
  *ids(): IterableIterator<string> {
    for (const [key, node] of this.nodesById) if (key === node.id) yield key;
  }

  has(id: string): boolean {
    return this.nodesById.has(id);
  }

  node(id: string): CodebookNode | undefined {
    return this.nodesById.get(id);
  }

  children(id: string | undefined): readonly CodebookNode[] {
    return this.childrenById.get(id) ?? [];
  }

  /** The node and its ancestors, innermost first (an undefined code is its own chain). */
  ancestors(id: string): readonly string[] {
    return this.ancestorsById.get(id) ?? [id];
  }

  /** The node and every node below it. */
  descendantsAndSelf(id: string): Set<string> {
    const ids = new Set([id]);
    const queue = [id];
    while (queue.length > 0) {
      for (const child of this.children(queue.pop())) {
        if (ids.has(child.key)) continue;
        ids.add(child.key);
        queue.push(child.key);
      }
    }
    return ids;
  }

  /** Ids and parents: when this changes, every transcript's contribution must be recounted. */
  shape(): string {
    const parts: string[] = [];
    for (const [id, node] of this.nodesById) parts.push(`${id}\u0000${node.parentKey ?? ''}`);
    return parts.join('\u0001');
  }
}
