import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, FileClassifier, DEFAULT_CONFIG } from '../../core';

function diags(text: string): string[] {
  return parseConfig(text).diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
}

test('a valid config', () => {
  const { config, diagnostics } = parseConfig('codebook: book/codes.md\ntranscripts: ["interviews/**/*.md"]\nexclude: ["drafts/**"]\n');
  assert.deepEqual(config, { codebook: 'book/codes.md', transcripts: ['interviews/**/*.md'], exclude: ['drafts/**'] });
  assert.deepEqual(diagnostics, []);
});
test('an empty config is the defaults', () => assert.deepEqual(parseConfig('').config, DEFAULT_CONFIG));
test('an unknown key', () =>
  assert.deepEqual(diags('codebok: x.md\n'), ['error 0:0 "codebok" is not a Marginalia setting: the settings are codebook, transcripts and exclude.']));
test('a wrong type keeps the default', () => {
  assert.deepEqual(diags('transcripts: 3\n'), ['error 0:13 "transcripts" should be a file pattern or a list of them, such as ["transcripts/**/*.md"]; ["**/*.md"] is used.']);
  assert.deepEqual(parseConfig('transcripts: 3\ncodebook: c.md').config, { ...DEFAULT_CONFIG, codebook: 'c.md' });
});
test('a YAML syntax error', () => {
  const { config, diagnostics } = parseConfig('codebook: [oops\n');
  assert.deepEqual(config, DEFAULT_CONFIG);
  assert.equal(diagnostics.length > 0, true);
  assert.match(diagnostics[0].message, /^marginalia\.yml is not valid YAML/);
});
test('file roles', () => {
  const c = new FileClassifier({ codebook: 'codebook.md', transcripts: ['**/*.md'], exclude: ['drafts/**'] });
  assert.deepEqual(
    ['codebook.md', 'marginalia.yml', 'transcripts/P1.md', 'README.md', 'notes/CHANGELOG.md', 'drafts/P2.md', '.github/x.md', 'node_modules/a/b.md', 'data.csv'].map((p) => c.classify(p)),
    ['codebook', 'config', 'transcript', 'other', 'other', 'other', 'other', 'other', 'other'],
  );
});
test("a file named like the codebook in another folder is another project's codebook, never a transcript", () => {
  const c = new FileClassifier({ ...DEFAULT_CONFIG, codebook: 'analysis/codes.md' });
  assert.deepEqual(['analysis/codes.md', 'my study/codebook.md', 'codebook.md', 'old/codes.md', 'transcripts/P1.md'].map((p) => c.classify(p)), ['codebook', 'other', 'other', 'other', 'transcript']);
});
test('one pattern may be written as a string', () => {
  const { config, diagnostics } = parseConfig('transcripts: "*.md"\nexclude: drafts/**\n');
  assert.deepEqual([config.transcripts, config.exclude, diagnostics], [['*.md'], ['drafts/**'], []]);
});
