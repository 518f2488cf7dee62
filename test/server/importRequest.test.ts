// marginalia/importTranscripts over stdio: the server imports, indexes the new
// transcripts before it answers, reports files that already exist, and refuses
// bad parameters with an error for the user.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import type { ImportTranscriptsResult, ThemeTreeProject } from '../../server/src/protocol';
import { ZOOM_MD, ZOOM_VTT } from '../import/fixtures';

test('import over LSP: written, indexed at once, existing files reported, bad input refused', async () => {
  const root = writeProject('//- /codebook.md\n# Codes {#codes}\n//- /transcripts/P1.md\n**P1:** Hello.\n');
  writeFileSync(join(root, 'zoom.vtt'), ZOOM_VTT);
  writeFileSync(join(root, 'bad.vtt'), 'not captions');
  const client = await LspClient.start(root);
  try {
    const into = join(root, 'transcripts');
    const first = await client.request<ImportTranscriptsResult>('marginalia/importTranscripts', { files: [join(root, 'zoom.vtt'), join(root, 'bad.vtt')], into });
    const zoomUri = pathToFileURL(join(into, 'zoom.md')).toString();
    assert.deepEqual(first.results, [
      { input: join(root, 'zoom.vtt'), written: [zoomUri], notes: [] },
      { input: join(root, 'bad.vtt'), written: [], notes: [], error: 'bad.vtt is not a WebVTT file: its first line should be "WEBVTT".' },
    ]);
    assert.equal(readFileSync(join(into, 'zoom.md'), 'utf8'), ZOOM_MD);
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    assert.equal(project.transcripts, 2);

    const again = await client.request<ImportTranscriptsResult>('marginalia/importTranscripts', { files: [join(root, 'zoom.vtt')], into });
    assert.deepEqual(again.results[0].existing, [zoomUri]);
    assert.deepEqual(again.results[0].written, []);
    const forced = await client.request<ImportTranscriptsResult>('marginalia/importTranscripts', { files: [join(root, 'zoom.vtt')], into, force: true });
    assert.deepEqual(forced.results[0].written, [zoomUri]);

    await assert.rejects(client.request('marginalia/importTranscripts', { files: ['relative.vtt'], into }), /absolute paths/);
  } finally {
    await client.stop();
  }
});
