// Quick fixes for a code that is not in the codebook: "Change to #closest",
// and "Add #x to the codebook" under each theme or at its end (the codebook is
// created when there is none). The edits are the core's plans (core/edit).

import { CodeActionKind, type CancellationToken, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import { addCodePlan, addCodeTargets, rangeContains } from '../../../core';
import type { Project } from '../workspace/project';
import { nameRange, themePath } from './codeAt';
import { editSource, toWorkspaceEdit } from './edits';

export async function codeActions(project: Project, path: string, range: Range, token: CancellationToken): Promise<CodeAction[] | null> {
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
    if (added.has(name)) continue;
    added.add(name);
    out.push(...(await addToCodebook(project, name, token)).map((a) => ({ ...a, diagnostics: [lspDiagnostic] })));
  }
  return out;
}

/** "Add #x to the codebook under <theme>" for each theme, then "… at the end of the codebook". */
export async function addToCodebook(project: Project, name: string, token?: CancellationToken): Promise<CodeAction[]> {
  const source = editSource(project, token);
  const action = async (title: string, parent: string | null): Promise<CodeAction> => ({
    title,
    kind: CodeActionKind.QuickFix,
    edit: await toWorkspaceEdit(project, addCodePlan(source, name, parent), token),
  });
  if (!project.index.hasCodebook) return [await action(`Add #${name} to a new codebook`, null)];
  const out: CodeAction[] = [];
  for (const theme of addCodeTargets(source)) out.push(await action(`Add #${name} to the codebook under ${themePath(project, theme.id)}`, theme.id));
  out.push(await action(`Add #${name} at the end of the codebook`, null));
  return out;
}
