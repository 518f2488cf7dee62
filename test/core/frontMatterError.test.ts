import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTranscript } from '../../core/index';

test('a YAML error in the front matter is placed in the file, and its message ends cleanly', () => {
  const src = '---\ncase: P1\nrole: [oops\n---\nHello.\n';
  const d = parseTranscript(src, 'P1.md').diagnostics;
  assert.equal(d.length, 1);
  // yaml reports the end of the front matter's text (the unclosed "["): in the file, the end of "role: [oops" (line 2, 0-based).
  assert.deepEqual(d[0].range.start, { line: 2, character: 11 });
  assert.equal(d[0].message, "The front matter is not valid YAML, so this transcript's case attributes are ignored: Flow sequence in block collection must be sufficiently indented and end with a ].");
  const nested = parseTranscript('---\ncase: P1\n  bad: x: y\n---\nHi\n', 'P1.md').diagnostics[0];
  // yaml says "line 1, column 7" of the front matter; in the file that is line 1 (0-based), character 6.
  assert.deepEqual(nested.range.start, { line: 1, character: 6 });
  assert.equal(nested.message, "The front matter is not valid YAML, so this transcript's case attributes are ignored: Nested mappings are not allowed in compact mappings.");
});
