// `marginalia stats` without --json: the code tree with counts, for a terminal.

import { plural, type ProjectStats, type NodeStatsRow } from '../core';

export function formatStatsTable(stats: ProjectStats): string {
  const lines: string[] = [];
  const segments = stats.segments.length;
  lines.push(`${plural(stats.cases.length, 'transcript')} · ${plural(segments, 'extract')}`, '');
  lines.push('extracts  cases  node');
  const children = new Map<string | null, NodeStatsRow[]>();
  // By key: a duplicate id (an error) is its own node with its own children.
  for (const n of stats.nodes.filter((n) => n.defined)) {
    const parent = n.parentKey ?? n.parent;
    const list = children.get(parent) ?? [];
    list.push(n);
    children.set(parent, list);
  }
  const walk = (parent: string | null, depth: number): void => {
    for (const n of children.get(parent) ?? []) {
      const name = n.kind === 'code' ? `#${n.id}` : n.label;
      lines.push(`${String(n.total).padStart(8)}  ${String(n.cases).padStart(5)}  ${'  '.repeat(depth)}${name}`);
      walk(n.key ?? n.id, depth + 1);
    }
  };
  walk(null, 0);
  const uncategorised = stats.nodes.filter((n) => !n.defined);
  if (uncategorised.length > 0) {
    lines.push(`${''.padStart(8)}  ${''.padStart(5)}  Uncategorised`);
    for (const n of uncategorised) lines.push(`${String(n.total).padStart(8)}  ${String(n.cases).padStart(5)}    #${n.id}`);
  }
  return lines.join('\n') + '\n';
}
