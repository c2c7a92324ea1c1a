import { transformFileSync } from '@swc/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateSecretFile } from './secret-file';

const LOADERS = 8;

/**
 * One loader in a process of its own: it sleeps until `startAt`, like the others, and takes a
 * while to generate its secret, so that the loaders do race. Prints what it got.
 */
function loaderProcess(helper: string, path: string, startAt: number): Promise<{ value: string; created: boolean; waited: boolean; generated: boolean }> {
  const script = `
    const { readOrCreateSecretFile } = require(process.env.HELPER);
    const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
    const startAt = Number(process.env.START_AT);
    const waited = Date.now() < startAt;
    sleep(startAt - Date.now());
    let generated = false;
    const got = readOrCreateSecretFile(process.env.SECRET_PATH, () => {
      generated = true;
      sleep(300);
      return require('node:crypto').randomBytes(32).toString('hex');
    });
    process.stdout.write(JSON.stringify({ ...got, waited, generated }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, HELPER: helper, SECRET_PATH: path, START_AT: String(startAt) } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`loader exited ${code}: ${err}`))));
  });
}

describe('readOrCreateSecretFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`gives ${LOADERS} processes starting at once the same secret, created by one of them, owner-only`, async () => {
    // The helper as plain CommonJS, for processes of its own.
    const helper = join(dir, 'secret-file.js');
    writeFileSync(helper, transformFileSync(join(__dirname, 'secret-file.ts'), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code);
    const path = join(dir, 'data', 'secret');
    const startAt = Date.now() + 3_000;

    const results = await Promise.all(Array.from({ length: LOADERS }, () => loaderProcess(helper, path, startAt)));

    // They started together and raced: several found no file and generated a secret of their own.
    expect(results.every((r) => r.waited)).toBe(true);
    expect(results.filter((r) => r.generated).length).toBeGreaterThan(1);
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(results[0].value);
    expect(results[0].value).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'data'))).toEqual(['secret']);
  });

  it('reads the winner’s secret when another process creates the file while this one generates its own', () => {
    const path = join(dir, 'secret');
    const got = readOrCreateSecretFile(path, () => {
      writeFileSync(path, 'theirs', { flag: 'wx', mode: 0o600 });
      return 'mine';
    });
    expect(got).toEqual({ value: 'theirs', created: false });
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['secret']);
  });

  it('creates the file once, then reads it', () => {
    const path = join(dir, 'secret');
    expect(readOrCreateSecretFile(path, () => 'first')).toEqual({ value: 'first', created: true });
    expect(readOrCreateSecretFile(path, () => 'second')).toEqual({ value: 'first', created: false });
  });
});
