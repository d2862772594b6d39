// watch() against a real dev node: every state of a request, in order, as the chain went through
// them, ending at its settlement and finality; an unknown id is refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SibylNotFoundError, STATUSES } from '@sibyl/client';

import { connectNode, exampleModel, readInput } from './helpers.mjs';

let sibyl;
let example;

before(async () => {
  example = exampleModel();
  sibyl = await connectNode();
}, { timeout: 300_000 });

after(async () => {
  await sibyl?.disconnect();
});

/** The state the node reports for `request` (a `Request` at some block), as rpc.rs's status_of. */
function statusOf(request) {
  const slots = request.slots;
  const state = request.state;
  if (state.isQueued) return { status: 'queued' };
  if (state.isCommitting) {
    return { status: 'committing', seats: slots.length, sealed: slots.filter((s) => s.seal.isSome).length, deadline: state.asCommitting.deadline.toNumber() };
  }
  if (state.isRevealing) {
    return { status: 'revealing', seats: slots.length, revealed: slots.filter((s) => s.output.isSome).length, deadline: state.asRevealing.deadline.toNumber() };
  }
  if (state.isOpening) return { status: 'opening', deadline: state.asOpening.deadline.toNumber() };
  return { status: 'settled', settled: state.asSettled.at.toNumber() };
}

/** A status as the node sent it, without what statusOf does not compute. */
function strip({ request, block, outputs, outcome, ...rest }) {
  return rest;
}

test('watch sees every state of a request in order, ending at its settlement, then final', { timeout: 180_000 }, async () => {
  const [x] = readInput(example.input);
  const seen = [];
  const sent = await sibyl.request(example.id, { x: Float32Array.from(x.data) }, { signer: '//Dave' });
  const watch = await sibyl.watch(sent.requestId, (s) => seen.push(s.status));
  const statuses = [];
  for await (const status of watch) statuses.push(status);
  assert.deepEqual(watch.statuses, statuses);
  assert.deepEqual(seen, statuses.map((s) => s.status), 'the callback saw the same states');
  console.log(`request ${sent.requestId} (included in #${sent.blockNumber}): ${statuses.map((s) => `${s.status}@${s.block?.slice(0, 10) ?? s.finalized}`).join(' → ')}`);

  // In order, ending with settled (the outcome and outputs) and final.
  const ranks = statuses.map((s) => STATUSES.indexOf(s.status));
  assert.ok(ranks.every((r) => r >= 0), `known states: ${JSON.stringify(statuses)}`);
  assert.ok(ranks.every((r, i) => i === 0 || ranks[i - 1] <= r), `in order: ${ranks}`);
  assert.deepEqual(statuses.slice(-2).map((s) => s.status), ['settled', 'final']);
  assert.ok(statuses.length >= 3, 'at least one state before the settlement');
  const settled = statuses[statuses.length - 2];
  const final = statuses[statuses.length - 1];
  assert.ok(settled.outcome.verified, JSON.stringify(settled.outcome));
  assert.equal(settled.outputs[0].name, 'y');
  assert.ok(final.finalized >= settled.settled);
  for (const s of statuses) assert.equal(BigInt(s.request), sent.requestId);

  // Every state the request was in, block by block from its inclusion to its settlement, as the
  // chain recorded it: the watch saw all of them from the one it started at, none twice.
  const chain = [];
  for (let n = sent.blockNumber; n <= settled.settled; n++) {
    const at = await sibyl.api.at(await sibyl.api.rpc.chain.getBlockHash(n));
    const request = (await at.call.inferenceApi.request(sent.requestId)).unwrap();
    const status = statusOf(request);
    if (JSON.stringify(status) !== JSON.stringify(chain[chain.length - 1])) chain.push(status);
  }
  const watched = statuses.slice(0, -1).map(strip);
  assert.deepEqual(watched, chain.slice(chain.length - watched.length), `watched ${JSON.stringify(watched)}\nchain   ${JSON.stringify(chain)}`);
  // It was subscribed while the request was still open, in its first or second state.
  assert.ok(chain.length - watched.length <= 1, `missed ${chain.length - watched.length} state(s): ${JSON.stringify(chain)}`);
  assert.equal(statuses[0].status === 'queued' || statuses[0].status === 'committing', true, statuses[0].status);
});

test('watching a settled request gives settled then final at once', { timeout: 120_000 }, async () => {
  const [x] = readInput(example.input);
  const result = await sibyl.infer(example.id, { x: Float32Array.from(x.data) }, { signer: '//Dave', wait: 'finalized' });
  const watch = await sibyl.watch(result.requestId, { timeoutMs: 30_000 });
  const statuses = [];
  for await (const status of watch) statuses.push(status.status);
  assert.deepEqual(statuses, ['settled', 'final']);
});

test('watching an unknown request id is refused with a clear error', { timeout: 60_000 }, async () => {
  await assert.rejects(sibyl.watch(999_999_999), (e) => {
    assert.ok(e instanceof SibylNotFoundError, `${e?.name}: ${e?.message}`);
    assert.equal(e.code, 4040);
    assert.match(e.message, /no request 999999999/);
    return true;
  });
});

test('unsubscribe stops a watch early', { timeout: 120_000 }, async () => {
  const [x] = readInput(example.input);
  const sent = await sibyl.request(example.id, { x: Float32Array.from(x.data) }, { signer: '//Dave' });
  const watch = await sibyl.watch(sent.requestId);
  const first = await watch.next();
  assert.equal(first.done, false);
  await watch.unsubscribe();
  assert.deepEqual(await watch.next(), { value: undefined, done: true });
  // The request still settles (followed by a new watch).
  const settlement = await sibyl.settlement(sent.requestId, { timeoutMs: 60_000 });
  assert.ok(settlement.outcome.verified);
});
