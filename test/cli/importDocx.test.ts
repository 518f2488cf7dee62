// Word documents written by a real Office Open XML writer (the `docx` package),
// imported with `marginalia import`: bold speaker labels, headings, emphasis,
// curly quotes, emoji, transcript notation, text that looks like markdown,
// tracked changes and a comment.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import { parseTranscript } from '../../core';
import { runCli } from '../support/cli';

const change = { id: 1, author: 'Typist', date: '2026-11-01T10:00:00Z' };

async function interviewDocx(): Promise<Buffer> {
  const doc = new Document({
    comments: { children: [{ id: 0, author: 'Supervisor', date: new Date('2026-11-02T10:00:00Z'), children: [new Paragraph('Check this with P9.')] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Interview with P09 #1', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'Interviewer:', bold: true }), new TextRun(' What does “social prescribing” mean to you?')] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'P9:', bold: true }),
              new TextRun(' It feels like '),
              new TextRun({ text: 'when I put them together', italics: true }),
              new TextRun(', which is one? [laughs] 😀 {#notacode} – it’s *odd*_'),
            ],
          }),
          new Paragraph('1. This starts like a list.'),
          new Paragraph('# This starts like a heading.'),
          new Paragraph({
            children: [
              new TextRun({ text: 'P9:', bold: true }),
              new TextRun(' We have '),
              new InsertedTextRun({ text: 'really ', ...change }),
              new DeletedTextRun({ text: 'never ', ...change, id: 2 }),
              new CommentRangeStart(0),
              new TextRun('done that for years.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Paragraph({ text: 'Themes we talked about', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Role blur > identity', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test('a Word interview: turns, headings, emphasis, tracked changes accepted, the comment dropped with a note', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-docx-'));
  writeFileSync(join(dir, 'P09.docx'), await interviewDocx());
  const r = runCli(['import', 'P09.docx'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'transcripts/P09.md (1 comment dropped)\n');
  const md = readFileSync(join(dir, 'transcripts/P09.md'), 'utf8');
  assert.equal(
    md,
    `---
case: P09
source: P09.docx
---

# Interview with P09 #1

**Interviewer:** What does “social prescribing” mean to you?

**P9:** It feels like *when I put them together*, which is one? [laughs] 😀 \\{#notacode} – it’s \\*odd\\*\\_

1\\. This starts like a list.

\\# This starts like a heading.

**P9:** We have really done that for years.

## Themes we talked about

- Role blur > identity
`,
  );
  const parsed = parseTranscript(md, 'transcripts/P09.md');
  assert.deepEqual(parsed.segments, []);
  assert.deepEqual(parsed.diagnostics, []);
  assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Interviewer', 'P9', 'P9']);
  writeFileSync(join(dir, 'codebook.md'), '# Codes {#codes}\n\n- #placeholder: so the codebook is not empty\n');
  const check = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
  assert.deepEqual(check.filter((d) => d.file.startsWith('transcripts/')), []);
});

test('a Word file with plain (not bold) labels used throughout is read as turns too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-docx-'));
  const doc = new Document({
    sections: [{ children: ['R: How long have you worked here?', 'P: Six years.', 'R: And before?', 'Note: the recorder stopped here.'].map((t) => new Paragraph(t)) }],
  });
  writeFileSync(join(dir, 'P10.docx'), await Packer.toBuffer(doc));
  assert.equal(runCli(['import', 'P10.docx'], dir).code, 0);
  assert.equal(
    readFileSync(join(dir, 'transcripts/P10.md'), 'utf8'),
    '---\ncase: P10\nsource: P10.docx\n---\n\n**R:** How long have you worked here?\n\n**P:** Six years.\n\n**R:** And before?\n\nNote: the recorder stopped here.\n',
  );
});
