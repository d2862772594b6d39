// Sets up an oracle feed on a Sibyl chain with @polkadot/api: bonds the given accounts as data
// nodes (each with its own sr25519 key as `orcl` key) and creates a feed as sudo.
//
//   node scripts/js/oracle-setup.mjs --url ws://127.0.0.1:9944 --nodes //Alice,//Bob,//Charlie
//        [--sudo //Alice] [--decimals 2] [--min-submitters 2] [--round-length 4]
//        [--max-deviation-ppm 10000] [--max-age 8] [--description "…"]
//
// Prints `{"feed": <id>}`; exits non-zero with the chain's error name if a transaction fails.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { keyProof } from '@sibyl/client';

const UNIT = 10n ** 12n;

function parseArgs(argv) {
  const args = {
    url: 'ws://127.0.0.1:9944', nodes: [], sudo: '//Alice', decimals: 2, minSubmitters: 2,
    roundLength: 4, maxDeviationPpm: 10_000, maxAge: 8, description: 'test feed',
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case '--url': args.url = next(); break;
      case '--nodes': args.nodes = next().split(',').filter(Boolean); break;
      case '--sudo': args.sudo = next(); break;
      case '--decimals': args.decimals = Number(next()); break;
      case '--min-submitters': args.minSubmitters = Number(next()); break;
      case '--round-length': args.roundLength = Number(next()); break;
      case '--max-deviation-ppm': args.maxDeviationPpm = Number(next()); break;
      case '--max-age': args.maxAge = Number(next()); break;
      case '--description': args.description = next(); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(args.url), noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519' });

  const send = (tx, signer) =>
    new Promise((resolve, reject) => {
      let unsub = () => {};
      tx.signAndSend(signer, ({ status, events, dispatchError }) => {
        const sudoFailed = events.find(({ event }) => api.events.sudo?.Sudid?.is(event) && event.data.sudoResult.isErr);
        const error = dispatchError ?? sudoFailed?.event.data.sudoResult.asErr;
        if (error) {
          unsub();
          const { section, name } = error.isModule ? api.registry.findMetaError(error.asModule) : { section: '', name: error.toString() };
          return reject(new Error(`${section}.${name}`));
        }
        if (status.isInBlock) {
          unsub();
          resolve(events);
        } else if (status.isDropped || status.isInvalid || status.isUsurped) {
          unsub();
          reject(new Error(`transaction ${status.type}`));
        }
      })
        .then((u) => { unsub = u; })
        .catch(reject);
    });

  await Promise.all(
    args.nodes.map((suri) => {
      const pair = keyring.addFromUri(suri);
      return send(api.tx.payments.bond('Data', 10n * UNIT, pair.publicKey, keyProof(api, 'Data', pair, pair.address)), pair);
    }),
  );
  const create = api.tx.oracle.createFeed(
    args.description, args.decimals, args.minSubmitters, args.roundLength, args.maxDeviationPpm, args.maxAge,
  );
  const events = await send(api.tx.sudo.sudo(create), keyring.addFromUri(args.sudo));
  const created = events.find(({ event }) => api.events.oracle.FeedCreated.is(event));
  if (!created) throw new Error('no Oracle.FeedCreated event');
  await api.disconnect();
  await new Promise((resolve) => process.stdout.write(`${JSON.stringify({ feed: created.event.data.feed.toNumber() })}\n`, resolve));
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(`oracle-setup: ${e.message}`);
    process.exit(1);
  });
