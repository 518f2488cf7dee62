// `marginalia import study.qdpx|codebook.qdc --into folder`: a REFI-QDA project
// or codebook as a Marginalia project (core/refi/importProject.ts does the
// mapping). Everything is read, mapped and checked before the import command
// writes a single file.

import { importProject, type ImportSummary } from '../../core/refi/importProject';
import type { RefiProject } from '../../core/refi/model';
import { plural } from '../../core/wording';
import { ImportError } from '../import/decodeText';
import type { ImportInput, ImportOutput } from '../import/importFiles';
import { parseCodebookXml, RefiFormatError } from './qdeXml';
import { readQdpx } from './qdpx';

function project(input: ImportInput): RefiProject {
  try {
    if (input.name.toLowerCase().endsWith('.qdc')) {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(input.bytes).replace(/^\uFEFF+/, '');
      const { codes, origin } = parseCodebookXml(text);
      return { name: input.name, origin, users: [], codes, variables: [], cases: [], sources: [], otherSources: [], notes: [] };
    }
    return readQdpx(input.bytes);
  } catch (e) {
    if (e instanceof RefiFormatError) throw new ImportError(`${input.name} cannot be imported: ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`);
    throw e;
  }
}

/** The importer for .qdpx and .qdc in the import command's table. */
export async function importRefi(input: ImportInput): Promise<ImportOutput> {
  const result = importProject(project(input), { from: input.name });
  if ('error' in result) throw new ImportError(result.error);
  return { files: result.files, notes: summaryNotes(result.summary) };
}

export function summaryNotes(s: ImportSummary): string[] {
  const notes = [
    s.transcripts > 0
      ? `${plural(s.codes, 'code')}, ${plural(s.transcripts, 'transcript')}, ${plural(s.cases, 'case')}, ${plural(s.extracts, 'coded extract')}`
      : plural(s.codes, 'code'),
  ];
  if (s.crossingSplit > 0) notes.push(`${plural(s.crossingSplit, 'crossing extract')} split where they cross`);
  if (s.paragraphSplit > 0) notes.push(`${plural(s.paragraphSplit, 'extract')} over several paragraphs coded paragraph by paragraph`);
  if (s.notImported.length > 0) notes.push(`not imported: ${s.notImported.join('; ')}`);
  return notes;
}
