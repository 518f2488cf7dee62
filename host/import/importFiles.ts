// `marginalia import` and the VS Code command: read each input, turn it into
// markdown through the core, and write it without ever overwriting a file unless
// asked. Which reader handles a file is decided by its extension through one
// table, so other formats (REFI-QDA `.qdpx`/`.qdc`) plug in with
// `registerImporter` and get the same checks, writing and messages.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve, relative, sep } from 'node:path';
import { defaultCaseId } from '../../core/transcript/parseTranscript';
import { transcriptMarkdown, type ImportBlock } from '../../core/import/transcriptModel';
import { captionBlocks } from '../../core/import/captions';
import { plainTextBlocks } from '../../core/import/plainText';
import { wordBlocks } from '../../core/import/wordDocument';
import { plural } from '../../core/wording';
import { readCaptions } from './captionReader';
import { decodeText, ImportError } from './decodeText';
import { readDocx } from './docxReader';
import { importRefi } from '../refi/importRefi';

export { ImportError } from './decodeText';

/** One input, read. */
export interface ImportInput {
  /** Absolute path of the input file. */
  path: string;
  /** Its file name, for messages and the `source:` attribute. */
  name: string;
  bytes: Uint8Array;
  /** The folder files are written into (absolute). */
  into: string;
}

/** What an importer makes of one input: files to write, relative to `into`. */
export interface ImportOutput {
  files: Array<{ path: string; text: string }>;
  /** Said after the file names, e.g. "2 comments dropped". */
  notes?: string[];
}

/** Reads one input; throws ImportError with one sentence naming the file when it cannot. */
export type Importer = (input: ImportInput) => Promise<ImportOutput>;

export interface ImportOptions {
  /** Folder to write into (default `transcripts`, relative to the current folder). */
  into?: string;
  /** Overwrite existing files. */
  force?: boolean;
}

export interface ImportResult {
  input: string;
  /** Absolute paths written. */
  written: string[];
  notes: string[];
  /** Why nothing was written for this input. */
  error?: string;
  /** The files that already exist when that is why (absolute paths): ask, then import again with `force`. */
  existing?: string[];
}

/** A transcript named after its input: `P09.docx` → `P09.md`, case `P09`. */
function transcriptFile(input: ImportInput, blocks: ImportBlock[], duration?: number): ImportOutput['files'][number] {
  const caseId = defaultCaseId(input.name);
  return { path: `${caseId}.md`, text: transcriptMarkdown({ caseId, source: input.name, duration, blocks }) };
}

const captions = (format: 'vtt' | 'srt'): Importer => async (input) => {
  const cues = readCaptions(decodeText(input.bytes, input.name), input.name, format);
  const { blocks, duration } = captionBlocks(cues);
  if (blocks.length === 0) throw new ImportError(`${input.name} has captions but no words in them.`);
  return { files: [transcriptFile(input, blocks, duration)] };
};

const plainText: Importer = async (input) => ({ files: [transcriptFile(input, plainTextBlocks(decodeText(input.bytes, input.name)))] });

const word: Importer = async (input) => {
  const doc = await readDocx(input.bytes, input.name);
  const notes: string[] = [];
  if (doc.comments > 0) notes.push(`${plural(doc.comments, 'comment')} dropped`);
  if (doc.footnotes > 0) notes.push(`${plural(doc.footnotes, 'footnote')} put at the end`);
  return { files: [transcriptFile(input, wordBlocks(doc.paragraphs))], notes };
};

/** Extension (lower case, with the dot) → importer. */
const IMPORTERS = new Map<string, Importer>([
  ['.docx', word],
  ['.vtt', captions('vtt')],
  ['.srt', captions('srt')],
  ['.txt', plainText],
  ['.qdpx', importRefi],
  ['.qdc', importRefi],
]);

/** Adds (or replaces) the importer for an extension such as `.qdpx`. */
export function registerImporter(extension: string, importer: Importer): void {
  IMPORTERS.set(extension.toLowerCase(), importer);
}

/** The extensions that can be imported, e.g. for a file picker. */
export function importableExtensions(): string[] {
  return [...IMPORTERS.keys()];
}

/** Imports each file; a file that fails does not stop the others. */
export async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult[]> {
  const into = resolve(options.into ?? 'transcripts');
  const results: ImportResult[] = [];
  for (const path of paths) results.push(await importOne(resolve(path), path, into, options));
  return results;
}

async function importOne(path: string, shown: string, into: string, options: ImportOptions): Promise<ImportResult> {
  const result: ImportResult = { input: shown, written: [], notes: [] };
  const name = basename(path);
  try {
    const importer = IMPORTERS.get(extname(name).toLowerCase());
    if (!importer) {
      throw new ImportError(`${name} cannot be imported: use a Word document (.docx), captions (.vtt, .srt) or plain text (.txt)${IMPORTERS.has('.qdpx') ? ', or a REFI-QDA project (.qdpx, .qdc)' : ''}.`);
    }
    let bytes: Uint8Array;
    try {
      if (!statSync(path).isFile()) throw new ImportError(`${name} is a folder, not a file.`);
      bytes = readFileSync(path);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new ImportError(code === 'ENOENT' ? `There is no file ${shown}.` : `${name} cannot be read (${code ?? String(e)}).`);
    }
    const output = await importer({ path, name, bytes, into });
    const targets = output.files.map((f) => ({ abs: resolve(into, f.path), text: f.text }));
    for (const t of targets) {
      const rel = relative(into, t.abs);
      if (rel.startsWith('..') || rel === '') throw new ImportError(`${name} would write outside ${into}; nothing was written.`);
    }
    const existing = options.force ? [] : targets.filter((t) => existsSync(t.abs)).map((t) => t.abs);
    if (existing.length > 0) {
      result.existing = existing;
      throw new ImportError(`${shownPath(existing[0])} already exists: nothing was imported from ${name} (use --force to overwrite it).`);
    }
    for (const t of targets) {
      mkdirSync(dirname(t.abs), { recursive: true });
      writeFileSync(t.abs, t.text);
      result.written.push(t.abs);
    }
    result.notes = output.notes ?? [];
  } catch (e) {
    result.error = e instanceof ImportError ? e.message : `${name} could not be imported (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`;
  }
  return result;
}

/** A path relative to the current folder when it is inside it. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') || rel === '' ? abs : rel.split(sep).join('/');
}

/** For messages: `transcripts/P09.md`. */
export function displayPath(abs: string): string {
  return shownPath(abs);
}
