// `npm run bench`: indexing and editing speed on a 1,000-transcript project.
// Measures, side by side in one run, a read+regex floor, cold indexing by the
// CLI and by the server, keystroke → diagnostics latency, completion, hover,
// the tree request and heap; writes bench/RESULTS.md.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient } from '../test/support/lspClient';
import { PROJECT_ROOT } from '../test/support/tempProject';
import { generateProject } from './generateProject';
import { loadProject } from '../host/projectFiles';
import { caseMatrix, cooccurrence, quoteBank, selectCases, type CaseSelection } from '../core';

const ROOT = join(PROJECT_ROOT, 'bench/.project');
const ROOT_3000 = join(PROJECT_ROOT, 'bench/.project-3000');
const EDITS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v: number): string => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

function baseline(root: string): number {
  const t0 = performance.now();
  let groups = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.md')) groups += readFileSync(join(dir, e.name), 'utf8').match(/\{#[^}]*\}/g)?.length ?? 0;
    }
  };
  walk(root);
  if (groups === 0) throw new Error('no coding groups found');
  return performance.now() - t0;
}

/** Runs the CLI once: wall time (whole process), its CPU time and peak resident memory (from the process itself). */
function cliRun(args: string[]): { ms: number; cpuMs: number; peakMb: number } {
  const probe = join(mkdtempSync(join(tmpdir(), 'marginalia-bench-')), 'peak.js');
  writeFileSync(probe, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('peak-rss-kb=' + u.maxRSS + ' cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, join(PROJECT_ROOT, 'bin/marginalia.js'), ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const elapsed = performance.now() - t0;
  if (r.status !== 0) throw new Error(`marginalia ${args.join(' ')} failed: ${r.stderr}`);
  const kb = Number(/peak-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpuUs = Number(/cpu-us=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms: elapsed, cpuMs: cpuUs / 1000, peakMb: kb / 1024 };
}

/** REFI-QDA export and import of a project, through the CLI. */
type Run = ReturnType<typeof cliRun>;
const refiCell = (r: Run): string => `${ms(r.ms)} (CPU ${ms(r.cpuMs)}) · peak ${r.peakMb.toFixed(0)} MB`;

function refiRoundTrip(root: string): { exported: Run; imported: Run; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-refi-'));
  const file = join(dir, 'project.qdpx');
  const exported = cliRun(['export', root, '-o', file]);
  const imported = cliRun(['import', file, '--into', join(dir, 'imported')]);
  const bytes = statSync(file).size;
  rmSync(dir, { recursive: true, force: true });
  return { exported, imported, bytes };
}

async function main(): Promise<void> {
  console.log('Generating the project…');
  const project = generateProject(ROOT);
  console.log(`${project.files} files, ${(project.bytes / 1e6).toFixed(1)} MB`);

  // 1. The physical floor (best of 3, warm file cache).
  const floor = Math.min(baseline(ROOT), baseline(ROOT), baseline(ROOT));

  // 2a. Cold index through the CLI (a whole process: start-up included), then warm from the parse cache.
  const cacheHome = mkdtempSync(join(tmpdir(), 'marginalia-bench-cache-'));
  const cliRun = (root: string, ...flags: string[]): { ms: number; stdout: string; rssMb: number } => {
    const t = performance.now();
    // GNU time reports the peak memory where it is installed.
    const timed = existsSync('/usr/bin/time');
    const argv = [join(PROJECT_ROOT, 'bin/marginalia.js'), 'stats', root, '--json', ...flags];
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...argv], { maxBuffer: 1 << 30, env: { ...process.env, XDG_CACHE_HOME: cacheHome } })
      : spawnSync(process.execPath, argv, { maxBuffer: 1 << 30, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    const elapsed = performance.now() - t;
    if (r.status !== 0) throw new Error(`stats failed: ${r.stderr}`);
    const rssKb = timed ? Number(String(r.stderr).trim().split('\n').pop()) : NaN;
    return { ms: elapsed, stdout: String(r.stdout), rssMb: rssKb / 1024 };
  };
  const cold = cliRun(ROOT, '--no-cache');
  const cliMs = cold.ms;
  const segments = (JSON.parse(cold.stdout) as { segments: unknown[] }).segments.length;
  cliRun(ROOT); // writes the cache
  const warm = cliRun(ROOT);
  if (warm.stdout !== cold.stdout) throw new Error('the warm start answered differently from the cold one');
  console.log(`floor ${ms(floor)}, CLI cold ${ms(cliMs)}, warm ${ms(warm.ms)}`);

  // 2c. Growth: the same measure on 3,000 transcripts.
  console.log('Generating the 3,000-transcript project…');
  const big = generateProject(ROOT_3000, 3000);
  const floor3000 = Math.min(baseline(ROOT_3000), baseline(ROOT_3000));
  const cold3000 = cliRun(ROOT_3000, '--no-cache');
  rmSync(ROOT_3000, { recursive: true, force: true });
  console.log(`3,000 transcripts (${(big.bytes / 1e6).toFixed(0)} MB): floor ${ms(floor3000)}, CLI cold ${ms(cold3000.ms)}`);

  // 2c. REFI-QDA export and import, at a quarter of the project and the whole (both should grow linearly).
  const quarterRoot = join(mkdtempSync(join(tmpdir(), 'marginalia-bench-')), 'project-250');
  generateProject(quarterRoot, 250);
  const refiQuarter = refiRoundTrip(quarterRoot);
  rmSync(quarterRoot, { recursive: true, force: true });
  const refi = refiRoundTrip(ROOT);
  console.log(`REFI-QDA export ${ms(refi.exported.ms)}, import ${ms(refi.imported.ms)}`);

  // 2d. The three reports (DESIGN.md §11) on the indexed project, in process (p50 of 5 each).
  const { index } = loadProject(ROOT);
  const selection = selectCases(index, []) as CaseSelection;
  const timeReport = (fn: () => unknown): number => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      fn();
      times.push(performance.now() - s);
    }
    return percentile(times, 50);
  };
  const reportMs = {
    quotes: timeReport(() => quoteBank(index, selection)),
    matrix: timeReport(() => caseMatrix(index, selection)),
    cooccurrence: timeReport(() => cooccurrence(index, selection)),
  };
  console.log(`reports: quotes ${ms(reportMs.quotes)}, matrix ${ms(reportMs.matrix)}, co-occurrence ${ms(reportMs.cooccurrence)}`);

  // 2b. Cold index through the server: initialize → indexing progress ends.
  const t1 = performance.now();
  // Capabilities as VS Code declares them for completion lists.
  const client = await LspClient.start(ROOT, {
    paranoid: false,
    nodeArgs: ['--expose-gc'],
    waitLimitMs: 600_000,
    capabilities: { textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } },
  });
  console.log(`server indexed in ${ms(performance.now() - t1)}`);
  const serverMs = performance.now() - t1;

  // 2d. The server restarted with a parse cache (as VS Code gives it one): first run fills it, the second is measured.
  const serverCache = mkdtempSync(join(tmpdir(), 'marginalia-bench-server-cache-'));
  await (await LspClient.start(ROOT, { paranoid: false, waitLimitMs: 600_000, initializationOptions: { cacheDir: serverCache } })).stop();
  const t2 = performance.now();
  await (await LspClient.start(ROOT, { paranoid: false, waitLimitMs: 600_000, initializationOptions: { cacheDir: serverCache } })).stop();
  const serverWarmMs = performance.now() - t2;

  // 5. Heap after indexing, and the tree request.
  const status = await client.request<{ heapUsed: number }>('marginalia/serverStatus', {});
  const treeTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await client.request('marginalia/themeTree', {});
    treeTimes.push(performance.now() - s);
  }

  // 3. Keystroke → diagnostics of that file, in the 30,000-word and then the 10,000-word transcript.
  const keystrokes = async (editPath: string, speaker: string): Promise<{ latency: number[]; lines: string[]; line: number }> => {
    const text = readFileSync(join(ROOT, editPath), 'utf8');
    client.open(editPath, text);
    await client.diagnosticsOf(editPath);
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith(`**${speaker}:**`));
    const latency: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const uri = client.uri(editPath);
      const before = client.diagnostics.get(uri);
      const s = performance.now();
      client.edit(editPath, { start: { line, character: speaker.length + 6 }, end: { line, character: speaker.length + 6 } }, 'x');
      await client.waitFor(() => client.diagnostics.get(uri) !== before, 'diagnostics after an edit');
      latency.push(performance.now() - s);
    }
    return { latency, lines, line };
  };
  const bigEdits = await keystrokes(project.bigEditFile, 'P100000');
  const editPath = project.editFile;
  const { latency: editLatency, lines, line } = await keystrokes(editPath, 'P0');

  // 3b. A use of an unused code typed in the transcript → the codebook's warning clears.
  const unusedBefore = client.diagnostics.get(client.uri('codebook.md'))?.length ?? 0;
  const unusedCode = (client.diagnostics.get(client.uri('codebook.md')) ?? []).find((d) => d.code === 'unused-code');
  let unusedMs = NaN;
  if (unusedCode) {
    const name = /#(\S+) is not used/.exec(String(unusedCode.message))![1];
    const s = performance.now();
    client.edit(editPath, { start: { line, character: 8 }, end: { line, character: 8 } }, `[y]{#${name}} `);
    await client.diagnosticsOf('codebook.md', (d) => d.length === unusedBefore - 1);
    unusedMs = performance.now() - s;
  }

  // 4. Completion after `{#` and hover on a code, in the same transcript.
  client.edit(editPath, { start: { line, character: 8 }, end: { line, character: 8 } }, '[z]{#');
  const completion: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const s = performance.now();
    await client.at('textDocument/completion', editPath, line, 13);
    completion.push(performance.now() - s);
  }
  const codedLine = lines.findIndex((l) => l.includes(']{#'));
  const hoverChar = lines[codedLine].indexOf(']{#') + 4;
  const hover: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const s = performance.now();
    await client.at('textDocument/hover', editPath, codedLine, hoverChar);
    hover.push(performance.now() - s);
  }
  await client.stop();

  const rows: Array<[string, string, string]> = [
    ['Read every file + one regex for `{#` groups (the floor)', ms(floor), '1×'],
    ['Cold index, CLI (`marginalia stats --json --no-cache`, whole process)', `${ms(cliMs)} · ${cold.rssMb.toFixed(0)} MB peak`, `${(cliMs / floor).toFixed(1)}× floor (target ≤ 5×)`],
    ['Warm start, CLI (`marginalia stats --json`, parse cache)', ms(warm.ms), `${(warm.ms / floor).toFixed(1)}× floor (target ≤ 2×)`],
    ['Cold index, server (`initialize` → indexing done)', ms(serverMs), `${(serverMs / floor).toFixed(1)}× floor (target ≤ 5×)`],
    ['Warm start, server (parse cache in the workspace storage)', ms(serverWarmMs), `${(serverWarmMs / floor).toFixed(1)}× floor (target ≤ 2×)`],
    [`Cold index, CLI, 3,000 transcripts (${(big.bytes / 1e6).toFixed(0)} MB)`, `${ms(cold3000.ms)} · ${cold3000.rssMb.toFixed(0)} MB peak`, `${(cold3000.ms / cliMs).toFixed(2)}× the 1,000-transcript time, ${(cold3000.rssMb / cold.rssMb).toFixed(2)}× its memory (floor ${(floor3000 / floor).toFixed(2)}×)`],
    [`Keystroke → diagnostics, 10,000-word transcript (p50 / p95 of ${EDITS})`, `${ms(percentile(editLatency, 50))} / ${ms(percentile(editLatency, 95))}`, 'target p95 ≤ 2 ms'],
    [`Keystroke → diagnostics, 30,000-word transcript (p50 / p95 of ${EDITS})`, `${ms(percentile(bigEdits.latency, 50))} / ${ms(percentile(bigEdits.latency, 95))}`, 'target p95 ≤ 4 ms'],
    ['Use of an unused code typed → codebook warning cleared', ms(unusedMs), ''],
    [`Completion after \`{#\` (p50 / p95 of ${EDITS})`, `${ms(percentile(completion, 50))} / ${ms(percentile(completion, 95))}`, 'target p95 ≤ 1 ms'],
    [`Hover on a code (p50 / p95 of ${EDITS})`, `${ms(percentile(hover, 50))} / ${ms(percentile(hover, 95))}`, 'target p95 ≤ 1 ms'],
    ['Theme tree request with counts (p50 of 20)', ms(percentile(treeTimes, 50)), ''],
    [
      `REFI-QDA export, \`marginalia export -o project.qdpx\` (${(refi.bytes / 1e6).toFixed(1)} MB; whole process)`,
      refiCell(refi.exported),
      `250 transcripts: ${refiCell(refiQuarter.exported)} (×${(refi.exported.cpuMs / refiQuarter.exported.cpuMs).toFixed(1)} CPU for ×4 transcripts)`,
    ],
    [
      'REFI-QDA import of that file, `marginalia import project.qdpx --into …` (whole process)',
      refiCell(refi.imported),
      `250 transcripts: ${refiCell(refiQuarter.imported)} (×${(refi.imported.cpuMs / refiQuarter.imported.cpuMs).toFixed(1)} CPU for ×4 transcripts)`,
    ],
    ['Report: quote bank, every extract (in process, p50 of 5)', ms(reportMs.quotes), `${(reportMs.quotes / cliMs).toFixed(3)}× cold index (CLI)`],
    ['Report: code-by-case matrix (in process, p50 of 5)', ms(reportMs.matrix), `${(reportMs.matrix / cliMs).toFixed(3)}× cold index (CLI)`],
    ['Report: co-occurrence sweep (in process, p50 of 5)', ms(reportMs.cooccurrence), `${(reportMs.cooccurrence / cliMs).toFixed(3)}× cold index (CLI)`],
    ['Server heap after indexing (after GC)', `${(status.heapUsed / 1e6).toFixed(0)} MB`, 'target ≤ 50 MB per 1,000 transcripts'],
  ];
  const report = [
    '# Benchmark results',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}) · Node ${process.version}`,
    '',
    `Project: ${project.files - 3} transcripts of ~7,000 words + one of 10,000 and one of 30,000 words, 300 codes in 10 themes (30 subthemes), ${segments} coded extracts, ${(project.bytes / 1e6).toFixed(1)} MB (generated by \`bench/generateProject.ts\`, fixed seed).`,
    '',
    '| measure | result | against |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    'Latencies are measured from the client: they include JSON-RPC over stdio. What was done for speed, where the time still goes and what would close the gap: bench/README.md.',
    '',
  ].join('\n');
  writeFileSync(join(PROJECT_ROOT, 'bench/RESULTS.md'), report);
  console.log(report);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
