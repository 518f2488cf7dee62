// The coding diff as text and as markdown (for a pull-request comment or the
// editor's preview): pure renderers shared by the CLI and the VS Code client.

import { countsLine } from '../wording';
import type { CodingDiff } from './codingDiff';

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

