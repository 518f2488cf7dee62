// Semantic tokens for transcripts: the brackets of coded spans (exactly, also
// nested and multi-line ones, which the TextMate grammar cannot know) and code
// names, marked `undefined` when they are not in the codebook.

import type { CancellationToken, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import { lineMapOf, type Position } from '../../../core';
import type { Project } from '../workspace/project';

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['marginaliaBracket', 'marginaliaCode'],
  tokenModifiers: ['undefined'],
};

export function semanticTokens(project: Project, path: string, token: CancellationToken): SemanticTokens | null {
  const transcript = project.index.transcript(path);
  if (!transcript || token.isCancellationRequested) return null;
  const found: Array<{ at: Position; length: number; type: number; modifiers: number }> = [];
  const lines = lineMapOf(transcript);
  for (const s of transcript.segments) {
    if (s.kind !== 'span') continue;
    found.push({ at: lines.position(s.start - 1), length: 1, type: 0, modifiers: 0 });
    found.push({ at: lines.position(s.end), length: 1, type: 0, modifiers: 0 });
  }
  for (const t of transcript.tokens) {
    const defined = !project.index.hasCodebook || project.index.node(t.name) !== undefined;
    found.push({ at: lines.position(t.start), length: t.end - t.start, type: 1, modifiers: defined ? 0 : 1 });
  }
  found.sort((a, b) => a.at.line - b.at.line || a.at.character - b.at.character);
  // LSP's relative encoding: line delta, start delta, length, type, modifiers.
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const f of found) {
    data.push(f.at.line - line, f.at.line === line ? f.at.character - character : f.at.character, f.length, f.type, f.modifiers);
    line = f.at.line;
    character = f.at.character;
  }
  return { data };
}
