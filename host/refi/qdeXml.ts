// REFI-QDA XML: `project.qde` (urn:QDA-XML:project:1.0) and `.qdc` codebooks
// (urn:QDA-XML:codebook:1.0) ↔ the plain model of core/refi/model.ts, through
// fast-xml-parser. Element order follows the official schemas' sequences.

import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type {
  RefiCase,
  RefiCode,
  RefiNote,
  RefiOtherSource,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiVariable,
  RefiVariableValue,
  VariableType,
} from '../../core/refi/model';
import { valueElement } from '../../core/refi/variables';
import { stableGuid } from '../../core/refi/guid';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

type XmlNode = Record<string, unknown>;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** Characters XML 1.0 cannot carry at all. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (s: string): string => s.replace(NOT_XML, '');

function attrs(values: Record<string, string | number | boolean | undefined>): XmlNode {
  const out: XmlNode = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[`@_${k}`] = typeof v === 'string' ? clean(v) : String(v);
  return out;
}

function text(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : clean(s);
}

function codeNode(code: RefiCode, withNotes: boolean): XmlNode {
  const node: XmlNode = attrs({ guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color });
  if (code.description) node.Description = text(code.description);
  if (withNotes && code.noteRefs.length > 0) node.NoteRef = code.noteRefs.map((g) => attrs({ targetGUID: g }));
  if (code.children.length > 0) node.Code = code.children.map((c) => codeNode(c, withNotes));
  return node;
}

const declaration = { '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' } };

function valueNode(value: RefiVariableValue, types: Map<string, VariableType>): XmlNode {
  return { VariableRef: attrs({ targetGUID: value.variable }), [valueElement(types.get(value.variable) ?? 'Text')]: clean(value.value) };
}

function noteNode(note: RefiNote): XmlNode {
  return { ...attrs({ guid: note.guid, name: note.name }), PlainTextContent: clean(note.text) };
}

export function projectToXml(project: RefiProject): string {
  const types = new Map(project.variables.map((v) => [v.guid, v.type]));
  const root: XmlNode = { '@_xmlns': PROJECT_NS, ...attrs({ name: project.name, origin: project.origin }) };
  if (project.users.length > 0) root.Users = { User: project.users.map((u) => attrs({ guid: u.guid, name: u.name })) };
  if (project.codes.length > 0) root.CodeBook = { Codes: { Code: project.codes.map((c) => codeNode(c, true)) } };
  if (project.variables.length > 0) {
    root.Variables = {
      Variable: project.variables.map((v) => ({ ...attrs({ guid: v.guid, name: v.name, typeOfVariable: v.type }), Description: text(v.description) })),
    };
  }
  if (project.cases.length > 0) {
    root.Cases = {
      Case: project.cases.map((c) => ({
        ...attrs({ guid: c.guid, name: c.name }),
        Description: text(c.description),
        VariableValue: c.values.length > 0 ? c.values.map((v) => valueNode(v, types)) : undefined,
        SourceRef: c.sources.length > 0 ? c.sources.map((g) => attrs({ targetGUID: g })) : undefined,
      })),
    };
  }
  if (project.sources.length > 0) {
    root.Sources = {
      TextSource: project.sources.map((s) => ({
        ...attrs({ guid: s.guid, name: s.name, plainTextPath: s.plainTextPath }),
        PlainTextContent: s.plainTextPath ? undefined : clean(s.text),
        PlainTextSelection: s.selections.length > 0 ? s.selections.map(selectionNode) : undefined,
        Coding: s.codes.length > 0 ? s.codes.map((g) => codingNode(g, s.guid)) : undefined,
        NoteRef: s.noteRefs.length > 0 ? s.noteRefs.map((g) => attrs({ targetGUID: g })) : undefined,
        VariableValue: s.values.length > 0 ? s.values.map((v) => valueNode(v, types)) : undefined,
      })),
    };
  }
  if (project.notes.length > 0) root.Notes = { Note: project.notes.map(noteNode) };
  if (project.description) root.Description = text(project.description);
  return builder.build({ ...declaration, Project: root }) as string;
}

function selectionNode(s: RefiSelection): XmlNode {
  return {
    ...attrs({ guid: s.guid, name: s.name, startPosition: s.start, endPosition: s.end }),
    Coding: s.codes.length > 0 ? s.codes.map((code) => codingNode(code, s.guid)) : undefined,
    NoteRef: s.noteRefs.length > 0 ? s.noteRefs.map((g) => attrs({ targetGUID: g })) : undefined,
  };
}

function codingNode(code: string, owner: string): XmlNode {
  return { ...attrs({ guid: stableGuid('coding', `${owner} ${code}`) }), CodeRef: attrs({ targetGUID: code }) };
}

export function codebookToXml(codes: RefiCode[], origin?: string): string {
  const root: XmlNode = { '@_xmlns': CODEBOOK_NS, ...attrs({ origin }), Codes: { Code: codes.map((c) => codeNode(c, false)) } };
  return builder.build({ ...declaration, CodeBook: root }) as string;
}

// ---- reading ------------------------------------------------------------------

export class RefiFormatError extends Error {}

const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'TextSource', 'PictureSource',
  'PDFSource', 'AudioSource', 'VideoSource', 'PlainTextSelection', 'PictureSelection', 'PDFSelection', 'AudioSelection',
  'VideoSelection', 'Coding', 'NoteRef', 'Note', 'Set', 'MemberCode', 'Transcript',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

function parseXml(xml: string, what: string): XmlNode {
  const checked = XMLValidator.validate(xml);
  if (checked !== true) throw new RefiFormatError(`${what} is not well-formed XML (the error is on line ${checked.err.line}).`);
  return parser.parse(xml) as XmlNode;
}

const list = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as XmlNode)['#text'] === 'string' ? ((v as XmlNode)['#text'] as string) : undefined);
const attr = (n: XmlNode, name: string): string | undefined => (typeof n[name] === 'string' ? (n[name] as string) : undefined);
const refs = (v: unknown): string[] => list(v).map((r) => attr(r, 'targetGUID')).filter((g): g is string => g !== undefined);
const trimmed = (v: unknown): string | undefined => {
  const s = str(v)?.trim();
  return s ? s : undefined;
};

function readCode(n: XmlNode): RefiCode {
  return {
    guid: attr(n, 'guid') ?? '',
    name: attr(n, 'name') ?? '',
    description: trimmed(n.Description),
    isCodable: attr(n, 'isCodable') !== 'false',
    color: attr(n, 'color'),
    noteRefs: refs(n.NoteRef),
    children: list(n.Code).map(readCode),
  };
}

function readValues(v: unknown): RefiVariableValue[] {
  const out: RefiVariableValue[] = [];
  for (const n of list(v)) {
    const variable = attr((n.VariableRef ?? {}) as XmlNode, 'targetGUID');
    const key = Object.keys(n).find((k) => k.endsWith('Value'));
    if (variable && key) out.push({ variable, value: str(n[key]) ?? '' });
  }
  return out;
}

const OTHER_KINDS = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] as const;
const SELECTION_OF: Record<(typeof OTHER_KINDS)[number], string> = {
  PictureSource: 'PictureSelection',
  PDFSource: 'PDFSelection',
  AudioSource: 'AudioSelection',
  VideoSource: 'VideoSelection',
};

/**
 * Reads project.qde. Text sources with a `plainTextPath` get their text from
 * `readSource` (the zip's sources/ folder); a missing one is a RefiFormatError.
 */
export function parseProjectXml(xml: string, readSource: (path: string) => string | undefined): RefiProject {
  const doc = parseXml(xml, 'project.qde');
  const root = doc.Project as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new RefiFormatError('project.qde has no <Project> element, so it is not a REFI-QDA project.');
  const sourcesNode = (root.Sources ?? {}) as XmlNode;
  const sources: RefiTextSource[] = list(sourcesNode.TextSource).map((n) => {
    const name = attr(n, 'name') ?? attr(n, 'guid') ?? 'source';
    const path = attr(n, 'plainTextPath');
    let content = str(n.PlainTextContent);
    if (content === undefined && path !== undefined) {
      content = readSource(path);
      if (content === undefined) throw new RefiFormatError(`The text of the source "${name}" (${path}) is missing from the project file.`);
    }
    return {
      guid: attr(n, 'guid') ?? '',
      name,
      plainTextPath: path,
      text: content ?? '',
      selections: list(n.PlainTextSelection).map((s) => {
        const start = Number(attr(s, 'startPosition'));
        const end = Number(attr(s, 'endPosition'));
        return {
          guid: attr(s, 'guid') ?? '',
          name: attr(s, 'name'),
          start,
          end,
          codes: list(s.Coding).map((c) => attr((c.CodeRef ?? {}) as XmlNode, 'targetGUID')).filter((g): g is string => g !== undefined),
          noteRefs: refs(s.NoteRef),
        };
      }),
      codes: list(n.Coding).map((c) => attr((c.CodeRef ?? {}) as XmlNode, 'targetGUID')).filter((g): g is string => g !== undefined),
      values: readValues(n.VariableValue),
      noteRefs: refs(n.NoteRef),
    };
  });
  const otherSources: RefiOtherSource[] = [];
  for (const kind of OTHER_KINDS) {
    for (const n of list(sourcesNode[kind])) {
      otherSources.push({ kind, guid: attr(n, 'guid') ?? '', name: attr(n, 'name') ?? attr(n, 'path') ?? kind, selections: list(n[SELECTION_OF[kind]]).length });
    }
  }
  const variables: RefiVariable[] = list(((root.Variables ?? {}) as XmlNode).Variable).map((n) => ({
    guid: attr(n, 'guid') ?? '',
    name: attr(n, 'name') ?? '',
    type: (attr(n, 'typeOfVariable') ?? 'Text') as VariableType,
    description: trimmed(n.Description),
  }));
  const cases: RefiCase[] = list(((root.Cases ?? {}) as XmlNode).Case).map((n) => ({
    guid: attr(n, 'guid') ?? '',
    name: attr(n, 'name') ?? '',
    description: trimmed(n.Description),
    values: readValues(n.VariableValue),
    sources: refs(n.SourceRef),
  }));
  const notes: RefiNote[] = list(((root.Notes ?? {}) as XmlNode).Note).map((n) => ({
    guid: attr(n, 'guid') ?? '',
    name: attr(n, 'name'),
    text: str(n.PlainTextContent) ?? (attr(n, 'plainTextPath') ? (readSource(attr(n, 'plainTextPath')!) ?? '') : ''),
  }));
  return {
    name: attr(root, 'name') ?? '',
    origin: attr(root, 'origin'),
    users: list(((root.Users ?? {}) as XmlNode).User).map((u) => ({ guid: attr(u, 'guid') ?? '', name: attr(u, 'name') })),
    codes: list(((root.CodeBook ?? {}) as XmlNode).Codes && (((root.CodeBook as XmlNode).Codes as XmlNode).Code)).map(readCode),
    variables,
    cases,
    sources,
    otherSources,
    notes,
    description: trimmed(root.Description),
  };
}

/** Reads a `.qdc` codebook (a project's CodeBook element is read the same way). */
export function parseCodebookXml(xml: string): { codes: RefiCode[]; origin?: string } {
  const doc = parseXml(xml, 'The codebook');
  const root = doc.CodeBook as XmlNode | undefined;
  if (!root || typeof root !== 'object') throw new RefiFormatError('The file has no <CodeBook> element, so it is not a REFI-QDA codebook (.qdc).');
  return { codes: list(((root.Codes ?? {}) as XmlNode).Code).map(readCode), origin: attr(root, 'origin') };
}
