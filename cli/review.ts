// `marginalia diff` and `marginalia agree`: reviewing coding through git.

import { ProjectIndex, plural } from '../core';
import { codingDiff, type CodingDiff } from '../core/review/codingDiff';
export { diffText, diffMarkdown } from '../core/review/diffReport';
import { agreement, type AgreementReport } from '../core/review/agreeProjects';
import { gitProject, gitReader, loadProjectAtRef } from '../host/git';
import { loadFrom } from '../host/loader';
import { loadProject } from '../host/projectFiles';

/** The project at a ref, or (ref undefined) as it is in the working tree, unsaved edits aside. */
function indexAt(folder: string, ref: string | undefined): ProjectIndex {
  if (ref === undefined) return loadProject(folder).index;
  return loadProjectAtRef(gitProject(folder), ref).index;
}

/**
 * The coding diff from `base` to `head` (default: the working tree). `unsaved`
 * overlays editor text on the working tree (paths relative to the folder).
 */
export function diffCommand(folder: string, base = 'HEAD', head?: string, unsaved?: Map<string, string>): CodingDiff {
  const after = indexAt(folder, head);
  if (head === undefined && unsaved) for (const [path, text] of unsaved) after.update(path, text);
  return codingDiff(indexAt(folder, base), after);
}

const codes = (list: string[]): string => list.map((c) => `#${c}`).join(' ');

export function agreeCommand(folder: string, refs: string[], options: { codes?: string[]; cases?: string[] }): AgreementReport {
  const project = gitProject(folder);
  const coders = refs.map((ref) => {
    const reader = gitReader(project, ref);
    const { index } = loadFrom(reader);
    const transcripts = new Map<string, string>();
    for (const [p, r] of reader.read(index.transcriptPaths())) if ('text' in r) transcripts.set(p, r.text);
    return { name: ref, transcripts, codebook: index.codebookNodes().map((n) => n.id) };
  });
  return agreement(coders, options);
}

const fixed = (x: number | undefined): string => (x === undefined ? '' : Number.isNaN(x) ? 'n/a' : x.toFixed(3));

export function agreementText(r: AgreementReport): string {
  const two = r.coders.length === 2;
  const skipped = r.skipped.length > 0 ? `; ${plural(r.skipped.length, 'transcript')} skipped (see below)` : '';
  const out = [
    `Intercoder agreement between ${r.coders.join(', ')}: ${plural(r.compared.length, 'transcript')}, ${plural(r.units, 'character')}${skipped}`,
    '',
    two ? 'code                              % agree   kappa   alpha' : 'code                              alpha',
  ];
  const row = (name: string, c: { percent?: number; kappa?: number; alpha: number }): string =>
    two ? `${name.padEnd(32)}  ${(c.percent === undefined ? '' : Number.isNaN(c.percent) ? 'n/a' : (c.percent * 100).toFixed(1) + '%').padStart(7)}  ${fixed(c.kappa).padStart(6)}  ${fixed(c.alpha).padStart(6)}` : `${name.padEnd(32)}  ${fixed(c.alpha).padStart(6)}`;
  for (const c of r.codes) out.push(row(`#${c.code}`, c));
  out.push(row('overall', r.overall));
  if (r.notApplied.length > 0) out.push('', `Not applied by any coder, so left out of the overall figures: ${codes(r.notApplied)}.`);
  for (const s of r.skipped) out.push('', `Skipped ${s.file}: ${s.reason}.`);
  return out.join('\n') + '\n';
}

/** The sentence for options naming codes or cases the project does not have, if any. */
export function unknownAgreementOptions(r: AgreementReport): string | undefined {
  const parts: string[] = [];
  if (r.unknown.codes.length > 0) parts.push(`no code ${r.unknown.codes.map((c) => `#${c}`).join(', ')} in any coder's codebook or transcripts`);
  if (r.unknown.cases.length > 0) parts.push(`no case ${r.unknown.cases.join(', ')} in any coder's transcripts`);
  return parts.length > 0 ? `There is ${parts.join(', and ')}.` : undefined;
}
