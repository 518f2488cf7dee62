// Marginalia's own requests and notifications between the language server and
// the VS Code client (the theme tree, the status bar). Plain types only, so the
// client can import this file without pulling in the server.

import type { Range } from '../../core/types';
import { RequestType } from 'vscode-languageserver-protocol';
import type { CaseMatrix, Cooccurrence, QuoteBank } from '../../core/reports/reports';
import type { CaseCondition } from '../../core/reports/cases';

export type { Position, Range } from '../../core/types';

/** One node of the theme tree: a theme, a code, or the synthetic *Uncategorised* group. */
export interface ThemeTreeNode {
  id: string;
  kind: 'theme' | 'code' | 'uncategorised';
  label: string;
  definition: string;
  defined: boolean;
  direct: number;
  total: number;
  cases: number;
  /** Where the node is declared (codebook), when it is. */
  location?: { uri: string; range: Range };
  children: ThemeTreeNode[];
}

export interface ThemeTreeParams {
  /** The workspace folder URI; omitted: every folder. */
  folder?: string;
  /** Count only the cases whose front-matter attributes match (all must hold). */
  where?: CaseCondition[];
}

export interface ThemeTreeProject {
  folder: string;
  name: string;
  hasCodebook: boolean;
  codebookUri: string;
  transcripts: number;
  extracts: number;
  nodes: ThemeTreeNode[];
  /** The case filter the counts follow ("setting = primary care"), when there is one. */
  filter?: string;
}

export interface SegmentsParams {
  folder: string;
  id: string;
  /** Include segments coded with codes under this node (the extract count). Default true. */
  descendants?: boolean;
  /** Only the extracts of cases that match (the Themes tree's filter). */
  where?: CaseCondition[];
}

export interface SegmentItem {
  uri: string;
  file: string;
  case: string;
  codes: string[];
  text: string;
  range: Range;
}

export const ThemeTreeRequest = 'marginalia/themeTree';
export const SegmentsRequest = 'marginalia/segments';
/** Sent (debounced) after counts or the code tree changed. */
export const CountsChangedNotification = 'marginalia/countsChanged';
/** Memory and project sizes, for benchmarks and bug reports. */
export const ServerStatusRequest = 'marginalia/serverStatus';

/** Import transcripts (Word, captions, text, REFI-QDA) into a folder; the server does the file I/O. */
export interface ImportTranscriptsParams {
  /** Absolute paths of the files to import. */
  files: string[];
  /** Absolute path of the folder to write into. */
  into: string;
  /** Overwrite existing files (after the user said so). */
  force?: boolean;
}

export interface ImportTranscriptsResult {
  results: Array<{
    /** The input file, as given. */
    input: string;
    /** URIs of the files written. */
    written: string[];
    notes: string[];
    /** One sentence naming the file, when nothing was written for it. */
    error?: string;
    /** URIs of existing files that stopped it (without `force`). */
    existing?: string[];
  }>;
}

export const ImportTranscriptsRequest = 'marginalia/importTranscripts';

/** Export a project as REFI-QDA (`.qdpx`) or its codebook (`.qdc`), the format from the file's extension. */
export interface ExportRefiParams {
  /** The project's folder URI (as in ThemeTreeProject.folder); omitted: the first project. */
  folder?: string;
  /** Where to write, a file system path ending in .qdpx or .qdc. */
  file: string;
}

/** Import a REFI-QDA project (`.qdpx`) or codebook (`.qdc`) as a new Marginalia project. */
export interface ImportRefiParams {
  /** The .qdpx or .qdc file (a file system path). */
  file: string;
  /** The folder to create the project in (a file system path). */
  into: string;
  /** Overwrite files that exist already. */
  force?: boolean;
}

export interface RefiResult {
  ok: boolean;
  /** One sentence for the analyst: what was written, or why nothing was. */
  message: string;
  /** Files written (file system paths). */
  files: string[];
}

export const ExportRefiRequest = 'marginalia/exportRefi';
export const ImportRefiRequest = 'marginalia/importRefi';

// ---- reports (DESIGN.md §11): the data of the report view -------------------

export interface ReportParams {
  /** The workspace folder URI; omitted: the first folder. */
  folder?: string;
  /** Cases whose front-matter attribute equals the value (all must hold). */
  where?: CaseCondition[];
}

export interface ReportData {
  folder: string;
  name: string;
  /** Every case attribute (`case` first) with its values: what the filter offers. */
  attributes: Array<{ name: string; values: string[] }>;
  /** The conditions applied (an invalid one is dropped and explained in `problem`). */
  where: CaseCondition[];
  problem?: string;
  quotes: QuoteBank;
  matrix: CaseMatrix;
  /** With up to 20 `examples` per pair (where the two codes' extracts overlap). */
  cooccurrence: Cooccurrence;
}

/** The three reports computed by the server from its live index (unsaved edits included). */
export const ReportRequest = new RequestType<ReportParams, ReportData | null, void>('marginalia/report');

/** Where to compare: any file or folder of the project (the active document, else the workspace folder). */
export interface CodingDiffParams {
  uri: string;
  /** The branch, tag or commit to compare the working files (unsaved edits included) with. */
  ref: string;
}

/** The coding diff from `ref` to the live project; render it with the core's diffMarkdown. */
export const CodingDiffRequest = new RequestType<CodingDiffParams, import('../../core').CodingDiff, void>('marginalia/codingDiff');

/** The project's git branches, remote branches and tags (an error when it is not in git). */
export const GitRefsRequest = new RequestType<{ uri: string }, string[], void>('marginalia/gitRefs');
