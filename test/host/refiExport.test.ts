import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { exportCodes, exportProject } from '../../core/refi/exportProject';
import { ProjectIndex } from '../../core/project/projectIndex';
import { loadProject, readProjectFile } from '../../host/projectFiles';
import { codebookToXml, projectToXml } from '../../host/refi/qdeXml';
import { qdpxBytes } from '../../host/refi/qdpx';
import { schemaErrors, zipEntries } from '../support/refi';
import { generatedProject } from '../support/generatedProjects';
import { PROJECT_ROOT } from '../support/tempProject';

const SAMPLES = join(PROJECT_ROOT, 'samples');

function sampleExport() {
  const { index } = loadProject(SAMPLES);
  return exportProject({
    name: 'samples',
    index,
    textOf: (p) => {
      const r = readProjectFile(join(SAMPLES, p));
      return 'text' in r ? r.text : undefined;
    },
  });
}

test('the sample study exports to a .qdpx whose project.qde validates against Project.xsd', () => {
  const { project } = sampleExport();
  const entries = zipEntries(qdpxBytes(project));
  assert.deepEqual(schemaErrors(entries.get('project.qde')!, 'project'), []);
  assert.equal(entries.size, 1 + 14);
  for (const s of project.sources) assert.equal(entries.get(`sources/${s.guid}.txt`), s.text);
  // Every coded extract is at its words: the selection's code points hold the segment's text.
  const { index } = loadProject(SAMPLES);
  for (const s of project.sources) {
    const chars = [...s.text];
    const exported = s.selections.map((sel) => chars.slice(sel.start, sel.end).join('').replace(/\s+/g, ' ')).sort();
    const segments = index.transcript(`transcripts/${s.name}.md`)!.segments.map((seg) => seg.text).sort();
    assert.deepEqual(exported, segments, s.name);
  }
});

test('the sample codebook exports to a .qdc that validates against Codebook.xsd', () => {
  const { index } = loadProject(SAMPLES);
  const xml = codebookToXml(exportCodes(index).codes, 'Marginalia');
  assert.deepEqual(schemaErrors(xml, 'codebook'), []);
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Marginalia">/);
});

test('exports of generated projects validate against both schemas', () => {
  fc.assert(
    fc.property(generatedProject, ({ files }) => {
      const index = ProjectIndex.build(files);
      const { project } = exportProject({ name: 'generated <&> "study"', index, textOf: (p) => files.get(p) });
      assert.deepEqual(schemaErrors(projectToXml(project), 'project'), []);
      assert.deepEqual(schemaErrors(codebookToXml(project.codes), 'codebook'), []);
    }),
    { numRuns: 40 },
  );
});

// The official schemas' SHA-256, recorded when they were vendored: a user's clone has no
// ../shared beside it, so the check is against the record; where ../shared/refi exists (CI
// always has it) the vendored copies must also equal it byte for byte.
const OFFICIAL_SHA256: Record<string, string> = {
  'Project.xsd': 'a2cc1ffb4ab1c07c51d6c78e69f2c9968458a9f0ad3b317ddde27f1e86f15a15',
  'Codebook.xsd': '0d94a9e5f660ef96a00e55e9b19d823c55208de9dbd5cf58a6f04ad1ee8c0f1f',
};

test('the vendored schemas are the official ones', () => {
  const shared = join(PROJECT_ROOT, '../shared/refi');
  if (process.env.CI === 'true') assert.ok(existsSync(shared), `CI must have the official schemas at ${shared}`);
  for (const [name, sha] of Object.entries(OFFICIAL_SHA256)) {
    const vendored = readFileSync(join(PROJECT_ROOT, 'test/fixtures/refi', name));
    assert.equal(createHash('sha256').update(vendored).digest('hex'), sha, `${name} differs from the official schema`);
    if (existsSync(shared)) assert.deepEqual(vendored, readFileSync(join(shared, name)));
  }
});
