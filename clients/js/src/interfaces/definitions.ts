// The RPC modules @polkadot/typegen generates augmentations for (scripts/typegen.sh).
export { default as inference } from './inference/definitions.js';
export { default as sibyl } from './sibyl/definitions.js';
