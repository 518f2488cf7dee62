import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from '../support/lspClient';
import { writeProject } from '../support/tempProject';
import { zipEntries } from '../support/refi';
import type { RefiResult, ThemeTreeProject } from '../../server/src/protocol';

const PROJECT = `
//- /codebook.md
# Position {#position}
- #role-blur: Roles blur
//- /transcripts/P1.md
---
case: P01
---
[They blur]{#role-blur} and more.
`;

test('export and import requests: the unsaved text is exported; the import writes a project or says why not', async () => {
  const client = await LspClient.start(writeProject(PROJECT));
  const out = mkdtempSync(join(tmpdir(), 'refi-server-'));
  try {
    const [project] = await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    client.open('transcripts/P1.md', '---\ncase: P01\n---\n[They blur]{#role-blur} and [more]{#role-blur}.\n');
    await client.request<ThemeTreeProject[]>('marginalia/themeTree', {});
    const file = join(out, 'study.qdpx');
    const exported = await client.request<RefiResult>('marginalia/exportRefi', { folder: project.folder, file });
    assert.deepEqual(exported, { ok: true, message: 'Wrote study.qdpx: 1 transcript, 1 case, 2 codes and 2 coded extracts.', files: [file] });
    const qde = zipEntries(readFileSync(file)).get('project.qde')!;
    assert.equal(qde.match(/<PlainTextSelection /g)?.length, 2);

    const into = join(out, 'imported');
    const imported = await client.request<RefiResult>('marginalia/importRefi', { file, into });
    assert.equal(imported.ok, true);
    assert.equal(imported.message, `Imported ${file} into ${into} (2 codes, 1 transcript, 1 case, 2 coded extracts).`);
    assert.deepEqual(imported.files, [join(into, 'codebook.md'), join(into, 'transcripts/P1.md')]);

    const again = await client.request<RefiResult>('marginalia/importRefi', { file, into });
    assert.deepEqual(again, { ok: false, message: `${join(into, 'codebook.md')} already exists: nothing was imported from study.qdpx (use --force to overwrite it).`, files: [] });
    const wrong = await client.request<RefiResult>('marginalia/exportRefi', { folder: project.folder, file: join(out, 'study.zip') });
    assert.deepEqual(wrong, { ok: false, message: '"study.zip" should end in .qdpx (a whole project) or .qdc (the codebook alone).', files: [] });
    assert.equal(existsSync(join(out, 'study.zip')), false);
  } finally {
    await client.stop();
  }
});
