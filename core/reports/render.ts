// The reports as text: markdown (for pasting into a findings section), CSV
// (RFC 4180, for R, SPSS or Excel), JSON (the models as they are) and a
// standalone, printable HTML page (every word escaped, no scripts).

import { stringify } from 'csv-stringify/sync';
import { plural } from '../wording';
import { describeConditions } from './cases';
import type { CaseMatrix, Cooccurrence, QuoteBank, QuoteBankNode, ReportNode, ReportScope } from './reports';

export type ReportKind = 'quotes' | 'matrix' | 'cooccurrence';
export type ReportFormat = 'md' | 'csv' | 'json' | 'html';
export const REPORT_KINDS: readonly ReportKind[] = ['quotes', 'matrix', 'cooccurrence'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json', 'html'];

export type ReportModel = { kind: 'quotes'; report: QuoteBank } | { kind: 'matrix'; report: CaseMatrix } | { kind: 'cooccurrence'; report: Cooccurrence };

export const REPORT_TITLES: Record<ReportKind, string> = {
  quotes: 'Quote bank',
  matrix: 'Code-by-case matrix',
  cooccurrence: 'Code co-occurrence',
};

export function renderReport(model: ReportModel, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(model.report, null, 2) + '\n';
  switch (model.kind) {
    case 'quotes':
      return format === 'md' ? quotesMarkdown(model.report) : format === 'csv' ? quotesCsv(model.report) : quotesHtml(model.report);
    case 'matrix':
      return format === 'md' ? matrixMarkdown(model.report) : format === 'csv' ? matrixCsv(model.report) : matrixHtml(model.report);
    case 'cooccurrence':
      return format === 'md' ? cooccurrenceMarkdown(model.report) : format === 'csv' ? cooccurrenceCsv(model.report) : cooccurrenceHtml(model.report);
  }
}

// ---- shared wording ----------------------------------------------------------

/** "Cases where role = manager: 3 cases (P01, P02, P05) · 4 transcripts · 12 extracts." */
export function scopeLine(scope: ReportScope): string {
  const counts = `${plural(scope.cases.length, 'case')} · ${plural(scope.transcripts, 'transcript')} · ${plural(scope.extracts, 'extract')}`;
  if (scope.where.length === 0) return `All cases: ${counts}.`;
  return `Cases where ${describeConditions(scope.where)}: ${counts}${scope.cases.length > 0 ? ` (${scope.cases.join(', ')})` : ''}.`;
}

/** How a node is named in a report: a theme by its heading, a code as `#id — label`. */
export function nodeName(node: Pick<ReportNode, 'id' | 'kind' | 'label'>): string {
  if (node.kind === 'theme') return node.label || node.id;
  return node.label ? `#${node.id} — ${node.label}` : `#${node.id}`;
}

/** 1-based line of a quote, as editors and `file:line` show it. */
function lineOf(q: { range: { start: { line: number } } }): number {
  return q.range.start.line + 1;
}

/** Codebook and transcript text is markdown as written; only raw HTML is neutralised, and a line break (a case id may hold one) ends nothing. */
function md(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/</g, '\\<');
}

function mdCell(text: string): string {
  return md(text).replace(/\|/g, '\\|');
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a
 * formula, so an extract such as "- it costs more" or "=cost" would become one (CSV
 * injection). OWASP's advice: prefix such a cell with a single quote, which Excel, LibreOffice
 * and Sheets show as text. Numbers are written as numbers.
 */
export function csvCell(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csv(rows: unknown[][]): string {
  return stringify(rows.map((row) => row.map(csvCell)), { record_delimiter: 'windows' });
}

/** The labels of a node's ancestors, outermost first ("Position and Identity / The struggle …"). */
function themePath(nodes: readonly ReportNode[], node: ReportNode): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  for (let p = node.parent; p !== null; p = byId.get(p)?.parent ?? null) {
    const parent = byId.get(p);
    if (!parent) break;
    path.unshift(nodeName(parent));
  }
  return path.join(' / ');
}

// ---- quote bank ------------------------------------------------------------

function quotesMarkdown(bank: QuoteBank): string {
  const out: string[] = ['# Quote bank', '', scopeLine(bank)];
  let uncategorised = false;
  for (const node of bank.nodes) {
    if (!node.defined && !uncategorised) {
      uncategorised = true;
      out.push('', '## Uncategorised', '', 'Codes used in transcripts but not in the codebook.');
    }
    const level = node.defined ? Math.min(6, node.depth + 2) : 3;
    out.push('', `${'#'.repeat(level)} ${md(nodeName(node))}`);
    if (node.quotes.length > 0) out.push('');
    for (const q of node.quotes) out.push(`- “${md(q.text)}” — ${md(q.case)}, ${md(q.file)}:${lineOf(q)}`);
  }
  if (bank.nodes.length === 0) out.push('', 'No extracts in these cases.');
  return out.join('\n') + '\n';
}

function quotesCsv(bank: QuoteBank): string {
  const rows: unknown[][] = [['id', 'kind', 'label', 'theme', 'case', 'file', 'line', 'text']];
  for (const node of bank.nodes) {
    const path = themePath(bank.nodes, node);
    for (const q of node.quotes) rows.push([node.id, node.kind, node.label, path, q.case, q.file, lineOf(q), q.text]);
  }
  return csv(rows);
}

function quotesHtml(bank: QuoteBank): string {
  const body: string[] = [];
  let uncategorised = false;
  for (const node of bank.nodes) {
    if (!node.defined && !uncategorised) {
      uncategorised = true;
      body.push('<h2>Uncategorised</h2>', '<p class="note">Codes used in transcripts but not in the codebook.</p>');
    }
    body.push(quoteNodeHtml(node));
  }
  if (bank.nodes.length === 0) body.push('<p class="note">No extracts in these cases.</p>');
  return htmlPage('Quote bank', bank, body.join('\n'));
}

function quoteNodeHtml(node: QuoteBankNode): string {
  const level = node.defined ? Math.min(6, node.depth + 2) : 3;
  const heading = `<h${level} class="${node.kind}">${escapeHtml(nodeName(node))}</h${level}>`;
  if (node.quotes.length === 0) return heading;
  const items = node.quotes.map(
    (q) => `<li><q>${escapeHtml(q.text)}</q> <span class="source">— ${escapeHtml(q.case)}, ${escapeHtml(q.file)}:${lineOf(q)}</span></li>`,
  );
  return `${heading}\n<ul class="quotes">\n${items.join('\n')}\n</ul>`;
}

// ---- matrix ----------------------------------------------------------------

function matrixMarkdown(m: CaseMatrix): string {
  const out: string[] = ['# Code-by-case matrix', '', scopeLine(m), '', 'Each cell counts the extracts in that case coded with the node or any code under it (an extract counts once per node).', ''];
  out.push(`| Theme / code | ${m.cases.map(mdCell).join(' | ')} | Total |`);
  out.push(`|---|${m.cases.map(() => '---:|').join('')}---:|`);
  for (const row of m.rows) {
    const indent = '&emsp;'.repeat(row.depth);
    const name = row.kind === 'theme' ? `**${mdCell(nodeName(row))}**` : mdCell(row.defined ? `#${row.id}` : `#${row.id} (uncategorised)`);
    out.push(`| ${indent}${name} | ${m.cases.map((c) => String(row.counts[c])).join(' | ')} | ${row.total} |`);
  }
  return out.join('\n') + '\n';
}

function matrixCsv(m: CaseMatrix): string {
  return csv([['id', 'kind', 'label', ...m.cases], ...m.rows.map((r) => [r.id, r.kind, r.label, ...m.cases.map((c) => r.counts[c])])]);
}

function matrixHtml(m: CaseMatrix): string {
  const max = Math.max(0, ...m.rows.flatMap((r) => m.cases.map((c) => r.counts[c])));
  const head = `<tr><th scope="col">Theme / code</th>${m.cases.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}<th scope="col">Total</th></tr>`;
  const rows = m.rows.map((r) => {
    const name = r.kind === 'theme' ? r.label || r.id : r.defined ? `#${r.id}` : `#${r.id} (uncategorised)`;
    const cells = m.cases.map((c) => `<td class="h${heat(r.counts[c], max)}">${r.counts[c]}</td>`).join('');
    return `<tr class="${r.kind}"><th scope="row" class="d${Math.min(r.depth, 6)}" title="${escapeHtml(nodeName(r))}">${escapeHtml(name)}</th>${cells}<td class="total">${r.total}</td></tr>`;
  });
  const body = `<p class="note">Each cell counts the extracts in that case coded with the node or any code under it (an extract counts once per node).</p>\n<table class="heatmap">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  return htmlPage('Code-by-case matrix', m, body);
}

// ---- co-occurrence -----------------------------------------------------------

const COOCCURRENCE_NOTE =
  'For each pair of codes, the pairs of extracts (one coded with each code, in the same transcript) that share at least one character; an extract coded with both counts once. Codes as written, without their themes.';

function cooccurrenceMarkdown(c: Cooccurrence): string {
  const out: string[] = ['# Code co-occurrence', '', scopeLine(c), '', COOCCURRENCE_NOTE, ''];
  if (c.pairs.length === 0) out.push('No two codes occur together in these cases.');
  else {
    out.push('| Code a | Code b | Extracts together |', '|---|---|---:|');
    for (const p of c.pairs) out.push(`| #${mdCell(p.a)} | #${mdCell(p.b)} | ${p.count} |`);
  }
  return out.join('\n') + '\n';
}

function cooccurrenceCsv(c: Cooccurrence): string {
  return csv([['a', 'b', 'count'], ...c.pairs.map((p) => [p.a, p.b, p.count])]);
}

function cooccurrenceHtml(c: Cooccurrence): string {
  if (c.pairs.length === 0) return htmlPage('Code co-occurrence', c, `<p class="note">${escapeHtml(COOCCURRENCE_NOTE)}</p>\n<p>No two codes occur together in these cases.</p>`);
  const counts = new Map(c.pairs.map((p) => [`${p.a}\u0000${p.b}`, p.count]));
  const used = c.codes.filter((code) => c.pairs.some((p) => p.a === code || p.b === code));
  const max = Math.max(...c.pairs.map((p) => p.count));
  const head = `<tr><th></th>${used.map((b) => `<th scope="col" class="vertical"><span>#${escapeHtml(b)}</span></th>`).join('')}</tr>`;
  const rows = used.map((a) => {
    const cells = used.map((b) => {
      if (a === b) return '<td class="self"></td>';
      const n = counts.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`) ?? 0;
      return `<td class="h${heat(n, max)}">${n || ''}</td>`;
    });
    return `<tr><th scope="row">#${escapeHtml(a)}</th>${cells.join('')}</tr>`;
  });
  const list = c.pairs.map((p) => `<tr><td>#${escapeHtml(p.a)}</td><td>#${escapeHtml(p.b)}</td><td class="total">${p.count}</td></tr>`);
  const body = [
    `<p class="note">${escapeHtml(COOCCURRENCE_NOTE)}</p>`,
    `<table class="heatmap">\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    `<h2>Pairs</h2>\n<table>\n<thead><tr><th scope="col">Code a</th><th scope="col">Code b</th><th scope="col">Extracts together</th></tr></thead>\n<tbody>\n${list.join('\n')}\n</tbody>\n</table>`,
  ];
  return htmlPage('Code co-occurrence', c, body.join('\n'));
}

// ---- HTML page -------------------------------------------------------------

/** Text and attribute values in HTML: every character that could be markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A heat bucket 0–5 for shading a count against the largest one. */
export function heat(n: number, max: number): number {
  return n <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((n / max) * 5));
}

const STYLE = `
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1a1a1a; background: #fff; max-width: 60em; margin: 2em auto; padding: 0 1.5em; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.25; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.1em; } h4, h5, h6 { font-size: 1em; }
.note, .scope { color: #555; font-size: 0.9em; }
ul.quotes { list-style: none; padding-left: 0; }
ul.quotes li { margin: 0.5em 0 0.5em 1em; text-indent: -1em; }
q { quotes: '“' '”'; }
.source { color: #555; font-size: 0.85em; white-space: nowrap; }
table { border-collapse: collapse; font: 13px system-ui, sans-serif; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; }
td { text-align: right; min-width: 2em; }
th[scope=row] { text-align: left; font-weight: normal; white-space: nowrap; }
tr.theme th[scope=row] { font-weight: bold; }
th.d1 { padding-left: 1.5em; } th.d2 { padding-left: 2.5em; } th.d3 { padding-left: 3.5em; } th.d4, th.d5, th.d6 { padding-left: 4.5em; }
td.total { font-weight: bold; }
td.self { background: #eee; }
th.vertical { vertical-align: bottom; } th.vertical span { writing-mode: vertical-rl; transform: rotate(180deg); }
.h1 { background: #eef3fb; } .h2 { background: #d3e0f5; } .h3 { background: #a9c3ec; } .h4 { background: #7aa3e0; } .h5 { background: #4a7fcf; color: #fff; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2, h3, h4 { page-break-after: avoid; } tr, li { page-break-inside: avoid; } * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

function htmlPage(title: string, scope: ReportScope, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="scope">${escapeHtml(scopeLine(scope))}</p>
${body}
</body>
</html>
`;
}
