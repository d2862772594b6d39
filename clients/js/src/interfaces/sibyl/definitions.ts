// The node's `sibyl_*` JSON-RPC methods (node/src/rpc.rs, docs/rpc.md) as polkadot.js RPC
// definitions: `api.rpc.sibyl.*` once registered (`connect()` does; `rpc: { sibyl, inference }`
// in `ApiPromise.create` otherwise). Plain JavaScript in a .ts file: @polkadot/typegen imports it.
//
// The results are JSON objects (`Json`: `.toJSON()` gives the object). A verification level is
// passed as an object, `{ Unverified: null }`, `{ Sampled: ppm }` or `{ Committee: k }` (serde's
// form); `null` for the model's policy.

export default {
  rpc: {
    quote: {
      description: 'The fee a request of `model` at `level` (null: the model\'s policy) holds now: {model, level, fee (decimal string), at}; code 4000 with the runtime\'s error name (e.g. Inference.BadLevel) when a request would fail',
      params: [
        { name: 'model', type: 'H256' },
        { name: 'level', type: 'Option<Json>' }
      ],
      type: 'Json'
    },
    output: {
      description: 'The accepted output of a verified request: {request, model, outputHash, outputs: [{name, dtype, shape, data}]}; 4040 unknown request, 4041 no output. (The node also takes an output hash here; call the provider with a 0x string for that.)',
      params: [
        { name: 'id', type: 'u64' }
      ],
      type: 'Json'
    },
    receipt: {
      description: 'The durable receipt of a request settled Verified or Failed, read at the finalized block, with its storage key, SCALE value and the state root to check it against; 4040 when unknown or not final yet',
      params: [
        { name: 'id', type: 'u64' }
      ],
      type: 'Json'
    },
    watchRequest: {
      description: 'Follows a request: one notification per state change in a new best block (queued, committing, revealing, opening, settled), then final once the settlement is finalized; 4040 for an unknown id',
      params: [
        { name: 'id', type: 'u64' }
      ],
      pubsub: ['requestStatus', 'watchRequest', 'unwatchRequest'],
      type: 'Json'
    }
  },
  types: {}
};
