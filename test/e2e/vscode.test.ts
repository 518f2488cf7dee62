// The extension in a real VS Code (code-server's workbench in Chromium), on a
// copy of the sample study: extension-host tests through the full `vscode` API,
// then what a person sees — the Themes tree and the completion widget.

import { test, before } from 'node:test';
import { execFileSync, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/tempProject';
import { ensureWorkbench, startWorkbench } from './workbench';

const SCREENSHOTS = join(PROJECT_ROOT, 'out/screenshots');
let setupProblem: string | undefined;

before(() => {
  setupProblem = process.env.MARGINALIA_SKIP_VSCODE === '1' ? 'MARGINALIA_SKIP_VSCODE=1' : ensureWorkbench();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** Outside CI a machine without the workbench skips with the reason; in CI a set-up failure fails (a green CI must mean the editor works). */
function skipOrFail(t: { skip(message: string): void }): boolean {
  if (!setupProblem) return false;
  if (process.env.CI === 'true') assert.fail(`the real VS Code could not be set up in CI: ${setupProblem}`);
  t.skip(setupProblem);
  return true;
}

/** A copy of the sample study in its own git repository (the tests edit it and compare with HEAD). */
function copyOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-study-'));
  cpSync(join(PROJECT_ROOT, 'samples'), dir, { recursive: true });
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=analyst@example.org', '-c', 'user.name=Analyst', 'commit', '-q', '-m', 'The sample study');
  return dir;
}

test('extension tests inside the real VS Code extension host', async (t) => {
  if (skipOrFail(t)) return;
  const results = join(mkdtempSync(join(tmpdir(), 'marginalia-results-')), 'results.json');
  const workbench = await startWorkbench({
    folder: copyOfSamples(),
    extensionDevelopmentPath: PROJECT_ROOT,
    extensionTestsPath: join(PROJECT_ROOT, 'out/e2e-suite/index.js'),
    env: { MARGINALIA_E2E_RESULTS: results },
  });
  try {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      workbench.exitCode,
      new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error(`no exit code after 5 minutes:\n${workbench.logs.join('')}`)), 300_000))),
    ]).finally(() => clearTimeout(timer));
    assert.ok(existsSync(results), `the extension tests wrote no results (exit code ${code}):\n${workbench.logs.join('')}`);
    const list: Array<{ name: string; ok: boolean; error?: string }> = JSON.parse(readFileSync(results, 'utf8'));
    for (const r of list) await t.test(r.name, () => assert.ok(r.ok, r.error));
    assert.equal(code, 0);
  } finally {
    await workbench.stop();
  }
});

test('what a person sees: the Themes tree with counts and the completion widget', async (t) => {
  if (skipOrFail(t)) return;
  const folder = copyOfSamples();
  const workbench = await startWorkbench({ folder, extensionDevelopmentPath: PROJECT_ROOT });
  const { page } = workbench;
  try {
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar a[aria-label^="Marginalia"]').click();
    const theme = page.locator('.monaco-list-row', { hasText: 'Position and Identity' });
    await theme.waitFor({ timeout: 60_000 });
    assert.match(await theme.innerText(), /Position and Identity\s*27 extracts · 10 cases/);
    await page.locator('.monaco-list-row', { hasText: 'Making it work' }).first().waitFor();
    await page.locator('.monaco-list-row', { hasText: 'The struggle to position' }).locator('.monaco-tl-twistie').click();
    await page.locator('.monaco-list-row', { hasText: '#which-is-which' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'themes-tree.png') });

    // Open a transcript through Quick Open and type `{#` after a new extract.
    await page.keyboard.press('Control+P');
    await page.keyboard.type('P05.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'P05.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: 'duplication-risk' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n**P05:** [It works]{#', { delay: 20 });
    const suggest = page.locator('.suggest-widget .monaco-list-row', { hasText: '#more-medical' });
    await suggest.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'completion.png') });
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, 'failure.png') }).catch(() => undefined);
    throw e;
  } finally {
    await workbench.stop();
  }
});

test('what a person sees: the report view — heatmaps, the case filter, a click opens the extract', async (t) => {
  if (skipOrFail(t)) return;
  const workbench = await startWorkbench({ folder: copyOfSamples(), extensionDevelopmentPath: PROJECT_ROOT });
  const { page } = workbench;
  try {
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar a[aria-label^="Marginalia"]').click();
    await page.locator('.monaco-list-row', { hasText: 'Position and Identity' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('F1');
    await page.keyboard.type('Marginalia: Open Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Marginalia: Open Report' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The webview: VS Code's outer frame, then the page's own frame.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('body.ready').waitFor({ timeout: 60_000 });
    assert.match(await view.locator('#quotes').innerText(), /#which-is-which — When I put them together/);
    await view.locator('#tab-matrix').click();
    const cell = view.locator('td.cell[data-node="which-is-which"][data-case="P09"]');
    assert.equal(await cell.innerText(), '2');
    assert.match((await cell.getAttribute('class')) ?? '', /\bh[1-5]\b/);
    assert.equal(await view.locator('td.cell[data-node="position-and-identity"][data-case="P09"]').innerText(), '6');
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png') });

    // The filter: only the primary-care cases.
    await view.locator('#attribute').selectOption('setting');
    await view.locator('#value').selectOption('primary care');
    await view.locator('#scope', { hasText: '10 cases' }).waitFor();
    assert.equal(await view.locator('#matrix th.case').count(), 10);

    await view.locator('#tab-cooccurrence').click();
    const pair = view.locator('td.cell[data-a="shifting-views"][data-b="which-is-which"]');
    assert.equal(await pair.innerText(), '1');
    // One extract behind the cell: a click opens the transcript at it.
    await pair.click();
    await page.locator('.tab.active', { hasText: 'P09.md' }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'really wobbly' }).first().waitFor();
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, 'failure-report.png') }).catch(() => undefined);
    throw e;
  } finally {
    await workbench.stop();
  }
});

test('a project without a codebook: the tree offers to create one, and then shows it', async (t) => {
  if (skipOrFail(t)) return;
  const folder = mkdtempSync(join(tmpdir(), 'marginalia-new-'));
  mkdirSync(join(folder, 'transcripts'));
  writeFileSync(join(folder, 'transcripts/P01.md'), '**P01:** I [started coding]{#first-code} today.\n');
  const workbench = await startWorkbench({ folder, extensionDevelopmentPath: PROJECT_ROOT });
  const { page } = workbench;
  try {
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar a[aria-label^="Marginalia"]').click();
    // Uncategorised codes fill the tree, so the offer to create a codebook is its first row.
    await page.locator('.monaco-list-row', { hasText: 'Uncategorised' }).waitFor({ timeout: 60_000 });
    await page.locator('.monaco-list-row', { hasText: 'Create codebook…' }).click();
    await page.locator('.tab', { hasText: 'codebook.md' }).waitFor({ timeout: 30_000 });
    await page.locator('.monaco-list-row', { hasText: 'My first theme' }).waitFor({ timeout: 30_000 });
    assert.ok(existsSync(join(folder, 'codebook.md')));
  } catch (e) {
    await page.screenshot({ path: join(SCREENSHOTS, 'failure-welcome.png') }).catch(() => undefined);
    throw e;
  } finally {
    await workbench.stop();
  }
});

test('npm start: packages the .vsix, installs it into VS Code and serves the sample study', (t) => {
  if (skipOrFail(t)) return;
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/demo.mjs'), '--smoke', '--port=0'], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /Installed marginalia\.vsix\.\n200 http:\/\/127\.0\.0\.1:\d+\/\?folder=/);
});
