// `marginalia import` as an analyst runs it: real shapes of Zoom, Teams,
// YouTube, SRT, Otter and typed transcripts; every word kept in order, turns and
// times right, and `marginalia check` finding no coding and no problem in them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTranscript } from '../../core';
import { runCli } from '../support/cli';
import * as F from '../import/fixtures';

function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-import-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Imports, then checks the new transcripts: no segments, no diagnostics from the CLI. */
function importAndCheck(dir: string, files: string[], expected: Record<string, string>): void {
  const r = runCli(['import', ...files], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, Object.keys(expected).map((f) => `transcripts/${f}\n`).join(''));
  for (const [file, md] of Object.entries(expected)) {
    const text = readFileSync(join(dir, 'transcripts', file), 'utf8');
    assert.equal(text, md, file);
    const parsed = parseTranscript(text, `transcripts/${file}`);
    assert.deepEqual(parsed.segments, []);
    assert.deepEqual(parsed.diagnostics, []);
  }
  writeFileSync(join(dir, 'codebook.md'), '# Codes {#codes}\n\n- #placeholder: so the codebook is not empty\n');
  const check = runCli(['check', '.', '--format', 'json'], dir);
  const problems = (JSON.parse(check.stdout) as Array<{ file: string }>).filter((d) => d.file.startsWith('transcripts/'));
  assert.deepEqual(problems, []);
  const stats = JSON.parse(runCli(['stats', '.', '--json'], dir).stdout) as { segments: unknown[]; cases: unknown[] };
  assert.equal(stats.segments.length, 0);
  assert.equal(stats.cases.length, Object.keys(expected).length);
}

test('Zoom captions: speaker labels, one turn per speaker, start times, duration', () => {
  importAndCheck(folderWith({ 'zoom.vtt': F.ZOOM_VTT }), ['zoom.vtt'], { 'zoom.md': F.ZOOM_MD });
});

test('Teams captions: voice tags, GUID cue ids, entities decoded', () => {
  importAndCheck(folderWith({ 'teams.vtt': F.TEAMS_VTT }), ['teams.vtt'], { 'teams.md': F.TEAMS_MD });
});

test('YouTube auto-captions: rolling lines and word timestamps give each word once', () => {
  importAndCheck(folderWith({ 'youtube.vtt': F.YOUTUBE_VTT }), ['youtube.vtt'], { 'youtube.md': F.YOUTUBE_MD });
});

test('SRT: NAME: labels, comma milliseconds, a cue without a label continues the turn', () => {
  importAndCheck(folderWith({ 'interview.srt': F.SRT }), ['interview.srt'], { 'interview.md': F.SRT_MD });
});

test('Otter text export: speaker lines with times, then the paragraph', () => {
  importAndCheck(folderWith({ 'otter.txt': F.OTTER_TXT }), ['otter.txt'], { 'otter.md': F.OTTER_MD });
});

test('plain text with Interviewer: and P2: lines (CRLF)', () => {
  importAndCheck(folderWith({ 'P2.txt': F.PLAIN_TXT }), ['P2.txt'], { 'P2.md': F.PLAIN_MD });
});

test('several files at once, into another folder', () => {
  const dir = folderWith({ 'zoom.vtt': F.ZOOM_VTT, 'otter.txt': F.OTTER_TXT });
  const r = runCli(['import', 'zoom.vtt', 'otter.txt', '--into', 'interviews'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, 'interviews/zoom.md\ninterviews/otter.md\n');
  assert.equal(readFileSync(join(dir, 'interviews/zoom.md'), 'utf8'), F.ZOOM_MD);
});

test('Latin-1 text is decoded; undecodable text is refused; the other files are still imported', () => {
  const latin1 = Uint8Array.from([...Buffer.from('Interviewer: Caf'), 0xe9, ...Buffer.from(' cr'), 0xe8, ...Buffer.from('me, '), 0xab, ...Buffer.from('oui'), 0xbb, 0x0a]);
  const garbage = Uint8Array.from([0x49, 0x3a, 0x20, 0x81, 0x8d, 0xc3, 0x28, 0x90, 0xff, 0x9d, 0x0a]);
  const dir = folderWith({ 'latin.txt': latin1, 'bad.txt': garbage, 'zoom.vtt': F.ZOOM_VTT });
  const r = runCli(['import', 'latin.txt', 'bad.txt', 'zoom.vtt'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, 'transcripts/latin.md\ntranscripts/zoom.md\n');
  assert.equal(r.stderr, 'marginalia: bad.txt is not UTF-8 text and not clearly Latin-1 or Windows-1252 either: save it as UTF-8 and import it again.\n');
  assert.equal(readFileSync(join(dir, 'transcripts/latin.md'), 'utf8'), '---\ncase: latin\nsource: latin.txt\n---\n\n**Interviewer:** Café crème, «oui»\n');
  assert.ok(!existsSync(join(dir, 'transcripts/bad.md')));
});

test('Windows-1252 quotes and euro, and UTF-16 with a byte-order mark, are decoded', () => {
  const cp1252 = Uint8Array.from([...Buffer.from('P1: It cost '), 0x80, ...Buffer.from('5, '), 0x93, ...Buffer.from('free'), 0x94, ...Buffer.from(' they said.\r\n')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('P1: Grüße 😀\n', 'utf16le')]);
  const dir = folderWith({ 'win.txt': cp1252, 'notepad.txt': utf16 });
  const r = runCli(['import', 'win.txt', 'notepad.txt'], dir);
  assert.equal(r.stderr, '');
  assert.equal(readFileSync(join(dir, 'transcripts/win.md'), 'utf8'), '---\ncase: win\nsource: win.txt\n---\n\n**P1:** It cost €5, “free” they said.\n');
  assert.equal(readFileSync(join(dir, 'transcripts/notepad.md'), 'utf8'), '---\ncase: notepad\nsource: notepad.txt\n---\n\n**P1:** Grüße 😀\n');
});

test('empty and header-less captions, a damaged Word file and an unknown format: one sentence each, exit 1', () => {
  const dir = folderWith({
    'empty.vtt': '',
    'headerless.vtt': '00:00:01.000 --> 00:00:02.000\nHello\n',
    'nocues.vtt': 'WEBVTT\n\nNOTE nothing here\n',
    'nocues.srt': '\n\n',
    'broken.docx': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
    'notes.pdf': '%PDF-1.4',
  });
  const r = runCli(['import', 'empty.vtt', 'headerless.vtt', 'nocues.vtt', 'nocues.srt', 'broken.docx', 'notes.pdf', 'missing.txt'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    [
      'empty.vtt is not a WebVTT file: its first line should be "WEBVTT".',
      'headerless.vtt is not a WebVTT file: its first line should be "WEBVTT".',
      'nocues.vtt has no captions to import (no cues with times such as "00:00:01.000 --> 00:00:04.000").',
      'nocues.srt has no captions: an SRT file holds numbered cues with times such as "00:00:01,000 --> 00:00:04,000".',
      'broken.docx could not be read as a Word document: the file is damaged or is not a .docx file.',
      'notes.pdf cannot be imported: use a Word document (.docx), captions (.vtt, .srt) or plain text (.txt), or a REFI-QDA project (.qdpx, .qdc).',
      'There is no file missing.txt.',
    ].map((l) => `marginalia: ${l}\n`).join(''),
  );
  assert.ok(!existsSync(join(dir, 'transcripts')));
});

test('an existing transcript is never overwritten without --force', () => {
  const dir = folderWith({ 'zoom.vtt': F.ZOOM_VTT });
  assert.equal(runCli(['import', 'zoom.vtt'], dir).code, 0);
  writeFileSync(join(dir, 'transcripts/zoom.md'), 'my coding');
  const again = runCli(['import', 'zoom.vtt'], dir);
  assert.equal(again.code, 1);
  assert.equal(again.stderr, 'marginalia: transcripts/zoom.md already exists: nothing was imported from zoom.vtt (use --force to overwrite it).\n');
  assert.equal(readFileSync(join(dir, 'transcripts/zoom.md'), 'utf8'), 'my coding');
  const forced = runCli(['import', 'zoom.vtt', '--force'], dir);
  assert.equal(forced.code, 0);
  assert.equal(readFileSync(join(dir, 'transcripts/zoom.md'), 'utf8'), F.ZOOM_MD);
});

test('import without files is a usage error', () => {
  const r = runCli(['import'], tmpdir());
  assert.equal(r.code, 2);
  assert.match(r.stderr, /give the files to import/);
});
