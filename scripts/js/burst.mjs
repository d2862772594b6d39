// Sends a burst of inference requests from several accounts with @polkadot/api, follows every one
// to its end, and reconciles the money exactly.
//
//   node scripts/js/burst.mjs --model 0x… --input input.json [--url ws://127.0.0.1:9944]
//        [--count 1000] [--accounts //Dave,//Eve,//Ferdie] [--wave 128] [--timeout-blocks 300]
//        [--json]
//
// Requests are signed up front (explicit nonces) and sent in waves: at each finalized block, if
// fewer than --wave of the burst's transactions wait in the pool, up to --wave more, never more
// than the room left in the runtime's request queue (`MaxQueue`; beyond it a request fails with
// `QueueFull`). A block takes at most `MaxAssignPerBlock` new requests (the rest wait in the
// pool, `SeatsLeft`) and seats them in that block.
//
// Checks, each a non-zero exit when it fails:
//   - every request was included (none failed) and ended with exactly one `RequestSettled`;
//   - each escrow ended exactly once, with paid + refunded = the amount escrowed;
//   - for each account: balance before − after = its transaction fees + what its escrows paid;
//   - total issuance before − after = every transaction fee of the blocks in between (fees are
//     burnt; slashes and rewards move money between accounts).
// Prints figures: blocks from inclusion to settlement (median, p99, max), settled requests per
// minute of chain time (first inclusion to last settlement) and outcomes.

import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { connect, inputTensors, SibylInputError, toChainTensor } from '@sibyl/client';

function fail(message) {
  console.error(`burst: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {
    url: 'ws://127.0.0.1:9944', count: 1000, accounts: ['//Dave', '//Eve', '//Ferdie'], wave: 128,
    timeoutBlocks: 300, json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--url') args.url = next();
    else if (a === '--model') args.model = next();
    else if (a === '--input') args.input = next();
    else if (a === '--count') args.count = Number(next());
    else if (a === '--accounts') args.accounts = next().split(',').filter(Boolean);
    else if (a === '--wave') args.wave = Number(next());
    else if (a === '--timeout-blocks') args.timeoutBlocks = Number(next());
    else if (a === '--json') args.json = true;
    else fail(`unknown argument ${a}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(args.model ?? '')) fail('--model 0x<64 hex digits> is required');
  if (!args.input) fail('--input FILE.json is required');
  if (!(args.count >= 1) || !(args.wave >= 1) || args.accounts.length === 0) fail('bad --count, --wave or --accounts');
  return args;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const input = JSON.parse(readFileSync(args.input, 'utf8'));
  // The input as the file gives it: the chain checks it against the model.
  let tensors;
  try {
    tensors = inputTensors(undefined, input.inputs ?? fail('the input file has no "inputs"'), false).map(toChainTensor);
  } catch (e) {
    fail(e instanceof SibylInputError ? `tensor ${e.message}` : e.message);
  }

  const sibyl = await connect(args.url);
  const { api } = sibyl;
  const keyring = new Keyring({ type: 'sr25519' });
  const pairs = args.accounts.map((suri) => keyring.addFromUri(suri));
  const addresses = pairs.map((p) => p.address);
  let fee;
  try {
    fee = (await sibyl.quote(args.model)).fee;
  } catch (e) {
    fail(`model ${args.model} takes no requests: ${e.message}`);
  }

  // The state before: balances, issuance and nonces, all at one block.
  const startHash = await api.rpc.chain.getFinalizedHead();
  const startApi = await api.at(startHash);
  const startNumber = (await api.rpc.chain.getHeader(startHash)).number.toNumber();
  const free = async (at, who) => {
    const { data } = await at.query.system.account(who);
    return data.free.toBigInt() + data.reserved.toBigInt();
  };
  const before = await Promise.all(addresses.map((a) => free(startApi, a)));
  const issuanceBefore = (await startApi.query.balances.totalIssuance()).toBigInt();
  const nonces = await Promise.all(addresses.map(async (a) => (await startApi.query.system.account(a)).nonce.toNumber()));

  // Sign everything first: account i % n, consecutive nonces, immortal.
  const signStart = Date.now();
  const signed = [];
  for (let i = 0; i < args.count; i++) {
    const k = i % pairs.length;
    const nonce = nonces[k] + Math.floor(i / pairs.length);
    const tx = api.tx.inference.request(args.model, tensors, fee, null);
    signed.push((await tx.signAsync(pairs[k], { nonce, era: 0 })).toHex());
  }
  const signSecs = (Date.now() - signStart) / 1000;

  // Send in waves and follow blocks: requests by id, their inclusion and settlement blocks.
  const requests = new Map(); // id → { requester, at, escrowed, settledAt, outcome, escrows: [] }
  const failures = [];
  const feesBy = new Map(addresses.map((a) => [a, 0n]));
  let allFees = 0n;
  const penalties = { missed: 0, slashed: 0, by: {} }; // every Missed and Slashed event in the run
  let sent = 0;
  let lastNumber = startNumber;
  const times = new Map();
  const mine = new Set(addresses);

  const scan = async (number) => {
    const hash = await api.rpc.chain.getBlockHash(number);
    const at = await api.at(hash);
    const [events, now, block] = await Promise.all([at.query.system.events(), at.query.timestamp.now(), api.rpc.chain.getBlock(hash)]);
    times.set(number, now.toNumber());
    for (const { event, phase } of events) {
      const d = event.data;
      if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
        const fee = d.actualFee.toBigInt();
        allFees += fee;
        const who = d.who.toString();
        if (feesBy.has(who)) feesBy.set(who, feesBy.get(who) + fee);
      } else if (api.events.inference.Requested.is(event) && mine.has(d.requester.toString())) {
        requests.set(d.id.toString(), { requester: d.requester.toString(), at: number, fee: d.fee.toBigInt(), escrows: [], settled: [] });
      } else if (api.events.payments.EscrowSettled.is(event)) {
        const r = requests.get(d.request.toString());
        if (r) r.escrows.push({ paid: d.paid.toBigInt(), refunded: d.refunded.toBigInt() });
      } else if (api.events.verification.Missed.is(event) || api.events.verification.Slashed.is(event)) {
        const kind = api.events.verification.Missed.is(event) ? 'missed' : 'slashed';
        penalties[kind] += 1;
        const key = `${kind} ${d.who.toString()}`;
        penalties.by[key] = (penalties.by[key] ?? 0) + 1;
      } else if (api.events.inference.Assigned.is(event)) {
        const r = requests.get(d.id.toString());
        if (r) r.attempts = Math.max(r.attempts ?? 0, d.attempt.toNumber());
      } else if (api.events.inference.RequestSettled.is(event)) {
        const r = requests.get(d.id.toString());
        if (r) r.settled.push({ at: number, outcome: Object.keys(d.outcome.toJSON())[0] });
      } else if (api.events.system.ExtrinsicFailed.is(event) && phase.isApplyExtrinsic) {
        const xt = block.block.extrinsics[phase.asApplyExtrinsic.toNumber()];
        if (xt.isSigned && mine.has(xt.signer.toString())) {
          const e = sibyl.chainError(d.dispatchError);
          const name = e.isModule ? `${e.section}.${e.error}` : e.error;
          failures.push({ at: number, who: xt.signer.toString(), error: name });
        }
      }
    }
  };

  const done = () => requests.size + failures.length >= args.count &&
    [...requests.values()].every((r) => r.settled.length > 0);

  const sendStart = Date.now();
  await new Promise((resolve, reject) => {
    let unsub = () => {};
    let busy = false;
    const onHead = async (header) => {
      if (busy) return;
      busy = true;
      try {
        const number = header.number.toNumber();
        for (let n = lastNumber + 1; n <= number; n++) await scan(n);
        lastNumber = Math.max(lastNumber, number);
        if (sent < signed.length) {
          // Sent but not yet in a block (counted from the blocks, not `author_pendingExtrinsics`:
          // large requests waiting in the pool overflow an RPC response).
          const pending = sent - requests.size - failures.length;
          // Room in the runtime's request queue (the rest would fail with QueueFull).
          const queued = (await api.query.inference.queue()).length;
          const room = api.consts.inference.maxQueue.toNumber() - queued - pending;
          if (pending < args.wave && room > 0) {
            const wave = signed.slice(sent, sent + Math.min(args.wave, room));
            sent += wave.length;
            await Promise.all(wave.map((hex) => api.rpc.author.submitExtrinsic(hex)));
          }
        }
        if (done()) {
          unsub();
          resolve();
        } else if (number - startNumber > args.timeoutBlocks) {
          unsub();
          reject(new Error(`not done within ${args.timeoutBlocks} blocks: ${requests.size} included, ${failures.length} failed, ${[...requests.values()].filter((r) => r.settled.length > 0).length} settled`));
        }
      } catch (e) {
        unsub();
        reject(e);
      } finally {
        busy = false;
      }
    };
    api.rpc.chain.subscribeFinalizedHeads((h) => onHead(h)).then((u) => { unsub = u; }).catch(reject);
  });
  const wallSecs = (Date.now() - sendStart) / 1000;

  // The state after, at the last block scanned.
  const endApi = await api.at(await api.rpc.chain.getBlockHash(lastNumber));
  const after = await Promise.all(addresses.map((a) => free(endApi, a)));
  const issuanceAfter = (await endApi.query.balances.totalIssuance()).toBigInt();

  const problems = [];
  if (failures.length > 0) problems.push(`${failures.length} request(s) failed: ${JSON.stringify(failures.slice(0, 5))}`);
  if (requests.size !== args.count) problems.push(`${requests.size} of ${args.count} requests included`);
  const paidBy = new Map(addresses.map((a) => [a, 0n]));
  const outcomes = {};
  let reassigned = 0;
  const blocks = [];
  for (const [id, r] of requests) {
    if (r.settled.length !== 1) problems.push(`request ${id}: ${r.settled.length} RequestSettled events`);
    if (r.escrows.length !== 1) problems.push(`request ${id}: ${r.escrows.length} EscrowSettled events`);
    const [escrow] = r.escrows;
    if (escrow && escrow.paid + escrow.refunded !== r.fee) problems.push(`request ${id}: paid ${escrow.paid} + refunded ${escrow.refunded} ≠ escrowed ${r.fee}`);
    if (escrow) paidBy.set(r.requester, paidBy.get(r.requester) + escrow.paid);
    if ((r.attempts ?? 0) > 1) reassigned++;
    if (r.settled[0]) {
      outcomes[r.settled[0].outcome] = (outcomes[r.settled[0].outcome] ?? 0) + 1;
      blocks.push(r.settled[0].at - r.at);
    }
  }
  const accounts = addresses.map((a, i) => {
    const spent = before[i] - after[i];
    const expected = feesBy.get(a) + paidBy.get(a);
    if (spent !== expected) problems.push(`${args.accounts[i]}: spent ${spent} ≠ fees ${feesBy.get(a)} + escrow payouts ${paidBy.get(a)}`);
    return { account: args.accounts[i], spent: spent.toString(), fees: feesBy.get(a).toString(), escrow_paid: paidBy.get(a).toString() };
  });
  if (issuanceBefore - issuanceAfter !== allFees) problems.push(`issuance fell by ${issuanceBefore - issuanceAfter}, fees were ${allFees}`);

  blocks.sort((a, b) => a - b);
  const first = Math.min(...[...requests.values()].map((r) => r.at));
  const last = Math.max(...[...requests.values()].map((r) => r.settled[0]?.at ?? 0));
  const chainMinutes = (times.get(last) - times.get(first)) / 60000;
  const report = {
    requests: args.count,
    accounts: args.accounts.length,
    settled: blocks.length,
    outcomes,
    reassigned,
    penalties,
    blocks_to_settle: { median: percentile(blocks, 50), p99: percentile(blocks, 99), max: blocks[blocks.length - 1], min: blocks[0] },
    first_inclusion: first,
    last_settlement: last,
    chain_minutes: Number(chainMinutes.toFixed(3)),
    settled_per_minute: Math.round(blocks.length / chainMinutes),
    wall_seconds: Number(wallSecs.toFixed(1)),
    signing_seconds: Number(signSecs.toFixed(1)),
    balances: accounts,
    issuance_change: (issuanceAfter - issuanceBefore).toString(),
    fees: allFees.toString(),
    reconciled: problems.length === 0,
    problems: problems.slice(0, 20),
  };
  if (args.json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`${report.settled} of ${args.count} requests settled (${JSON.stringify(outcomes)}), blocks #${first}–#${last}`);
    console.log(`blocks from inclusion to settlement: median ${report.blocks_to_settle.median}, p99 ${report.blocks_to_settle.p99}, max ${report.blocks_to_settle.max}`);
    console.log(`${report.settled_per_minute} settled requests per minute of chain time (${report.chain_minutes} min)`);
    console.log(`penalties: ${penalties.missed} missed, ${penalties.slashed} slashed ${JSON.stringify(penalties.by)}`);
    console.log(problems.length === 0 ? 'balances reconcile exactly' : `NOT reconciled:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  await sibyl.disconnect();
  return problems.length === 0 ? 0 : 4;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (e) => fail(e.message ?? String(e)),
);
