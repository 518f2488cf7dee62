// `marginalia export`: REFI-QDA for other QDA software (host/refi does the work).

import { resolve } from 'node:path';
import { plural } from '../core/wording';
import { ExportError, exportRefi } from '../host/refi/exportRefi';

export function exportCommand(root: string, output: string): number {
  try {
    const s = exportRefi(root, resolve(output));
    const what =
      s.kind === 'codebook'
        ? `the codebook (${plural(s.codes, 'code')})`
        : `${plural(s.transcripts, 'transcript')}, ${plural(s.cases, 'case')}, ${plural(s.codes, 'code')} and ${plural(s.extracts, 'coded extract')}`;
    process.stdout.write(`Wrote ${output}: ${what}.\n`);
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
