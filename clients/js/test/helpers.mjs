// What the tests against a real dev node share: the node's URL and binary from the environment
// (scripts/clients-test.sh sets them), model uploads, local runs of the engine.
//
//   SIBYL_WS      ws:// URL of a `sibyl-node --dev` node
//   SIBYL_NODE    the sibyl-node binary (`model example`, `model upload`, `model run`)
//   SIBYL_MODELS  a directory with ppocr_cls.onnx and ppocr_cls.json (a `model run` input)

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connect } from '@sibyl/client';

/** An environment variable the node tests need; a clear failure without it. */
export function env(name) {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run scripts/clients-test.sh (it starts a dev node and sets SIBYL_WS, SIBYL_NODE, SIBYL_MODELS)`);
  return value;
}

export const work = mkdtempSync(join(tmpdir(), 'sibyl-client-test-'));

/** Runs `sibyl-node ARGS`; its stdout (a failure with its stderr otherwise). */
export function sibylNode(args, timeoutMs = 300_000) {
  const run = spawnSync(env('SIBYL_NODE'), args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `sibyl-node ${args.join(' ')} failed (${run.error?.message ?? run.signal ?? run.status}):\n${run.stderr}`);
  return run.stdout;
}

/**
 * Registers and uploads `file` as Alice under `name` version 1 (price 0.001 UNIT); resumes if it
 * is registered already, so test files can share one node. Its model id.
 */
export function upload(file, name, extra = []) {
  const out = sibylNode(['model', 'upload', '--model', file, '--name', name, '--model-version', '1',
    '--price', '1000000000', '--suri', '//Alice', '--url', env('SIBYL_WS'), ...extra]);
  const id = /model (0x[0-9a-f]{64}) (?:available|is already)/.exec(out)?.[1] ?? /(0x[0-9a-f]{64})/.exec(out)?.[1];
  assert.ok(id, `no model id in the upload's output:\n${out}`);
  return id;
}

/**
 * This test suite's own example model (a seeded MLP, x: f32[1,8] → y: f32[1,3]; hidden size 23
 * so that its bytes, and so its id and hub name, are not another suite's), uploaded as
 * `js-client-example` version 1: `{ id, model, input, name, version }`.
 */
export function exampleModel() {
  const model = join(work, 'example.onnx');
  const input = join(work, 'example.json');
  const id = sibylNode(['model', 'example', '--out', model, '--input-out', input, '--hidden', '23', '--outputs', '3']).trim();
  assert.match(id, /^0x[0-9a-f]{64}$/);
  const name = 'js-client-example';
  assert.equal(upload(model, name), id);
  return { id, model, input, name, version: 1 };
}

/**
 * An example model with a 20,000-byte output (y: f32[1,5000]), above the chain's 16 KiB inline
 * limit: kept in the executor's offchain store, only its hash on chain. Uploaded as
 * `js-client-wide` version 1.
 */
export function wideModel() {
  const model = join(work, 'wide.onnx');
  const input = join(work, 'wide.json');
  const id = sibylNode(['model', 'example', '--out', model, '--input-out', input, '--hidden', '23', '--outputs', '5000']).trim();
  const name = 'js-client-wide';
  assert.equal(upload(model, name), id);
  return { id, model, input, name, version: 1 };
}

/** PP-OCR's text direction classifier (x: f32[1,3,48,192]) and its input, uploaded. */
export function ppocrModel() {
  const dir = env('SIBYL_MODELS');
  const model = join(dir, 'ppocr_cls.onnx');
  const input = join(dir, 'ppocr_cls.json');
  const id = upload(model, 'js-client-ppocr-cls', ['--shape', 'x=1,3,48,192']);
  return { id, model, input, name: 'js-client-ppocr-cls', version: 1 };
}

/** `sibyl-node model run --json` on `input`: `{ model_id, outputs, output_hash, … }`. */
export function runLocally(model, input) {
  return JSON.parse(sibylNode(['model', 'run', '--model', model, '--input', input, '--json']));
}

/** The `inputs` of a `model run` input file. */
export function readInput(file) {
  return JSON.parse(readFileSync(file, 'utf8')).inputs;
}

/** A connection to SIBYL_WS for the duration of a test file. */
export async function connectNode() {
  return connect(env('SIBYL_WS'), { timeoutMs: 60_000 });
}

/** Asserts two typed arrays hold the same bytes. */
export function assertBitEqual(actual, expected, what) {
  const a = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  const b = Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength);
  assert.ok(a.equals(b), `${what}: not bit-equal\n  chain: ${Array.from(actual).slice(0, 8)}…\n  local: ${Array.from(expected).slice(0, 8)}…`);
}
