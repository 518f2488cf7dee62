// `marginalia export`: REFI-QDA for other QDA software (host/refi does the work).

import { resolve } from 'node:path';
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
