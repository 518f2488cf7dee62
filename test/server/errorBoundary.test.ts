import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver/node';
import { guardNotification, guardRequest } from '../../server/src/errorBoundary';

function logger(): { error(m: string): void; lines: string[] } {
  const lines: string[] = [];
  return { lines, error: (m) => void lines.push(m) };
}

test('a notification handler that throws is logged and does not reject (didChange cannot end the server)', async () => {
  const log = logger();
  const handler = guardNotification(log, Promise.resolve())('didChange', async () => {
    throw new Error('boom in a feature');
  });
  await handler({});
  assert.equal(log.lines.length, 1);
  assert.match(log.lines[0], /^didChange failed: Error: boom in a feature/);
});

test('a notification handler waits for the first index before it runs', async () => {
  let release!: () => void;
  const ready = new Promise<void>((r) => (release = r));
  const seen: string[] = [];
  const run = guardNotification(logger(), ready)('didOpen', (p: string) => void seen.push(p))('P1.md');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, []);
  release();
  await run;
  assert.deepEqual(seen, ['P1.md']);
});

test('a request handler that throws answers its fallback; a ResponseError reaches the client', async () => {
  const log = logger();
  const guard = guardRequest(log, Promise.resolve());
  assert.equal(await guard('hover', () => { throw new TypeError('x is undefined'); }, null)({}), null);
  assert.deepEqual(await guard('symbols', () => { throw new Error('y'); }, (p: { n: number }) => [p.n])({ n: 2 }), [2]);
  assert.deepEqual(log.lines.map((l) => l.split('\n')[0]), ['hover failed: TypeError: x is undefined', 'symbols failed: Error: y']);
  await assert.rejects(guard('rename', () => { throw new ResponseError(1, 'That name is taken.'); }, null)({}), /That name is taken/);
});
