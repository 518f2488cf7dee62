// "Add #x to the codebook": a new code list item under a chosen theme (after
// its last code, or after the theme's own text when it has none), or at the
// end of the codebook; the codebook is created when there is none. Written
// in the codebook's own line endings.

import type { CodebookNode } from '../codebook/parseCodebook';
import { EditRefused, PlanFiles, type EditPlan, type EditSource } from './plan';

/**
 * A plan adding `- #name` under the theme `parent`, or at the end of the
 * codebook when `parent` is null.
 */
export function addCodePlan(source: EditSource, name: string, parent: string | null, label = ''): EditPlan {
  const index = source.index;
  const path = index.codebookPath;
  const files = new PlanFiles(source);
  const codebook = index.hasCodebook ? files.get(path) : undefined;
  const entry = (marker: string): string => `${marker} #${name}${label ? `: ${label}` : ''}`;
  if (!codebook) return { create: [path], edits: [{ path, offset: 0, length: 0, newText: `${entry('-')}\n` }] };
  const text = codebook.text;
  const eol = codebook.eol;
  if (parent === null) {
    const content = trimmedEnd(text, text.length);
    const last = index.codebookNodes().at(-1);
    // Right after a list item the new item joins that list; after anything else it starts one.
    const joins = last?.kind === 'code' && last.end === content && /^[ \t]*$/.test(lineBefore(text, last.start));
    const gap = content === 0 ? '' : joins ? eol : eol + eol;
    return { edits: [{ path, offset: content, length: text.length - content, newText: `${gap}${entry(joins ? markerOf(text, last!.start) : '-')}${eol}` }] };
  }
  const nodes = index.codebookNodes();
  const theme = index.node(parent);
  if (!theme || theme.kind !== 'theme') throw new EditRefused(`There is no theme "${parent}" in the codebook.`);
  const lastCode = [...nodes].reverse().find((n) => n.kind === 'code' && n.parent === parent && isFirstOf(nodes, n));
  if (lastCode) {
    const start = lastCode.start;
    const end = lastCode.end;
    return { edits: [{ path, offset: end, length: 0, newText: `${eol}${lineBefore(text, start)}${entry(markerOf(text, start))}` }] };
  }
  // No code yet: after the theme's own text, before the next heading.
  const at = nodes.indexOf(theme);
  const next = nodes.slice(at + 1).find((n) => n.kind === 'theme');
  const sectionEnd = next ? next.start : text.length;
  const content = trimmedEnd(text, sectionEnd);
  const tail = next ? eol + eol : eol;
  return { edits: [{ path, offset: content, length: sectionEnd - content, newText: `${eol}${eol}${entry('-')}${tail}` }] };
}

/** The themes a code can be added under, in codebook order. */
export function addCodeTargets(source: EditSource): CodebookNode[] {
  const nodes = source.index.codebookNodes();
  return nodes.filter((n) => n.kind === 'theme' && isFirstOf(nodes, n));
}

function isFirstOf(nodes: readonly CodebookNode[], node: CodebookNode): boolean {
  return nodes.find((n) => n.id === node.id) === node;
}

/** The offset after the last non-blank character before `end`. */
function trimmedEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /[ \t\r\n]/.test(text[i - 1])) i--;
  return i;
}

/** The text on the line of `offset` before it (a list item's indentation). */
function lineBefore(text: string, offset: number): string {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return text.slice(i, offset);
}

/** The bullet of the list item starting at `offset` (`-`, `*`, `+`, `1.` …). */
function markerOf(text: string, offset: number): string {
  const m = /^(?:[-*+]|\d{1,9}[.)])/.exec(text.slice(offset, offset + 12));
  if (!m) return '-';
  return /\d/.test(m[0]) ? `${Number(m[0].slice(0, -1)) + 1}${m[0].slice(-1)}` : m[0];
}
