// `marginalia check`: every diagnostic of the project in three formats.

import { relative, join } from 'node:path';
import type { Diagnostic, ProjectIndex, Severity } from '../core';
import { skippedFileDiagnostic, type SkippedFile } from '../host/loader';

export interface FileDiagnostic extends Diagnostic {
  /** Relative to the project root, with `/`. */
  file: string;
}

export function collectDiagnostics(index: ProjectIndex, skipped: SkippedFile[]): FileDiagnostic[] {
  const out: FileDiagnostic[] = [];
  for (const file of index.diagnosticPaths()) for (const d of index.diagnostics(file)) out.push({ file, ...d });
  for (const s of skipped) {
    out.push({ file: s.path, ...skippedFileDiagnostic(s.reason) });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

/** Paths in text and github output are relative to the current folder, so terminals and GitHub can open them. */
function displayPath(root: string, file: string): string {
  return relative(process.cwd(), join(root, file)).split('\\').join('/') || file;
}

export function formatText(list: FileDiagnostic[], root: string): string {
  return list
    .map((d) => `${displayPath(root, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`)
    .join('\n');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub workflow commands: escaped as the Actions toolkit escapes them. */
export function formatGithub(list: FileDiagnostic[], root: string): string {
  const prop = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return list
    .map((d) => {
      const props = [
        `file=${prop(displayPath(root, d.file))}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${prop(`Marginalia (${d.code})`)}`,
      ].join(',');
      return `::${GITHUB_LEVEL[d.severity]} ${props}::${data(d.message)}`;
    })
    .join('\n');
}

export function formatJson(list: FileDiagnostic[]): string {
  return JSON.stringify(
    list.map((d) => ({ file: d.file, range: d.range, severity: d.severity, message: d.message, code: d.code })),
    null,
    2,
  );
}
