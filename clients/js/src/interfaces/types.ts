// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

export * from './inference/types.js';
export * from './sibyl/types.js';

export type PHANTOM_GENERATED = 'generated';
