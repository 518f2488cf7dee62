// The public face of the core: the coding language of DESIGN.md, pure (no I/O,
// no LSP, no VS Code). The CLI, the language server and the tree view use this.

export * from './types';
export * from './codeName';
export * from './wording';
export { LineIndex, LineMap, lineStartsOf, stripBom } from './text/lineIndex';
export { parseTranscript, defaultCaseId, lineMapOf, segmentId } from './transcript/parseTranscript';
export type { ParsedTranscript, Segment, CodeToken, SpeakerTurn, CodingMarkup, ParseOptions } from './transcript/parseTranscript';
export { plainTranscript, OffsetMap } from './transcript/plainText';
export type { PlainTranscript, PlainSegment, PlainTextOptions } from './transcript/plainText';
export { CodePointIndex, codePointOffset, utf16Offset } from './text/codePoints';
export { parseCodebook } from './codebook/parseCodebook';
export type { CodebookNode, ParsedCodebook } from './codebook/parseCodebook';
export { parseConfig, FileClassifier, CONFIG_FILE, DEFAULT_CONFIG, isAlwaysExcluded } from './project/config';
export type { ProjectConfig, FileRole, ParsedConfig } from './project/config';
export { summarizeFile, PARSER_VERSION } from './project/fileSummary';
export type { FileSummary } from './project/fileSummary';
export { ProjectIndex, loadOrder } from './project/projectIndex';
export type { NodeCounts, IndexChange, SegmentRef, TokenRef, IndexOptions } from './project/projectIndex';
export { projectStats } from './project/stats';
export type { ProjectStats, NodeStatsRow, SegmentRow, CaseStats } from './project/stats';
export { escapeMarkdownText, escapeMarkdownParagraph, normalizeParagraphText, markdownHeading } from './text/escapeMarkdown';
export type { EscapeOptions } from './text/escapeMarkdown';
export { transcriptMarkdown, formatTimestamp, inlineMarkdown } from './import/transcriptModel';
export type { ImportedTranscript, ImportBlock, TextRun } from './import/transcriptModel';
export { captionBlocks } from './import/captions';
export type { CaptionCue } from './import/captions';
export { plainTextBlocks } from './import/plainText';
export { wordBlocks } from './import/wordDocument';
export type { WordParagraph } from './import/wordDocument';
export { speakerLabel, speakerHeader, acceptSpeakers } from './import/speakers';
export { parseCondition, selectCases, caseAttributes, attributeValue, describeConditions, naturalCompare } from './reports/cases';
export type { CaseCondition, CaseSelection } from './reports/cases';
export { quoteBank, caseMatrix, cooccurrence, reportNodes, scopedStats, scopedCounts } from './reports/reports';
export type { ReportScope, ReportNode, Quote, QuoteBank, QuoteBankNode, MatrixRow, CaseMatrix, Cooccurrence, CooccurrencePair, ScopedCounts } from './reports/reports';
export { renderReport, scopeLine, nodeName, escapeHtml, REPORT_KINDS, REPORT_FORMATS, REPORT_TITLES } from './reports/render';
export type { ReportKind, ReportFormat, ReportModel } from './reports/render';
export * from './edit';
