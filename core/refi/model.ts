// REFI-QDA 1.5 as plain data: what a `.qdpx` project or a `.qdc` codebook holds
// that Marginalia reads or writes. The XML and zip live in host/refi; this is
// the shape both directions of the mapping share.

export type VariableType = 'Text' | 'Integer' | 'Float' | 'Boolean' | 'Date' | 'DateTime';

export interface RefiNote {
  guid: string;
  name?: string;
  text: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  description?: string;
  isCodable: boolean;
  color?: string;
  /** GUIDs of notes (memos) on this code, in `RefiProject.notes`. */
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
  description?: string;
}

export interface RefiVariableValue {
  variable: string;
  /** As written in XML: `7`, `true`, `2024-03-01`, any text. */
  value: string;
}

export interface RefiSelection {
  guid: string;
  name?: string;
  /** Unicode code points into the source's text, 0-based, end exclusive. */
  start: number;
  end: number;
  /** Code GUIDs. */
  codes: string[];
  noteRefs: string[];
}

export interface RefiTextSource {
  guid: string;
  name: string;
  /** `internal://….txt` (in the zip's sources/ folder) or another path; absent when `content` is inline. */
  plainTextPath?: string;
  /** The text itself (inline PlainTextContent, or read from the zip). */
  text: string;
  selections: RefiSelection[];
  /** Codings of the whole source (no selection). */
  codes: string[];
  values: RefiVariableValue[];
  noteRefs: string[];
}

/** A source Marginalia does not import (pictures, PDF, audio, video): listed, never dropped silently. */
export interface RefiOtherSource {
  kind: 'PictureSource' | 'PDFSource' | 'AudioSource' | 'VideoSource';
  guid: string;
  name: string;
  selections: number;
}

export interface RefiCase {
  guid: string;
  name: string;
  description?: string;
  values: RefiVariableValue[];
  /** Source GUIDs. */
  sources: string[];
}

export interface RefiUser {
  guid: string;
  name?: string;
}

export interface RefiProject {
  name: string;
  origin?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  otherSources: RefiOtherSource[];
  notes: RefiNote[];
  description?: string;
}

/** Every code in tree order (parents before children). */
export function* walkCodes(codes: readonly RefiCode[]): Generator<{ code: RefiCode; parent: RefiCode | undefined; depth: number }> {
  const stack: Array<{ code: RefiCode; parent: RefiCode | undefined; depth: number }> = [];
  for (let i = codes.length - 1; i >= 0; i--) stack.push({ code: codes[i], parent: undefined, depth: 0 });
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    for (let i = item.code.children.length - 1; i >= 0; i--) stack.push({ code: item.code.children[i], parent: item.code, depth: item.depth + 1 });
  }
}
