// Schedules a model over a feed window with @polkadot/api, follows its runs on finalized blocks,
// then cancels it and checks that the unspent budget comes back.
//
//   node scripts/js/schedule.mjs --model 0x… --input input.json --feed FEED:TENSOR:OFFSET[:ROUNDS]…
//        [--url ws://127.0.0.1:9944] [--suri //Alice] [--every 5] [--runs 8] [--cancel-after 6]
//        [--level unverified|sampled:PPM|committee:K] [--max-fee PLANCK] [--timeout-blocks 120]
//
// `Schedules.schedule` runs the model every EVERY blocks, paying at most MAX-FEE (default: the
// quote) per run from a budget of RUNS × MAX-FEE held now. After CANCEL-AFTER runs were made the
// script cancels the schedule. For each run it reads, at the run's block: the stored input, the
// feed rounds bound (`InputFromFeeds`) and those rounds' answers (`oracleApi.history`); and at the
// request's settlement: its outcome and inline output. Prints one JSON report; exits non-zero
// with the chain's error name if a transaction fails.

import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { connect, decodeTensors, inputTensors, plainData, SibylChainError, toChainTensor } from '@sibyl/client';
import { parseFeed, parseLevel } from './cli.mjs';

function fail(message) {
  console.error(`schedule: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {
    url: 'ws://127.0.0.1:9944', suri: '//Alice', every: 5, runs: 8, cancelAfter: 6,
    timeoutBlocks: 120, feeds: [], level: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
    if (a === '--url') args.url = next();
    else if (a === '--model') args.model = next();
    else if (a === '--input') args.input = next();
    else if (a === '--suri') args.suri = next();
    else if (a === '--every') args.every = Number(next());
    else if (a === '--runs') args.runs = Number(next());
    else if (a === '--cancel-after') args.cancelAfter = Number(next());
    else if (a === '--max-fee') args.maxFee = BigInt(next());
    else if (a === '--timeout-blocks') args.timeoutBlocks = Number(next());
    else if (a === '--level') args.level = parseLevel(next(), fail);
    else if (a === '--feed') args.feeds.push(parseFeed(next(), fail));
    else fail(`unknown argument ${a}`);
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(args.model ?? '')) fail('--model 0x<64 hex digits> is required');
  if (!args.input) fail('--input FILE.json is required');
  if (!(args.cancelAfter >= 1 && args.cancelAfter <= args.runs)) fail('--cancel-after must be within 1..=--runs');
  return args;
}

/// A chain error (a `SibylChainError`, or a dispatch error in an event) as `inference.QueueFull`.
function describe(sibyl, error) {
  const e = error instanceof SibylChainError ? error : error instanceof Error ? undefined : sibyl.chainError(error);
  if (!e) return error.message ?? String(error);
  return e.isModule ? `${e.section}.${e.error}` : e.error;
}

/// Tensors as this script prints them (`sibyl-node model run`'s data: plain numbers).
const plain = (tensors) => tensors.map((t) => ({ dtype: t.dtype, shape: t.shape, data: plainData(t) }));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = JSON.parse(readFileSync(args.input, 'utf8'));
  // The template as the file gives it: the chain checks it against the model.
  const tensors = inputTensors(undefined, file.inputs ?? fail('the input file has no "inputs"'), false).map(toChainTensor);

  const sibyl = await connect(args.url);
  const { api } = sibyl;
  const owner = new Keyring({ type: 'sr25519' }).addFromUri(args.suri);

  let maxFee = args.maxFee;
  try {
    const quote = await sibyl.quote(args.model, args.level);
    maxFee ??= quote.fee;
  } catch (e) {
    fail(`no quote: ${describe(sibyl, e)}`);
  }

  const send = async (tx) => {
    try {
      return await sibyl.send(tx, owner);
    } catch (e) {
      throw new Error(describe(sibyl, e));
    }
  };

  const held = async (at) => {
    const holds = await at.query.balances.holds(owner.address);
    return holds
      .filter((h) => h.id.isSchedules && h.id.asSchedules.isBudget)
      .reduce((sum, h) => sum + h.amount.toBigInt(), 0n);
  };

  const { events: made } = await send(
    api.tx.schedules.schedule(args.model, tensors, args.feeds, args.level, args.every, args.runs, maxFee),
  );
  const scheduled = made.find(({ event }) => api.events.schedules.Scheduled.is(event)).event.data;
  const id = scheduled.id.toBigInt();
  const budget = scheduled.budget.toBigInt();

  // Follow finalized blocks: runs, their inputs and feed values, settlements; cancel in time.
  const runs = new Map(); // request id → run record
  const skipped = [];
  let cancel; // the `Cancelled` event, once read on the finalized chain
  let cancelSent = false;
  let n = (await api.rpc.chain.getHeader(
    (await api.rpc.chain.getFinalizedHead()),
  )).number.toNumber();
  const start = n;
  const settledAll = () => runs.size >= args.cancelAfter && [...runs.values()].every((r) => r.outcome);
  // Done once the cancel has been read on the finalized chain (so every run made before it has
  // been read too) and every run seen has settled.
  while (!(cancel && settledAll())) {
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    if (finalized - start > args.timeoutBlocks) {
      fail(`not done within ${args.timeoutBlocks} blocks: ${runs.size} runs, cancel ${!!cancel}`);
    }
    if (n >= finalized) {
      await new Promise((r) => setTimeout(r, 300));
      continue;
    }
    n++;
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await api.at(hash);
    const events = await at.query.system.events();
    for (const { event } of events) {
      const d = event.data;
      if (api.events.schedules.RunMade.is(event) && d.id.toBigInt() === id) {
        const request = d.request.toBigInt();
        const rounds = events
          .map(({ event: e }) => e)
          .find((e) => api.events.inference.InputFromFeeds.is(e) && e.data.id.toBigInt() === request)
          .data.rounds.map(([feed, round]) => ({ feed: feed.toNumber(), round: round.toNumber() }));
        const stored = await at.query.inference.inputs(request);
        // The answers each binding read: the feed's history in this block, oldest first.
        const feedValues = [];
        for (const b of args.feeds) {
          const history = await at.call.oracleApi.history(b.feed, b.rounds);
          feedValues.push(history.map((a) => ({ round: a.round.toNumber(), value: a.value.toString() })));
        }
        runs.set(request.toString(), {
          run: d.run.toNumber(),
          request: request.toString(),
          block: n,
          fee: d.fee.toString(),
          rounds,
          feed_values: feedValues,
          stored_input: plain(decodeTensors(stored.unwrap().toU8a(true))),
        });
      }
      if (api.events.schedules.Cancelled.is(event) && d.id.toBigInt() === id) {
        cancel = { refunded: d.refunded.toString(), block: n };
      }
      if (api.events.schedules.RunSkipped.is(event) && d.id.toBigInt() === id) {
        skipped.push({ block: n, error: describe(sibyl, d.error) });
      }
      if (api.events.inference.RequestSettled.is(event) && runs.has(d.id.toString())) {
        const run = runs.get(d.id.toString());
        run.outcome = d.outcome.toJSON();
        run.settled = n;
        const output = await at.query.inference.outputs(d.id);
        if (output.isSome) run.output = plain(decodeTensors(output.unwrap().toU8a(true)));
      }
    }
    if (!cancelSent && runs.size >= args.cancelAfter) {
      cancelSent = true;
      await send(api.tx.schedules.cancel(id));
    }
  }
  // Runs made before the cancel landed count too (one may slip in between).
  const spent = [...runs.values()].reduce((sum, r) => sum + BigInt(r.fee), 0n);
  // The state at the last finalized block read (the cancel is final in it).
  const last = await api.at(await api.rpc.chain.getBlockHash(n));
  const report = {
    schedule: id.toString(),
    every: args.every,
    max_fee_per_run: maxFee.toString(),
    budget: budget.toString(),
    runs: [...runs.values()].sort((a, b) => a.run - b.run),
    skipped,
    cancel: { ...cancel, expected: (budget - spent).toString() },
    budget_held_after: (await held(last)).toString(),
    schedule_after: (await last.call.schedulesApi.schedule(id)).toJSON(),
  };
  console.log(JSON.stringify(report));
  await sibyl.disconnect();
}

main().catch((e) => fail(e.message ?? String(e)));
