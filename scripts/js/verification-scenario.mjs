// Verification on a real network, driven with @polkadot/api: honest nodes are paid, a
// dishonest executor is slashed and its requesters made whole, a lazy verifier is slashed.
//
//   node scripts/js/verification-scenario.mjs --url ws://127.0.0.1:9944 --model 0x…
//
// Expects the `local` chain with the test network of node/tests/verification_network.rs:
// Alice executes (infr), Bob and Charlie verify (vrfy), Dave runs `--dishonest corrupt` with
// an infr key, Eve runs `--dishonest lazy` with a vrfy key, and Alice's node also holds
// Ferdie's infr key. The model takes `x: f32[1, 8]` and is verified by 2 verifiers, always.
// The requester is //Two. Prints one JSON report; exits non-zero on any failed transaction.

import { Keyring } from '@polkadot/keyring';
import { connect, keyProof, toChainTensor, toTensor } from '@sibyl/client';

const UNIT = 10n ** 12n;

function parseArgs(argv) {
  const args = { url: 'ws://127.0.0.1:9944', timeoutBlocks: 60 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') args.url = argv[++i];
    else if (argv[i] === '--model') args.model = argv[++i];
    else if (argv[i] === '--timeout-blocks') args.timeoutBlocks = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.model) throw new Error('--model is required');
  return args;
}

/// An f32[1, 8] input whose values depend on `seed`.
function input(seed) {
  const x = Float32Array.from({ length: 8 }, (_, i) => Math.sin(seed * 7 + i) * 2);
  return [toChainTensor(toTensor('x', { shape: [1, 8], data: x }))];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sibyl = await connect(args.url);
  const { api } = sibyl;
  const keyring = new Keyring({ type: 'sr25519' });
  const acct = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'One', 'Two'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );

  /// Sends `tx` signed by `signer` (with `nonce` if given) and waits until it is in a block;
  /// a failed transaction rejects with the chain's error name (`Payments.BadKeyProof`).
  const send = (tx, signer, nonce) =>
    sibyl.send(tx, signer, { nonce }).catch((e) => {
      throw new Error(e.pallet ? `${e.pallet}.${e.error}` : e.message);
    });

  const free = async (pair, at) => (await at.query.system.account(pair.address)).data.free.toBigInt();
  /// The state at the finalized head once it has reached the best block of now and every request
  /// in `ids` has settled in it: under BABE the best chain can reorg to a fork where a settlement
  /// is not in yet, so balances are only compared at finalized blocks.
  const finalAfterNow = async (ids = []) => {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (let tries = 0; tries < 240; tries++) {
      const hash = await api.rpc.chain.getFinalizedHead();
      const number = (await api.rpc.chain.getHeader(hash)).number.toNumber();
      if (number >= best) {
        const at = await api.at(hash);
        const states = await Promise.all(ids.map((id) => at.query.inference.requests(id)));
        if (states.every((r) => r.isNone || r.unwrap().state.isSettled)) return at;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`block #${best} and requests ${ids} not finalized within 120 s`);
  };
  const bond = async (role, pair) => {
    const b = await api.query.payments.bonds(role, pair.address);
    return b.isSome ? b.unwrap().amount.toBigInt() : 0n;
  };
  const active = async (role) => (await api.query.payments.active(role)).map((a) => a.toString());
  const name = (address) => Object.entries(acct).find(([, p]) => p.address === address.toString())?.[0] ?? address.toString();

  /// Sends `count` requests from //Two in one go and waits until each has settled. The log is
  /// read from finalized blocks only: under BABE a best block read early can be retracted (a
  /// seal included there lands again in another block), and a log walked over the best chain
  /// then misses or doubles events. A request's inclusion block is where its `Requested` event
  /// is on the finalized chain, not the fork block `send` first saw it in.
  let seed = 0;
  const seen = new Set();
  const finalizedNumber = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
  const requests = async (count) => {
    const quote = (await api.call.inferenceApi.quote(args.model, null)).asOk.toBigInt();
    const nonce = (await api.rpc.system.accountNextIndex(acct.two.address)).toNumber();
    // Finalized blocks cannot be retracted, so the requests are in a later one.
    const start = await finalizedNumber();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        send(api.tx.inference.request(args.model, input(++seed), quote, null), acct.two, nonce + i),
      ),
    );
    const ids = new Map();
    const result = new Map();
    const escrows = new Map();
    const log = [];
    let n = start + 1;
    while (ids.size < count || result.size < ids.size) {
      if (n > (await finalizedNumber())) {
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        if (best - start > args.timeoutBlocks) throw new Error(`requests not settled and finalized within ${args.timeoutBlocks} blocks`);
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      const at = await api.at(await api.rpc.chain.getBlockHash(n));
      for (const { event } of await at.query.system.events()) {
        const d = event.data;
        if (api.events.inference.Requested.is(event) && d.requester.toString() === acct.two.address && !seen.has(d.id.toString())) {
          seen.add(d.id.toString());
          ids.set(d.id.toString(), { included: n, fee: d.fee.toBigInt() });
        }
        if (api.events.payments.EscrowSettled.is(event) && ids.has(d.request.toString())) {
          escrows.set(d.request.toString(), { paid: d.paid.toString(), refunded: d.refunded.toString() });
        }
        const id = d?.id?.toString();
        if (!ids.has(id)) continue;
        if (api.events.inference.RequestSettled.is(event)) {
          result.set(id, { outcome: d.outcome.toJSON(), settled: n, blocks: n - ids.get(id).included, fee: ids.get(id).fee });
        }
        if (api.events.inference.Committed.is(event)) log.push({ id, block: n, committed: name(d.node), seat: d.seat.toString() });
        if (api.events.inference.Revealed.is(event)) log.push({ id, block: n, revealed: name(d.node), seat: d.seat.toString() });
        if (api.events.verification.Slashed.is(event)) log.push({ id, block: n, slashed: name(d.who), offence: d.offence.toString(), amount: d.slashed.toString() });
        if (api.events.verification.Missed.is(event)) log.push({ id, block: n, missed: name(d.who), seat: d.seat.toString() });
        if (api.events.verification.Rewarded.is(event)) log.push({ id, block: n, rewarded: name(d.who), amount: d.amount.toString() });
        if (api.events.verification.Judged.is(event)) log.push({ id, block: n, verdict: d.verdict.toString(), in_line: d.inLine.toNumber(), seats: d.seats.toNumber() });
      }
      n++;
    }
    const entries = [...result].map(([id, r]) => [id, { ...r, fee: r.fee.toString(), escrow: escrows.get(id) }]);
    return { requests: Object.fromEntries(entries), log };
  };

  const deltas = async (names, run) => {
    const start = await finalAfterNow();
    const before = await Promise.all(names.map((n) => free(acct[n], start)));
    const out = await run();
    const end = await finalAfterNow(Object.keys(out.requests));
    const after = await Promise.all(names.map((n) => free(acct[n], end)));
    out.free_delta = Object.fromEntries(names.map((n, i) => [n, (after[i] - before[i]).toString()]));
    return out;
  };

  const report = { fee: (await api.call.inferenceApi.quote(args.model, null)).asOk.toString() };
  report.start = { inference: (await active('Inference')).map(name), verifiers: (await active('Verifier')).map(name) };

  // 1. Honest: Alice executes, Bob and Charlie verify.
  report.honest = await deltas(['alice', 'bob', 'charlie', 'one'], () => requests(3));

  // 2. A dishonest executor: Dave bonds, Alice leaves; Dave is the only executor.
  await Promise.all([
    send(api.tx.payments.bond('Inference', 100n * UNIT, acct.dave.publicKey, keyProof(api, 'Inference', acct.dave, acct.dave.address)), acct.dave),
    send(api.tx.payments.unbond('Inference'), acct.alice),
  ]);
  report.dishonest_executor = await deltas(['bob', 'charlie', 'dave'], () => requests(2));
  report.dishonest_executor.active_after = (await active('Inference')).map(name);
  report.dishonest_executor.dave_bond = (await bond('Inference', acct.dave)).toString();

  // 3. A lazy verifier: Ferdie executes (key on Alice's node), Bob and Eve verify.
  await Promise.all([
    send(api.tx.payments.bond('Inference', 100n * UNIT, acct.ferdie.publicKey, keyProof(api, 'Inference', acct.ferdie, acct.ferdie.address)), acct.ferdie),
    send(api.tx.payments.bond('Verifier', 1000n * UNIT, acct.eve.publicKey, keyProof(api, 'Verifier', acct.eve, acct.eve.address)), acct.eve),
    send(api.tx.payments.unbond('Verifier'), acct.charlie),
  ]);
  report.lazy_verifier = { sets: { inference: (await active('Inference')).map(name), verifiers: (await active('Verifier')).map(name) } };
  // The lazy node computes its first request, then replays that output for every other one.
  report.lazy_verifier.first = await deltas(['bob', 'eve', 'ferdie'], () => requests(1));
  report.lazy_verifier.later = await deltas(['bob', 'eve', 'ferdie'], () => requests(2));
  report.lazy_verifier.eve_bond = (await bond('Verifier', acct.eve)).toString();

  // Overhead: verifier executions (seals) per request, and blocks from inclusion to settlement.
  const phases = [report.honest, report.dishonest_executor, report.lazy_verifier.first, report.lazy_verifier.later];
  const all = phases.flatMap((p) => Object.values(p.requests));
  const verifierSeals = phases.flatMap((p) => p.log).filter((e) => e.committed && e.seat === 'Verifier').length;
  report.overhead = {
    requests: all.length,
    verifier_executions_per_request: verifierSeals / all.length,
    blocks_to_settle: all.map((r) => r.blocks),
  };
  await sibyl.disconnect();
  // Exit only once the report is flushed: stdout may be a pipe.
  await new Promise((resolve) => process.stdout.write(`${JSON.stringify(report)}\n`, resolve));
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(`verification-scenario: ${e.message}`);
    process.exit(1);
  });
