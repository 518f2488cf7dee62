// Completion of codes after `{#`, after `#` inside a coding group, and after
// `]{`. Offers every codebook entry (label, theme path, definition), then codes
// used but not yet in the codebook; most used first. Costs the codebook's size,
// never the project's.

import { CompletionItemKind, type CancellationToken, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { CODE_NAME_SOURCE, plural } from '../../../core';
import type { Project } from '../workspace/project';
import { themePath } from './codeAt';

/** Text before the cursor that asks for a code: `{#par`, `{#a #par`, or `]{`. */
const IN_GROUP = new RegExp(`\\{(?:#${CODE_NAME_SOURCE}\\s+)*#((?:${CODE_NAME_SOURCE})?)$`, 'u');
const AFTER_SPAN = /\]\{$/;
const NAME_TAIL = new RegExp(`^(?:[\\p{L}\\p{N}\\p{M}\\-_./])*`, 'u');

export interface CompletionOptions {
  /** The client reads `itemDefaults.editRange` and `itemDefaults.data` (LSP 3.17): items then carry neither. */
  itemDefaults: boolean;
}

export function completion(project: Project, path: string, lineText: string, position: Position, token: CancellationToken, options: CompletionOptions = { itemDefaults: false }): CompletionList | null {
  const index = project.index;
  if (path === index.codebookPath || index.classify(path) !== 'transcript') return null;
  const before = lineText.slice(0, position.character);
  // The edit replaces `#name` being typed (or inserts at `]{|`) and the rest of the name after the cursor.
  let start: number;
  const group = IN_GROUP.exec(before);
  if (group) start = position.character - group[1].length - 1;
  else if (AFTER_SPAN.test(before)) start = position.character;
  else return null;
  const tail = NAME_TAIL.exec(lineText.slice(position.character))?.[0] ?? '';
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: position.character + tail.length } };
  const items: CompletionItem[] = [];
  const data = { folder: project.uri('') };
  // Lists are re-sent on every keystroke in a group: keep each item small.
  const edit = (id: string): Partial<CompletionItem> => (options.itemDefaults ? {} : { textEdit: { range, newText: `#${id}` }, data });
  const rank = (id: string): string => String(1e9 - index.counts(id).direct).padStart(10, '0');
  const seen = new Set<string>();
  for (const node of index.codebookNodes()) {
    if (token.isCancellationRequested) return null;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const c = index.counts(node.id);
    items.push({
      label: `#${node.id}`,
      kind: node.kind === 'theme' ? CompletionItemKind.Folder : CompletionItemKind.EnumMember,
      labelDetails: { detail: node.label && node.kind === 'code' ? ` ${node.label}` : '', description: plural(c.total, 'extract') },
      // The theme path and definition arrive on completionItem/resolve, for the focused item.
      sortText: `${rank(node.id)}0${node.id}`,
      ...edit(node.id),
    });
  }
  for (const id of index.uncategorisedCodes()) {
    items.push({
      label: `#${id}`,
      kind: CompletionItemKind.Text,
      labelDetails: { description: 'not in the codebook' },
      detail: 'Uncategorised — used in transcripts, not yet in the codebook',
      sortText: `${rank(id)}1${id}`,
      ...edit(id),
    });
  }
  return options.itemDefaults ? { isIncomplete: false, itemDefaults: { editRange: range, data }, items } : { isIncomplete: false, items };
}

/** completionItem/resolve: the theme path, codebook definition and memo of the focused item. */
export function resolveCompletion(project: Project, item: CompletionItem): CompletionItem {
  const node = project.index.node(item.label.replace(/^#/, ''));
  if (node) item.detail = themePath(project, node.id);
  if (node) item.documentation = { kind: 'markdown', value: [node.label, node.definition, node.memo].filter(Boolean).join('\n\n') };
  return item;
}
