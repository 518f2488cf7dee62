// Plain data types shared by the whole core. They are shaped like LSP's
// (0-based line, UTF-16 character) so the server converts nothing but URIs,
// yet the core never imports an LSP or VS Code module.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Stable machine-readable identifiers of every diagnostic Marginalia reports. */
export type DiagnosticCode =
  | 'unknown-code'
  | 'unused-code'
  | 'unused-theme'
  | 'duplicate-id'
  | 'unmatched-bracket'
  | 'empty-extract'
  | 'malformed-group'
  | 'merge-conflict'
  | 'unclosed-group'
  // Hints (info) on things that silently do not code:
  | 'heading-group'
  | 'spaced-group'
  | 'invisible-character'
  | 'coding-in-code-block'
  | 'not-a-code'
  | 'not-an-id'
  | 'invalid-config'
  | 'invalid-front-matter'
  | 'no-codebook'
  | 'unreadable-file';

export interface Diagnostic {
  range: Range;
  severity: Severity;
  message: string;
  code: DiagnosticCode;
  /** Extra facts quick fixes need (e.g. the unknown code and its closest match). */
  data?: { name?: string; suggestion?: string };
}

export function positionLess(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function rangeContains(range: Range, pos: Position): boolean {
  return !positionLess(pos, range.start) && !positionLess(range.end, pos);
}
