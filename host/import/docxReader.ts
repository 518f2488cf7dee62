// Word (.docx) → paragraphs of runs, read with mammoth. mammoth takes tracked
// insertions as accepted and leaves tracked deletions out, as accepting all
// changes would; comments are dropped and counted so the import can say so.

import mammoth from 'mammoth';
import type { WordParagraph } from '../../core/import/wordDocument';
import type { TextRun } from '../../core/import/transcriptModel';
import { ImportError } from './decodeText';

interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  body?: DocNode[];
}

export interface WordDocument {
  paragraphs: WordParagraph[];
  comments: number;
  footnotes: number;
}

export async function readDocx(bytes: Uint8Array, name: string): Promise<WordDocument> {
  let doc: (DocNode & { comments?: unknown[]; notes?: { _notes?: Record<string, DocNode> } }) | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (d: unknown) => {
          doc = d as typeof doc;
          return d;
        },
      },
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/central directory|zip|corrupt|signature/i.test(why)) throw new ImportError(`${name} could not be read as a Word document: the file is damaged or is not a .docx file.`);
    throw new ImportError(`${name} could not be read as a Word document (${why.split('\n')[0]}).`);
  }
  if (!doc) throw new ImportError(`${name} could not be read as a Word document.`);
  const paragraphs: WordParagraph[] = [];
  const notes = Object.values(doc.notes?._notes ?? {});
  const walk = (nodes: DocNode[]): void => {
    for (const n of nodes) {
      if (n.type === 'paragraph') paragraphs.push(paragraph(n));
      else if (n.children) walk(n.children); // tables, rows, cells
    }
  };
  walk(doc.children ?? []);
  // Footnotes and endnotes are words of the document too: they follow the text.
  for (const note of notes) walk(note.body ?? []);
  return { paragraphs, comments: doc.comments?.length ?? 0, footnotes: notes.length };
}

function paragraph(p: DocNode): WordParagraph {
  const runs: TextRun[] = [];
  const collect = (nodes: DocNode[], bold: boolean, italic: boolean): void => {
    for (const n of nodes) {
      if (n.type === 'text') runs.push({ text: n.value ?? '', bold, italic });
      else if (n.type === 'tab') runs.push({ text: '\t', bold, italic });
      else if (n.type === 'break') runs.push({ text: '\n', bold, italic });
      else if (n.type === 'run') collect(n.children ?? [], !!n.isBold, !!n.isItalic);
      else if (n.children) collect(n.children, bold, italic); // hyperlinks, fields
    }
  };
  collect(p.children ?? [], false, false);
  const style = `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  const heading = /\bheading\s*([1-6])\b/i.exec(style);
  if (heading) return { kind: 'heading', level: Number(heading[1]), runs };
  if (/\btitle\b/i.test(style)) return { kind: 'heading', level: 1, runs };
  if (p.numbering) return { kind: 'item', level: Number(p.numbering.level ?? 0) || 0, runs };
  return { kind: 'paragraph', runs };
}
