// The pure parse step: one file's text → its summary, everything the index
// keeps of it. Summaries are plain, serialisable data (no class instances, no
// functions), so a worker thread or an on-disk cache can produce them and the
// index only applies them (`ProjectIndex.apply`).

import { parseCodebook, type ParsedCodebook } from '../codebook/parseCodebook';
import { parseTranscript, type ParsedTranscript } from '../transcript/parseTranscript';
import { parseConfig, type ParsedConfig, type FileRole } from './config';

/** Bumped whenever a parser's output can change for the same input (cache keys include it). */
export const PARSER_VERSION = 1;

export type FileSummary =
  | { role: 'config'; config: ParsedConfig }
  | { role: 'codebook'; codebook: ParsedCodebook }
  | { role: 'transcript'; transcript: ParsedTranscript };

/** Parses a file as what it is in the project; `undefined` for files that are not part of it. */
export function summarizeFile(role: FileRole, path: string, text: string): FileSummary | undefined {
  switch (role) {
    case 'config':
      return { role, config: parseConfig(text) };
    case 'codebook':
      return { role, codebook: parseCodebook(text) };
    case 'transcript':
      return { role, transcript: parseTranscript(text, path) };
    case 'other':
      return undefined;
  }
}
