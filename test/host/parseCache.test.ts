import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeFile } from '../../core';
import { ParseCache } from '../../host/parseCache';
import { ParsePool } from '../../host/parsePool';
import { PROJECT_ROOT } from '../support/tempProject';

const P1 = '---\r\ncase: P1\r\n---\r\n**P1:** [Hello 😀 there]{#greeting} and more. {#talk}\r\n';
const CODEBOOK = '# Talk {#talk}\n\n- #greeting: Saying hello.\n';

/** What a summary is as data (a member that is undefined and one that is absent are the same). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function cacheFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'marginalia-cache-')), 'cache.json');
}

test('parse cache: a saved summary is found again for the same text, role and path, and equals a fresh parse', () => {
  const file = cacheFile();
  const first = new ParseCache(file);
  assert.equal(first.get('transcripts/P1.md', 'transcript', P1), undefined);
  first.set('transcripts/P1.md', 'transcript', P1, summarizeFile('transcript', 'transcripts/P1.md', P1));
  first.set('codebook.md', 'codebook', CODEBOOK, summarizeFile('codebook', 'codebook.md', CODEBOOK));
  first.save();
  const second = new ParseCache(file);
  assert.deepEqual(second.get('transcripts/P1.md', 'transcript', P1), plain(summarizeFile('transcript', 'transcripts/P1.md', P1)));
  assert.deepEqual(second.get('codebook.md', 'codebook', CODEBOOK), plain(summarizeFile('codebook', 'codebook.md', CODEBOOK)));
  assert.deepEqual([second.hits, second.misses], [2, 0]);
});

test('parse cache: any change of text, role or path is a miss', () => {
  const file = cacheFile();
  const cache = new ParseCache(file);
  cache.set('transcripts/P1.md', 'transcript', P1, summarizeFile('transcript', 'transcripts/P1.md', P1));
  cache.save();
  const again = new ParseCache(file);
  assert.equal(again.get('transcripts/P1.md', 'transcript', `${P1} `), undefined);
  assert.equal(again.get('transcripts/P1.md', 'codebook', P1), undefined);
  assert.equal(again.get('transcripts/P2.md', 'transcript', P1), undefined);
  assert.deepEqual([again.hits, again.misses], [0, 3]);
});

test('parse cache: a truncated, corrupt or foreign cache file is ignored, never trusted, and rewritten', () => {
  const file = cacheFile();
  const good = new ParseCache(file);
  good.set('transcripts/P1.md', 'transcript', P1, summarizeFile('transcript', 'transcripts/P1.md', P1));
  good.save();
  const whole = readFileSync(file, 'utf8');
  for (const damaged of [whole.slice(0, whole.length / 2), 'not json', '{"format":"marginalia-parse-cache","parser":"0:old","entries":{}}', whole.replace('"segments":[', '"segments":7,"x":[')]) {
    writeFileSync(file, damaged);
    const cache = new ParseCache(file);
    assert.equal(cache.get('transcripts/P1.md', 'transcript', P1), undefined, damaged.slice(0, 40));
    cache.set('transcripts/P1.md', 'transcript', P1, summarizeFile('transcript', 'transcripts/P1.md', P1));
    cache.save();
    assert.ok(new ParseCache(file).get('transcripts/P1.md', 'transcript', P1), 'rewritten whole');
  }
});

test('parse cache: without a file (--no-cache) nothing is remembered', () => {
  const cache = new ParseCache(undefined);
  cache.set('transcripts/P1.md', 'transcript', P1, summarizeFile('transcript', 'transcripts/P1.md', P1));
  cache.save();
  assert.equal(cache.get('transcripts/P1.md', 'transcript', P1), undefined);
});

test('parse pool: summaries made on worker threads equal those made in-process, in the jobs order', async () => {
  const jobs = Array.from({ length: 40 }, (_, i) => ({
    path: `transcripts/P${i}.md`,
    role: 'transcript' as const,
    text: `**P${i}:** ${'word '.repeat(i * 50)}[coded 😀 ${i}]{#c${i % 3}}\r\n\r\n[x]{#a, #b} ]{#z}`,
  }));
  jobs.push({ path: 'codebook.md', role: 'codebook' as never, text: CODEBOOK });
  const pool = new ParsePool(join(PROJECT_ROOT, 'dist'), 2, 0);
  assert.ok(pool.parallel(1), 'the worker script is beside the bundles (dist/parseWorker.js)');
  try {
    const got = await pool.summarize(jobs);
    assert.deepEqual(got, jobs.map((j) => summarizeFile(j.role, j.path, j.text)));
  } finally {
    await pool.close();
  }
});
