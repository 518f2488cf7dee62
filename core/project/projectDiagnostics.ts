// The diagnostics that need the whole project (DESIGN.md §5): unknown codes in
// transcripts and unused codes in the codebook. A file's own diagnostics
// (malformed groups, bad YAML) come from its parser and are passed through.

import { closestName } from '../codeName';
import type { ParsedCodebook } from '../codebook/parseCodebook';
import { lineMapOf, type ParsedTranscript } from '../transcript/parseTranscript';
import type { Diagnostic } from '../types';
import type { CodeTree } from './codeTree';
import type { CountTable } from './counts';

export function transcriptDiagnostics(parsed: ParsedTranscript, tree: CodeTree, hasCodebook: boolean): Diagnostic[] {
  const out = [...parsed.diagnostics];
  if (!hasCodebook) return sortDiagnostics(out);
  const lines = lineMapOf(parsed);
  for (const token of parsed.tokens) {
    if (tree.has(token.name)) continue;
    const suggestion = closestName(token.name, tree.ids());
    out.push({
      range: lines.range(token.start, token.end),
      severity: 'warning',
      message: suggestion
        ? `#${token.name} is not in the codebook — did you mean #${suggestion}?`
        : `#${token.name} is not in the codebook: add it there, or keep it as an uncategorised (inductive) code.`,
      code: 'unknown-code',
      data: suggestion ? { name: token.name, suggestion } : { name: token.name },
    });
  }
  return sortDiagnostics(out);
}

export function codebookDiagnostics(codebook: ParsedCodebook | undefined, codebookPath: string, tree: CodeTree, counts: CountTable): Diagnostic[] {
  if (!codebook) {
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 'info',
      message: `There is no codebook yet: create ${codebookPath} to define your themes and codes. Until then every code is uncategorised.`,
      code: 'no-codebook',
    }];
  }
  const out = [...codebook.diagnostics];
  for (const node of codebook.nodes) {
    if (tree.node(node.id) !== node || counts.get(node.id).total > 0) continue;
    const leaf = node.kind === 'code' && tree.children(node.id).length === 0;
    out.push(leaf
      ? { range: node.idRange, severity: 'warning', message: `#${node.id} is not used in any transcript yet.`, code: 'unused-code' }
      : { range: node.idRange, severity: 'info', message: `No extract is coded with "${node.label || node.id}" or any code under it yet.`, code: node.kind === 'theme' ? 'unused-theme' : 'unused-code' });
  }
  return sortDiagnostics(out);
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
