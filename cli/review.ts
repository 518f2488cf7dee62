// `marginalia diff` and `marginalia agree`: reviewing coding through git.

import { ProjectIndex, countsLine, plural } from '../core';
import { codingDiff, type CodingDiff } from '../core/review/codingDiff';
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
const quote = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function diffText(d: CodingDiff, base: string, head: string): string {
  const out: string[] = [`Coding changes from ${base} to ${head}`, ''];
  const empty = d.added.length + d.removed.length + d.recoded.length + d.nodes.length === 0 && Object.values(d.codebook).every((l) => l.length === 0);
  if (empty) return `${out[0]}: none.\n`;
  const cb = d.codebook;
  if (Object.values(cb).some((l) => l.length > 0)) {
    out.push('Codebook:');
    for (const n of cb.added) out.push(`  + ${n.kind} #${n.id}${n.label ? ` — ${n.label}` : ''}${n.parent ? ` (under ${n.parent})` : ''}`);
    for (const n of cb.removed) out.push(`  - ${n.kind} #${n.id}${n.label ? ` — ${n.label}` : ''}`);
    for (const r of cb.renamed) out.push(`  ~ #${r.from} renamed to #${r.to}`);
    for (const m of cb.moved) out.push(`  ~ #${m.id} moved from ${m.from ?? 'the top'} to ${m.to ?? 'the top'}`);
    for (const r of cb.relabelled) out.push(`  ~ #${r.id} relabelled: "${r.before}" → "${r.after}"`);
    out.push('');
  }
  if (d.added.length + d.removed.length + d.recoded.length > 0) {
    out.push(`Extracts: ${d.added.length} added, ${d.removed.length} removed, ${d.recoded.length} recoded`);
    for (const s of d.added) out.push(`  + ${s.case}  ${codes(s.codes)}  "${quote(s.text, 100)}"`);
    for (const s of d.removed) out.push(`  - ${s.case}  ${codes(s.codes)}  "${quote(s.text, 100)}"`);
    for (const s of d.recoded) out.push(`  ~ ${s.case}  ${codes(s.before)} → ${codes(s.after)}  "${quote(s.text, 100)}"`);
    out.push('');
  }
  if (d.nodes.length > 0) {
    out.push('Counts:');
    for (const n of d.nodes) out.push(`  #${n.id}: ${countsLine(n.before)} → ${countsLine(n.after)}`);
    out.push('');
  }
  return out.join('\n');
}

export function diffMarkdown(d: CodingDiff, base: string, head: string): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const out: string[] = [`## Coding changes: \`${base}\` → \`${head}\``, ''];
  const cb = d.codebook;
  out.push(`**${d.added.length}** extracts added · **${d.removed.length}** removed · **${d.recoded.length}** recoded · **${d.nodes.length}** codes and themes with new counts`, '');
  if (Object.values(cb).some((l) => l.length > 0)) {
    out.push('### Codebook', '', '| change | id | detail |', '|---|---|---|');
    for (const n of cb.added) out.push(`| added ${n.kind} | \`#${n.id}\` | ${cell(n.label)}${n.parent ? ` (under \`${n.parent}\`)` : ''} |`);
    for (const n of cb.removed) out.push(`| removed ${n.kind} | \`#${n.id}\` | ${cell(n.label)} |`);
    for (const r of cb.renamed) out.push(`| renamed | \`#${r.from}\` → \`#${r.to}\` | ${cell(r.label)} |`);
    for (const m of cb.moved) out.push(`| moved | \`#${m.id}\` | ${m.from ?? 'top'} → ${m.to ?? 'top'} |`);
    for (const r of cb.relabelled) out.push(`| relabelled | \`#${r.id}\` | ${cell(r.before)} → ${cell(r.after)} |`);
    out.push('');
  }
  if (d.nodes.length > 0) {
    out.push('### Counts', '', '| code or theme | extracts | cases |', '|---|---|---|');
    for (const n of d.nodes) out.push(`| \`#${n.id}\`${n.label ? ` ${cell(n.label)}` : ''} | ${n.before.total} → ${n.after.total} | ${n.before.cases} → ${n.after.cases} |`);
    out.push('');
  }
  const section = (title: string, list: Array<{ case: string; text: string }>, label: (s: never) => string): void => {
    if (list.length === 0) return;
    out.push(`### ${title}`, '');
    for (const s of list) out.push(`- **${cell(s.case)}** ${label(s as never)}`, `  > ${cell(quote(s.text))}`);
    out.push('');
  };
  section('Extracts added', d.added, (s: { codes: string[] }) => `\`${codes(s.codes)}\``);
  section('Extracts removed', d.removed, (s: { codes: string[] }) => `\`${codes(s.codes)}\``);
  section('Extracts recoded', d.recoded, (s: { before: string[]; after: string[] }) => `\`${codes(s.before)}\` → \`${codes(s.after)}\``);
  return out.join('\n');
}

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
