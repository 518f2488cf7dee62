// Words analysts read, shared by the CLI, the server and the VS Code client so
// a count reads the same everywhere.

/** "1 extract", "12 extracts". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "12 extracts · 5 cases" */
export function countsLine(c: { total: number; cases: number }): string {
  return `${plural(c.total, 'extract')} · ${plural(c.cases, 'case')}`;
}

/** Transcript and codebook text shown inside markdown is text, never markup or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
