// A Marginalia project as REFI-QDA (DESIGN.md §10): themes and codes as the
// code tree, one text source per transcript as a reader sees it, one selection
// per coded segment in Unicode code points, cases with typed variables, and
// GUIDs derived from ids and paths so that two exports of one project agree.

import type { ProjectIndex } from '../project/projectIndex';
import type { CodebookNode } from '../codebook/parseCodebook';
import { stableGuid } from './guid';
import type { RefiCase, RefiCode, RefiNote, RefiProject, RefiTextSource, RefiVariable } from './model';
import { plainTranscript } from '../transcript/plainText';
import { CodePointIndex } from '../text/codePoints';
import { attributeText, variableType } from './variables';

export const UNCATEGORISED = 'Uncategorised';
export const MARGINALIA_ORIGIN = 'Marginalia';

export interface ExportInput {
  /** The project's name (its folder's name). */
  name: string;
  index: ProjectIndex;
  /** A transcript's text (the editor's unsaved text or the file on disk); undefined when it cannot be read. */
  textOf(path: string): string | undefined;
}

export interface ExportResult {
  project: RefiProject;
  /** Transcripts that could not be read (left out). */
  unreadable: string[];
}

export const codeGuid = (id: string): string => stableGuid('code', id);

/** The code tree alone (a `.qdc` codebook holds only this). */
export function exportCodes(index: ProjectIndex): { codes: RefiCode[]; notes: RefiNote[] } {
  const notes: RefiNote[] = [];
  // A duplicate id (an error `check` reports) is exported once, where it first appears.
  const seen = new Set<string>();
  const childrenOf = (id: string | undefined): RefiCode[] =>
    index.children(id).filter((n) => !seen.has(n.id) && seen.add(n.id)).map(make);
  const make = (node: CodebookNode): RefiCode => {
    const code: RefiCode = {
      guid: codeGuid(node.id),
      name: node.label || node.id,
      description: node.definition || undefined,
      isCodable: true,
      noteRefs: [],
      children: childrenOf(node.id),
    };
    if (node.memo) {
      const note = { guid: stableGuid('memo', node.id), name: `Memo: ${code.name}`, text: node.memo };
      notes.push(note);
      code.noteRefs.push(note.guid);
    }
    return code;
  };
  const codes = childrenOf(undefined);
  const undefinedCodes = index.uncategorisedCodes();
  if (undefinedCodes.length > 0) {
    codes.push({
      guid: stableGuid('uncategorised', ''),
      name: UNCATEGORISED,
      description: 'Codes used in transcripts but not defined in the codebook (inductive codes).',
      isCodable: false,
      noteRefs: [],
      children: undefinedCodes.map((id) => ({ guid: codeGuid(id), name: id, isCodable: true, noteRefs: [], children: [] })),
    });
  }
  return { codes, notes };
}

/** Source names: the file name without `.md`, or the path when two files share a name. */
function sourceNames(paths: string[]): Map<string, string> {
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(base(p), (counts.get(base(p)) ?? 0) + 1);
  return new Map(paths.map((p) => [p, counts.get(base(p))! > 1 ? p.replace(/\.(md|markdown)$/i, '') : base(p)]));
}

export function exportProject(input: ExportInput): ExportResult {
  const { index } = input;
  const { codes, notes } = exportCodes(index);
  const paths = index.transcriptPaths().slice().sort();
  const names = sourceNames(paths);
  const sources: RefiTextSource[] = [];
  const unreadable: string[] = [];
  const caseOrder: string[] = [];
  const caseSources = new Map<string, string[]>();
  const caseAttributes = new Map<string, Record<string, unknown>>();
  const attributeNames: string[] = [];

  for (const path of paths) {
    const source = input.textOf(path);
    if (source === undefined) {
      unreadable.push(path);
      continue;
    }
    // The text as a reader sees it: no front matter, coding markup or backslash escapes.
    const reader = plainTranscript(source, path, { removeFrontMatter: true, unescape: true });
    const guid = stableGuid('source', path);
    const cps = new CodePointIndex(reader.text);
    sources.push({
      guid,
      name: names.get(path)!,
      plainTextPath: `internal://${guid}.txt`,
      text: reader.text,
      selections: reader.segments.map((s, i) => {
        const key = `${path}#${i}`;
        return { guid: stableGuid('selection', key), start: cps.toCodePoint(s.start), end: cps.toCodePoint(s.end), codes: s.codes.map(codeGuid), noteRefs: [] };
      }).sort((a, b) => a.start - b.start || b.end - a.end),
      codes: [],
      values: [],
      noteRefs: [],
    });
    if (!caseSources.has(reader.caseId)) {
      caseOrder.push(reader.caseId);
      caseSources.set(reader.caseId, []);
      caseAttributes.set(reader.caseId, {});
    }
    caseSources.get(reader.caseId)!.push(guid);
    const attrs = caseAttributes.get(reader.caseId)!;
    for (const [k, v] of Object.entries(reader.attributes)) {
      if (!attributeNames.includes(k)) attributeNames.push(k);
      if (!(k in attrs) && v !== null && v !== undefined) attrs[k] = v;
    }
  }

  const variables: RefiVariable[] = attributeNames.map((name) => ({
    guid: stableGuid('variable', name),
    name,
    type: variableType(caseOrder.map((c) => caseAttributes.get(c)![name])),
  }));
  const cases: RefiCase[] = caseOrder.map((caseId) => {
    const attrs = caseAttributes.get(caseId)!;
    return {
      guid: stableGuid('case', caseId),
      name: caseId,
      values: variables.filter((v) => v.name in attrs).map((v) => ({ variable: v.guid, value: valueText(attrs[v.name], v.type) })),
      sources: caseSources.get(caseId)!,
    };
  });

  const project: RefiProject = {
    name: input.name,
    origin: MARGINALIA_ORIGIN,
    users: [],
    codes,
    variables,
    cases,
    sources,
    otherSources: [],
    notes,
  };
  return { project, unreadable };
}

/** A value as its XML type needs it (xsd:integer and xsd:decimal have no exponent). */
function valueText(value: unknown, type: RefiVariable['type']): string {
  if (typeof value === 'number' && (type === 'Integer' || type === 'Float')) {
    if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
    const s = String(value);
    if (!/e/i.test(s)) return s;
    return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  }
  return attributeText(value);
}
