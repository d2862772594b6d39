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
import { Keyring } from '@polkadot/keyring';
import { connect, decodeTensors, plainData, SibylChainError, SibylInputError } from '@sibyl/client';
import { parseFeed, parseLevel } from './cli.mjs';

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

/// The chain's error as this script has always named it: `inference.FeeBelowPrice: <docs>`.
function describeError(e) {
  if (e instanceof SibylChainError) return e.isModule ? `${e.section}.${e.error}: ${e.docs}` : e.error;
  return e.message ?? String(e);
}

/// Tensors as this script prints them (`sibyl-node model run`'s data: plain numbers).
const plain = (tensors) => tensors.map((t) => ({ dtype: t.dtype, shape: t.shape, data: plainData(t) }));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const input = JSON.parse(readFileSync(args.input, 'utf8'));
  const inputs = input.inputs ?? fail('the input file has no "inputs"');

  const sibyl = await connect(args.url);
  const { api } = sibyl;
  const signer = new Keyring({ type: 'sr25519' }).addFromUri(args.suri);

  // Without --max-fee, pay the quote; with it, send as given and let the chain judge.
  const level = args.level ?? null;
  let fee = 0n;
  try {
    fee = (await sibyl.quote(args.model, level)).fee;
  } catch (e) {
    if (!(e instanceof SibylChainError)) throw e;
    if (args.maxFee === undefined) fail(`model ${args.model} takes no requests at this level: ${describeError(e)}`);
  }
  const maxFee = args.maxFee ?? fee;
  const before = (await api.query.system.account(signer.address)).data.free.toBigInt();

  // Submit (the tensors as the file gives them: the chain checks them against the model) and wait
  // for inclusion; the request id comes from the `Requested` event.
  let submitted;
  try {
    submitted = await sibyl.request(args.model, inputs, { signer, maxFee, level, feeds: args.feeds, validate: false });
  } catch (e) {
    fail(e instanceof SibylInputError ? `tensor ${e.message}` : describeError(e));
  }
  const { requestId: id, blockNumber: includedAt, blockHash: inBlock, events } = submitted;
  const fromFeeds = events
    .find(({ event }) => api.events.inference.InputFromFeeds.is(event))
    ?.event.data.rounds.map(([feed, round]) => ({ feed: feed.toNumber(), round: round.toNumber() }));
  if (!args.json) console.log(`request ${id} included in block #${includedAt} (fee ${fee} escrowed)`);
  // The input as stored with the request (feed values written in), read at the inclusion block:
  // it is removed once the request settles.
  let storedInput;
  if (fromFeeds) {
    const stored = await (await api.at(inBlock)).query.inference.inputs(id);
    storedInput = stored.isSome ? plain(decodeTensors(stored.unwrap().toU8a(true))) : undefined;
    if (!args.json) {
      for (const [i, { feed, round }] of fromFeeds.entries()) {
        const b = args.feeds[i];
        console.log(`  input from feed ${feed} round ${round} (${b.rounds} round(s)) → tensor ${b.tensor} from element ${b.offset}`);
      }
      for (const t of storedInput ?? []) console.log(`  stored input ${t.dtype}[${t.shape}] = [${t.data.join(', ')}]`);
    }
  }

  // Follow finalized blocks until the request's `RequestSettled` event. Finalized only: a best
  // block read by number can be retracted (BABE forks on a network; the local network test saw a
  // settlement on a fork, then no output on the chain that won).
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
    api.rpc.chain.subscribeFinalizedHeads((h) => check(h).catch(reject)).then((u) => { unsub = u; }).catch(reject);
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
  // The accepted output (`sibyl_output`, checked against its hash by the client). Outputs too
  // large for state have only their hash on chain (`Inference.StoredOutputs`); the node serves
  // the bytes from its offchain store or, through it, from a peer.
  if (settled.outcome && settled.outcome.verified) {
    const stored = await api.query.inference.storedOutputs(id);
    if (stored.isSome) {
      const [hash, len] = stored.unwrap();
      report.stored_output = { hash: hash.toHex(), len: len.toNumber() };
    }
    const output = await sibyl.output(id);
    report.output_hash = output.outputHash;
    report.outputs = plain(output.tensors);
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
  await sibyl.disconnect();
  return settled.outcome && Object.keys(settled.outcome)[0] === 'verified' ? 0 : 3;
}

// Exit only once stdout is flushed: a large JSON report to a pipe is written asynchronously.
main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (e) => fail(describeError(e)),
);
