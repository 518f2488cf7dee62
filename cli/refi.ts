// `marginalia export`: REFI-QDA for other QDA software (host/refi does the work).

import { basename, extname, resolve } from 'node:path';
import { ExportError, exportRefi, exportSummaryText } from '../host/refi/exportRefi';

export function exportCommand(root: string, output: string): number {
  try {
    const s = exportRefi(root, resolve(output));
    process.stdout.write(`${exportSummaryText(s, output)}\n`);
    for (const path of s.unreadable) process.stderr.write(`marginalia: ${path} could not be read and is not in the export.\n`);
    return s.unreadable.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ExportError) {
      process.stderr.write(`marginalia: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/**
 * Where `marginalia import` writes without --into: transcripts/, except that one
 * REFI-QDA project (study.qdpx) becomes a project in study/, and one codebook
 * (.qdc) becomes codebook.md in the current folder.
 */
export function defaultImportFolder(files: string[]): string {
  if (files.length === 1) {
    const ext = extname(files[0]).toLowerCase();
    if (ext === '.qdpx') return basename(files[0], extname(files[0]));
    if (ext === '.qdc') return '.';
  }
  return 'transcripts';
}
