// One loader, any reader: config, then codebook, then transcripts; files
// classified once; unreadable files reported the same way from disk and git.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFrom, overlayReader, textsReader, MAX_FILE_BYTES, type ProjectReader, type ReadResult } from '../../host/loader';
import { diskReader } from '../../host/projectFiles';
import { gitProject, gitReader } from '../../host/git';
import { writeProject } from '../support/tempProject';

const FILES = new Map([
  ['transcripts/P1.md', '[one]{#a}\n'],
  ['README.md', 'About [this]{#readme}'],
  ['book.md', '- #a: A\n'],
  ['marginalia.yml', 'codebook: book.md\n'],
]);

test('the config decides the codebook, which goes in before the transcripts, whatever order the reader lists them in', () => {
  const reads: string[][] = [];
  const base = textsReader(FILES);
  const reader: ProjectReader = { list: () => base.list(), read: (paths) => (reads.push(paths), base.read(paths)) };
  const { index, skipped } = loadFrom(reader);
  assert.deepEqual(reads, [['marginalia.yml'], ['book.md', 'transcripts/P1.md']]);
  assert.deepEqual(index.transcriptPaths(), ['transcripts/P1.md']);
  assert.deepEqual(index.diagnostics('transcripts/P1.md'), []);
  assert.deepEqual(skipped, []);
});

test('unreadable files are reported with the reason, also one listed but gone (a dangling link)', () => {
  const reader: ProjectReader = {
    list: () => ['codebook.md', 'P1.md', 'P2.md'],
    read: (paths) => new Map(paths.map((p): [string, ReadResult] => [p, p === 'P1.md' ? { skipped: 'it is a binary file, not text' } : p === 'P2.md' ? { skipped: 'gone', missing: true } : { text: '- #a\n' }])),
  };
  assert.deepEqual(loadFrom(reader).skipped, [{ path: 'P1.md', reason: 'it is a binary file, not text' }, { path: 'P2.md', reason: 'gone' }]);
});

test('unsaved editor text wins over the disk, under the same size limit', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}\n');
  const big = 'x'.repeat(MAX_FILE_BYTES + 1);
  const { index, skipped } = loadFrom(overlayReader(diskReader(root), new Map([['P1.md', '[x]{#b}\n'], ['P2.md', big]])));
  assert.deepEqual(index.transcriptPaths(), ['P1.md']);
  assert.deepEqual(index.diagnostics('P1.md').map((d) => d.code), ['unknown-code']);
  assert.deepEqual(skipped, [{ path: 'P2.md', reason: 'it is larger than 20 MB' }]);
});

test('a git ref is read like the disk: a file that is not UTF-8 or is binary is skipped with the same sentence', () => {
  const root = writeProject('//- /codebook.md\n- #a\n//- /P1.md\n[x]{#a}\n');
  writeFileSync(join(root, 'P2.md'), Buffer.from([0x5b, 0x78, 0x5d, 0xff, 0xfe, 0x0a]));
  writeFileSync(join(root, 'P3.md'), Buffer.from([0x61, 0x00, 0x62]));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.email=c@example.org', '-c', 'user.name=C', 'commit', '-q', '-m', 'all');
  const fromGit = loadFrom(gitReader(gitProject(root), 'HEAD'));
  const fromDisk = loadFrom(diskReader(root));
  assert.deepEqual(fromGit.skipped, [
    { path: 'P2.md', reason: 'it is not UTF-8 text (save it as UTF-8 to code it)' },
    { path: 'P3.md', reason: 'it is a binary file, not text' },
  ]);
  assert.deepEqual(fromGit.skipped, fromDisk.skipped);
  assert.equal(fromGit.index.snapshot(), fromDisk.index.snapshot());
});
