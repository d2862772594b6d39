// Typed errors against a real dev node: inputs the client refuses before signing, the same
// inputs sent anyway and refused by the chain with the runtime's error name, a quote at a
// malformed level, a fee below the price, a request that settles without a verified output.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Keyring } from '@polkadot/keyring';
import {
  SibylChainError,
  SibylError,
  SibylInputError,
  SibylNotFoundError,
  SibylOutcomeError,
} from '@sibyl/client';

import { connectNode, exampleModel } from './helpers.mjs';

const SIGNER = '//Charlie';
let sibyl;
let example;

before(async () => {
  example = exampleModel();
  sibyl = await connectNode();
}, { timeout: 300_000 });

after(async () => {
  await sibyl?.disconnect();
});

const eight = () => Float32Array.from([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75]);

/** Charlie's nonce: a refused input sends nothing. */
const nonce = async () => (await sibyl.api.rpc.system.accountNextIndex(new Keyring({ type: 'sr25519' }).addFromUri(SIGNER).address)).toNumber();

/** Asserts `promise` rejects with a SibylChainError `Pallet.error`, with the runtime's docs. */
async function rejectsWithChainError(promise, pallet, error) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof SibylChainError, `a SibylChainError, not ${e?.name}: ${e?.message}`);
    assert.ok(e instanceof SibylError);
    assert.equal(e.pallet, pallet, e.message);
    assert.equal(e.error, error, e.message);
    assert.equal(e.qualifiedName, `${pallet}.${error}`);
    assert.ok(e.isModule);
    assert.ok(e.docs.length > 0, 'the runtime docs of the error');
    assert.ok(e.message.startsWith(`${pallet}.${error}: `), e.message);
    return true;
  });
}

/** Asserts `promise` rejects with a SibylInputError for `input` because of `reason`. */
async function rejectsWithInputError(promise, input, reason, pattern) {
  await assert.rejects(promise, (e) => {
    assert.ok(e instanceof SibylInputError, `a SibylInputError, not ${e?.name}: ${e?.message}`);
    assert.equal(e.input, input, e.message);
    assert.equal(e.reason, reason, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

test('a wrong shape: refused by the client, and by the chain with Inference.InputShapeMismatch', { timeout: 120_000 }, async () => {
  const before = await nonce();
  const seven = { dtype: 'f32', shape: [1, 7], data: new Float32Array(7) };
  await rejectsWithInputError(sibyl.infer(example.id, { x: seven }, { signer: SIGNER }), 'x', 'shape', /the model takes f32\[1,8\]/);
  await rejectsWithInputError(sibyl.infer(example.id, { x: [[1, 2, 3], [4, 5, 6]] }, { signer: SIGNER }), 'x', 'shape');
  await rejectsWithInputError(sibyl.infer(example.id, { x: new Float32Array(9) }, { signer: SIGNER }), 'x', 'shape');
  assert.equal(await nonce(), before, 'nothing was signed');
  // Sent anyway: the chain refuses it by name.
  await rejectsWithChainError(sibyl.infer(example.id, { x: seven }, { signer: SIGNER, validate: false }), 'Inference', 'InputShapeMismatch');
});

test('a wrong dtype: refused by the client, and by the chain with Inference.InputTypeMismatch', { timeout: 120_000 }, async () => {
  const ints = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
  await rejectsWithInputError(sibyl.infer(example.id, { x: ints }, { signer: SIGNER }), 'x', 'dtype', /dtype i32, the model takes f32\[1,8\]/);
  await rejectsWithInputError(sibyl.infer(example.id, { x: { dtype: 'f64', data: [[1, 2, 3, 4, 5, 6, 7, 8]] } }, { signer: SIGNER }), 'x', 'dtype');
  await rejectsWithChainError(sibyl.infer(example.id, { x: ints }, { signer: SIGNER, validate: false }), 'Inference', 'InputTypeMismatch');
});

test('NaN, unknown and missing inputs: refused by the client; NaN by the chain too', { timeout: 120_000 }, async () => {
  const nan = eight();
  nan[3] = NaN;
  await rejectsWithInputError(sibyl.infer(example.id, { x: nan }, { signer: SIGNER }), 'x', 'value', /NaN/);
  await rejectsWithChainError(sibyl.infer(example.id, { x: nan }, { signer: SIGNER, validate: false }), 'Inference', 'NonFiniteInput');
  await rejectsWithInputError(sibyl.infer(example.id, { x: eight(), z: eight() }, { signer: SIGNER }), 'z', 'unknown', /no input z/);
  await rejectsWithInputError(sibyl.infer(example.id, {}, { signer: SIGNER }), 'x', 'missing');
  await rejectsWithInputError(sibyl.infer(example.id, { x: ['a', 2, 3, 4, 5, 6, 7, 8] }, { signer: SIGNER }), 'x', 'value');
});

test('a max fee below the quote: Inference.FeeBelowPrice', { timeout: 120_000 }, async () => {
  await rejectsWithChainError(sibyl.infer(example.id, { x: eight() }, { signer: SIGNER, maxFee: 1n }), 'Inference', 'FeeBelowPrice');
});

test('quote at a malformed level: Inference.BadLevel; of an unknown model: Inference.UnknownModel', { timeout: 60_000 }, async () => {
  await rejectsWithChainError(sibyl.quote(example.id, { Committee: 0 }), 'Inference', 'BadLevel');
  await rejectsWithChainError(sibyl.quote(example.id, 'sampled:2000000'), 'Inference', 'BadLevel');
  await rejectsWithChainError(sibyl.quote(`0x${'ab'.repeat(32)}`), 'Inference', 'UnknownModel');
  const q = await sibyl.quote(example.id, { Committee: 1 });
  assert.ok(q.fee > 0n);
  assert.deepEqual(q.level, { Committee: 1 });
  await assert.rejects(sibyl.quote(example.id, 'lots'), SibylError);
});

test('an unknown model by id or name', { timeout: 60_000 }, async () => {
  await assert.rejects(sibyl.infer(`0x${'cd'.repeat(32)}`, { x: eight() }, { signer: SIGNER }), SibylNotFoundError);
  await assert.rejects(sibyl.infer({ name: 'js-client-nobody', version: 1 }, { x: eight() }, { signer: SIGNER }), SibylNotFoundError);
});

test('a request that settles failed (the model overflows): SibylOutcomeError with the outcome', { timeout: 180_000 }, async () => {
  const max = new Float32Array(8).fill(3.4028234663852886e38);
  await assert.rejects(sibyl.infer(example.id, { x: max }, { signer: SIGNER }), (e) => {
    assert.ok(e instanceof SibylOutcomeError, `a SibylOutcomeError, not ${e?.name}: ${e?.message}`);
    assert.equal(e.kind, 'failed');
    assert.equal(e.reason, 'NonFiniteOutput');
    assert.deepEqual(e.outcome, { failed: 'NonFiniteOutput' });
    assert.equal(typeof e.requestId, 'bigint');
    assert.ok(e.settledAt > 0);
    return true;
  });
});
