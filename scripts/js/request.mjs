// Sends an inference request to a Sibyl chain with @polkadot/api and waits until it settles.
//
//   node scripts/js/request.mjs --model 0x… --input input.json [--url ws://127.0.0.1:9944]
//        [--suri //Alice] [--max-fee PLANCK] [--timeout-blocks 60] [--json]
//        [--feed FEED:TENSOR:OFFSET[:ROUNDS]]… [--level unverified|sampled:PPM|committee:K]
//
// The input file is the `sibyl-node model run --input` format:
//   {"inputs":[{"name":"x","dtype":"f32","shape":[1,8],"data":[…]}]}
// Prints the request id, the blocks from inclusion to settlement, the outcome and the decoded
// output (JSON with --json). Each --feed binds the latest ROUNDS (default 1) values of oracle feed
// FEED into input tensor TENSOR from element OFFSET (`Inference.request_with_feeds`): the runtime
// writes them when the request is included, and the stored input is printed. --level asks for a
// verification level instead of the model's policy. Exits non-zero, with the chain's error name,
// if the request fails.

import { readFileSync } from 'node:fs';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { compactFromU8a, hexToU8a } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { parseFeed, parseLevel } from './cli.mjs';
import { decodeTensors, toTensor } from './tensors.mjs';

function parseArgs(argv) {
  const args = { url: 'ws://127.0.0.1:9944', suri: '//Alice', timeoutBlocks: 60, json: false, feeds: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--url') args.url = next();
    else if (a === '--model') args.model = next();
    else if (a === '--input') args.input = next();
    else if (a === '--suri') args.suri = next();
    else if (a === '--max-fee') args.maxFee = BigInt(next());
    else if (a === '--timeout-blocks') args.timeoutBlocks = Number(next());
    else if (a === '--json') args.json = true;
    else if (a === '--level') args.level = parseLevel(next(), fail);
    else if (a === '--feed') args.feeds.push(parseFeed(next(), fail));
    else fail(`unknown argument ${a}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(args.model ?? '')) fail('--model 0x<64 hex digits> is required');
  if (!args.input) fail('--input FILE.json is required');
  return args;
}

function fail(message) {
  console.error(`request: ${message}`);
  process.exit(1);
}

function describeError(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}: ${docs.join(' ')}`;
  }
  return dispatchError.toString();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const input = JSON.parse(readFileSync(args.input, 'utf8'));
  const tensors = (input.inputs ?? fail('the input file has no "inputs"')).map((t) => toTensor(t, fail));

  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(args.url), noInitWarn: true, throwOnConnect: true });
  const signer = new Keyring({ type: 'sr25519' }).addFromUri(args.suri);

  // Without --max-fee, pay the quote; with it, send as given and let the chain judge.
  const level = args.level ?? null;
  const quote = await api.call.inferenceApi.quote(args.model, level);
  if (quote.isErr && args.maxFee === undefined) {
    fail(`model ${args.model} takes no requests at this level: ${describeError(api, quote.asErr)}`);
  }
  const fee = quote.isOk ? quote.asOk.toBigInt() : 0n;
  const maxFee = args.maxFee ?? fee;
  const before = (await api.query.system.account(signer.address)).data.free.toBigInt();

  // Submit and wait for inclusion; the request id comes from the `Requested` event.
  const tx = args.feeds.length > 0
    ? api.tx.inference.requestWithFeeds(args.model, tensors, args.feeds, maxFee, level)
    : api.tx.inference.request(args.model, tensors, maxFee, level);
  const { id, includedAt, inBlock, fromFeeds } = await new Promise((resolve, reject) => {
    let unsub = () => {};
    tx
      .signAndSend(signer, async ({ status, events, dispatchError }) => {
        if (dispatchError) {
          unsub();
          reject(new Error(describeError(api, dispatchError)));
          return;
        }
        if (status.isInBlock) {
          unsub();
          const requested = events.find(({ event }) => api.events.inference.Requested.is(event));
          if (!requested) return reject(new Error('included without an Inference.Requested event'));
          const header = await api.rpc.chain.getHeader(status.asInBlock);
          const fromFeeds = events.find(({ event }) => api.events.inference.InputFromFeeds.is(event));
          resolve({
            id: requested.event.data.id.toBigInt(),
            includedAt: header.number.toNumber(),
            inBlock: status.asInBlock,
            fromFeeds: fromFeeds?.event.data.rounds.map(([feed, round]) => ({ feed: feed.toNumber(), round: round.toNumber() })),
          });
        } else if (status.isDropped || status.isInvalid || status.isUsurped) {
          unsub();
          reject(new Error(`transaction ${status.type}`));
        }
      })
      .then((u) => { unsub = u; })
      .catch(reject);
  });
  if (!args.json) console.log(`request ${id} included in block #${includedAt} (fee ${fee} escrowed)`);
  // The input as stored with the request (feed values written in), read at the inclusion block:
  // it is removed once the request settles.
  let storedInput;
  if (fromFeeds) {
    const stored = await (await api.at(inBlock)).query.inference.inputs(id);
    storedInput = stored.isSome ? decodeTensors(stored.unwrap().toU8a(true)) : undefined;
    if (!args.json) {
      for (const [i, { feed, round }] of fromFeeds.entries()) {
        const b = args.feeds[i];
        console.log(`  input from feed ${feed} round ${round} (${b.rounds} round(s)) → tensor ${b.tensor} from element ${b.offset}`);
      }
      for (const t of storedInput ?? []) console.log(`  stored input ${t.dtype}[${t.shape}] = [${t.data.join(', ')}]`);
    }
  }

  // Follow new blocks until the request's `RequestSettled` event.
  const verifiers = [];
  const executors = [];
  const penalties = []; // the request's Missed and Slashed events
  let escrow;
  const settled = await new Promise((resolve, reject) => {
    let unsub = () => {};
    let last = includedAt - 1; // seats are drawn in the including block itself
    const seen = new Set();
    const check = async (header) => {
      const number = header.number.toNumber();
      for (let n = last + 1; n <= number; n++) {
        if (seen.has(n)) continue;
        seen.add(n);
        const hash = await api.rpc.chain.getBlockHash(n);
        const events = await (await api.at(hash)).query.system.events();
        for (const { event } of events) {
          const mine = event.data && event.data.id && event.data.id.toBigInt && event.data.id.toBigInt() === id;
          if (mine && api.events.verification.VerifiersDrawn.is(event)) {
            verifiers.push(...event.data.verifiers.map((v) => v.toString()));
          }
          if (mine && api.events.inference.Assigned.is(event)) {
            executors.push(...event.data.executors.map((e) => e.toString()));
          }
          if (mine && (api.events.verification.Missed.is(event) || api.events.verification.Slashed.is(event))) {
            penalties.push({ block: n, event: event.method, who: event.data.who.toString() });
          }
          if (api.events.payments.EscrowSettled.is(event) && event.data.request.toBigInt() === id) {
            escrow = { paid: event.data.paid.toString(), refunded: event.data.refunded.toString() };
          }
          if (mine && !args.json) {
            const d = event.data;
            if (api.events.inference.Assigned.is(event)) {
              console.log(`  #${n}: executor(s) ${d.executors.map((e) => e.toString()).join(', ')} (attempt ${d.attempt})`);
            } else if (api.events.verification.VerifiersDrawn.is(event)) {
              console.log(`  #${n}: verifier(s) ${d.verifiers.map((e) => e.toString()).join(', ')}`);
            } else if (api.events.verification.NotSampled.is(event)) {
              console.log(`  #${n}: not sampled for verification`);
            } else if (api.events.inference.Committed.is(event)) {
              console.log(`  #${n}: ${d.seat.toString().toLowerCase()} ${d.node.toString()} sealed its output`);
            } else if (api.events.inference.RevealsOpen.is(event)) {
              console.log(`  #${n}: every seat sealed; reveals open`);
            } else if (api.events.inference.Revealed.is(event)) {
              console.log(`  #${n}: ${d.seat.toString().toLowerCase()} ${d.node.toString()} revealed ${d.outputHash.toHex()}`);
            } else if (api.events.verification.Judged.is(event)) {
              console.log(`  #${n}: judged ${d.verdict.toString()}: ${d.inLine} of ${d.seats} seat(s) in line`);
            } else if (api.events.verification.Slashed.is(event)) {
              console.log(`  #${n}: ${d.seat.toString().toLowerCase()} ${d.who.toString()} slashed ${d.slashed.toString()} for ${d.offence.toString()}`);
            } else if (api.events.verification.Rewarded.is(event)) {
              console.log(`  #${n}: verifier ${d.who.toString()} rewarded ${d.amount.toString()}`);
            }
          }
          if (api.events.inference.RequestSettled.is(event) && event.data.id.toBigInt() === id) {
            unsub();
            return resolve({ at: n, outcome: event.data.outcome.toJSON() });
          }
        }
      }
      last = Math.max(last, number);
      if (number - includedAt > args.timeoutBlocks) {
        unsub();
        reject(new Error(`not settled within ${args.timeoutBlocks} blocks of inclusion`));
      }
    };
    api.rpc.chain.subscribeNewHeads((h) => check(h).catch(reject)).then((u) => { unsub = u; }).catch(reject);
  });

  // Every seat's bond in its role, at inclusion and at settlement.
  const bondsAt = async (n) => {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    const seats = [...executors.map((w) => ['Inference', w]), ...verifiers.map((w) => ['Verifier', w])];
    const bonds = {};
    for (const [role, who] of seats) {
      const bond = await at.query.payments.bonds(role, who);
      bonds[`${role}:${who}`] = bond.isSome ? bond.unwrap().amount.toString() : '0';
    }
    return bonds;
  };
  const report = {
    id: id.toString(),
    model: args.model,
    fee: fee.toString(),
    included_at: includedAt,
    settled_at: settled.at,
    blocks_to_settle: settled.at - includedAt,
    outcome: settled.outcome,
    verifiers,
    executors,
    penalties,
    escrow,
    bonds_before: await bondsAt(includedAt),
    bonds_after: await bondsAt(settled.at),
  };
  if (fromFeeds) {
    report.input_from_feeds = fromFeeds;
    report.stored_input = storedInput;
  }
  // `InferenceApi_output` returns SCALE `Option<Vec<u8>>`; read it raw, exactly as the runtime
  // encoded it, rather than through a decoded wrapper.
  const raw = (await api.rpc.state.call('InferenceApi_output', api.createType('u64', id).toHex(true))).toU8a(true);
  if (raw[0] === 1) {
    const [prefix, len] = compactFromU8a(raw.subarray(1));
    const bytes = raw.subarray(1 + prefix, 1 + prefix + len.toNumber());
    report.output_hash = blake2AsHex(bytes, 256);
    report.outputs = decodeTensors(bytes);
  } else {
    // Too large for state: only its hash is on chain; the bytes come from the node's offchain
    // store (or, through it, from a peer) by the `inference_output` RPC.
    const stored = await api.query.inference.storedOutputs(id);
    if (stored.isSome) {
      const [hash, len] = stored.unwrap();
      const hex = await api._rpcCore.provider.send('inference_output', [hash.toHex()]);
      const bytes = hexToU8a(hex);
      if (blake2AsHex(bytes, 256) !== hash.toHex()) throw new Error('inference_output returned other bytes');
      report.stored_output = { hash: hash.toHex(), len: len.toNumber() };
      report.output_hash = hash.toHex();
      report.outputs = decodeTensors(bytes);
    }
  }
  const commitment = await api.call.inferenceApi.commitment(id);
  if (commitment.isSome) report.commitment = commitment.unwrap().toHex();
  const after = (await api.query.system.account(signer.address)).data.free.toBigInt();
  report.paid = (before - after).toString();

  if (args.json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`request ${id} settled in block #${settled.at}: ${settled.at - includedAt} block(s) after inclusion`);
    console.log(`  outcome     ${JSON.stringify(report.outcome)}`);
    if (report.output_hash) {
      console.log(`  output hash ${report.output_hash}`);
      for (const t of report.outputs) console.log(`  output      ${t.dtype}[${t.shape}] = [${t.data.join(', ')}]`);
    }
    if (report.commitment) console.log(`  commitment  ${report.commitment}`);
  }
  await api.disconnect();
  return settled.outcome && Object.keys(settled.outcome)[0] === 'verified' ? 0 : 3;
}

// Exit only once stdout is flushed: a large JSON report to a pipe is written asynchronously.
main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (e) => fail(e.message ?? String(e)),
);
