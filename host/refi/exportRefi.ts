// `marginalia export`: a project on disk → a .qdpx project or a .qdc codebook.
// The file is written whole or not at all (a temporary file, then a rename).

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { exportCodes, exportProject, MARGINALIA_ORIGIN } from '../../core/refi/exportProject';
import type { ProjectIndex } from '../../core/project/projectIndex';
import { loadProject, readProjectFile } from '../projectFiles';
import { plural } from '../../core/wording';
import { codebookToXml } from './qdeXml';
import { qdpxBytes } from './qdpx';

export class ExportError extends Error {}

export interface ExportSummary {
  kind: 'project' | 'codebook';
  file: string;
  codes: number;
  transcripts: number;
  cases: number;
  extracts: number;
  /** Transcripts that could not be read and are not in the export. */
  unreadable: string[];
}

/** The format from the file name's extension; undefined for anything else. */
export function refiFormat(file: string): 'qdpx' | 'qdc' | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.qdpx' ? 'qdpx' : ext === '.qdc' ? 'qdc' : undefined;
}

/**
 * Exports the project at `root` (or its live `index`, with `textOf` giving each
 * transcript's current text) to `outFile`.
 */
export function exportRefi(root: string, outFile: string, live?: { index: ProjectIndex; textOf(path: string): string | undefined }): ExportSummary {
  const format = refiFormat(outFile);
  if (!format) throw new ExportError(`"${basename(outFile)}" should end in .qdpx (a whole project) or .qdc (the codebook alone).`);
  const index = live?.index ?? loadProject(root).index;
  const textOf =
    live?.textOf ??
    ((path: string): string | undefined => {
      const r = readProjectFile(join(root, path));
      return 'text' in r ? r.text : undefined;
    });
  let bytes: Uint8Array | string;
  let summary: ExportSummary;
  if (format === 'qdc') {
    const { codes } = exportCodes(index);
    bytes = codebookToXml(codes, MARGINALIA_ORIGIN);
    summary = { kind: 'codebook', file: outFile, codes: countCodes(codes), transcripts: 0, cases: 0, extracts: 0, unreadable: [] };
  } else {
    const { project, unreadable } = exportProject({ name: basename(root), index, textOf });
    bytes = qdpxBytes(project);
    summary = {
      kind: 'project',
      file: outFile,
      codes: countCodes(project.codes),
      transcripts: project.sources.length,
      cases: project.cases.length,
      extracts: project.sources.reduce((n, s) => n + s.selections.length, 0),
      unreadable,
    };
  }
  writeWhole(outFile, bytes);
  return summary;
}

/** "Wrote study.qdpx: 14 transcripts, 14 cases, 41 codes and 38 coded extracts." */
export function exportSummaryText(s: ExportSummary, shownFile = basename(s.file)): string {
  const what =
    s.kind === 'codebook'
      ? `the codebook (${plural(s.codes, 'code')})`
      : `${plural(s.transcripts, 'transcript')}, ${plural(s.cases, 'case')}, ${plural(s.codes, 'code')} and ${plural(s.extracts, 'coded extract')}`;
  return `Wrote ${shownFile}: ${what}.`;
}

function countCodes(codes: Array<{ children: unknown[] }>): number {
  let n = 0;
  const walk = (list: Array<{ children: unknown[] }>): void => {
    for (const c of list) {
      n++;
      walk(c.children as Array<{ children: unknown[] }>);
    }
  };
  walk(codes);
  return n;
}

/** Writes a file whole: into a temporary file beside it, then renamed over the target. */
export function writeWhole(file: string, data: Uint8Array | string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new ExportError(`"${file}" cannot be written (${code ?? (e instanceof Error ? e.message : String(e))}).`);
  }
}
