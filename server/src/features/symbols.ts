// Outlines: the codebook as its theme tree; a transcript as speaker turns with
// their coded extracts. Workspace symbols: every theme and code.

import { SymbolKind, type CancellationToken, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { lineMapOf } from '../../../core';
import type { Project } from '../workspace/project';
import { Chunks } from '../chunks';
import { nodeCountsLine } from './codeAt';

export function documentSymbols(project: Project, path: string, token: CancellationToken): DocumentSymbol[] | null {
  const index = project.index;
  if (path === index.codebookPath) {
    const roots: DocumentSymbol[] = [];
    const byId = new Map<string, DocumentSymbol>();
    for (const node of index.codebookNodes()) {
      const symbol: DocumentSymbol = {
        name: node.kind === 'theme' ? node.label || node.id : `#${node.id}`,
        detail: `${node.kind === 'code' && node.label ? `${node.label} · ` : ''}${nodeCountsLine(project, node.id)}`,
        kind: node.kind === 'theme' ? SymbolKind.Namespace : SymbolKind.Key,
        range: node.range,
        selectionRange: node.idRange,
        children: [],
      };
      const parent = node.parent !== undefined ? byId.get(node.parent) : undefined;
      (parent?.children ?? roots).push(symbol);
      if (!byId.has(node.id)) byId.set(node.id, symbol);
    }
    return roots;
  }
  const transcript = index.transcript(path);
  if (!transcript || token.isCancellationRequested) return null;
  const lines = lineMapOf(transcript);
  const segmentSymbols = transcript.segments.map<DocumentSymbol>((s) => ({
    name: s.codes.map((c) => `#${c}`).join(' '),
    detail: s.text.length > 80 ? `${s.text.slice(0, 79)}…` : s.text,
    kind: SymbolKind.String,
    range: lines.range(s.start, s.end),
    selectionRange: lines.range(s.start, s.end),
  }));
  const out: DocumentSymbol[] = [];
  const placed = new Set<number>();
  for (const turn of transcript.turns) {
    const children = segmentSymbols.filter((_, i) => {
      const s = transcript.segments[i];
      const inside = s.start >= turn.start && s.end <= turn.end;
      if (inside) placed.add(i);
      return inside;
    });
    const range = lines.range(turn.start, turn.end);
    out.push({ name: turn.speaker, kind: SymbolKind.Event, range, selectionRange: range, children });
  }
  segmentSymbols.forEach((s, i) => placed.has(i) || out.push(s));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export async function workspaceSymbols(projects: Project[], query: string, token: CancellationToken): Promise<SymbolInformation[]> {
  const q = query.toLowerCase().replace(/^#/, '');
  const out: SymbolInformation[] = [];
  const chunks = new Chunks(token, projects);
  for (const project of projects) {
    for (const node of project.index.codebookNodes()) {
      await chunks.step();
      if (q && !node.id.toLowerCase().includes(q) && !node.label.toLowerCase().includes(q)) continue;
      out.push({
        name: node.kind === 'theme' ? node.label || node.id : `#${node.id}`,
        kind: node.kind === 'theme' ? SymbolKind.Namespace : SymbolKind.Key,
        location: { uri: project.uri(project.index.codebookPath), range: node.idRange },
        containerName: node.parent ? project.index.node(node.parent)?.label || `#${node.parent}` : undefined,
      });
    }
  }
  return out;
}
