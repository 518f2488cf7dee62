import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineMapOf, ProjectIndex, parseTranscript } from '../../core';

/** Each coded segment as `codes: text @ line:char-line:char`. */
function segments(source: string): string[] {
  const t = parseTranscript(source, 'transcripts/P1.md');
  const lines = lineMapOf(t);
  return t.segments.map((s) => {
    const r = lines.range(s.start, s.end);
    return `${s.codes.join(' ')}: ${s.text} @ ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  });
}

function diagnostics(source: string): string[] {
  return parseTranscript(source, 'transcripts/P1.md').diagnostics.map(
    (d) => `${d.severity} ${d.code} @ ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
}

function check(source: string, expected: string[]): void {
  assert.deepEqual(segments(source), expected);
}

test('span coding', () => check('It was [hard work]{#effort} really.', ['effort: hard work @ 0:8-0:17']));
test('two codes on one span', () => check('[a b]{#x #y}', ['x y: a b @ 0:1-0:4']));
test('the same code twice in a group counts once', () => check('[a]{#x #x}', ['x: a @ 0:1-0:2']));
test('nested spans: texts without markup', () =>
  check('[a [b]{#x} c]{#y}', ['y: a b c @ 0:1-0:12', 'x: b @ 0:4-0:5']));
test('transcript notation inside a span is text', () =>
  check('[I was [laughs] tired]{#fatigue}', ['fatigue: I was [laughs] tired @ 0:1-0:21']));
test('transcript notation before a span is text', () =>
  check('[inaudible 00:12:03] then [it stopped]{#x}', ['x: it stopped @ 0:27-0:37']));
test('notation right before the closing bracket', () => check('[so [sic]]{#x}', ['x: so [sic] @ 0:1-0:9']));
test('paper notation: [occupational therapists] inside a quote', () =>
  check('[I think that [occupational therapists] have that]{#deep}', ['deep: I think that [occupational therapists] have that @ 0:1-0:49']));
test('a span across lines collapses whitespace', () =>
  check('[one\n   two]{#x}', ['x: one two @ 0:1-1:6']));
test('a span never crosses a blank line', () => {
  check('[one\n\ntwo]{#x}', []);
  assert.deepEqual(diagnostics('[one\n\ntwo]{#x}'), ['error unmatched-bracket @ 2:3-2:8']);
});
test('paragraph coding at the end', () =>
  check('**P9:** We have done that for years. {#years}', ['years: **P9:** We have done that for years. @ 0:0-0:36']));
test('paragraph coding with two groups', () => check('text {#a} more {#b}', ['a b: text more @ 0:0-0:14']));
test('paragraph coding in a list item', () => check('- item text {#a}', ['a: item text @ 0:2-0:11']));
test('paragraph coding in a block quote', () =>
  check('> quoted\n> more {#a}', ['a: quoted more @ 0:2-1:6']));
test('paragraph and span in one paragraph', () =>
  check('We [did it]{#x} well {#y}', ['y: We did it well @ 0:0-0:20', 'x: did it @ 0:4-0:10']));
test('heading {#id} is not coding', () => check('# Interview one {#intro}', []));
test('setext heading {#id} is not coding, and the underline is not text', () => {
  check('Interview one {#intro}\n=============', []);
  check('Interview one {#intro}\n---', []);
  check('Interview\none {#intro}  \n---', []);
  assert.deepEqual(diagnostics('Interview one {#intro}\n==='), []);
});
test('a span in a setext heading is coding, without the underline', () =>
  check('The [big]{#x} one {#id}\n===', ['x: big @ 0:5-0:8']));
test('a paragraph code in a setext heading does not take the underline', () =>
  check('Part [two]{#x} {#y} and more\n---', ['y: Part two and more @ 0:0-0:28', 'x: two @ 0:6-0:9']));
test('ATX heading {#id} before a closing sequence is not coding', () => check('## Interview one {#intro} ##', []));
test('a span in a heading is coding', () => check('# The [big]{#x} one {#id}', ['x: big @ 0:7-0:10']));
test('fenced code is not coding', () => check('```\n[a]{#x}\n```', []));
test('indented code is not coding', () => check('text\n\n    [a]{#x}', []));
test('inline code is not coding', () => check('see `[a]{#x}` here', []));
test('inline code inside a span stays text', () => check('[use `x` now]{#y}', ['y: use `x` now @ 0:1-0:12']));
test('HTML is not coding', () => check('<div>\n[a]{#x}\n</div>', []));
test('inline HTML is not coding', () => check('a <span title="[a]{#x}">b</span>', []));
test('HTML comments are not coding', () => check('text <!-- [a]{#x} --> more', []));
test('a block HTML comment is not coding', () => check('<!--\n[a]{#x}\n-->', []));
test('front matter is not coding', () => check('---\nnote: "[a]{#x}"\n---\ntext', []));
test('escaped brackets are text', () => check('\\[a]{#x}', []));
test('an escaped closing bracket leaves a paragraph code', () => check('[a\\]{#x}', ['x: [a\\] @ 0:0-0:4']));
test('escaped brace is text', () => check('text \\{#x}', []));
test('braces without # are text', () => check('a {b} c', []));
test('unicode code names', () => check('[é]{#café/ça.va_1}', ['café/ça.va_1: é @ 0:1-0:2']));
test('UTF-16 positions after emoji', () => check('😀 [a]{#x}', ['x: a @ 0:4-0:5']));
test('CRLF line endings', () => check('line one\r\n[two\r\nthree]{#x}', ['x: two three @ 1:1-2:5']));
test('leading byte-order marks are ignored, even two', () => check('\uFEFF\uFEFF😀[a]{#x}', ['x: a @ 0:3-0:4']));
test('a lone CR is a line break', () => check('one\r[two]{#x}', ['x: two @ 1:1-1:4']));

const TABLE = '| Who | What |\n|-----|:----:|\n| P9 | We [did it]{#x} well {#y} |\n| P10 | Not `[a]{#z}` |\n';
test('a paragraph code in a table row codes that row\'s cells, not the header or separator', () =>
  check(TABLE, ['y: P9 | We did it well @ 2:2-2:27', 'x: did it @ 2:11-2:17']));
test('a paragraph code in a table header codes the header row only', () =>
  check('| Who {#h} | What |\n|---|---|\n| a | b |', ['h: Who | What @ 0:2-0:17']));
test('a code group in one cell codes the whole row', () =>
  check('| a {#x} | b |\n|---|---|\n', ['x: a | b @ 0:2-0:12']));
test('a span cannot cross a table cell boundary', () => {
  check('| x |\n|---|\n| [a | b]{#y} |', []);
  assert.deepEqual(diagnostics('| x |\n|---|\n| [a | b]{#y} |'), ['error unmatched-bracket @ 2:8-2:13']);
  assert.match(parseTranscript('| x |\n|---|\n| [a | b]{#y} |', 'P.md').diagnostics[0].message, /table cell/);
});
test('a table in a block quote and without outer pipes', () => {
  check('> | a |\n> |---|\n> | [b]{#x} |', ['x: b @ 2:5-2:6']);
  check('a | b\n--|--\nc | d {#x}', ['x: c | d @ 2:0-2:5']);
});
test('no opening bracket is an error', () =>
  assert.deepEqual(diagnostics('it was]{#x}'), ['error unmatched-bracket @ 0:6-0:11']));
test('laughs closes the only bracket, so the coding has none', () =>
  assert.deepEqual(diagnostics('[laughs] and then]{#x}'), ['error unmatched-bracket @ 0:17-0:22']));
test('empty extract is an error', () => assert.deepEqual(diagnostics('[]{#x}'), ['error empty-extract @ 0:0-0:6']));
test('blank extract is an error', () => assert.deepEqual(diagnostics('[  ]{#x}'), ['error empty-extract @ 0:0-0:8']));
test('commas in a group are an error', () => {
  assert.deepEqual(diagnostics('[a]{#a, #b}'), ['error malformed-group @ 0:3-0:11']);
  check('[a]{#a, #b}', []);
});
test('an empty name is an error', () => assert.deepEqual(diagnostics('text {# }'), ['error malformed-group @ 0:5-0:9']));
test('an unclosed group is an error', () => assert.deepEqual(diagnostics('text {#abc more'), ['error unclosed-group @ 0:5-0:10']));
test('plain [] is not an error', () => assert.deepEqual(diagnostics('- [ ] task and []'), []));

test('front matter gives case and attributes', () => {
  const t = parseTranscript('---\ncase: P09\nrole: Primary care OT\nband: 7\n---\nHi', 'transcripts/x.md');
  assert.equal(t.caseId, 'P09');
  assert.deepEqual(t.attributes, { role: 'Primary care OT', band: 7 });
});
test('the case defaults to the file name', () => assert.equal(parseTranscript('Hi', 'transcripts/P12.md').caseId, 'P12'));
test('broken front matter is a warning, never a crash', () => {
  const t = parseTranscript('---\ncase: [P09\n---\n[a]{#x}', 'transcripts/P3.md');
  assert.equal(t.caseId, 'P3');
  assert.deepEqual(t.diagnostics.map((d) => d.code), ['invalid-front-matter']);
  assert.equal(t.segments.length, 1);
});
test('tokens point at #name', () => {
  const t = parseTranscript('[a]{#x  #yy}', 'P.md');
  assert.deepEqual(t.tokens.map((k) => `${k.name}@${k.start}-${k.end}`), ['x@4-6', 'yy@8-11']);
});
test('speaker turns', () => {
  const t = parseTranscript('**Interviewer:** Hi?\n\n**P9:** Hello.', 'P.md');
  assert.deepEqual(t.turns.map((x) => `${x.speaker}@${lineMapOf(t).position(x.start).line}`), ['Interviewer@0', 'P9@2']);
});

test('code names are compared in Unicode NFC; ranges cover the source as written', () => {
  const nfd = 'cafe\u0301';
  const t = parseTranscript(`[a]{#${nfd}} b {#caf\u00e9}`, 'P.md');
  assert.deepEqual(t.segments.map((s) => s.codes), [['caf\u00e9'], ['caf\u00e9']]);
  assert.deepEqual(t.tokens.map((k) => `${k.name}@${k.start}-${k.end}`), ['caf\u00e9@15-20', 'caf\u00e9@4-10']);
});

test('a code written in NFD in a transcript is the NFC code of the codebook', () => {
  const index = ProjectIndex.build(new Map([
    ['codebook.md', '# Theme {#t}\n\n- #caf\u00e9: coffee\n'],
    ['P1.md', '[a]{#cafe\u0301}\n'],
    ['P2.md', '[b]{#caf\u00e9}\n'],
  ]), { paranoid: true });
  assert.deepEqual(index.diagnostics('P1.md'), []);
  assert.deepEqual(index.diagnostics('codebook.md'), []);
  assert.deepEqual(index.counts('caf\u00e9'), { direct: 2, total: 2, cases: 2 });
  assert.deepEqual(index.uncategorisedCodes(), []);
  assert.deepEqual(index.tokensOf('caf\u00e9').map((r) => `${r.path}@${r.token.start}-${r.token.end}`), ['P1.md@4-10', 'P2.md@4-9']);
});

/** Diagnostics with their messages, for the hints on things that silently do not code. */
function hints(source: string): string[] {
  return parseTranscript(source, 'transcripts/P1.md').diagnostics.map(
    (d) => `${d.severity} ${d.code} @ ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`,
  );
}

test('hint: a heading ending in a group of several codes is not coding', () => {
  check('## Title {#a #b}', []);
  assert.deepEqual(hints('## Title {#a #b}'), [
    'info heading-group @ 0:9-0:16 A group at the end of a heading is the heading\'s id, not coding, so this heading is not coded with #a and #b: to code its words, write [Title]{#a #b}.',
  ]);
  assert.deepEqual(hints('Title {#a #b}\n---'), [
    'info heading-group @ 0:6-0:13 A group at the end of a heading is the heading\'s id, not coding, so this heading is not coded with #a and #b: to code its words, write [Title]{#a #b}.',
  ]);
  assert.deepEqual(hints('## Title {#a}'), []);
});

test('hint: a space after "{" makes a group plain text', () => {
  check('We did it. { #a}', []);
  assert.deepEqual(hints('We did it. { #a #b }'), [
    'info spaced-group @ 0:11-0:20 This is plain text, not coding: a coding group starts with "{#" and no space between them, as in {#a #b}.',
  ]);
  assert.deepEqual(hints('[We did it]{\u200b#a}'), [
    'info spaced-group @ 0:11-0:16 This is plain text, not coding: there is an invisible U+200B ZERO WIDTH SPACE between "{" and "#". Delete it: {#a}.',
  ]);
  assert.deepEqual(hints('a {b} and {#x} and `{ #a}`'), []);
});

test('an invisible character in a code name is named', () => {
  assert.deepEqual(hints('[a]{#role\u200bblur}'), [
    'error malformed-group @ 0:3-0:15 This coding group is malformed: #role\u200bblur contains an invisible U+200B ZERO WIDTH SPACE (often pasted from a PDF or a web page). Delete it.',
  ]);
  assert.deepEqual(hints('[a]{#role\u00adblur}').map((h) => h.replace(/ @.*U\+/, ' U+')), [
    'error malformed-group U+00AD SOFT HYPHEN (often pasted from a PDF or a web page). Delete it.',
  ]);
  // A valid name with an invisible mark: a different code from the one it looks like.
  assert.deepEqual(hints('[a]{#role\u034fblur}'), [
    'info invisible-character @ 0:4-0:14 #role\u034fblur contains an invisible U+034F COMBINING GRAPHEME JOINER, so it is a different code from the one it looks like. Delete it.',
  ]);
});

test('hint: an indented paragraph with coding is a code block', () => {
  assert.deepEqual(hints('Intro.\n\n    [We did it]{#a}\n'), [
    'info coding-in-code-block @ 2:15-2:19 This coding is ignored: the paragraph is indented by 4 spaces or a tab, so markdown reads it as a code block. Remove the indentation to code it.',
  ]);
  assert.deepEqual(hints('Intro.\n\n\tWe did it {#a}\n'), [
    'info coding-in-code-block @ 2:11-2:15 This coding is ignored: the paragraph is indented by 4 spaces or a tab, so markdown reads it as a code block. Remove the indentation to code it.',
  ]);
  assert.deepEqual(hints('```\n[a]{#x}\n```\n\n    plain code\n'), []);
});
