// The `marginalia` command: check, stats and the language server.
// Usage errors print one sentence and exit 2; nothing prints a stack trace.

import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { plural, projectStats, scopedStats } from '../core';
import { loadProjectFast } from '../host/projectFiles';
import { projectRoots } from '../host/findProject';
import { collectDiagnostics, formatGithub, formatJson, formatText } from './diagnosticsReport';
import { formatStatsTable } from './statsTable';
import { agreeCommand, agreementText, unknownAgreementOptions, diffCommand, diffMarkdown, diffText } from './review';
import { GitError } from '../host/git';
import { importCommand } from './importCommand';
import { defaultImportFolder, exportCommand } from './refi';
import { isReportKind, reportFormat, reportText, ReportUsageError, selectionOf } from './report';
import { writeFileSync } from 'node:fs';

const VERSION = '0.1.0';

const HELP = `Marginalia — qualitative coding in markdown transcripts

Usage:
  marginalia check [folder] [--format text|github|json] [--strict]
      Every problem in the project. Exit 1 if there is an error (with --strict: a warning too).
  marginalia stats [folder] [--format text|json] [--where attr=value]…
      Cases, themes and codes with their extract counts, and every coded extract.
  marginalia report quotes|matrix|cooccurrence [folder] [--format md|csv|json|html]
                    [--where attr=value]… [-o file]
      For the write-up: the quote bank (extracts by theme), the code-by-case matrix, or
      which codes occur together. --where keeps the cases with that front-matter
      attribute (repeat it: all must hold).
  marginalia diff [base [head]] [--folder F] [--format text|markdown|json]
      What changed in the coding between two git refs (default: HEAD and the working tree).
  marginalia agree <refA> <refB> [--refs A,B,C] [--codes a,b] [--cases P01,P02] [--folder F] [--format text|json]
      Intercoder agreement between coders' branches: percent agreement, Cohen's kappa and
      Krippendorff's alpha per code, on the characters of the transcripts.
  marginalia import <file…> [--into folder] [--force]
      Word (.docx), caption (.vtt, .srt) and plain-text (.txt) transcripts as markdown
      transcripts in the folder (default: transcripts/). Never overwrites without --force.
  marginalia export [folder] -o <file.qdpx|file.qdc>
      The project as REFI-QDA, for NVivo, ATLAS.ti, MAXQDA and QualCoder: a .qdpx holds
      codebook, transcripts, cases and every coded extract; a .qdc the codebook alone.
  marginalia lsp --stdio
      The language server, for any editor that speaks LSP.

The folder defaults to the current one; a folder inside a project stands for the project.
--json is short for --format json. check and stats keep what they parsed in your
cache folder and reuse it for files that did not change (--no-cache: parse everything).`;

class UsageError extends Error {}

interface Args {
  command: string;
  folder: string;
  positional: string[];
  flags: Map<string, string | true>;
  /** Every `--where attr=value`, in order (repeatable). */
  where: string[];
}

const VALUE_FLAGS = ['format', 'folder', 'refs', 'codes', 'cases', 'into', 'output', 'where'];

function parseArgs(argv: string[]): Args {
  const [command = 'help', ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const where: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] === '-o' ? '--output' : rest[i];
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=', 1)[0];
      const eq = a.indexOf('=');
      const given = eq < 0 ? undefined : a.slice(eq + 1);
      if (given !== undefined) flags.set(name, given);
      else if (VALUE_FLAGS.includes(name)) {
        if (i + 1 >= rest.length) throw new UsageError(`--${name} needs a value.`);
        flags.set(name, rest[++i]);
      } else flags.set(name, true);
      if (name === 'where') where.push(String(flags.get(name)));
    } else positional.push(a);
  }
  if (command === 'report') {
    const [kind, folder = '.', ...more] = positional;
    if (kind === undefined || !isReportKind(kind)) throw new UsageError(`Name the report: marginalia report quotes, matrix or cooccurrence${kind ? ` (not "${kind}")` : ''}.`);
    if (more.length > 0) throw new UsageError(`Give one project folder, not ${more.length + 1} ("${[folder, ...more].join('", "')}").`);
    return { command, folder, positional, flags, where };
  }
  if (command !== 'diff' && command !== 'agree' && command !== 'import' && positional.length > 1) {
    throw new UsageError(`Give one project folder, not ${positional.length} ("${positional.join('", "')}").`);
  }
  return { command, folder: positional[0] ?? '.', positional, flags, where };
}

function allowFlags(args: Args, allowed: string[]): void {
  for (const name of args.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`"${args.command}" has no option --${name}; see "marginalia --help".`);
  }
}

function projectFolder(folder: string): string {
  const root = resolve(folder);
  if (!existsSync(root)) throw new UsageError(`There is no folder "${folder}".`);
  if (!statSync(root).isDirectory()) throw new UsageError(`"${folder}" is a file; give the project folder that holds it.`);
  return root;
}

/** The project(s) a folder argument stands for: the one at or above it, else those below it (host/findProject.ts). */
function projectsOf(folder: string): string[] {
  return projectRoots(projectFolder(folder));
}

function oneProject(folder: string): string {
  const roots = projectsOf(folder);
  if (roots.length > 1) {
    const names = roots.map((r) => `"${relative(resolve(folder), r).split('\\').join('/')}"`).join(', ');
    throw new UsageError(`"${folder}" holds ${roots.length} coding projects (${names}): give the folder of one of them.`);
  }
  return roots[0];
}

/** `--format`, or its alias `--json`, checked against the formats the command offers (the first is the default). */
function formatOf(args: Args, formats: string[]): string {
  const given = args.flags.get('format');
  if (args.flags.has('json') && given !== undefined && given !== 'json') throw new UsageError(`Give either --format ${String(given)} or --json, not both.`);
  const format = args.flags.has('json') ? 'json' : (given ?? formats[0]);
  if (typeof format !== 'string' || !formats.includes(format)) {
    throw new UsageError(`Unknown format "${String(format)}": use ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}.`);
  }
  return format;
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP + '\n');
      return 0;
    case '--version':
    case 'version':
      process.stdout.write(VERSION + '\n');
      return 0;
    case 'check': {
      allowFlags(args, ['format', 'json', 'strict', 'no-cache']);
      const format = formatOf(args, ['text', 'github', 'json']);
      const roots = projectsOf(args.folder);
      // Several projects below the folder: each is checked; JSON paths then start at the folder.
      let transcripts = 0;
      const list = [];
      for (const root of roots) {
        const { index, skipped } = await loadProjectFast(root, { cache: !args.flags.has('no-cache') });
        transcripts += index.transcriptPaths().length;
        const prefix = roots.length > 1 ? relative(resolve(args.folder), root).split('\\').join('/') + '/' : '';
        list.push(...collectDiagnostics(index, skipped).map((d) => ({ ...d, root, file: d.file, json: prefix + d.file })));
      }
      const out = format === 'json' ? formatJson(list.map((d) => ({ ...d, file: d.json }))) : list.map((d) => (format === 'github' ? formatGithub([d], d.root) : formatText([d], d.root))).join('\n');
      if (out) process.stdout.write(out + '\n');
      else if (format === 'text') process.stdout.write(`No problems in ${plural(transcripts, 'transcript')}.\n`);
      const failing = list.some((d) => d.severity === 'error' || (args.flags.has('strict') && d.severity === 'warning'));
      return failing ? 1 : 0;
    }
    case 'stats': {
      allowFlags(args, ['format', 'json', 'no-cache', 'where']);
      const format = formatOf(args, ['text', 'json']);
      const root = oneProject(args.folder);
      const { index } = await loadProjectFast(root, { cache: !args.flags.has('no-cache') });
      const stats = args.where.length > 0 ? scopedStats(index, selectionOf(index, args.where)) : projectStats(index);
      process.stdout.write(format === 'json' ? JSON.stringify(stats, null, 2) + '\n' : formatStatsTable(stats));
      return 0;
    }
    case 'report': {
      allowFlags(args, ['format', 'json', 'where', 'output', 'no-cache']);
      if (args.flags.has('json') && args.flags.has('format') && args.flags.get('format') !== 'json') throw new UsageError(`Give either --format ${String(args.flags.get('format'))} or --json, not both.`);
      const format = reportFormat(args.flags.has('json') ? 'json' : args.flags.get('format'));
      const { index } = await loadProjectFast(oneProject(args.folder), { cache: !args.flags.has('no-cache') });
      const text = reportText(index, args.positional[0] as Parameters<typeof reportText>[1], format, selectionOf(index, args.where));
      const output = args.flags.get('output');
      if (typeof output === 'string') writeFileSync(output, text);
      else process.stdout.write(text);
      return 0;
    }
    case 'diff': {
      allowFlags(args, ['format', 'json', 'folder']);
      const format = formatOf(args, ['text', 'markdown', 'json']);
      if (args.positional.length > 2) throw new UsageError('Give at most two refs: marginalia diff [base [head]].');
      const root = oneProject(String(args.flags.get('folder') ?? '.'));
      const [base = 'HEAD', head] = args.positional;
      const diff = diffCommand(root, base, head);
      const headName = head ?? 'the working tree';
      process.stdout.write(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : format === 'markdown' ? diffMarkdown(diff, base, headName) : diffText(diff, base, headName));
      return 0;
    }
    case 'agree': {
      allowFlags(args, ['refs', 'codes', 'cases', 'folder', 'format', 'json']);
      const format = formatOf(args, ['text', 'json']);
      const list = (name: string): string[] | undefined => {
        const v = args.flags.get(name);
        return typeof v === 'string' ? v.split(',').map((x) => x.trim().replace(/^#/, '')).filter(Boolean) : undefined;
      };
      const refs = list('refs') ?? args.positional;
      if (refs.length < 2) throw new UsageError('Give two coders\' refs (marginalia agree branch-a branch-b), or more with --refs a,b,c.');
      const root = oneProject(String(args.flags.get('folder') ?? '.'));
      const report = agreeCommand(root, refs, { codes: list('codes'), cases: list('cases') });
      const unknown = unknownAgreementOptions(report);
      if (unknown) throw new UsageError(unknown);
      process.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : agreementText(report));
      return 0;
    }
    case 'import':
      allowFlags(args, ['into', 'force']);
      return importCommand(args.positional, { into: String(args.flags.get('into') ?? defaultImportFolder(args.positional)), force: args.flags.has('force') });
    case 'export': {
      allowFlags(args, ['output']);
      const output = args.flags.get('output');
      if (typeof output !== 'string') throw new UsageError('Say where to write the export: marginalia export [folder] -o study.qdpx (or codebook.qdc).');
      return exportCommand(oneProject(args.folder), output);
    }
    case 'lsp': {
      allowFlags(args, ['stdio']);
      const { startServer } = await import('../server/src/startServer');
      startServer();
      return -1; // keeps running until the client disconnects
    }
    default:
      throw new UsageError(`Unknown command "${args.command}": use check, stats, report, diff, agree, import, export or lsp (see "marginalia --help").`);
  }
}

// `marginalia stats | head -1`: the reader went away; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof GitError || e instanceof ReportUsageError) {
      process.stderr.write(`marginalia: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`marginalia: something went wrong inside Marginalia (${e instanceof Error ? e.message : String(e)}). Please report it.\n`);
      process.exitCode = 3;
    }
  },
);
