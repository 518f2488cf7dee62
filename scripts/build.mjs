// Bundles the CLI, the language server and the VS Code client with esbuild.
// `--tests` also bundles every test file to out/test/ for `node --test`.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// A hash of the core's source: the parse cache (host/parseCache.ts) keys on it,
// so a changed parser never reads summaries an older one wrote.
const coreHash = createHash('sha1');
const hashDir = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) hashDir(p);
    else if (name.endsWith('.ts')) coreHash.update(p).update(readFileSync(p));
  }
};
hashDir('core');
// What makes the summaries in the host counts too (the worker pool hands them over).
for (const f of ['host/parsePool.ts', 'host/parseWorker.ts', 'host/loader.ts']) coreHash.update(f).update(readFileSync(f));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode'],
  define: { __CORE_HASH__: JSON.stringify(coreHash.digest('hex').slice(0, 16)) },
};

const production = process.argv.includes('--production');
await esbuild.build({
  ...common,
  minify: production,
  sourcemap: !production,
  entryPoints: {
    cli: 'cli/main.ts',
    server: 'server/src/main.ts',
    extension: 'client/src/extension.ts',
    // Parse workers for the cold index (host/parsePool.ts looks for it beside the bundle).
    parseWorker: 'host/parseWorker.ts',
  },
  outdir: 'dist',
});

// The report view's script runs in the webview, a browser page.
await esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'chrome120', minify: production, sourcemap: false, entryPoints: { reportView: 'client/webview/report.ts' }, outdir: 'dist' });

if (process.argv.includes('--bench')) {
  await esbuild.build({
    ...common,
    entryPoints: { bench: 'bench/bench.ts' },
    outdir: 'out/bench',
    define: { ...common.define, __PROJECT_ROOT__: JSON.stringify(root) },
  });
}

if (process.argv.includes('--tests')) {
  const entries = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.ts')) entries.push(p);
    }
  };
  walk('test');
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: entries,
    outdir: 'out/test',
    outbase: 'test',
    // playwright-core reads its own files at run time: load it from node_modules.
    external: ['vscode', 'playwright-core'],
    define: { ...common.define, __PROJECT_ROOT__: JSON.stringify(root) },
  });
  // Runs inside VS Code's extension host, not under node --test.
  await esbuild.build({ ...common, entryPoints: { index: 'test/e2e/suite/index.ts' }, outdir: 'out/e2e-suite' });
  console.log(`built ${entries.length} test files`);
}
