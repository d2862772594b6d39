// The node's `inference_output` JSON-RPC method (docs/inference.md#outputs) as a polkadot.js RPC
// definition: `api.rpc.inference.output(hash)`. Plain JavaScript in a .ts file: @polkadot/typegen
// imports it.

export default {
  rpc: {
    output: {
      description: 'An output by its hash, as SCALE Vec<Tensor>: from the node\'s store or fetched from a peer, checked against the hash',
      params: [
        { name: 'hash', type: 'H256' }
      ],
      type: 'Bytes'
    }
  },
  types: {}
};
