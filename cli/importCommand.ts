// `marginalia import <file…> [--into folder] [--force]`: one line per file
// written, one sentence per file that failed (the others are still imported),
// exit 1 if any failed.

import { displayPath, importFiles, type ImportOptions } from '../host/import/importFiles';

export async function importCommand(files: string[], options: ImportOptions): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('marginalia: give the files to import, as in "marginalia import interview.docx P02.vtt".\n');
    return 2;
  }
  let failed = false;
  for (const r of await importFiles(files, options)) {
    if (r.error) {
      failed = true;
      process.stderr.write(`marginalia: ${r.error}\n`);
      continue;
    }
    const notes = r.notes.length > 0 ? ` (${r.notes.join('; ')})` : '';
    // The notes (what was dropped, a REFI-QDA import's summary) follow the input's last file.
    r.written.forEach((w, i) => process.stdout.write(`${displayPath(w)}${i === r.written.length - 1 ? notes : ''}\n`));
  }
  return failed ? 1 : 0;
}
