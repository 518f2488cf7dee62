import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { schemaErrors, zipEntries } from '../support/refi';
import { PROJECT_ROOT } from '../support/tempProject';

const SAMPLES = join(PROJECT_ROOT, 'samples');

test('export -o study.qdpx: a summary line and a project that validates', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'refi-')), 'study.qdpx');
  const r = runCli(['export', SAMPLES, '-o', out]);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, `Wrote ${out}: 14 transcripts, 14 cases, 41 codes and 38 coded extracts.\n`);
  assert.equal(r.code, 0);
  assert.deepEqual(schemaErrors(zipEntries(readFileSync(out)).get('project.qde')!, 'project'), []);
  // Exporting the same project twice gives the same file, GUIDs included.
  const again = join(mkdtempSync(join(tmpdir(), 'refi-')), 'study.qdpx');
  runCli(['export', SAMPLES, '-o', again]);
  assert.deepEqual(readFileSync(again), readFileSync(out));
});

test('export -o codebook.qdc: the codebook alone', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'refi-')), 'codebook.qdc');
  const r = runCli(['export', SAMPLES, '-o', out]);
  assert.equal(r.stdout, `Wrote ${out}: the codebook (41 codes).\n`);
  assert.deepEqual(schemaErrors(readFileSync(out, 'utf8'), 'codebook'), []);
});

test('export: a wrong extension or a missing -o is one sentence, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refi-'));
  const r = runCli(['export', SAMPLES, '-o', join(dir, 'study.zip')]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'marginalia: "study.zip" should end in .qdpx (a whole project) or .qdc (the codebook alone).\n');
  assert.equal(existsSync(join(dir, 'study.zip')), false);
  const none = runCli(['export', SAMPLES]);
  assert.equal(none.code, 2);
  assert.equal(none.stderr, 'marginalia: Say where to write the export: marginalia export [folder] -o study.qdpx (or codebook.qdc).\n');
});
