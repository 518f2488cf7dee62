// The layers of docs/ARCHITECTURE.md, enforced: every import of every source
// file is checked against what its layer may use. A violation names the file,
// the import and the rule, so the build says what the docs promise.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT } from '../support/tempProject';

type Layer = 'core' | 'host' | 'server' | 'cli' | 'client';

const LAYER_DIRS: Record<Layer, string> = { core: 'core', host: 'host', server: 'server/src', cli: 'cli', client: 'client/src' };

/** Which other layers each layer may import (relative imports). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ['core'],
  host: ['core', 'host'],
  server: ['core', 'host', 'server'],
  cli: ['core', 'host', 'cli', 'server'], // `marginalia lsp` starts the server
  client: ['client', 'core', 'server'], // server: only protocol.ts (checked below)
};

/** Packages that mean I/O, LSP or the editor: never in the core. */
const CORE_FORBIDDEN = /^(node:|fs$|path$|child_process$|worker_threads$|os$|vscode$|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(p);
    }
  };
  walk(join(PROJECT_ROOT, dir));
  return out;
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

function layerOf(relPath: string): Layer | undefined {
  for (const [layer, dir] of Object.entries(LAYER_DIRS) as Array<[Layer, string]>) {
    if (relPath === dir || relPath.startsWith(`${dir}/`)) return layer;
  }
  return undefined;
}

/** Every source file of the layers, as [path relative to the root, text]. */
function projectSources(): Array<[string, string]> {
  return Object.values(LAYER_DIRS).flatMap((dir) => sourceFiles(dir).map((f) => [relative(PROJECT_ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')] as [string, string]));
}

function violations(files: Array<[string, string]>): string[] {
  const out: string[] = [];
  for (const [from, text] of files) {
    const layer = layerOf(from);
    if (!layer) continue;
    {
      for (const spec of importsOf(text)) {
        const say = (rule: string): void => void out.push(`${from} imports '${spec}': ${rule}`);
        if (!spec.startsWith('.')) {
          if (layer === 'core' && CORE_FORBIDDEN.test(spec)) say('the core does no I/O and knows no LSP or VS Code');
          if (layer !== 'client' && spec === 'vscode') say('only the VS Code client may import vscode');
          continue;
        }
        const target = join(dirname(from), spec).split('\\').join('/');
        const targetLayer = layerOf(target);
        if (!targetLayer) {
          say('imports only from the layers core, host, server, cli, client');
          continue;
        }
        if (!MAY_IMPORT[layer].includes(targetLayer)) say(`${layer} may not import ${targetLayer}`);
        if (layer === 'client' && targetLayer === 'server' && target !== 'server/src/protocol') say('the client shares only server/src/protocol.ts with the server');
        if (layer === 'client' && targetLayer === 'core' && target !== 'core' && target !== 'core/index') say('the client uses the core only through core/index.ts');
      }
    }
  }
  return out;
}


test('every import respects the layers (core pure, client without cli/host/core internals)', () => {
  assert.deepEqual(violations(projectSources()), []);
});

test('the layer check reports each kind of violation', () => {
  assert.deepEqual(
    violations([
      ['core/a.ts', "import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver';"],
      ['core/b.ts', "import { loadProject } from '../host/projectFiles';"],
      ['client/src/c.ts', "import { diffText } from '../../cli/review';\nimport { x } from '../../core/wording';\nimport { y } from '../../server/src/features/hover';\nimport { z } from '../../core';"],
      ['host/d.ts', "import * as vscode from 'vscode';"],
    ]),
    [
      "core/a.ts imports 'node:fs': the core does no I/O and knows no LSP or VS Code",
      "core/a.ts imports 'vscode-languageserver': the core does no I/O and knows no LSP or VS Code",
      "core/b.ts imports '../host/projectFiles': core may not import host",
      "client/src/c.ts imports '../../cli/review': client may not import cli",
      "client/src/c.ts imports '../../core/wording': the client uses the core only through core/index.ts",
      "client/src/c.ts imports '../../server/src/features/hover': the client shares only server/src/protocol.ts with the server",
      "host/d.ts imports 'vscode': only the VS Code client may import vscode",
    ],
  );
});
