// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/consts';

import type { ApiTypes, AugmentedConst } from '@polkadot/api-base/types';
import type { u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AccountId32, Perbill } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportPalletId, FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

export type __AugmentedConst<ApiType extends ApiTypes> = AugmentedConst<ApiType>;

declare module '@polkadot/api-base/types/consts' {
  interface AugmentedConsts<ApiType extends ApiTypes> {
    babe: {
      /**
       * The amount of time, in slots, that each epoch should last.
       * NOTE: Currently it is not possible to change the epoch duration after
       * the chain has started. Attempting to do so will brick block production.
       **/
      epochDuration: u64 & AugmentedConst<ApiType>;
      /**
       * The expected average block time at which BABE should be creating
       * blocks. Since BABE is probabilistic it is not trivial to figure out
       * what the expected average block time should be based on the slot
       * duration and the security parameter `c` (where `1 - c` represents
       * the probability of a slot being empty).
       **/
      expectedBlockTime: u64 & AugmentedConst<ApiType>;
      /**
       * Max number of authorities allowed
       **/
      maxAuthorities: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of nominators for each validator.
       **/
      maxNominators: u32 & AugmentedConst<ApiType>;
    };
    balances: {
      /**
       * The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!
       * 
       * If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for
       * this pallet. However, you do so at your own risk: this will open up a major DoS vector.
       * In case you have multiple sources of provider references, you may also get unexpected
       * behaviour if you set this to zero.
       * 
       * Bottom line: Do yourself a favour and make it at least one!
       **/
      existentialDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * The maximum number of individual freeze locks that can exist on an account at any time.
       **/
      maxFreezes: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of locks that should exist on an account.
       * Not strictly enforced, but used for weight estimation.
       * 
       * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
       **/
      maxLocks: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of named reserves that can exist on an account.
       * 
       * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
       **/
      maxReserves: u32 & AugmentedConst<ApiType>;
    };
    blockTime: {
      /**
       * Slot duration in milliseconds when genesis sets none.
       **/
      defaultSlotDuration: u64 & AugmentedConst<ApiType>;
      /**
       * Longest slot duration, in milliseconds, that genesis may choose.
       **/
      maxSlotDuration: u64 & AugmentedConst<ApiType>;
      /**
       * Shortest slot duration, in milliseconds, that genesis may choose.
       **/
      minSlotDuration: u64 & AugmentedConst<ApiType>;
    };
    collatorSelection: {
      kickThreshold: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum number of candidates that we should have.
       * 
       * This does not take into account the invulnerables.
       **/
      maxCandidates: u32 & AugmentedConst<ApiType>;
      /**
       * Maximum number of invulnerables.
       **/
      maxInvulnerables: u32 & AugmentedConst<ApiType>;
      /**
       * Minimum number eligible collators. Should always be greater than zero. This includes
       * Invulnerable collators. This ensures that there will always be one collator who can
       * produce a block.
       **/
      minEligibleCollators: u32 & AugmentedConst<ApiType>;
      /**
       * Gets this pallet's derived pot account.
       **/
      potAccount: AccountId32 & AugmentedConst<ApiType>;
      /**
       * Account Identifier from which the internal Pot is generated.
       **/
      potId: FrameSupportPalletId & AugmentedConst<ApiType>;
    };
    grandpa: {
      /**
       * Max Authorities in use
       **/
      maxAuthorities: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of nominators for each validator.
       **/
      maxNominators: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of entries to keep in the set id to session index mapping.
       * 
       * Since the `SetIdSession` map is only used for validating equivocations this
       * value should relate to the bonding duration of whatever staking system is
       * being used (if any). If equivocation handling is not enabled then this value
       * can be zero.
       **/
      maxSetIdSessionEntries: u64 & AugmentedConst<ApiType>;
    };
    inference: {
      /**
       * The cost component of a call: paid per run (each executor and each verifier) for
       * every million ops the model declares ([`sibyl_primitives::registry::ModelCost`]), so a model that costs 1,000×
       * more costs its requesters 1,000× more for it.
       **/
      computeFeePerMegaOp: u128 & AugmentedConst<ApiType>;
      /**
       * Paid to each executor of a verified request.
       **/
      executionFee: u128 & AugmentedConst<ApiType>;
      /**
       * Most queued requests given seats per block; the rest wait in the queue. Bounds the new
       * work a block hands to nodes, so that their offchain workers keep up and meet their
       * deadlines instead of being penalized under a burst.
       **/
      maxAssignPerBlock: u32 & AugmentedConst<ApiType>;
      /**
       * Most executor assignments of one request (the first one included).
       **/
      maxAttempts: u8 & AugmentedConst<ApiType>;
      /**
       * Most weight `on_initialize` spends on deadlines, seating and pruning; what does not
       * fit waits for the next block, in order (a block may exceed it by one request's
       * worst case, so that the work always drains).
       **/
      maxHookWeight: SpWeightsWeightV2Weight & AugmentedConst<ApiType>;
      /**
       * Largest output stored on chain; larger outputs are kept offchain by hash.
       **/
      maxInlineOutput: u32 & AugmentedConst<ApiType>;
      /**
       * Largest SCALE-encoded input.
       **/
      maxInputBytes: u32 & AugmentedConst<ApiType>;
      /**
       * Most settled requests pruned per block.
       **/
      maxPrunePerBlock: u32 & AugmentedConst<ApiType>;
      /**
       * Most requests waiting for assignment or sampling, and most deadlines in one block.
       **/
      maxQueue: u32 & AugmentedConst<ApiType>;
      /**
       * Most blocks a request waits in the queue for nodes with room: one still waiting when
       * its turn comes after that is refunded (`Overloaded`) instead of requeued. Bounds how
       * long a requester's fee is held for nothing, and how long a retired model's last
       * requests keep it from being purged.
       **/
      maxQueueWait: u32 & AugmentedConst<ApiType>;
      /**
       * Most open seats (executor and verifier, over all requests) one node account holds at
       * once. A node is seated only while it has room, so no node is handed more work than it
       * can finish within a deadline; requests wait in the queue instead.
       **/
      maxSeatsPerNode: u32 & AugmentedConst<ApiType>;
      /**
       * Blocks each phase (sealing, revealing) has; messages are accepted through the last.
       **/
      resultTimeout: u32 & AugmentedConst<ApiType>;
      /**
       * Blocks a settled request is kept before it is pruned.
       **/
      retention: u32 & AugmentedConst<ApiType>;
    };
    models: {
      /**
       * Bytes per chunk; chosen so that several chunk extrinsics fit in one block.
       **/
      chunkSize: u32 & AugmentedConst<ApiType>;
      /**
       * Deposit held for every model.
       **/
      depositBase: u128 & AugmentedConst<ApiType>;
      /**
       * Deposit held per byte of model.
       **/
      depositPerByte: u128 & AugmentedConst<ApiType>;
      /**
       * Most chunks a model may have; `MaxChunks × ChunkSize ≥ MaxModelBytes`.
       **/
      maxChunks: u32 & AugmentedConst<ApiType>;
      /**
       * Largest model, in bytes.
       **/
      maxModelBytes: u32 & AugmentedConst<ApiType>;
      /**
       * Most peak memory one call of a model may declare ([`ModelCost::memory`]), in bytes:
       * what fits inside a node's engine sandbox.
       **/
      maxModelMemory: u64 & AugmentedConst<ApiType>;
      /**
       * Most work one call of a model may declare ([`ModelCost::ops`]): what a node runs well
       * inside its time limit.
       **/
      maxModelOps: u64 & AugmentedConst<ApiType>;
      /**
       * Most tensors in a model's input or output schema (at most 16).
       **/
      maxSchemaTensors: u32 & AugmentedConst<ApiType>;
      /**
       * Blocks between a model's retirement and the earliest `purge`: longer than any request
       * made before the retirement can take to settle, and than its record should stay
       * readable for.
       **/
      retireGrace: u32 & AugmentedConst<ApiType>;
    };
    oracle: {
      /**
       * Share of a data node's bond slashed for a submission beyond the deviation bound.
       **/
      deviationSlash: Perbill & AugmentedConst<ApiType>;
      /**
       * Longest feed description, in bytes.
       **/
      maxDescription: u32 & AugmentedConst<ApiType>;
      /**
       * Most feeds.
       **/
      maxFeeds: u32 & AugmentedConst<ApiType>;
      /**
       * Closed rounds kept per feed.
       **/
      maxHistory: u32 & AugmentedConst<ApiType>;
      /**
       * Most weight `on_initialize` spends closing rounds; a due round beyond it closes in a
       * later block (a block may exceed it by one round's worst case, so the work drains).
       **/
      maxHookWeight: SpWeightsWeightV2Weight & AugmentedConst<ApiType>;
      /**
       * Most submissions in one round.
       **/
      maxSubmitters: u32 & AugmentedConst<ApiType>;
      /**
       * Paid from the treasury to each submitter within the deviation bound of a closed round.
       **/
      submissionReward: u128 & AugmentedConst<ApiType>;
    };
    payments: {
      /**
       * Most active nodes per role.
       **/
      maxNodes: u32 & AugmentedConst<ApiType>;
      /**
       * Smallest bond of a data node.
       **/
      minDataBond: u128 & AugmentedConst<ApiType>;
      /**
       * Smallest bond of an inference node.
       **/
      minInferenceBond: u128 & AugmentedConst<ApiType>;
      /**
       * Smallest bond of a verifier.
       **/
      minVerifierBond: u128 & AugmentedConst<ApiType>;
      /**
       * The treasury's account: receives slashes and verification premiums, pays verifiers.
       **/
      treasuryAccount: AccountId32 & AugmentedConst<ApiType>;
      /**
       * Blocks an unbonding bond stays held (and slashable).
       **/
      unbondingPeriod: u32 & AugmentedConst<ApiType>;
    };
    schedules: {
      /**
       * Blocks an ended schedule stays readable before it is removed.
       **/
      endedRetention: u32 & AugmentedConst<ApiType>;
      /**
       * Periods in a row a schedule may skip before it ends.
       **/
      maxConsecutiveSkips: u32 & AugmentedConst<ApiType>;
      /**
       * Runs kept in a schedule's history.
       **/
      maxHistory: u32 & AugmentedConst<ApiType>;
      /**
       * Largest SCALE-encoded input template (the inference pallet's `MaxInputBytes`).
       **/
      maxInputBytes: u32 & AugmentedConst<ApiType>;
      /**
       * Largest output kept as a schedule's latest output (the inference pallet's
       * `MaxInlineOutput`).
       **/
      maxOutputBytes: u32 & AugmentedConst<ApiType>;
      /**
       * Most ended schedules removed per block; the rest wait for the next.
       **/
      maxPrunePerBlock: u32 & AugmentedConst<ApiType>;
      /**
       * Most runs a schedule may pay for.
       **/
      maxRuns: u32 & AugmentedConst<ApiType>;
      /**
       * Most runs made at the start of one block; the rest are carried to the next.
       **/
      maxRunsPerBlock: u32 & AugmentedConst<ApiType>;
      /**
       * Most weight the runs made at the start of one block may use (each weighed at its own
       * input and bindings, with the request it makes); the rest are carried. At least one run
       * is made per block.
       **/
      maxRunWeight: SpWeightsWeightV2Weight & AugmentedConst<ApiType>;
      /**
       * Most running schedules on chain.
       **/
      maxSchedules: u32 & AugmentedConst<ApiType>;
      /**
       * Most schedules one account holds (running or ended and not yet removed).
       **/
      maxSchedulesPerAccount: u32 & AugmentedConst<ApiType>;
      /**
       * Fewest blocks between two runs.
       **/
      minPeriod: u32 & AugmentedConst<ApiType>;
    };
    session: {
      /**
       * The amount to be held when setting keys.
       **/
      keyDeposit: u128 & AugmentedConst<ApiType>;
    };
    system: {
      /**
       * Maximum number of block number to block hash mappings to keep (oldest pruned first).
       **/
      blockHashCount: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum length of a block (in bytes).
       **/
      blockLength: FrameSystemLimitsBlockLength & AugmentedConst<ApiType>;
      /**
       * Block & extrinsics weights: base values and limits.
       **/
      blockWeights: FrameSystemLimitsBlockWeights & AugmentedConst<ApiType>;
      /**
       * The weight of runtime database operations the runtime can invoke.
       **/
      dbWeight: SpWeightsRuntimeDbWeight & AugmentedConst<ApiType>;
      /**
       * The designated SS58 prefix of this chain.
       * 
       * This replaces the "ss58Format" property declared in the chain spec. Reason is
       * that the runtime should know about the prefix in order to make use of it as
       * an identifier of the chain.
       **/
      ss58Prefix: u16 & AugmentedConst<ApiType>;
      /**
       * Get the chain's in-code version.
       **/
      version: SpVersionRuntimeVersion & AugmentedConst<ApiType>;
    };
    timestamp: {
      /**
       * The minimum period between blocks.
       * 
       * Be aware that this is different to the *expected* period that the block production
       * apparatus provides. Your chosen consensus system will generally work with this to
       * determine a sensible block time. For example, in the Aura pallet it will be double this
       * period on default settings.
       **/
      minimumPeriod: u64 & AugmentedConst<ApiType>;
    };
    transactionPayment: {
      /**
       * A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their
       * `priority`
       * 
       * This value is multiplied by the `final_fee` to obtain a "virtual tip" that is later
       * added to a tip component in regular `priority` calculations.
       * It means that a `Normal` transaction can front-run a similarly-sized `Operational`
       * extrinsic (with no tip), by including a tip value greater than the virtual tip.
       * 
       * ```rust,ignore
       * // For `Normal`
       * let priority = priority_calc(tip);
       * 
       * // For `Operational`
       * let virtual_tip = (inclusion_fee + tip) * OperationalFeeMultiplier;
       * let priority = priority_calc(tip + virtual_tip);
       * ```
       * 
       * Note that since we use `final_fee` the multiplier applies also to the regular `tip`
       * sent with the transaction. So, not only does the transaction get a priority bump based
       * on the `inclusion_fee`, but we also amplify the impact of tips applied to `Operational`
       * transactions.
       **/
      operationalFeeMultiplier: u8 & AugmentedConst<ApiType>;
    };
    utility: {
      /**
       * The limit on the number of batched calls.
       **/
      batchedCallsLimit: u32 & AugmentedConst<ApiType>;
    };
    verification: {
      /**
       * Missed deadlines in a row that cost `MissSlash`.
       **/
      maxMisses: u32 & AugmentedConst<ApiType>;
      /**
       * Share of a bond slashed after `MaxMisses` missed deadlines in a row.
       **/
      missSlash: Perbill & AugmentedConst<ApiType>;
      /**
       * Blocks within which a node's misses count once: a node that is down misses every
       * seat it holds at about the same time, and that is one absence, not many.
       **/
      missWindow: u32 & AugmentedConst<ApiType>;
      /**
       * Paid from the treasury to each verifier in line with a deciding majority.
       **/
      verificationFee: u128 & AugmentedConst<ApiType>;
      /**
       * Share of an executor's bond slashed for a wrong (or withheld) result.
       **/
      wrongResultSlash: Perbill & AugmentedConst<ApiType>;
      /**
       * Share of a verifier's bond slashed for a wrong (or withheld) vote.
       **/
      wrongVoteSlash: Perbill & AugmentedConst<ApiType>;
    };
  } // AugmentedConsts
} // declare module
