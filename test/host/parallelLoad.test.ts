// The cold index on every core and the parse cache, through the paths users
// take: the CLI twice over one project, the language server restarted on it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectIndex } from '../../core';
import { loadFromAsync, textsReader } from '../../host/loader';
import { ParsePool } from '../../host/parsePool';
import { runCli } from '../support/cli';
import { LspClient } from '../support/lspClient';
import { PROJECT_ROOT, writeProject } from '../support/tempProject';

/** A project big enough for the worker threads to be used (over 2 MB of text). */
function bigProject(): Map<string, string> {
  const files = new Map<string, string>([['codebook.md', '# Talk {#talk}\n\n- #greeting: Saying hello.\n- #unused: Never used.\n']]);
  for (let i = 0; i < 60; i++) {
    const turn = `**P${i}:** ${'some words of the interview '.repeat(40)}[hello 😀 ${i}]{#greeting} [and]{#talk}\r\n\r\n`;
    files.set(`transcripts/P${String(i).padStart(2, '0')}.md`, `---\ncase: P${i}\n---\n${turn.repeat(30)}${i % 7 === 0 ? '[x]{#typo}\n' : ''}`);
  }
  return files;
}

test('loading on worker threads gives exactly the index of a load in one thread', async () => {
  const files = bigProject();
  const serial = ProjectIndex.build(files);
  const pool = new ParsePool(join(PROJECT_ROOT, 'dist'), 2, 0);
  try {
    // Small batches: several are read and parsed at once, as on a big project.
    const { index } = await loadFromAsync(textsReader(files), new ProjectIndex({ paranoid: false }), undefined, { pool, batch: 7 });
    assert.equal(index.snapshot(), serial.snapshot());
    assert.deepEqual(index.transcriptPaths(), serial.transcriptPaths());
  } finally {
    await pool.close();
  }
});

test('a file the editor changed while its batch was parsed keeps the editor text', async () => {
  const files = bigProject();
  const index = new ProjectIndex();
  const pool = new ParsePool(join(PROJECT_ROOT, 'dist'), 2, 0);
  try {
    let edited = false;
    await loadFromAsync(textsReader(files), index, () => {
      // When the first batch (codebook, P00–P08) is applied the second (P09–P18) is read and
      // being parsed: "the editor" changes one of its files now.
      if (!edited) index.update('transcripts/P12.md', '[edited]{#greeting}');
      edited = true;
    }, { pool, batch: 10 });
    assert.deepEqual(index.transcript('transcripts/P12.md')!.segments.map((s) => s.text), ['edited']);
    assert.equal(index.transcript('transcripts/P13.md')!.segments.length, 60, 'the rest of that batch is applied');
  } finally {
    await pool.close();
  }
});

test('CLI: the second run reads the cache and says the same; a changed file is read again; --no-cache and a corrupt cache change nothing', () => {
  const root = writeProject(bigProject());
  const cacheHome = mkdtempSync(join(tmpdir(), 'marginalia-cache-home-'));
  const run = (args: string[]): string => {
    const r = runCli(args, root, { XDG_CACHE_HOME: cacheHome });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };
  const first = run(['stats', '--json']);
  const cacheFiles = readdirSync(join(cacheHome, 'marginalia'));
  assert.equal(cacheFiles.length, 1, 'one cache file for the project, in the cache folder');
  assert.equal(run(['stats', '--json']), first);
  assert.equal(run(['stats', '--json', '--no-cache']), first);
  // A change is seen, cache or not.
  writeFileSync(join(root, 'transcripts/P00.md'), '[changed words]{#talk}\n');
  const changed = run(['stats', '--json']);
  assert.notEqual(changed, first);
  assert.equal(changed, run(['stats', '--json', '--no-cache']));
  assert.deepEqual(JSON.parse(changed).segments.filter((s: { file: string }) => s.file === 'transcripts/P00.md').map((s: { text: string }) => s.text), ['changed words']);
  // A damaged cache is ignored and rewritten.
  const cacheFile = join(cacheHome, 'marginalia', cacheFiles[0]);
  writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').slice(0, 1000));
  assert.equal(run(['stats', '--json']), changed);
  assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile, 'utf8')));
  assert.ok(!existsSync(join(root, '.marginalia')), 'nothing is written into the project');
});

test('server: restarted on the same project it indexes from its cache folder and publishes the same diagnostics', async () => {
  const root = writeProject(bigProject());
  const cacheDir = mkdtempSync(join(tmpdir(), 'marginalia-server-cache-'));
  const diagnosticsOnce = async (): Promise<string> => {
    const client = await LspClient.start(root, { initializationOptions: { cacheDir } });
    try {
      const codebook = await client.diagnosticsOf('codebook.md');
      const typo = await client.diagnosticsOf('transcripts/P07.md');
      return JSON.stringify([codebook, typo]);
    } finally {
      await client.stop();
    }
  };
  const first = await diagnosticsOnce();
  assert.equal(readdirSync(cacheDir).length, 1, 'the cache file is written to the folder the client gave');
  assert.equal(await diagnosticsOnce(), first);
  assert.match(first, /#unused is not used/);
  assert.match(first, /#typo is not in the codebook/);
});
