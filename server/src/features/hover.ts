// Hover on a code in a transcript or an entry in the codebook: label, theme
// path, definition, memo, counts and up to three example extracts.

import type { CancellationToken, Hover, Position } from 'vscode-languageserver';
import { escapeMarkdown as escape } from '../../../core';
import type { Project } from '../workspace/project';
import { codeAt, nodeCountsLine, themePath } from './codeAt';

const EXAMPLES = 3;

export function hover(project: Project, path: string, position: Position, token: CancellationToken): Hover | null {
  const at = codeAt(project, path, position);
  if (!at || token.isCancellationRequested) return null;
  const { node } = at;
  const lines: string[] = [];
  const title = node?.kind === 'theme' ? `**${escape(node.label)}** (theme)` : `**#${at.id}**${node?.label ? ` — ${escape(node.label)}` : ''}`;
  lines.push(title, '', escape(themePath(project, at.id)));
  if (!node) lines.push('', '*Not in the codebook (uncategorised).*');
  if (node?.definition) lines.push('', escape(node.definition));
  if (node?.memo) lines.push('', `*Memo:* ${escape(node.memo)}`);
  const c = project.index.counts(at.id);
  lines.push('', `**${nodeCountsLine(project, at.id)}**${c.direct !== c.total ? ` (${c.direct} coded with #${at.id} itself)` : ''}`);
  for (const ref of project.index.segmentsOf(at.id, true, EXAMPLES)) {
    lines.push('', `> ${escape(shorten(ref.segment.text, 160))} — *${escape(ref.caseId)}*`);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: at.range };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
