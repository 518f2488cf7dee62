// REFI-QDA export and import for the editor (host/refi does the work). Export
// uses the live index and the editor's unsaved text, so it exports what the
// analyst sees.

import { ExportError, exportRefi, exportSummaryText } from '../../../host/refi/exportRefi';
import { importFiles } from '../../../host/import/importFiles';
import type { Project } from '../workspace/project';
import type { ExportRefiParams, ImportRefiParams, RefiResult } from '../protocol';

export function exportRefiRequest(projects: Project[], p: ExportRefiParams): RefiResult {
  const project = p.folder ? projects.find((x) => x.uri('') === p.folder) : projects[0];
  if (!project) return { ok: false, message: 'There is no Marginalia project open to export.', files: [] };
  try {
    const summary = exportRefi(project.root, p.file, { index: project.index, textOf: (path) => project.textOf(path) });
    const unreadable = summary.unreadable.length > 0 ? ` Left out (cannot be read): ${summary.unreadable.join(', ')}.` : '';
    return { ok: true, message: `${exportSummaryText(summary)}${unreadable}`, files: [p.file] };
  } catch (e) {
    if (e instanceof ExportError) return { ok: false, message: e.message, files: [] };
    throw e;
  }
}

export async function importRefiRequest(p: ImportRefiParams): Promise<RefiResult> {
  const [result] = await importFiles([p.file], { into: p.into, force: p.force });
  if (result.error) return { ok: false, message: result.error, files: [] };
  const notes = result.notes.length > 0 ? ` (${result.notes.join('; ')})` : '';
  return { ok: true, message: `Imported ${result.input} into ${p.into}${notes}.`, files: result.written };
}
