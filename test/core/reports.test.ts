import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseMatrix, cooccurrence, quoteBank, renderReport, selectCases, caseAttributes, parseCondition, type CaseCondition, type CaseSelection, type ProjectIndex } from '../../core';
import { indexFixture } from '../support/fixture';

function all(index: ProjectIndex, where: CaseCondition[] = []): CaseSelection {
  const s = selectCases(index, where);
  assert.ok(typeof s !== 'string', String(s));
  return s;
}

/** Co-occurrence pairs as `a+b=count`. */
function pairs(source: string): string[] {
  const { index } = indexFixture(source);
  return cooccurrence(index, all(index)).pairs.map((p) => `${p.a}+${p.b}=${p.count}`);
}

test('co-occurrence: nested spans overlap', () => {
  assert.deepEqual(pairs('**P1:** [a [b]{#y} c]{#x}\n'), ['x+y=1']);
});

test('co-occurrence: a span inside a coded paragraph overlaps it', () => {
  assert.deepEqual(pairs('**P1:** Para [span]{#s} end. {#p}\n\nNext paragraph. {#q}\n'), ['p+s=1']);
});

test('co-occurrence: one segment with both codes counts once, the same code twice too', () => {
  assert.deepEqual(pairs('[words]{#a #a #b}\n'), ['a+b=1']);
  assert.deepEqual(pairs('[words]{#b #a #c}\n'), ['a+b=1', 'a+c=1', 'b+c=1']);
});

test('co-occurrence: ordered pairs of segments — two overlapping segments each with both codes give four', () => {
  // (s,s), (t,t), (s coded a, t coded b) and (t coded a, s coded b).
  assert.deepEqual(pairs('[one [two]{#a #b} three]{#b #a}\n'), ['a+b=4']);
});

test('co-occurrence: a code overlapping itself is no pair; codes are not rolled up into themes', () => {
  const source = `
//- /codebook.md
# T {#t}
- #a: A
- #b: B
//- /transcripts/P1.md
[one [two]{#a} three]{#a} and [x [y]{#b}]{#t}
`;
  assert.deepEqual(pairs(source), ['b+t=1']);
});

test('co-occurrence: identical offsets in two transcripts are not a pair', () => {
  assert.deepEqual(pairs('//- /transcripts/P1.md\n[same]{#a}\n//- /transcripts/P2.md\n[same]{#b}\n'), []);
});

test('co-occurrence: adjacent extracts share no character', () => {
  assert.deepEqual(pairs('[one]{#a}[two]{#b} and [three]{#c} [four]{#d}\n\nPara one. {#e}\n\nPara two. {#f}\n'), []);
});

test('co-occurrence: a sweep meets every overlap (one long paragraph with many spans)', () => {
  assert.deepEqual(pairs('[a]{#x} [b]{#y} [c [d]{#x}]{#z} end {#p}\n'), ['p+x=2', 'p+y=1', 'p+z=1', 'x+z=1']);
});

const STUDY = `
//- /codebook.md
# Position {#pos}
## Struggle {#struggle}
- #role-blur: Which is which
  - #cost: We cost more
- #years: Done it for years
# Making it work {#work}
- #delegation: Delegating
//- /transcripts/P10.md
---
case: P10
role: manager
band: 7
---
**P10:** [we cost more]{#cost} and [years]{#years #role-blur}

**P10:** Delegating it all. {#delegation}
//- /transcripts/P2.md
---
case: P2
role: therapist
band: 6
---
**P2:** [which is which]{#role-blur}

**P2:** [new]{#inductive}
//- /transcripts/P2b.md
---
case: P2
role: therapist
band: 6
---
**P2:** [again]{#cost}
`;

test('matrix: rows in tree order, one column per case (natural order), cells are §4 totals per case', () => {
  const { index } = indexFixture(STUDY);
  const m = caseMatrix(index, all(index));
  assert.deepEqual(m.cases, ['P2', 'P10']);
  assert.deepEqual(
    m.rows.map((r) => `${'  '.repeat(r.depth)}${r.id}${r.defined ? '' : '?'}: ${m.cases.map((c) => r.counts[c]).join(' ')} = ${r.total}`),
    [
      'pos: 2 2 = 4',
      '  struggle: 2 2 = 4',
      '    role-blur: 2 2 = 4',
      '      cost: 1 1 = 2',
      '    years: 0 1 = 1',
      'work: 0 1 = 1',
      '  delegation: 0 1 = 1',
      'inductive?: 1 0 = 1',
    ],
  );
});

test('quote bank: codebook order, extracts by case then file and line, uncategorised codes last, empty nodes left out', () => {
  const { index } = indexFixture(STUDY);
  const bank = quoteBank(index, all(index));
  assert.deepEqual(
    bank.nodes.map((n) => `${n.id}: ${n.quotes.map((q) => `${q.text} (${q.case} ${q.file}:${q.range.start.line})`).join(' | ')}`),
    [
      'pos: ',
      'struggle: ',
      'role-blur: which is which (P2 transcripts/P2.md:5) | years (P10 transcripts/P10.md:5)',
      'cost: again (P2 transcripts/P2b.md:5) | we cost more (P10 transcripts/P10.md:5)',
      'years: years (P10 transcripts/P10.md:5)',
      'work: ',
      'delegation: **P10:** Delegating it all. (P10 transcripts/P10.md:7)',
      'inductive: new (P2 transcripts/P2.md:7)',
    ],
  );
});

test('--where: attributes compare as strings, all conditions must hold', () => {
  const { index } = indexFixture(STUDY);
  const paths = (...where: string[]): string[] | string => {
    const s = selectCases(index, where.map((w) => parseCondition(w) as CaseCondition));
    return typeof s === 'string' ? s : s.paths;
  };
  assert.deepEqual(paths(), ['transcripts/P10.md', 'transcripts/P2.md', 'transcripts/P2b.md']);
  assert.deepEqual(paths('band=7'), ['transcripts/P10.md']);
  assert.deepEqual(paths('role=therapist'), ['transcripts/P2.md', 'transcripts/P2b.md']);
  assert.deepEqual(paths('role=therapist', 'band=6'), ['transcripts/P2.md', 'transcripts/P2b.md']);
  assert.deepEqual(paths('role=therapist', 'band=7'), []);
  assert.deepEqual(paths('case=P10'), ['transcripts/P10.md']);
  assert.equal(paths('grade=7'), 'No case has the attribute "grade"; the attributes are "case", "band", "role".');
  assert.equal(paths('band=8'), 'No case has band = "8"; its values are "6", "7".');
  assert.equal(parseCondition('band'), '"band" is not a condition: write attribute=value, for example role=manager.');
  assert.deepEqual(parseCondition('note=a=b'), { attribute: 'note', value: 'a=b' });
  assert.deepEqual([...caseAttributes(index)], [['case', ['P2', 'P10']], ['band', ['6', '7']], ['role', ['manager', 'therapist']]]);
});

test('--where restricts every report to the chosen cases', () => {
  const { index } = indexFixture(STUDY);
  const sel = all(index, [{ attribute: 'role', value: 'therapist' }]);
  const m = caseMatrix(index, sel);
  assert.deepEqual(m.cases, ['P2']);
  assert.deepEqual(m.rows.filter((r) => r.total > 0).map((r) => `${r.id} ${r.total}`), ['pos 2', 'struggle 2', 'role-blur 2', 'cost 1', 'inductive 1']);
  assert.deepEqual(quoteBank(index, sel).nodes.map((n) => n.id), ['pos', 'struggle', 'role-blur', 'cost', 'inductive']);
  assert.deepEqual(cooccurrence(index, all(index, [{ attribute: 'band', value: '7' }])).pairs, [{ a: 'role-blur', b: 'years', count: 1 }]);
  assert.deepEqual(cooccurrence(index, sel).pairs, []);
});

const TRICKY = `
//- /codebook.md
# Voice, "quoted" {#voice}
- #say: Says <b>so</b> | plainly
//- /transcripts/A.md
---
case: "Smith, \\"J\\"\\nsecond line"
---
**A:** [I said <script>alert(1)</script> & "left", then]{#say #free}
`;

function rendered(kind: 'quotes' | 'matrix' | 'cooccurrence', format: 'md' | 'csv' | 'json' | 'html'): string {
  const { index } = indexFixture(TRICKY);
  const sel = all(index);
  const model = kind === 'quotes' ? { kind, report: quoteBank(index, sel) } : kind === 'matrix' ? { kind, report: caseMatrix(index, sel) } : { kind, report: cooccurrence(index, sel) };
  return renderReport(model as Parameters<typeof renderReport>[0], format);
}

/** Every format of every report, exactly (reviewed by hand: CSV quoting of commas, quotes and line breaks; HTML escaping). */
const EXPECTED: Record<string, string> = {
  quotes_md: "# Quote bank\n\nAll cases: 1 case · 1 transcript · 1 extract.\n\n## Voice, \"quoted\"\n\n### #say — Says \\<b>so\\</b> | plainly\n\n- “I said \\<script>alert(1)\\</script> & \"left\", then” — Smith, \"J\" second line, transcripts/A.md:4\n\n## Uncategorised\n\nCodes used in transcripts but not in the codebook.\n\n### #free\n\n- “I said \\<script>alert(1)\\</script> & \"left\", then” — Smith, \"J\" second line, transcripts/A.md:4\n",
  quotes_csv: "id,kind,label,theme,case,file,line,text\r\nsay,code,Says <b>so</b> | plainly,\"Voice, \"\"quoted\"\"\",\"Smith, \"\"J\"\"\nsecond line\",transcripts/A.md,4,\"I said <script>alert(1)</script> & \"\"left\"\", then\"\r\nfree,code,,,\"Smith, \"\"J\"\"\nsecond line\",transcripts/A.md,4,\"I said <script>alert(1)</script> & \"\"left\"\", then\"\r\n",
  quotes_json: "{\n  \"where\": [],\n  \"cases\": [\n    \"Smith, \\\"J\\\"\\nsecond line\"\n  ],\n  \"transcripts\": 1,\n  \"extracts\": 1,\n  \"nodes\": [\n    {\n      \"id\": \"voice\",\n      \"kind\": \"theme\",\n      \"label\": \"Voice, \\\"quoted\\\"\",\n      \"depth\": 0,\n      \"parent\": null,\n      \"defined\": true,\n      \"quotes\": []\n    },\n    {\n      \"id\": \"say\",\n      \"kind\": \"code\",\n      \"label\": \"Says <b>so</b> | plainly\",\n      \"depth\": 1,\n      \"parent\": \"voice\",\n      \"defined\": true,\n      \"quotes\": [\n        {\n          \"text\": \"I said <script>alert(1)</script> & \\\"left\\\", then\",\n          \"case\": \"Smith, \\\"J\\\"\\nsecond line\",\n          \"file\": \"transcripts/A.md\",\n          \"range\": {\n            \"start\": {\n              \"line\": 3,\n              \"character\": 8\n            },\n            \"end\": {\n              \"line\": 3,\n              \"character\": 55\n            }\n          }\n        }\n      ]\n    },\n    {\n      \"id\": \"free\",\n      \"kind\": \"code\",\n      \"label\": \"\",\n      \"depth\": 0,\n      \"parent\": null,\n      \"defined\": false,\n      \"quotes\": [\n        {\n          \"text\": \"I said <script>alert(1)</script> & \\\"left\\\", then\",\n          \"case\": \"Smith, \\\"J\\\"\\nsecond line\",\n          \"file\": \"transcripts/A.md\",\n          \"range\": {\n            \"start\": {\n              \"line\": 3,\n              \"character\": 8\n            },\n            \"end\": {\n              \"line\": 3,\n              \"character\": 55\n            }\n          }\n        }\n      ]\n    }\n  ]\n}\n",
  quotes_html: "<body>\n<h1>Quote bank</h1>\n<p class=\"scope\">All cases: 1 case · 1 transcript · 1 extract.</p>\n<h2 class=\"theme\">Voice, &quot;quoted&quot;</h2>\n<h3 class=\"code\">#say — Says &lt;b&gt;so&lt;/b&gt; | plainly</h3>\n<ul class=\"quotes\">\n<li><q>I said &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;left&quot;, then</q> <span class=\"source\">— Smith, &quot;J&quot;\nsecond line, transcripts/A.md:4</span></li>\n</ul>\n<h2>Uncategorised</h2>\n<p class=\"note\">Codes used in transcripts but not in the codebook.</p>\n<h3 class=\"code\">#free</h3>\n<ul class=\"quotes\">\n<li><q>I said &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;left&quot;, then</q> <span class=\"source\">— Smith, &quot;J&quot;\nsecond line, transcripts/A.md:4</span></li>\n</ul>\n</body>\n</html>\n",
  matrix_md: "# Code-by-case matrix\n\nAll cases: 1 case · 1 transcript · 1 extract.\n\nEach cell counts the extracts in that case coded with the node or any code under it (an extract counts once per node).\n\n| Theme / code | Smith, \"J\" second line | Total |\n|---|---:|---:|\n| **Voice, \"quoted\"** | 1 | 1 |\n| &emsp;#say | 1 | 1 |\n| #free (uncategorised) | 1 | 1 |\n",
  matrix_csv: "id,kind,label,\"Smith, \"\"J\"\"\nsecond line\"\r\nvoice,theme,\"Voice, \"\"quoted\"\"\",1\r\nsay,code,Says <b>so</b> | plainly,1\r\nfree,code,,1\r\n",
  matrix_json: "{\n  \"where\": [],\n  \"cases\": [\n    \"Smith, \\\"J\\\"\\nsecond line\"\n  ],\n  \"transcripts\": 1,\n  \"extracts\": 1,\n  \"rows\": [\n    {\n      \"id\": \"voice\",\n      \"kind\": \"theme\",\n      \"label\": \"Voice, \\\"quoted\\\"\",\n      \"depth\": 0,\n      \"parent\": null,\n      \"defined\": true,\n      \"counts\": {\n        \"Smith, \\\"J\\\"\\nsecond line\": 1\n      },\n      \"total\": 1\n    },\n    {\n      \"id\": \"say\",\n      \"kind\": \"code\",\n      \"label\": \"Says <b>so</b> | plainly\",\n      \"depth\": 1,\n      \"parent\": \"voice\",\n      \"defined\": true,\n      \"counts\": {\n        \"Smith, \\\"J\\\"\\nsecond line\": 1\n      },\n      \"total\": 1\n    },\n    {\n      \"id\": \"free\",\n      \"kind\": \"code\",\n      \"label\": \"\",\n      \"depth\": 0,\n      \"parent\": null,\n      \"defined\": false,\n      \"counts\": {\n        \"Smith, \\\"J\\\"\\nsecond line\": 1\n      },\n      \"total\": 1\n    }\n  ]\n}\n",
  matrix_html: "<body>\n<h1>Code-by-case matrix</h1>\n<p class=\"scope\">All cases: 1 case · 1 transcript · 1 extract.</p>\n<p class=\"note\">Each cell counts the extracts in that case coded with the node or any code under it (an extract counts once per node).</p>\n<table class=\"heatmap\">\n<thead><tr><th scope=\"col\">Theme / code</th><th scope=\"col\">Smith, &quot;J&quot;\nsecond line</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n<tr class=\"theme\"><th scope=\"row\" class=\"d0\" title=\"Voice, &quot;quoted&quot;\">Voice, &quot;quoted&quot;</th><td class=\"h5\">1</td><td class=\"total\">1</td></tr>\n<tr class=\"code\"><th scope=\"row\" class=\"d1\" title=\"#say — Says &lt;b&gt;so&lt;/b&gt; | plainly\">#say</th><td class=\"h5\">1</td><td class=\"total\">1</td></tr>\n<tr class=\"code\"><th scope=\"row\" class=\"d0\" title=\"#free\">#free (uncategorised)</th><td class=\"h5\">1</td><td class=\"total\">1</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n",
  cooccurrence_md: "# Code co-occurrence\n\nAll cases: 1 case · 1 transcript · 1 extract.\n\nFor each pair of codes, the pairs of extracts (one coded with each code, in the same transcript) that share at least one character; an extract coded with both counts once. Codes as written, without their themes.\n\n| Code a | Code b | Extracts together |\n|---|---|---:|\n| #free | #say | 1 |\n",
  cooccurrence_csv: "a,b,count\r\nfree,say,1\r\n",
  cooccurrence_json: "{\n  \"where\": [],\n  \"cases\": [\n    \"Smith, \\\"J\\\"\\nsecond line\"\n  ],\n  \"transcripts\": 1,\n  \"extracts\": 1,\n  \"codes\": [\n    \"free\",\n    \"say\"\n  ],\n  \"pairs\": [\n    {\n      \"a\": \"free\",\n      \"b\": \"say\",\n      \"count\": 1\n    }\n  ]\n}\n",
  cooccurrence_html: "<body>\n<h1>Code co-occurrence</h1>\n<p class=\"scope\">All cases: 1 case · 1 transcript · 1 extract.</p>\n<p class=\"note\">For each pair of codes, the pairs of extracts (one coded with each code, in the same transcript) that share at least one character; an extract coded with both counts once. Codes as written, without their themes.</p>\n<table class=\"heatmap\">\n<thead><tr><th></th><th scope=\"col\" class=\"vertical\"><span>#free</span></th><th scope=\"col\" class=\"vertical\"><span>#say</span></th></tr></thead>\n<tbody>\n<tr><th scope=\"row\">#free</th><td class=\"self\"></td><td class=\"h5\">1</td></tr>\n<tr><th scope=\"row\">#say</th><td class=\"h5\">1</td><td class=\"self\"></td></tr>\n</tbody>\n</table>\n<h2>Pairs</h2>\n<table>\n<thead><tr><th scope=\"col\">Code a</th><th scope=\"col\">Code b</th><th scope=\"col\">Extracts together</th></tr></thead>\n<tbody>\n<tr><td>#free</td><td>#say</td><td class=\"total\">1</td></tr>\n</tbody>\n</table>\n</body>\n</html>\n",
};

for (const kind of ['quotes', 'matrix', 'cooccurrence'] as const) {
  for (const format of ['md', 'csv', 'json', 'html'] as const) {
    test(`${kind} as ${format}: exact output`, () => {
      let text = rendered(kind, format);
      if (format === 'html') {
        const head = text.slice(0, text.indexOf('<body>'));
        assert.match(head, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
        assert.match(head, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
        assert.doesNotMatch(text, /<script/i);
        text = text.slice(text.indexOf('<body>'));
      }
      assert.equal(text, EXPECTED[`${kind}_${format}`]);
    });
  }
}

test('JSON shapes of DESIGN.md §11', () => {
  const matrix = JSON.parse(rendered('matrix', 'json'));
  assert.deepEqual(matrix.cases, ['Smith, "J"\nsecond line']);
  assert.deepEqual(matrix.rows.map((r: { id: string; label: string; counts: unknown }) => [r.id, r.label, r.counts]), [
    ['voice', 'Voice, "quoted"', { 'Smith, "J"\nsecond line': 1 }],
    ['say', 'Says <b>so</b> | plainly', { 'Smith, "J"\nsecond line': 1 }],
    ['free', '', { 'Smith, "J"\nsecond line': 1 }],
  ]);
  assert.deepEqual(JSON.parse(rendered('cooccurrence', 'json')).pairs, [{ a: 'free', b: 'say', count: 1 }]);
});

test('CSV: a cell a spreadsheet would run as a formula is written as text (OWASP: a leading single quote)', () => {
  const { index } = indexFixture('//- /transcripts/P1.md\n---\ncase: "=HYPERLINK(1)"\n---\n**P1:** [=SUM(A1)]{#f} [-2 costs]{#f} [@x]{#f} [+1]{#f} [a=b]{#f}\n');
  const csv = renderReport({ kind: 'quotes', report: quoteBank(index, all(index)) }, 'csv');
  assert.deepEqual(csv.split('\r\n').slice(1, -1), [
    "f,code,,,'=HYPERLINK(1),transcripts/P1.md,4,'=SUM(A1)",
    "f,code,,,'=HYPERLINK(1),transcripts/P1.md,4,'-2 costs",
    "f,code,,,'=HYPERLINK(1),transcripts/P1.md,4,'@x",
    "f,code,,,'=HYPERLINK(1),transcripts/P1.md,4,'+1",
    'f,code,,,\'=HYPERLINK(1),transcripts/P1.md,4,a=b',
  ]);
  const matrix = renderReport({ kind: 'matrix', report: caseMatrix(index, all(index)) }, 'csv');
  assert.equal(matrix, "id,kind,label,'=HYPERLINK(1)\r\nf,code,,5\r\n");
});
