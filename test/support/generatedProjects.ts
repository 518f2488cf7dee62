// Generated coding projects for REFI-QDA properties (fast-check): a codebook of
// themes and nested codes with awkward labels, transcripts with CRLF or LF,
// non-BMP characters, escapes, bracketed notation, nested spans, paragraph
// coding, undefined (inductive) codes and typed front matter.

import fc from 'fast-check';

const WORDS = ['well', 'Ça', 'va', 'naïve', '😀', '𝒜', 'so', 'I', 'think', '&', '<b>', '"quoted"', 'it’s', '\\[laughs\\]', '[sic]', '5.', 'x_y', 'end.'];
const LABEL_WORDS = ['Peer', 'Mentoring', '(informal)', 'CAT', '-', 'Accès', 'aux', 'soins', '03', '&', '<b>', '"q"', 'Zoë', '😀'];

export interface GeneratedProject {
  files: Map<string, string>;
}

interface NodeSpec {
  id: string;
  label: string;
  definition: string;
  children: NodeSpec[];
}

const label = fc.array(fc.constantFrom(...LABEL_WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));

export const generatedProject: fc.Arbitrary<GeneratedProject> = fc
  .record({
    themes: fc.array(
      fc.record({
        label,
        definition: fc.option(sentence, { nil: '' }),
        codes: fc.array(fc.record({ label, definition: fc.option(sentence, { nil: '' }), children: fc.array(fc.record({ label }), { maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    transcripts: fc.array(
      fc.record({
        crlf: fc.boolean(),
        attributes: fc.record({ band: fc.option(fc.integer({ min: 1, max: 9 })), role: fc.option(fc.constantFrom('OT', 'Link worker', 'Zoë & co')), senior: fc.option(fc.boolean()) }),
        paragraphs: fc.array(
          fc.array(fc.record({ words: sentence, code: fc.option(fc.nat(20)), inner: fc.option(fc.nat(20)) }), { minLength: 1, maxLength: 4 }),
          { minLength: 1, maxLength: 4 },
        ),
        paragraphCode: fc.option(fc.nat(20)),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ themes, transcripts }) => {
    const files = new Map<string, string>();
    const ids: string[] = [];
    const nodes: NodeSpec[] = themes.map((t, i) => {
      const id = `theme-${i}`;
      ids.push(id);
      return {
        id,
        label: t.label,
        definition: t.definition,
        children: t.codes.map((c, j) => {
          const cid = `c${i}-${j}`;
          ids.push(cid);
          return {
            id: cid,
            label: c.label,
            definition: c.definition,
            children: c.children.map((k, n) => {
              ids.push(`${cid}-${n}`);
              return { id: `${cid}-${n}`, label: k.label, definition: '', children: [] };
            }),
          };
        }),
      };
    });
    const codebook: string[] = [];
    for (const t of nodes) {
      codebook.push(`# ${t.label} {#${t.id}}`, '');
      if (t.definition) codebook.push(escapeLine(t.definition), '');
      const item = (c: NodeSpec, indent: string): void => {
        codebook.push(`${indent}- #${c.id}: ${c.label}`);
        if (c.definition) codebook.push(`${indent}  ${escapeLine(c.definition)}`);
        for (const k of c.children) item(k, indent + '  ');
      };
      for (const c of t.children) item(c, '');
      codebook.push('');
    }
    files.set('codebook.md', codebook.join('\n'));
    const codeAt = (n: number): string => (n < ids.length ? ids[n] : `inductive-${n % 3}`);
    transcripts.forEach((t, i) => {
      const eol = t.crlf ? '\r\n' : '\n';
      const fm = Object.entries(t.attributes).filter(([, v]) => v !== null);
      const head = fm.length > 0 ? ['---', ...fm.map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`), '---', ''] : [];
      const paras = t.paragraphs.map((pieces, p) => {
        const text = pieces
          .map((piece) => {
            if (piece.code === null) return piece.words;
            const inner = piece.inner === null ? piece.words : `[${piece.words}]{#${codeAt(piece.inner)}}`;
            return `[${inner} more]{#${codeAt(piece.code)}}`;
          })
          .join(' ');
        return p === 0 && t.paragraphCode !== null ? `**P${i}:** ${text} {#${codeAt(t.paragraphCode)}}` : text;
      });
      files.set(`transcripts/P${i}.md`, [...head, ...paras.flatMap((p) => [p, ''])].join(eol));
    });
    return { files };
  });

function escapeLine(s: string): string {
  return s.replace(/[<&\\[\]]/g, (c) => (c === '<' ? '&lt;' : c === '&' ? '&amp;' : `\\${c}`));
}
