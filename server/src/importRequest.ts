// The server side of *Marginalia: Import Transcripts…*: the client sends file
// paths, the server imports them with the same host code as `marginalia import`
// (the client never does file I/O of its own). The new transcripts reach the
// index through the server's file watching, like any file written on disk.

import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { importFiles } from '../../host/import/importFiles';
import type { ImportTranscriptsParams, ImportTranscriptsResult } from './protocol';

export async function importTranscripts(params: ImportTranscriptsParams): Promise<ImportTranscriptsResult> {
  const valid = params && Array.isArray(params.files) && params.files.every((f) => typeof f === 'string' && isAbsolute(f)) && typeof params.into === 'string' && isAbsolute(params.into);
  if (!valid) throw new ResponseError(ErrorCodes.InvalidParams, 'Import needs the absolute paths of the files and of the folder to write into.');
  const uri = (p: string): string => pathToFileURL(p).toString();
  const results = await importFiles(params.files, { into: params.into, force: params.force === true });
  return {
    results: results.map((r) => ({ input: r.input, written: r.written.map(uri), notes: r.notes, error: r.error, existing: r.existing?.map(uri) })),
  };
}
