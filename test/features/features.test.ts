// One-line checks of the editor features, in-process on in-memory projects
// (test/support/check.ts). The same features are also tested over stdio in
// test/server/, the path an editor takes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationToken, type Location } from 'vscode-languageserver';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { definition, references } from '../../server/src/features/navigation';
import { prepareRename } from '../../server/src/features/rename';
import { documentSymbols } from '../../server/src/features/symbols';
import { expectText, projectOf, quote } from '../support/check';

const FILE = 'test/features/features.test.ts';
const none = CancellationToken.None;

const CODEBOOK = '//- /codebook.md\n# Position {#position}\n\nWhere OT stands.\n\n- #role-blur: Roles blur\n  When the roles cannot be told apart.\n  - #cost: Costs more\n- #years: Done it for years\n';

const where = (l: Location | null): string => (l ? `${l.uri.replace('file:///in-memory/project/', '')}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}` : 'none');

function checkHover(fixture: string, expected: string): void {
  const { project, cursor } = projectOf(fixture);
  const h = hover(project, cursor.path, cursor, none);
  expectText(FILE, h ? (h.contents as { value: string }).value.split('\n').filter(Boolean).join(' | ') : 'none', expected);
}

function checkDefinition(fixture: string, expected: string): void {
  const { project, cursor } = projectOf(fixture);
  expectText(FILE, where(definition(project, cursor.path, cursor, none)), expected);
}

async function checkReferences(fixture: string, expected: string): Promise<void> {
  const { project, cursor } = projectOf(fixture);
  expectText(FILE, ((await references(project, cursor.path, cursor, false, none)) ?? []).map(where).join(' '), expected);
}

function checkCompletion(fixture: string, expected: string): void {
  const { project, cursor, files } = projectOf(fixture);
  const line = files.get(cursor.path)!.split(/\r?\n/)[cursor.line];
  const list = completion(project, cursor.path, line, cursor, none);
  // In the order the editor shows them: by sortText, then label.
  const key = (i: { sortText?: string; label: string }): string => `${i.sortText ?? i.label}\u0000${i.label}`;
  expectText(FILE, list ? [...list.items].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((i) => i.label).join(' ') : 'none', expected);
}

function checkPrepareRename(fixture: string, expected: string): void {
  const { project, cursor } = projectOf(fixture);
  const r = prepareRename(project, cursor.path, cursor);
  expectText(FILE, r ? `${r.placeholder}@${r.range.start.line}:${r.range.start.character}-${r.range.end.character}` : 'none', expected);
}

function checkSymbols(fixture: string, expected: string): void {
  const { project, cursor } = projectOf(fixture);
  const render = (s: { name: string; children?: Array<{ name: string; children?: unknown[] }> }): string => (s.children?.length ? `${s.name}(${s.children.map((c) => render(c as typeof s)).join(', ')})` : s.name);
  expectText(FILE, (documentSymbols(project, cursor.path, none) ?? []).map((s) => render(s as never)).join(' '), expected);
}

test('hover: a code in a transcript', () => checkHover(`${CODEBOOK}//- /t/P1.md\n[they blur]{#role-$0blur}`, '**#role-blur** — Roles blur | Position › \\#role\\-blur | When the roles cannot be told apart\\. | **1 extract · 1 case** | > they blur — *P1*'));
test('hover: a nested code counts in its parent', () => checkHover(`${CODEBOOK}//- /t/P1.md\n[a]{#cost} [b]{#role-blur}\n//- /t/P2.md\n[c]{#role-$0blur}`, '**#role-blur** — Roles blur | Position › \\#role\\-blur | When the roles cannot be told apart\\. | **3 extracts · 2 cases** (2 coded with #role-blur itself) | > a — *P1* | > b — *P1* | > c — *P2*'));
test('hover: an uncategorised code', () => checkHover(`${CODEBOOK}//- /t/P1.md\n[x]{#new$0-idea}`, '**#new-idea** | \\#new\\-idea | *Not in the codebook (uncategorised).* | **1 extract · 1 case** | > x — *P1*'));
test('hover: a theme heading in the codebook', () => checkHover('//- /codebook.md\n# Posi$0tion {#position}\n\nWhere OT stands.\n', '**Position** (theme) | Position | Where OT stands\\. | **0 extracts · 0 cases**'));
test('hover: nothing on plain words', () => checkHover(`${CODEBOOK}//- /t/P1.md\nplain wo$0rds [x]{#years}`, 'none'));
test('hover: a code after an emoji (UTF-16 columns)', () => checkHover(`${CODEBOOK}//- /t/P1.md\n😀😀 [x]{#ye$0ars}`, '**#years** — Done it for years | Position › \\#years | **1 extract · 1 case** | > x — *P1*'));

test('definition: a use goes to its codebook entry', () => checkDefinition(`${CODEBOOK}//- /t/P1.md\n[x]{#co$0st}`, 'codebook.md:6:4-6:9'));
test('definition: an uncategorised code has none', () => checkDefinition(`${CODEBOOK}//- /t/P1.md\n[x]{#zz$0z}`, 'none'));
test('definition: CRLF transcript', () => checkDefinition(`${CODEBOOK}//- /t/P1.md\r\nfirst line\r\n[x]{#yea$0rs}`, 'codebook.md:7:2-7:8'));

test('references: every extract of the code, across transcripts', () => checkReferences(`${CODEBOOK}//- /t/P1.md\n[one]{#years}\n\nwords {#years}\n//- /t/P2.md\n[two]{#ye$0ars}`, 't/P1.md:0:1-0:4 t/P1.md:2:0-2:5 t/P2.md:0:1-0:4'));
test('references: from the codebook entry', () => checkReferences('//- /codebook.md\n- #ye$0ars: Y\n//- /t/P1.md\n[one]{#years}', 't/P1.md:0:1-0:4'));

test('completion: after {# the codebook, most used first', () => checkCompletion(`${CODEBOOK}//- /t/P1.md\n[a]{#years} [b]{#years} [c]{#cost}\n\n[new]{#$0`, '#years #cost #position #role-blur'));
test('completion: after ]{ too', () => checkCompletion(`${CODEBOOK}//- /t/P1.md\n[new]{$0`, '#cost #position #role-blur #years'));
test('completion: not in plain text', () => checkCompletion(`${CODEBOOK}//- /t/P1.md\nplain #$0`, 'none'));
test('completion: uncategorised codes are offered too', () => checkCompletion(`${CODEBOOK}//- /t/P1.md\n[a]{#mine}\n\n[b]{#$0`, '#mine #cost #position #role-blur #years'));

test('prepare rename: the name without #', () => checkPrepareRename(`${CODEBOOK}//- /t/P1.md\n[x]{#co$0st}`, 'cost@0:5-9'));
test('prepare rename: a slug-id theme heading', () => checkPrepareRename('//- /codebook.md\n# The the$0me\n', 'the-theme@0:2-11'));

test('outline: speaker turns hold their extracts', () => checkSymbols(`${CODEBOOK}//- /t/P1.md\n**Interviewer:** Hi?$0\n\n**P1:** [yes]{#years} and more {#cost}`, 'Interviewer P1(#cost, #years)'));

test('update mode quotes expected texts as they are written in this file', () => {
  assert.equal(quote("it's a\\b\nc"), "'it\\'s a\\\\b\\nc'");
});
