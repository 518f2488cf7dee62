// The report view's script, inside the webview (a browser page, no Node, no
// VS Code API but postMessage). It draws what the extension sends with DOM
// text nodes only — transcript words are never parsed as HTML — and asks the
// extension to open extracts or change the case filter.

import type { ReportData } from '../../server/src/protocol';
import type { QuoteBankNode, ReportNode, Quote } from '../../core';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
type Tab = 'quotes' | 'matrix' | 'cooccurrence';
const state = (vscode.getState() as { tab?: Tab } | undefined) ?? {};
let data: ReportData | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function nodeName(node: Pick<ReportNode, 'id' | 'kind' | 'label'>): string {
  if (node.kind === 'theme') return node.label || node.id;
  return node.label ? `#${node.id} — ${node.label}` : `#${node.id}`;
}

function heat(n: number, max: number): number {
  return n <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((n / max) * 5));
}

// ---- tabs and filter ---------------------------------------------------------

function selectTab(tab: Tab): void {
  state.tab = tab;
  vscode.setState(state);
  for (const t of ['quotes', 'matrix', 'cooccurrence'] as const) {
    byId(`tab-${t}`).setAttribute('aria-selected', String(t === tab));
    byId(t).hidden = t !== tab;
  }
}

for (const t of ['quotes', 'matrix', 'cooccurrence'] as const) byId(`tab-${t}`).addEventListener('click', () => selectTab(t));

const attributeSelect = byId<HTMLSelectElement>('attribute');
const valueSelect = byId<HTMLSelectElement>('value');

function sendFilter(): void {
  const attribute = attributeSelect.value;
  const value = valueSelect.value;
  vscode.postMessage({ type: 'filter', where: attribute && !valueSelect.hidden ? [{ attribute, value }] : [] });
}

attributeSelect.addEventListener('change', () => {
  fillValues(attributeSelect.value, undefined);
  sendFilter();
});
valueSelect.addEventListener('change', sendFilter);

function fillValues(attribute: string, selected: string | undefined): void {
  const values = data?.attributes.find((a) => a.name === attribute)?.values ?? [];
  valueSelect.replaceChildren(...values.map((v) => el('option', { value: v }, v === '' ? '(empty)' : v)));
  valueSelect.hidden = attribute === '';
  if (selected !== undefined) valueSelect.value = selected;
}

function drawFilter(d: ReportData): void {
  const current = d.where[0];
  attributeSelect.replaceChildren(el('option', { value: '' }, 'All cases'), ...d.attributes.map((a) => el('option', { value: a.name }, a.name)));
  attributeSelect.value = current?.attribute ?? '';
  fillValues(current?.attribute ?? '', current?.value);
  const m = d.matrix;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  byId('scope').textContent = `${d.name}: ${plural(m.cases.length, 'case')} · ${plural(m.transcripts, 'transcript')} · ${plural(m.extracts, 'extract')}`;
  const problem = byId('problem');
  problem.hidden = !d.problem;
  problem.textContent = d.problem ?? '';
}

// ---- quote bank --------------------------------------------------------------

function open(extract: Quote): void {
  vscode.postMessage({ type: 'open', extract });
}

function drawQuotes(d: ReportData): void {
  const section = byId('quotes');
  const out: Node[] = [];
  let uncategorised = false;
  for (const node of d.quotes.nodes) {
    if (!node.defined && !uncategorised) {
      uncategorised = true;
      out.push(el('h2', {}, 'Uncategorised'));
    }
    const level = node.defined ? Math.min(6, node.depth + 2) : 3;
    out.push(el(`h${level}` as 'h2', { class: node.kind }, nodeName(node)));
    if (node.quotes.length === 0) continue;
    const list = el('ul', { class: 'quotes' });
    for (const q of node.quotes) {
      const button = el('button', { class: 'quote', title: `Open ${q.file} at line ${q.range.start.line + 1}` }, el('q', {}, q.text), ' ', el('span', { class: 'source' }, `— ${q.case}, ${q.file}:${q.range.start.line + 1}`));
      button.addEventListener('click', () => open(q));
      list.append(el('li', {}, button));
    }
    out.push(list);
  }
  if (out.length === 0) out.push(el('p', { class: 'empty' }, 'No extracts in these cases yet.'));
  section.replaceChildren(...out);
}

// ---- matrix ----------------------------------------------------------------

/** The extracts behind a matrix cell: quotes of the node and every node under it, in that case, each once. */
function cellExtracts(d: ReportData, id: string, caseId: string): Quote[] {
  const parent = new Map(d.matrix.rows.map((r) => [r.id, r.parent]));
  const under = (nodeId: string): boolean => {
    for (let cur: string | null | undefined = nodeId, steps = 0; cur && steps < 100; cur = parent.get(cur), steps++) if (cur === id) return true;
    return false;
  };
  const seen = new Set<string>();
  const out: Quote[] = [];
  for (const node of d.quotes.nodes as QuoteBankNode[]) {
    if (!under(node.id)) continue;
    for (const q of node.quotes) {
      const key = `${q.file}@${q.range.start.line}:${q.range.start.character}`;
      if (q.case !== caseId || seen.has(key)) continue;
      seen.add(key);
      out.push(q);
    }
  }
  return out;
}

function drawMatrix(d: ReportData): void {
  const m = d.matrix;
  const max = Math.max(0, ...m.rows.flatMap((r) => m.cases.map((c) => r.counts[c] ?? 0)));
  const head = el('tr', {}, el('th', { scope: 'col', class: 'corner' }, 'Theme / code'), ...m.cases.map((c) => el('th', { scope: 'col', class: 'case' }, c)), el('th', { scope: 'col' }, 'Total'));
  const body = m.rows.map((r) => {
    const name = r.kind === 'theme' ? r.label || r.id : r.defined ? `#${r.id}` : `#${r.id} (uncategorised)`;
    const cells = m.cases.map((c) => {
      const n = r.counts[c] ?? 0;
      const td = el('td', { class: `cell h${heat(n, max)}`, title: `${nodeName(r)} · ${c}: ${n} extract${n === 1 ? '' : 's'}`, 'data-node': r.id, 'data-case': c }, n ? String(n) : '');
      if (n > 0) {
        td.tabIndex = 0;
        const go = (): void => vscode.postMessage({ type: 'openMany', title: `${nodeName(r)} — ${c}`, extracts: cellExtracts(d, r.id, c) });
        td.addEventListener('click', go);
        td.addEventListener('keydown', (e) => e.key === 'Enter' && go());
      }
      return td;
    });
    return el('tr', { class: r.kind }, el('th', { scope: 'row', class: `d${Math.min(r.depth, 6)}`, title: nodeName(r) }, name), ...cells, el('td', { class: 'total' }, String(r.total)));
  });
  const note = el('p', { class: 'note' }, 'Each cell counts the extracts in that case coded with the node or any code under it. Click a cell to open its extracts.');
  byId('matrix').replaceChildren(note, el('div', { class: 'scroll' }, el('table', { class: 'heatmap' }, el('thead', {}, head), el('tbody', {}, ...body))));
}

// ---- co-occurrence -------------------------------------------------------------

function drawCooccurrence(d: ReportData): void {
  const c = d.cooccurrence;
  const section = byId('cooccurrence');
  const note = el('p', { class: 'note' }, 'For each pair of codes, the pairs of extracts in one transcript that share at least one character (an extract coded with both counts once). Click a cell to open where they overlap.');
  if (c.pairs.length === 0) {
    section.replaceChildren(note, el('p', { class: 'empty' }, 'No two codes occur together in these cases.'));
    return;
  }
  const pairs = new Map(c.pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
  const used = c.codes.filter((code) => c.pairs.some((p) => p.a === code || p.b === code));
  const max = Math.max(...c.pairs.map((p) => p.count));
  const head = el('tr', {}, el('th', { class: 'corner' }), ...used.map((b) => el('th', { scope: 'col', class: 'vertical' }, el('span', {}, `#${b}`))));
  const rows = used.map((a) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, `#${a}`),
      ...used.map((b) => {
        if (a === b) return el('td', { class: 'self' });
        const pair = pairs.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
        const n = pair?.count ?? 0;
        const td = el('td', { class: `cell h${heat(n, max)}`, title: `#${a} and #${b}: ${n}`, 'data-a': a, 'data-b': b }, n ? String(n) : '');
        if (pair && n > 0) {
          td.tabIndex = 0;
          const go = (): void => vscode.postMessage({ type: 'openMany', title: `#${pair.a} with #${pair.b}`, extracts: pair.examples ?? [] });
          td.addEventListener('click', go);
          td.addEventListener('keydown', (e) => e.key === 'Enter' && go());
        }
        return td;
      }),
    ),
  );
  section.replaceChildren(note, el('div', { class: 'scroll' }, el('table', { class: 'heatmap' }, el('thead', {}, head), el('tbody', {}, ...rows))));
}

// ---- messages ----------------------------------------------------------------

window.addEventListener('message', (event: MessageEvent<{ type: string; data?: ReportData | null }>) => {
  if (event.data.type !== 'data') return;
  data = event.data.data ?? null;
  if (!data) {
    byId('quotes').replaceChildren(el('p', { class: 'empty' }, 'Open the folder that holds your transcripts to see reports.'));
    return;
  }
  drawFilter(data);
  drawQuotes(data);
  drawMatrix(data);
  drawCooccurrence(data);
  document.body.classList.add('ready');
});

selectTab(state.tab ?? 'quotes');
vscode.postMessage({ type: 'ready' });
