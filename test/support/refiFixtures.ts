// REFI-QDA projects in the shapes real tools write them (hand-made, small):
// MAXQDA (sources/ folder, codes with Description, isCodable and colours,
// document variables on sources), NVivo (GUIDs in braces, Users, creatingUser,
// cases with variables, a memo, a picture, CRLF text), ATLAS.ti (codebook-only
// .qdc; a project whose positions count a CRLF as one character, as its origin
// says) and QualCoder (Sources/ folder, one selection per coding with name =
// the quoted text, inline PlainTextContent). Positions are computed from the
// quoted words so each fixture says which words each code must end up on.

import { strToU8, zipSync } from 'fflate';

export interface FixtureSelection {
  code: string;
  /** The coded words: the selection starts at their `nth` occurrence (default the first). */
  quote: string;
  nth?: number;
}

/** [start, end) in code points of `quote` in `text` (a CRLF counted once when crlfAsOne). */
export function positionsOf(text: string, quote: string, nth = 0, crlfAsOne = false): [number, number] {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`fixture: "${quote}" is not in the text`);
  }
  const count = (s: string): number => [...(crlfAsOne ? s.replace(/\r\n/g, '\n') : s)].length;
  return [count(text.slice(0, at)), count(text.slice(0, at + quote.length))];
}

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function qdpx(xml: string, sources: Record<string, string>): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const [path, text] of Object.entries(sources)) files[path] = strToU8(text);
  return zipSync(files);
}

// ---- MAXQDA -------------------------------------------------------------------

export const MAXQDA_TEXT = [
  'Interviewer: How did you find support?',
  '',
  'R1: Honestly [laughs] my *peer mentor* was everything 😀 to me. # not a heading',
  '1. not a list either, and {#not-a-code} stays text.',
  '',
  'R1: Then the clinic – accès aux soins – got easier.',
].join('\n');

export const MAXQDA_SELECTIONS: FixtureSelection[] = [
  { code: 'CAT - Peer Mentoring (informal)', quote: 'my *peer mentor* was everything 😀 to me' },
  { code: 'Support', quote: 'peer mentor* was everything 😀 to me. # not a heading\n1. not a list' }, // crosses the one above
  { code: '03 Accès aux soins', quote: 'accès aux soins' },
  { code: 'CAT: Peer Mentoring, informal', quote: 'Honestly [laughs] my *peer mentor* was everything 😀 to me. # not a heading\n1. not a list either, and {#not-a-code} stays text.\n\nR1: Then the clinic' }, // over two paragraphs
];

export function maxqdaProject(): Uint8Array {
  const g = (n: number): string => `6f1c2a3b-4d5e-4f60-8a7b-${String(n).padStart(12, '0')}`;
  const codeGuid: Record<string, string> = {
    'CAT - Peer Mentoring (informal)': g(1),
    Support: g(2),
    Family: g(3),
    'Support (family)': g(4),
    '03 Accès aux soins': g(5),
    'CAT: Peer Mentoring, informal': g(6),
  };
  const sels = MAXQDA_SELECTIONS.map((s, i) => {
    const [a, b] = positionsOf(MAXQDA_TEXT, s.quote, s.nth);
    return `      <PlainTextSelection guid="${g(100 + i)}" name="${esc(s.quote.slice(0, 20))}" startPosition="${a}" endPosition="${b}" creatingUser="${g(99)}" creationDateTime="2023-04-02T10:11:12Z">
        <Coding guid="${g(200 + i)}" creatingUser="${g(99)}" creationDateTime="2023-04-02T10:11:12Z"><CodeRef targetGUID="${codeGuid[s.code]}"/></Coding>
      </PlainTextSelection>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Peer support" origin="MAXQDA 2022 (Release 22.0.1)" creatingUserGUID="${g(99)}" creationDateTime="2023-04-02T10:11:12Z">
  <Users><User guid="${g(99)}" name="AB"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(1)}" name="CAT - Peer Mentoring (informal)" isCodable="true" color="#ff0000">
        <Description>Informal mentoring between peers &amp; friends.</Description>
        <Code guid="${g(2)}" name="Support" isCodable="true" color="#00ff00"/>
      </Code>
      <Code guid="${g(3)}" name="Family" isCodable="false" color="#0000FF">
        <Code guid="${g(4)}" name="Support" isCodable="true" color="#00f"/>
      </Code>
      <Code guid="${g(5)}" name="03 Accès aux soins" isCodable="true" color="#123456"><Description>Access to care.</Description></Code>
      <Code guid="${g(6)}" name="CAT: Peer Mentoring, informal" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${g(50)}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${g(51)}" name="Site" typeOfVariable="Text"/>
  </Variables>
  <Sources>
    <TextSource guid="${g(10)}" name="Interview 01.docx" richTextPath="internal://${g(10)}.docx" plainTextPath="internal://${g(10)}.txt" creatingUser="${g(99)}" creationDateTime="2023-04-02T10:11:12Z">
${sels.join('\n')}
      <VariableValue><VariableRef targetGUID="${g(50)}"/><IntegerValue>34</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(51)}"/><TextValue>Lyon</TextValue></VariableValue>
    </TextSource>
  </Sources>
</Project>`;
  return qdpx(xml, { [`sources/${g(10)}.txt`]: '\uFEFF' + MAXQDA_TEXT, [`sources/${g(10)}.docx`]: 'not really a docx' });
}

// ---- NVivo --------------------------------------------------------------------

export const NVIVO_TEXT = 'Q: What changed?\r\n\r\nA: We 𝒜dapted – the team met weekly.\r\nIt helped.\r\n\r\nA: Funding was the worry.';

export const NVIVO_SELECTIONS: FixtureSelection[] = [
  { code: 'Adaptation', quote: 'We 𝒜dapted – the team met weekly.\r\nIt helped.' },
  { code: 'Team', quote: 'the team met weekly' },
  { code: 'Funding', quote: 'Funding was the worry.' },
];

export function nvivoProject(): Uint8Array {
  const G = (n: number): string => `{A1B2C3D4-E5F6-4A7B-8C9D-${String(n).padStart(12, '0')}}`;
  const codeGuid: Record<string, string> = { Adaptation: G(1), Team: G(2), Funding: G(3) };
  const sels = NVIVO_SELECTIONS.map((s, i) => {
    const [a, b] = positionsOf(NVIVO_TEXT, s.quote, s.nth);
    return `<PlainTextSelection guid="${G(100 + i)}" name="${esc(s.code)}" startPosition="${a}" endPosition="${b}" creatingUser="${G(90)}" creationDateTime="2022-01-01T00:00:00Z" modifyingUser="${G(90)}" modifiedDateTime="2022-01-01T00:00:00Z"><Coding guid="${G(200 + i)}" creatingUser="${G(90)}" creationDateTime="2022-01-01T00:00:00Z"><CodeRef targetGUID="${codeGuid[s.code]}"/></Coding></PlainTextSelection>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?><Project name="Service change" origin="NVivo 14" creatingUserGUID="${G(90)}" creationDateTime="2022-01-01T00:00:00Z" xmlns="urn:QDA-XML:project:1.0"><Users><User guid="${G(90)}" name="Jo Bloggs" id="JB"/></Users><CodeBook><Codes><Code guid="${G(1)}" name="Adaptation" isCodable="true"><Description>How services adapted.</Description><NoteRef targetGUID="${G(60)}"/><Code guid="${G(2)}" name="Team" isCodable="true"/></Code><Code guid="${G(3)}" name="Funding" isCodable="true"/></Codes></CodeBook><Variables><Variable guid="${G(50)}" name="Gender" typeOfVariable="Text"/><Variable guid="${G(51)}" name="Manager" typeOfVariable="Boolean"/><Variable guid="${G(52)}" name="Interviewed" typeOfVariable="Date"/></Variables><Cases><Case guid="${G(40)}" name="Participant 7"><VariableValue><VariableRef targetGUID="${G(50)}"/><TextValue>Female</TextValue></VariableValue><VariableValue><VariableRef targetGUID="${G(51)}"/><BooleanValue>true</BooleanValue></VariableValue><VariableValue><VariableRef targetGUID="${G(52)}"/><DateValue>2021-11-30</DateValue></VariableValue><SourceRef targetGUID="${G(10)}"/></Case></Cases><Sources><TextSource guid="${G(10)}" name="Participant 7" plainTextPath="internal://${G(10).slice(1, -1)}.txt" creatingUser="${G(90)}" creationDateTime="2022-01-01T00:00:00Z">${sels.join('')}</TextSource><PictureSource guid="${G(11)}" name="Whiteboard photo" path="internal://${G(11).slice(1, -1)}.jpg"><PictureSelection guid="${G(12)}" firstX="1" firstY="1" secondX="5" secondY="5"><Coding guid="${G(13)}"><CodeRef targetGUID="${G(2)}"/></Coding></PictureSelection></PictureSource></Sources><Notes><Note guid="${G(60)}" name="Adaptation memo" creatingUser="${G(90)}"><PlainTextContent>Adaptation came up in every interview.&#13;&#10;&#13;&#10;Check against the rota.</PlainTextContent></Note></Notes></Project>`;
  return qdpx(xml, { [`sources/${G(10).slice(1, -1)}.txt`]: NVIVO_TEXT });
}

// ---- ATLAS.ti -----------------------------------------------------------------

export const ATLAS_CODEBOOK = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 9.1.3">
  <Codes>
    <Code guid="0b0f4a55-0d68-4a2e-9bd3-000000000001" name="Barriers" isCodable="true" color="#AA0000">
      <Description>Anything that stands in the way.</Description>
      <Code guid="0b0f4a55-0d68-4a2e-9bd3-000000000002" name="Barriers: cost" isCodable="true"/>
      <Code guid="0b0f4a55-0d68-4a2e-9bd3-000000000003" name="Barriers: time" isCodable="true"/>
    </Code>
    <Code guid="0b0f4a55-0d68-4a2e-9bd3-000000000004" name="Facilitators" isCodable="true"/>
  </Codes>
</CodeBook>`;

export const ATLAS_TEXT = 'I: Why not?\r\nR: It costs too much.\r\nR: And there is no time.';
export const ATLAS_SELECTIONS: FixtureSelection[] = [
  { code: 'Barriers: cost', quote: 'It costs too much.' },
  { code: 'Barriers: time', quote: 'there is no time' },
];

/** An ATLAS.ti project: its positions count a CRLF as one character. */
export function atlasProject(): Uint8Array {
  const guid = (n: number): string => `0b0f4a55-0d68-4a2e-9bd3-${String(n).padStart(12, '0')}`;
  const codeGuid: Record<string, string> = { 'Barriers: cost': guid(2), 'Barriers: time': guid(3) };
  const codes = ATLAS_CODEBOOK.slice(ATLAS_CODEBOOK.indexOf('<Codes>'), ATLAS_CODEBOOK.indexOf('</CodeBook>'));
  const sels = ATLAS_SELECTIONS.map((s, i) => {
    const [a, b] = positionsOf(ATLAS_TEXT, s.quote, s.nth, true);
    return `<PlainTextSelection guid="${guid(100 + i)}" startPosition="${a}" endPosition="${b}"><Coding guid="${guid(200 + i)}"><CodeRef targetGUID="${codeGuid[s.code]}"/></Coding></PlainTextSelection>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Barriers" origin="ATLAS.ti Windows 22.0.6">
  <CodeBook>${codes}</CodeBook>
  <Sources><TextSource guid="${guid(10)}" name="D1: Interview R" plainTextPath="internal://${guid(10)}.txt">${sels.join('')}</TextSource></Sources>
</Project>`;
  return qdpx(xml, { [`sources/${guid(10)}.txt`]: ATLAS_TEXT });
}

// ---- QualCoder ----------------------------------------------------------------

export const QUALCODER_TEXT = 'Coder notes aside, the participant said: "I felt alone until the group." Then silence.';
export const QUALCODER_SELECTIONS: FixtureSelection[] = [
  { code: 'Isolation', quote: 'I felt alone' },
  { code: 'Group', quote: 'I felt alone until the group.' },
  { code: 'Isolation', quote: 'I felt alone until the group.' }, // same words, another code: one extract
];

export function qualcoderProject(): Uint8Array {
  const guid = (n: number): string => `9e8d7c6b-5a49-4838-a726-${String(n).padStart(12, '0')}`;
  const codeGuid: Record<string, string> = { Isolation: guid(1), Group: guid(2) };
  const sels = QUALCODER_SELECTIONS.map((s, i) => {
    const [a, b] = positionsOf(QUALCODER_TEXT, s.quote, s.nth);
    return `<PlainTextSelection guid="${guid(100 + i)}" startPosition="${a}" endPosition="${b}" name="${esc(s.quote)}" creatingUser="${guid(90)}" creationDateTime="2024-05-05T09:00:00Z">
<Coding guid="${guid(200 + i)}" creatingUser="${guid(90)}" ><CodeRef targetGUID="${codeGuid[s.code]}"/>
</Coding>
</PlainTextSelection>
`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project
xmlns="urn:QDA-XML:project:1.0"
origin="QualCoder 3.5" name="group study" creatingUserGUID="${guid(90)}">
<Users>
<User guid="${guid(90)}" name="default"/>
</Users>
<CodeBook>
<Codes>
<Code guid="${guid(3)}" name="Feelings" isCodable="true" color="#F5D29B">
<Description>category</Description>
<Code guid="${guid(1)}" name="Isolation" isCodable="true" color="#9BB7F5"><Description>Feeling alone.</Description>
</Code>
</Code>
<Code guid="${guid(2)}" name="Group" isCodable="true" color="#EB7333">
</Code>
</Codes>
</CodeBook>
<Cases>
<Case guid="${guid(40)}" name="Group member 3">
<SourceRef targetGUID="${guid(10)}"/>
</Case>
</Cases>
<Sources>
<TextSource guid="${guid(10)}" name="member3.txt" plainTextPath="internal://Sources/member3.txt" creatingUser="${guid(90)}" creationDateTime="2024-05-05T09:00:00Z" >
${sels.join('')}</TextSource>
<TextSource guid="${guid(11)}" name="field note" creatingUser="${guid(90)}"><PlainTextContent>A short inline note about the room.</PlainTextContent></TextSource>
</Sources>
</Project>`;
  return qdpx(xml, { 'Sources/member3.txt': QUALCODER_TEXT });
}
