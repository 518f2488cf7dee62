import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parseCodebook } from '../../core/codebook/parseCodebook';
import { plainTranscript } from '../../core/transcript/plainText';
import { importRefi } from '../../host/refi/importRefi';
import type { ImportOutput } from '../../host/import/importFiles';
import { runCli } from '../support/cli';
import { ATLAS_CODEBOOK, atlasProject, maxqdaProject, nvivoProject, qualcoderProject } from '../support/refiFixtures';

async function importOf(name: string, bytes: Uint8Array): Promise<ImportOutput> {
  return importRefi({ path: `/tmp/${name}`, name, bytes, into: '/tmp/project' });
}

function files(output: ImportOutput): Map<string, string> {
  return new Map(output.files.map((f) => [f.path, f.text]));
}

/** code label (or id) → the plain words of each of its extracts, over every transcript. */
function extracts(project: Map<string, string>): Record<string, string[]> {
  const labels = new Map(parseCodebook(project.get('codebook.md') ?? '').nodes.map((n) => [n.id, n.label || n.id]));
  const out: Record<string, string[]> = {};
  for (const [path, text] of project) {
    if (!path.startsWith('transcripts/')) continue;
    const plain = plainTranscript(text, path, { removeFrontMatter: true, unescape: true });
    for (const s of plain.segments) for (const c of s.codes) (out[labels.get(c) ?? c] ??= []).push(plain.text.slice(s.start, s.end));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** `marginalia check` on the imported project: no errors (exit 0). */
function checkPasses(project: Map<string, string>): void {
  const root = mkdtempSync(join(tmpdir(), 'refi-import-'));
  for (const [path, text] of project) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const r = runCli(['check', root, '--format', 'json']);
  const errors = (JSON.parse(r.stdout) as Array<{ severity: string; message: string }>).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, []);
  assert.equal(r.code, 0);
}

test('MAXQDA: codes with descriptions and colours, same name under two parents, names that slug alike, crossing and multi-paragraph selections', async () => {
  const out = await importOf('peer.qdpx', maxqdaProject());
  const project = files(out);
  assert.deepEqual([...project.keys()], ['codebook.md', 'transcripts/Interview 01.md']);
  assert.equal(project.get('codebook.md'), [
    '- #03-accès-aux-soins: 03 Accès aux soins',
    '  Access to care.',
    '- #cat-peer-mentoring-informal-2: CAT: Peer Mentoring, informal',
    '',
    '# CAT - Peer Mentoring (informal) {#cat-peer-mentoring-informal}',
    '',
    'Informal mentoring between peers & friends.',
    '',
    '- #support: Support',
    '',
    '# Family {#family}',
    '',
    '- #family/support: Support',
    '',
  ].join('\n'));
  assert.deepEqual(out.notes, ['6 codes, 1 transcript, 0 cases, 6 coded extracts', '1 crossing extract split where they cross', '1 extract over several paragraphs coded paragraph by paragraph']);
  assert.deepEqual(extracts(project), {
    'CAT - Peer Mentoring (informal)': ['my *peer mentor* was everything 😀 to me'],
    Support: ['. # not a heading\n1. not a list', 'peer mentor* was everything 😀 to me'],
    '03 Accès aux soins': ['accès aux soins'],
    'CAT: Peer Mentoring, informal': ['Honestly [laughs] my *peer mentor* was everything 😀 to me. # not a heading\n1. not a list either, and {#not-a-code} stays text.', 'R1: Then the clinic'],
  });
  const transcript = project.get('transcripts/Interview 01.md')!;
  assert.match(transcript, /^---\nAge: 34\nSite: Lyon\n---\nInterviewer: How did you find support\?\n/);
  checkPasses(project);
});

test('NVivo: GUIDs in braces, cases with typed variables, a memo, CRLF text, a picture listed as not imported', async () => {
  const out = await importOf('service.qdpx', nvivoProject());
  const project = files(out);
  assert.deepEqual(out.notes, ['3 codes, 1 transcript, 1 case, 3 coded extracts', 'not imported: 1 picture source (Whiteboard photo) with 1 coded region']);
  assert.deepEqual(extracts(project), {
    Adaptation: ['We 𝒜dapted – the team met weekly.\r\nIt helped.'],
    Team: ['the team met weekly'],
    Funding: ['Funding was the worry.'],
  });
  assert.equal(project.get('codebook.md'), [
    '- #funding: Funding',
    '',
    '# Adaptation {#adaptation}',
    '',
    'How services adapted.',
    '',
    'Adaptation came up in every interview.',
    '',
    'Check against the rota.',
    '',
    '- #team: Team',
    '',
  ].join('\n'));
  assert.match(project.get('transcripts/Participant 7.md')!, /^---\ncase: Participant 7\nGender: Female\nManager: true\nInterviewed: 2021-11-30\n---\nQ: What changed\?\r\n/);
  checkPasses(project);
});

test('ATLAS.ti: a codebook-only .qdc, and a project whose positions count a CRLF as one character', async () => {
  const codebook = await importOf('atlas.qdc', strToU8(ATLAS_CODEBOOK));
  assert.deepEqual(files(codebook), new Map([['codebook.md', [
    '- #facilitators: Facilitators',
    '',
    '# Barriers {#barriers}',
    '',
    'Anything that stands in the way.',
    '',
    '- #barriers-cost: Barriers: cost',
    '- #barriers-time: Barriers: time',
    '',
  ].join('\n')]]));
  assert.deepEqual(codebook.notes, ['4 codes']);
  const project = files(await importOf('barriers.qdpx', atlasProject()));
  assert.deepEqual(extracts(project), { 'Barriers: cost': ['It costs too much.'], 'Barriers: time': ['there is no time'] });
  checkPasses(project);
});

test('QualCoder: Sources/ folder, selections named by their quote, one selection per coding, inline text', async () => {
  const out = await importOf('group.qdpx', qualcoderProject());
  const project = files(out);
  assert.deepEqual([...project.keys()], ['codebook.md', 'transcripts/member3.md', 'transcripts/field note.md']);
  assert.deepEqual(extracts(project), { Isolation: ['I felt alone', 'I felt alone until the group.'], Group: ['I felt alone until the group.'] });
  assert.equal(project.get('transcripts/field note.md'), 'A short inline note about the room.');
  assert.deepEqual(out.notes, ['3 codes, 2 transcripts, 1 case, 2 coded extracts']);
  checkPasses(project);
});

test('bad input: one sentence naming the file, nothing to write', async () => {
  const bad = async (name: string, bytes: Uint8Array): Promise<string> => {
    try {
      await importOf(name, bytes);
      return 'imported';
    } catch (e) {
      return (e as Error).message;
    }
  };
  assert.equal(await bad('broken.qdpx', strToU8('PK not a zip')), 'broken.qdpx cannot be imported: it is not a readable zip archive, so not a REFI-QDA project (invalid zip data).');
  assert.equal(await bad('empty.qdpx', zipSync({ 'readme.txt': strToU8('hi') })), 'empty.qdpx cannot be imported: it has no project.qde inside, so it is not a REFI-QDA project.');
  const qde = (body: string): Uint8Array => zipSync({ 'project.qde': strToU8(`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="A" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="00000000-0000-0000-0000-000000000002" name="T"><PlainTextContent>four</PlainTextContent>${body}</TextSource></Sources></Project>`) });
  assert.equal(
    await bad('outside.qdpx', qde('<PlainTextSelection guid="00000000-0000-0000-0000-000000000003" startPosition="2" endPosition="9"><Coding guid="00000000-0000-0000-0000-000000000004"><CodeRef targetGUID="00000000-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>')),
    'outside.qdpx: a coded extract in the source "T" lies outside its text (positions 2–9, the text has 4 characters); nothing was imported.',
  );
  assert.equal(
    await bad('unknown.qdpx', qde('<PlainTextSelection guid="00000000-0000-0000-0000-000000000003" startPosition="0" endPosition="4"><Coding guid="00000000-0000-0000-0000-000000000004"><CodeRef targetGUID="00000000-0000-0000-0000-000000000009"/></Coding></PlainTextSelection>')),
    'unknown.qdpx: a coded extract in the source "T" refers to a code that is not in the codebook (00000000-0000-0000-0000-000000000009); nothing was imported.',
  );
  assert.equal(await bad('half.qdpx', zipSync({ 'project.qde': strToU8('<Project name="p"><CodeBook>') })), 'half.qdpx cannot be imported: project.qde is not well-formed XML (the error is on line 1).');
  const missing = zipSync({ 'project.qde': strToU8('<Project name="p"><Sources><TextSource guid="00000000-0000-0000-0000-000000000002" name="T" plainTextPath="internal://gone.txt"/></Sources></Project>') });
  assert.equal(await bad('missing.qdpx', missing), 'missing.qdpx cannot be imported: the text of the source "T" (internal://gone.txt) is missing from the project file.');
});

test('marginalia import study.qdpx --into folder: one line per file, the summary after the last, and nothing written on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refi-cli-'));
  writeFileSync(join(dir, 'service.qdpx'), nvivoProject());
  writeFileSync(join(dir, 'broken.qdpx'), 'not a zip');
  const r = runCli(['import', 'service.qdpx', '--into', 'study'], dir);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'study/codebook.md\nstudy/transcripts/Participant 7.md (3 codes, 1 transcript, 1 case, 3 coded extracts; not imported: 1 picture source (Whiteboard photo) with 1 coded region)\n');
  assert.equal(r.code, 0);
  const broken = runCli(['import', 'broken.qdpx', '--into', 'other'], dir);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^marginalia: broken\.qdpx cannot be imported: it is not a readable zip archive/);
  assert.deepEqual(readdirSync(dir).sort(), ['broken.qdpx', 'service.qdpx', 'study']);
  // Without --into: a project in a folder named after the file; a codebook in the current folder.
  writeFileSync(join(dir, 'atlas.qdc'), ATLAS_CODEBOOK);
  assert.equal(runCli(['import', 'service.qdpx'], dir).stdout.split('\n')[0], 'service/codebook.md');
  assert.equal(runCli(['import', 'atlas.qdc'], dir).stdout, 'codebook.md (4 codes)\n');
});
