// "Add #x to the codebook": a new code list item under a chosen theme or code
// (after its last code, or after the theme's own text when it has none), or at
// the end of the codebook; the codebook is created when there is none.
// Written in the codebook's own line endings.

import type { CodebookNode } from '../codebook/parseCodebook';
import { CodebookText } from './codebookText';
import { EditRefused, PlanFiles, type EditPlan, type EditSource, type TextEditPlan } from './plan';

/**
 * A plan adding `- #name` (with `: label` when given) under the theme or code
 * `parent`, or at the end of the codebook when `parent` is null.
 */
export function addCodePlan(source: EditSource, name: string, parent: string | null, label = ''): EditPlan {
  const index = source.index;
  const path = index.codebookPath;
  const file = index.hasCodebook ? new PlanFiles(source).get(path) : undefined;
  const entry = (marker: string): string => `${marker} #${name}${label ? `: ${label}` : ''}`;
  if (!file) return { create: [path], edits: [{ path, offset: 0, length: 0, newText: `${entry('-')}\n` }] };
  const book = CodebookText.of(file, index.codebookNodes());
  if (parent === null) {
    const { text, eol } = book;
    const content = book.trimmedEnd(text.length);
    const last = book.nodes.at(-1);
    // Right after a list item the new item joins that list; after anything else it starts one.
    const joins = last?.kind === 'code' && last.end === content;
    const gap = content === 0 ? '' : joins ? eol : eol + eol;
    return { edits: [{ path, offset: content, length: text.length - content, newText: `${gap}${entry(joins ? book.nextMarker(last.start) : '-')}${eol}` }] };
  }
  const node = book.node(parent);
  if (!node) throw new EditRefused(`There is no theme or code "${parent}" in the codebook.`);
  return { edits: [insertUnder(book, path, node, (indent, marker) => indent + entry(marker))] };
}

/**
 * The edit that inserts an item as the last code under `parent`: after its last
 * code, else (a theme) after its own text, or (a code) at the end of its item.
 * `item` gets the indentation and a bullet and returns the item's text (which
 * may span lines, already indented after its first line).
 */
export function insertUnder(book: CodebookText, path: string, parent: CodebookNode, item: (indent: string, marker: string) => string): TextEditPlan {
  const { eol } = book;
  const last = book.lastCodeChild(parent);
  if (last) return { path, offset: last.end, length: 0, newText: `${eol}${item(book.lineBefore(last.start), book.nextMarker(last.start))}` };
  if (parent.kind === 'code') return { path, offset: parent.end, length: 0, newText: `${eol}${item(book.contentIndent(parent), '-')}` };
  // A theme without codes: after its own text, before the next heading.
  const next = book.nodes.slice(book.nodes.indexOf(parent) + 1).find((n) => n.kind === 'theme');
  const sectionEnd = next ? next.start : book.text.length;
  const content = book.trimmedEnd(sectionEnd);
  return { path, offset: content, length: sectionEnd - content, newText: `${eol}${eol}${item('', '-')}${next ? eol + eol : eol}` };
}

/** The themes a code can be added under, in codebook order. */
export function addCodeTargets(source: EditSource): CodebookNode[] {
  const nodes = source.index.codebookNodes();
  return nodes.filter((n) => n.kind === 'theme' && nodes.find((m) => m.id === n.id) === n);
}
