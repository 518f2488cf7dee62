// Quick fixes for a code that is not in the codebook: "Change to #closest"
// and "Add #x to the codebook" (under an *Uncategorised* heading, created
// when missing; the codebook itself is created when there is none).

import { CodeActionKind, type CancellationToken, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { rangeContains, type CodebookNode } from '../../../core';
import type { Project } from '../workspace/project';
import { nameRange } from './codeAt';

export const UNCATEGORISED_ID = 'uncategorised';

export function codeActions(project: Project, path: string, range: Range, token: CancellationToken): CodeAction[] | null {
  const index = project.index;
  const transcript = index.transcript(path);
  if (!transcript) return null;
  const diagnostics = index.diagnostics(path).filter((d) => d.code === 'unknown-code' && (rangeContains(range, d.range.start) || rangeContains(d.range, range.start)));
  const out: CodeAction[] = [];
  const added = new Set<string>();
  for (const d of diagnostics) {
    if (token.isCancellationRequested) return null;
    const name = d.data?.name;
    if (!name) continue;
    const lspDiagnostic: LspDiagnostic = { range: d.range, message: d.message, severity: 2, code: d.code, source: 'marginalia' };
    if (d.data?.suggestion) {
      out.push({
        title: `Change to #${d.data.suggestion}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lspDiagnostic],
        isPreferred: true,
        edit: { changes: { [project.uri(path)]: [{ range: nameRange(d.range, true), newText: d.data.suggestion }] } },
      });
    }
    if (!added.has(name)) {
      added.add(name);
      out.push({ title: `Add #${name} to the codebook`, kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], edit: addToCodebook(project, name) });
    }
  }
  return out;
}

export function addToCodebook(project: Project, name: string): WorkspaceEdit {
  const index = project.index;
  const uri = project.uri(index.codebookPath);
  const end = index.codebookEnd;
  if (!end) {
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Uncategorised {#${UNCATEGORISED_ID}}\n\n- #${name}\n` }] },
      ],
    };
  }
  const nodes = index.codebookNodes();
  const at = nodes.findIndex((n) => n.kind === 'theme' && n.id === UNCATEGORISED_ID);
  if (at < 0) {
    const gap = end.character === 0 ? '\n' : '\n\n';
    return { changes: { [uri]: [{ range: { start: end, end }, newText: `${gap}# Uncategorised {#${UNCATEGORISED_ID}}\n\n- #${name}\n` }] } };
  }
  const heading = nodes[at];
  const next = nodes.slice(at + 1).find((n: CodebookNode) => n.kind === 'theme' && n.depth <= heading.depth);
  if (next) {
    const start = { line: next.range.start.line, character: 0 };
    return { changes: { [uri]: [{ range: { start, end: start }, newText: `- #${name}\n\n` }] } };
  }
  return { changes: { [uri]: [{ range: { start: end, end }, newText: `${end.character === 0 ? '' : '\n'}- #${name}\n` }] } };
}
