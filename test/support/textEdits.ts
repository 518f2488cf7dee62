// Applies LSP text edits the way an editor does, with its own line counting
// (independent of the core's LineIndex, so it can judge the core's ranges).

import type { TextEdit } from 'vscode-languageserver-protocol';

function offset(text: string, line: number, character: number): number {
  let at = 0;
  const breaks = /\r\n|\r|\n/g;
  for (let l = 0; l < line; l++) {
    breaks.lastIndex = at;
    const found = breaks.exec(text);
    if (!found) return text.length;
    at = found.index + found[0].length;
  }
  return at + character;
}

/** Applies `edits` to `text`, from the last one backwards. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    text = text.slice(0, offset(text, e.range.start.line, e.range.start.character)) + e.newText + text.slice(offset(text, e.range.end.line, e.range.end.character));
  }
  return text;
}
