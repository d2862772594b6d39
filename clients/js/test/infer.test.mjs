// infer() against a real dev node: the example model and PP-OCR's classifier give the engine's
// local output, bit for bit; the hub lists them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { hashTensors, SibylNotFoundError } from '@sibyl/client';

import { assertBitEqual, connectNode, env, exampleModel, ppocrModel, readInput, runLocally, wideModel } from './helpers.mjs';

let sibyl;
let example;
let ppocr;
let wide;

before(async () => {
  example = exampleModel();
  ppocr = ppocrModel();
  wide = wideModel();
  sibyl = await connectNode();
}, { timeout: 600_000 });

after(async () => {
  await sibyl?.disconnect();
});

/** Checks `result` (infer's) against `sibyl-node model run` on the same input. */
function assertLocal(result, local) {
  assert.deepEqual(result.outcome, { verified: { outputHash: local.output_hash } });
  assert.equal(result.outputHash, local.output_hash);
  const names = local.outputs.map((t) => t.name);
  assert.deepEqual(Object.keys(result.outputs), names, 'outputs keyed by the model output names');
  for (const expected of local.outputs) {
    const got = result.outputs[expected.name];
    assert.equal(got.name, expected.name);
    assert.equal(got.dtype, expected.dtype);
    assert.deepEqual(got.shape, expected.shape);
    assert.ok(got.data instanceof Float32Array, `${expected.name}: a Float32Array`);
    assertBitEqual(got.data, Float32Array.from(expected.data), expected.name);
  }
  // The settled hash is the hash of exactly these tensors.
  assert.equal(hashTensors(Object.values(result.outputs)), local.output_hash);
  assert.match(result.commitment, /^0x[0-9a-f]{64}$/);
  assert.match(result.blockHash, /^0x[0-9a-f]{64}$/);
  assert.match(result.txHash, /^0x[0-9a-f]{64}$/);
  assert.equal(typeof result.requestId, 'bigint');
  assert.ok(result.settledAt > result.includedIn.blockNumber, 'settles after inclusion');
}

test('infer on the example model (by name and version, nested arrays) equals model run', { timeout: 180_000 }, async () => {
  const [x] = readInput(example.input);
  const local = runLocally(example.model, example.input);
  // Nested arrays in the schema's shape [1, 8].
  const result = await sibyl.infer({ name: example.name, version: 1 }, { x: [x.data] }, { signer: '//Bob', wait: 'finalized' });
  assertLocal(result, local);
  // Final: the receipt is there and carries the same commitment and outcome.
  assert.ok(result.receipt, 'a receipt once final');
  assert.equal(result.receipt.commitment, result.commitment);
  assert.deepEqual(result.receipt.outcome, result.outcome);
  assert.equal(result.receipt.settled, result.settledAt);
  assert.equal((await sibyl.api.rpc.chain.getBlockHash(result.settledAt)).toHex(), result.blockHash);
  const statuses = result.statuses.map((s) => s.status);
  assert.deepEqual(statuses.slice(-2), ['settled', 'final'], statuses.join(','));
});

test('infer on ppocr_cls (by id, a Float32Array) equals model run bit for bit', { timeout: 240_000 }, async () => {
  const [x] = readInput(ppocr.input);
  const local = runLocally(ppocr.model, ppocr.input);
  assert.equal(local.model_id, ppocr.id);
  const quote = await sibyl.quote(ppocr.id);
  const result = await sibyl.infer(ppocr.id, { x: Float32Array.from(x.data) }, { signer: '//Bob', wait: 'settled' });
  assertLocal(result, local);
  assert.equal(result.fee, quote.fee, 'the fee held is the quote (maxFee defaulted to it)');
});

test('infer on an output above 16 KiB (kept offchain, only its hash on chain) equals model run', { timeout: 180_000 }, async () => {
  const local = runLocally(wide.model, wide.input);
  const result = await sibyl.infer(wide.id, readInput(wide.input), { signer: '//Bob' });
  assertLocal(result, local);
  assert.equal(result.outputs.y.data.length, 5000);
  const stored = await sibyl.api.query.inference.storedOutputs(result.requestId);
  assert.ok(stored.isSome, 'only the hash and length are on chain');
  assert.equal(stored.unwrap()[0].toHex(), local.output_hash);
});

test('infer takes the model run input format too (named tensor list)', { timeout: 180_000 }, async () => {
  const local = runLocally(example.model, example.input);
  const result = await sibyl.infer(example.id, readInput(example.input), { signer: '//Bob', level: 'committee:1' });
  assertLocal(result, local);
});

test('models() lists the uploaded models with name, version, status, price and schema', { timeout: 60_000 }, async () => {
  const models = await sibyl.models();
  const mine = models.find((m) => m.id === example.id);
  assert.ok(mine, `the example model in ${JSON.stringify(models.map((m) => m.name))}`);
  assert.equal(mine.name, example.name);
  assert.equal(mine.version, 1);
  assert.equal(mine.status, 'Available');
  assert.equal(mine.price, 1_000_000_000n);
  assert.deepEqual(mine.inputs, [{ name: 'x', dtype: 'f32', shape: [1, 8] }]);
  assert.deepEqual(mine.outputs, [{ name: 'y', dtype: 'f32', shape: [1, 3] }]);
  const cls = models.find((m) => m.id === ppocr.id);
  assert.ok(cls, 'ppocr_cls in the hub');
  assert.deepEqual(cls.inputs, [{ name: 'x', dtype: 'f32', shape: [1, 3, 48, 192] }]);

  assert.equal((await sibyl.model(example.name, 1)).id, example.id);
  assert.equal((await sibyl.model(example.name)).id, example.id, 'by name alone: its highest version');
  assert.equal((await sibyl.model(example.id)).name, example.name);
  await assert.rejects(sibyl.model(example.name, 99), SibylNotFoundError);
  await assert.rejects(sibyl.model('no-such-model-anywhere'), SibylNotFoundError);
  await assert.rejects(sibyl.model(`0x${'ab'.repeat(32)}`), SibylNotFoundError);
});

test('the registered RPC definitions work through api.rpc.sibyl', { timeout: 60_000 }, async () => {
  const quote = await sibyl.api.rpc.sibyl.quote(example.id, null);
  assert.equal(BigInt(quote.toJSON().fee), (await sibyl.quote(example.id)).fee);
  const unverified = (await sibyl.api.rpc.sibyl.quote(example.id, { Unverified: null })).toJSON();
  assert.equal(unverified.level, 'Unverified');
  assert.ok(BigInt(unverified.fee) < (await sibyl.quote(example.id)).fee, 'no verification premium');
  assert.equal(BigInt(unverified.fee), (await sibyl.quote(example.id, 'unverified')).fee);
});

test('the quick start example runs the example model by name and prints its outputs', { timeout: 180_000 }, () => {
  const local = runLocally(example.model, example.input);
  const run = spawnSync('node', [fileURLToPath(new URL('../examples/quickstart.mjs', import.meta.url))], {
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, SIBYL_WS: env('SIBYL_WS'), SIBYL_MODEL: example.name, SIBYL_MODEL_VERSION: '1', SIBYL_SURI: '//Eve' },
  });
  assert.equal(run.status, 0, `quickstart failed:\n${run.stdout}\n${run.stderr}`);
  const [y] = local.outputs;
  assert.ok(run.stdout.includes(`y: f32[1,3] = [${y.data.join(', ')}]`), run.stdout);
  assert.match(run.stdout, /request \d+ verified, commitment 0x[0-9a-f]{64}/);
});
