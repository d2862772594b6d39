// Writes a node's runtime metadata, version 15 (with its runtime APIs), as the JSON file
// @polkadot/typegen reads with `--endpoint FILE`: {"result":"0x…"}. (Given a ws:// URL, typegen
// asks `state_getMetadata`, which is version 14: no runtime APIs, so `api.call.*` would be typed
// from polkadot.js's built-in definitions of whatever API names match, not from this runtime.)
//
//   node scripts/metadata.mjs ws://127.0.0.1:9944 OUT.json
import { writeFileSync } from 'node:fs';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/metadata.mjs ws://HOST:PORT OUT.json');
  process.exit(2);
}
// The node serves HTTP JSON-RPC on its WebSocket port.
const http = url.replace(/^ws(s?):/, 'http$1:');
const response = await fetch(http, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  // `Metadata_metadata_at_version(15)`: SCALE `Option<OpaqueMetadata>`.
  body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'state_call', params: ['Metadata_metadata_at_version', '0x0f000000'] }),
  signal: AbortSignal.timeout(30_000),
});
const { result, error } = await response.json();
if (error) throw new Error(`state_call Metadata_metadata_at_version: ${JSON.stringify(error)}`);
const bytes = hexToU8a(result);
if (bytes[0] !== 1) throw new Error('the runtime has no metadata version 15');
const [offset, length] = compactFromU8a(bytes.subarray(1));
const metadata = bytes.subarray(1 + offset, 1 + offset + length.toNumber());
writeFileSync(out, `${JSON.stringify({ jsonrpc: '2.0', id: 1, result: u8aToHex(metadata) })}\n`);
console.log(`metadata v${metadata[4]}: ${metadata.length} bytes → ${out}`);
