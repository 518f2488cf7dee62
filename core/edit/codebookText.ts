// The codebook's text seen as blocks: a code's list item (with its nested
// codes and memo), a theme's section (its heading up to the next heading of
// the same or a higher level). The codebook refactorings cut and insert these
// blocks; every byte outside them stays as it was.

import type { CodebookNode } from '../codebook/parseCodebook';
import type { PlanFile } from './plan';

export class CodebookText {
  constructor(readonly text: string, readonly eol: string, readonly nodes: readonly CodebookNode[]) {}

  static of(file: PlanFile, nodes: readonly CodebookNode[]): CodebookText {
    return new CodebookText(file.text, file.eol, nodes);
  }

  /** The node an id means (the first one when the id is duplicated). */
  node(id: string): CodebookNode | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  /** The offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') i--;
    return i;
  }

  /** The offset after the line break that ends the line holding `offset` (the text's end on the last line). */
  nextLineStart(offset: number): number {
    let i = offset;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    if (this.text.startsWith('\r\n', i)) return i + 2;
    return i < this.text.length ? i + 1 : i;
  }

  /** The offset after the last non-blank character before `end`. */
  trimmedEnd(end: number): number {
    let i = end;
    while (i > 0 && /[ \t\r\n]/.test(this.text[i - 1])) i--;
    return i;
  }

  /** The text on the line of `offset` before it (a list item's indentation). */
  lineBefore(offset: number): string {
    return this.text.slice(this.lineStart(offset), offset);
  }

  /** The bullet of the list item starting at `offset` (`-`, `*`, `+`, `1.` …). */
  marker(offset: number): string {
    return /^(?:[-*+]|\d{1,9}[.)])/.exec(this.text.slice(offset, offset + 12))?.[0] ?? '-';
  }

  /** The bullet for one more item after the item starting at `offset` (ordered lists count on). */
  nextMarker(offset: number): string {
    const m = this.marker(offset);
    return /\d/.test(m) ? `${Number(m.slice(0, -1)) + 1}${m.slice(-1)}` : m;
  }

  /** Where the text of a code's list item starts, as indentation for its memo and nested items. */
  contentIndent(code: CodebookNode): string {
    const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]*/.exec(this.text.slice(code.start, code.start + 16));
    return ' '.repeat(this.lineBefore(code.start).length + (m?.[0].length ?? 2));
  }

  /** The node and every node under it, in document order. */
  subtree(node: CodebookNode): CodebookNode[] {
    const ids = new Set([node.id]);
    const out = [node];
    for (const n of this.nodes.slice(this.nodes.indexOf(node) + 1)) {
      if (n.parent !== undefined && ids.has(n.parent)) {
        ids.add(n.id);
        out.push(n);
      }
    }
    return out;
  }

  /** Where a theme's section ends: the next heading of the same or a higher level, or the end of the text. */
  sectionEnd(theme: CodebookNode): number {
    const next = this.nodes.slice(this.nodes.indexOf(theme) + 1).find((n) => n.kind === 'theme' && n.depth <= theme.depth);
    return next ? next.start : this.text.length;
  }

  /** The last code directly under `parent` (undefined: the top level, before the first heading). */
  lastCodeChild(parent: CodebookNode | undefined): CodebookNode | undefined {
    return [...this.nodes].reverse().find((n) => n.kind === 'code' && n.parent === parent?.id && this.node(n.id) === n);
  }

  /** The themes, each once, in codebook order. */
  themes(): CodebookNode[] {
    return this.nodes.filter((n) => n.kind === 'theme' && this.node(n.id) === n);
  }
}
