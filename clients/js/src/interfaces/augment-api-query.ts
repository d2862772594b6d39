// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/storage';

import type { ApiTypes, AugmentedQuery, QueryableStorageEntry } from '@polkadot/api-base/types';
import type { Bytes, Null, Option, Struct, U8aFixed, Vec, bool, u128, u32, u64, u8 } from '@polkadot/types-codec';
import type { AnyNumber, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256, Perbill } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchPerDispatchClassWeight, FrameSupportTokensFungibleImbalance, FrameSupportTokensMiscIdAmountRuntimeFreezeReason, FrameSupportTokensMiscIdAmountRuntimeHoldReason, FrameSystemAccountInfo, FrameSystemCodeUpgradeAuthorization, FrameSystemEventRecord, FrameSystemLastRuntimeUpgradeInfo, FrameSystemPhase, PalletBalancesAccountData, PalletBalancesBalanceLock, PalletBalancesReserveData, PalletCollatorSelectionCandidateInfo, PalletGrandpaStoredPendingChange, PalletGrandpaStoredState, PalletOracleFeed, PalletOracleRound, PalletOracleSubmission, PalletPaymentsBond, PalletPaymentsEscrowRecord, PalletTransactionPaymentReleases, PalletVerificationNodeRecord, SibylPrimitivesModelModelId, SibylPrimitivesOracleAnswer, SibylPrimitivesOracleFeedBinding, SibylPrimitivesRegistryModelInfo, SibylPrimitivesRegistryVerificationLevel, SibylPrimitivesRequest, SibylPrimitivesRequestOutcome, SibylPrimitivesRequestReceipt, SibylPrimitivesRequestResultOutput, SibylPrimitivesRolesRole, SibylPrimitivesScheduleRun, SibylPrimitivesScheduleScheduleState, SibylRuntimeOpaqueSessionKeys, SpConsensusBabeAppPublic, SpConsensusBabeBabeEpochConfiguration, SpConsensusBabeDigestsNextConfigDescriptor, SpConsensusBabeDigestsPreDigest, SpConsensusGrandpaAppPublic, SpCoreCryptoKeyTypeId, SpRuntimeDigest, SpStakingOffenceOffenceDetails, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';
import type { Observable } from '@polkadot/types/types';

export type __AugmentedQuery<ApiType extends ApiTypes> = AugmentedQuery<ApiType, () => unknown>;
export type __QueryableStorageEntry<ApiType extends ApiTypes> = QueryableStorageEntry<ApiType>;

declare module '@polkadot/api-base/types/storage' {
  interface AugmentedQueries<ApiType extends ApiTypes> {
    authorship: {
      /**
       * Author of current block.
       **/
      author: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []>;
    };
    babe: {
      /**
       * Current epoch authorities.
       **/
      authorities: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[SpConsensusBabeAppPublic, u64]>>>, []>;
      /**
       * This field should always be populated during block processing unless
       * secondary plain slots are enabled (which don't contain a VRF output).
       * 
       * It is set in `on_finalize`, before it will contain the value from the last block.
       **/
      authorVrfRandomness: AugmentedQuery<ApiType, () => Observable<Option<U8aFixed>>, []>;
      /**
       * Current slot number.
       **/
      currentSlot: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * The configuration for the current epoch. Should never be `None` as it is initialized in
       * genesis.
       **/
      epochConfig: AugmentedQuery<ApiType, () => Observable<Option<SpConsensusBabeBabeEpochConfiguration>>, []>;
      /**
       * Current epoch index.
       **/
      epochIndex: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * The block numbers when the last and current epoch have started, respectively `N-1` and
       * `N`.
       * NOTE: We track this is in order to annotate the block number when a given pool of
       * entropy was fixed (i.e. it was known to chain observers). Since epochs are defined in
       * slots, which may be skipped, the block numbers may not line up with the slot numbers.
       **/
      epochStart: AugmentedQuery<ApiType, () => Observable<ITuple<[u32, u32]>>, []>;
      /**
       * The slot at which the first epoch actually started. This is 0
       * until the first block of the chain.
       **/
      genesisSlot: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * Temporary value (cleared at block finalization) which is `Some`
       * if per-block initialization has already been called for current block.
       **/
      initialized: AugmentedQuery<ApiType, () => Observable<Option<Option<SpConsensusBabeDigestsPreDigest>>>, []>;
      /**
       * How late the current block is compared to its parent.
       * 
       * This entry is populated as part of block execution and is cleaned up
       * on block finalization. Querying this storage entry outside of block
       * execution context should always yield zero.
       **/
      lateness: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Next epoch authorities.
       **/
      nextAuthorities: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[SpConsensusBabeAppPublic, u64]>>>, []>;
      /**
       * The configuration for the next epoch, `None` if the config will not change
       * (you can fallback to `EpochConfig` instead in that case).
       **/
      nextEpochConfig: AugmentedQuery<ApiType, () => Observable<Option<SpConsensusBabeBabeEpochConfiguration>>, []>;
      /**
       * Next epoch randomness.
       **/
      nextRandomness: AugmentedQuery<ApiType, () => Observable<U8aFixed>, []>;
      /**
       * Pending epoch configuration change that will be applied when the next epoch is enacted.
       **/
      pendingEpochConfigChange: AugmentedQuery<ApiType, () => Observable<Option<SpConsensusBabeDigestsNextConfigDescriptor>>, []>;
      /**
       * The epoch randomness for the *current* epoch.
       * 
       * # Security
       * 
       * This MUST NOT be used for gambling, as it can be influenced by a
       * malicious validator in the short term. It MAY be used in many
       * cryptographic protocols, however, so long as one remembers that this
       * (like everything else on-chain) it is public. For example, it can be
       * used where a number is needed that cannot have been chosen by an
       * adversary, for purposes such as public-coin zero-knowledge proofs.
       **/
      randomness: AugmentedQuery<ApiType, () => Observable<U8aFixed>, []>;
      /**
       * Randomness under construction.
       * 
       * We make a trade-off between storage accesses and list length.
       * We store the under-construction randomness in segments of up to
       * `UNDER_CONSTRUCTION_SEGMENT_LENGTH`.
       * 
       * Once a segment reaches this length, we begin the next one.
       * We reset all segments and return to `0` at the beginning of every
       * epoch.
       **/
      segmentIndex: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * A list of the last 100 skipped epochs and the corresponding session index
       * when the epoch was skipped.
       * 
       * This is only used for validating equivocation proofs. An equivocation proof
       * must contains a key-ownership proof for a given session, therefore we need a
       * way to tie together sessions and epoch indices, i.e. we need to validate that
       * a validator was the owner of a given key on a given session, and what the
       * active epoch index was during that session.
       **/
      skippedEpochs: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[u64, u32]>>>, []>;
      /**
       * TWOX-NOTE: `SegmentIndex` is an increasing integer, so this is okay.
       **/
      underConstruction: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<U8aFixed>>, [u32]>;
    };
    balances: {
      /**
       * The Balances pallet example of storing the balance of an account.
       * 
       * # Example
       * 
       * ```nocompile
       * impl pallet_balances::Config for Runtime {
       * type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>
       * }
       * ```
       * 
       * You can also store the balance of an account in the `System` pallet.
       * 
       * # Example
       * 
       * ```nocompile
       * impl pallet_balances::Config for Runtime {
       * type AccountStore = System
       * }
       * ```
       * 
       * But this comes with tradeoffs, storing account balances in the system pallet stores
       * `frame_system` data alongside the account data contrary to storing account balances in the
       * `Balances` pallet, which uses a `StorageMap` to store balances data only.
       * NOTE: This is only used in the case that this pallet is used to store balances.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<PalletBalancesAccountData>, [AccountId32]>;
      /**
       * Freeze locks on account balances.
       **/
      freezes: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<FrameSupportTokensMiscIdAmountRuntimeFreezeReason>>, [AccountId32]>;
      /**
       * Holds on account balances.
       **/
      holds: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<FrameSupportTokensMiscIdAmountRuntimeHoldReason>>, [AccountId32]>;
      /**
       * The total units of outstanding deactivated balance in the system.
       * 
       * This is not guaranteed to be less than or equal to [`TotalIssuance`]. Total issuance may be
       * reduced independently of this value, including while a reversible imbalance is outstanding.
       * Active issuance is therefore derived using saturating subtraction.
       **/
      inactiveIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      /**
       * Any liquidity locks on some account balances.
       * NOTE: Should only be accessed when setting, changing and freeing a lock.
       * 
       * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
       **/
      locks: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<PalletBalancesBalanceLock>>, [AccountId32]>;
      /**
       * Named reserves on some account balances.
       * 
       * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
       **/
      reserves: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<PalletBalancesReserveData>>, [AccountId32]>;
      /**
       * The total units issued in the system.
       **/
      totalIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
    };
    blockTime: {
      /**
       * The slot duration in milliseconds, written once by genesis.
       **/
      slotDuration: AugmentedQuery<ApiType, () => Observable<Option<u64>>, []>;
    };
    collatorSelection: {
      /**
       * Fixed amount to deposit to become a collator.
       * 
       * When a collator calls `leave_intent` they immediately receive the deposit back.
       **/
      candidacyBond: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      /**
       * The (community, limited) collation candidates. `Candidates` and `Invulnerables` should be
       * mutually exclusive.
       * 
       * This list is sorted in ascending order by deposit and when the deposits are equal, the least
       * recently updated is considered greater.
       **/
      candidateList: AugmentedQuery<ApiType, () => Observable<Vec<PalletCollatorSelectionCandidateInfo>>, []>;
      /**
       * Desired number of candidates.
       * 
       * This should ideally always be less than [`Config::MaxCandidates`] for weights to be correct.
       **/
      desiredCandidates: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * The invulnerable, permissioned collators. This list must be sorted.
       **/
      invulnerables: AugmentedQuery<ApiType, () => Observable<Vec<AccountId32>>, []>;
      /**
       * Last block authored by collator.
       **/
      lastAuthoredBlock: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
    };
    grandpa: {
      /**
       * The current list of authorities.
       **/
      authorities: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>>, []>;
      /**
       * The number of changes (both in terms of keys and underlying economic responsibilities)
       * in the "set" of Grandpa validators from genesis.
       **/
      currentSetId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * next block number where we can force a change.
       **/
      nextForced: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []>;
      /**
       * Pending change: (signaled at, scheduled change).
       **/
      pendingChange: AugmentedQuery<ApiType, () => Observable<Option<PalletGrandpaStoredPendingChange>>, []>;
      /**
       * A mapping from grandpa set ID to the index of the *most recent* session for which its
       * members were responsible.
       * 
       * This is only used for validating equivocation proofs. An equivocation proof must
       * contains a key-ownership proof for a given session, therefore we need a way to tie
       * together sessions and GRANDPA set ids, i.e. we need to validate that a validator
       * was the owner of a given key on a given session, and what the active set ID was
       * during that session.
       * 
       * TWOX-NOTE: `SetId` is not under user control.
       **/
      setIdSession: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u32>>, [u64]>;
      /**
       * `true` if we are currently stalled.
       **/
      stalled: AugmentedQuery<ApiType, () => Observable<Option<ITuple<[u32, u32]>>>, []>;
      /**
       * State of the current authority set.
       **/
      state: AugmentedQuery<ApiType, () => Observable<PalletGrandpaStoredState>, []>;
    };
    historical: {
      /**
       * Mapping from historical session indices to session-data root hash and validator count.
       **/
      historicalSessions: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<ITuple<[H256, u32]>>>, [u32]>;
      /**
       * The range of historical sessions we store. [first, last)
       **/
      storedRange: AugmentedQuery<ApiType, () => Observable<Option<ITuple<[u32, u32]>>>, []>;
    };
    inference: {
      /**
       * Seated requests by node account: what an offchain worker looks for.
       **/
      assigned: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [AccountId32, u64]>;
      /**
       * Kept requests by requester.
       **/
      byRequester: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [AccountId32, u64]>;
      /**
       * Requests whose deadline ends before the start of a block, by that block.
       **/
      deadlines: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * SCALE input tensors of requests that have not ended.
       **/
      inputs: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<Bytes>>, [u64]>;
      /**
       * Id of the next request.
       **/
      nextRequestId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * Requests of each model that have not settled (queued, seated or being judged): the
       * models pallet purges a model only once it has none ([`ModelUsage`]).
       **/
      openRequests: AugmentedQuery<ApiType, (arg: SibylPrimitivesModelModelId | string | Uint8Array) => Observable<u32>, [SibylPrimitivesModelModelId]>;
      /**
       * Inline outputs of verified requests, until pruned.
       **/
      outputs: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<Bytes>>, [u64]>;
      /**
       * Requests whose deadline passed but whose handling did not fit in its block's
       * `MaxHookWeight`, oldest first, by position: the next blocks handle them before their own.
       * Each is a live request, so the log is bounded by the requests open at once.
       **/
      overdue: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<u64>>, [u64]>;
      /**
       * `(head, tail)` of [`Overdue`]: entries `head..tail` are waiting.
       **/
      overdueCursor: AugmentedQuery<ApiType, () => Observable<ITuple<[u64, u64]>>, []>;
      /**
       * `(head, tail)` of [`PruneLog`]: entries `head..tail` are waiting.
       **/
      pruneCursor: AugmentedQuery<ApiType, () => Observable<ITuple<[u64, u64]>>, []>;
      /**
       * Settled requests in settlement order, waiting to be pruned: `(request, settled at)`.
       **/
      pruneLog: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<ITuple<[u64, u32]>>>, [u64]>;
      /**
       * Requests waiting for nodes with room, oldest first; the start of each block seats up to
       * `MaxAssignPerBlock` of them.
       **/
      queue: AugmentedQuery<ApiType, () => Observable<Vec<u64>>, []>;
      /**
       * Receipts of requests that settled `Verified` or `Failed`; kept after pruning. A light
       * client proves one with a read proof of this key against a finalized header's state root.
       **/
      receipts: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<SibylPrimitivesRequestReceipt>>, [u64]>;
      /**
       * Requests, until pruned.
       **/
      requests: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<SibylPrimitivesRequest>>, [u64]>;
      /**
       * Revealed outputs by request and seat key, until the request is judged.
       **/
      reveals: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: U8aFixed | string | Uint8Array) => Observable<Option<SibylPrimitivesRequestResultOutput>>, [u64, U8aFixed]>;
      /**
       * Open seats by node account: how many requests it holds a seat of and has not finished.
       **/
      seatCounts: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
      /**
       * Requests seated in the current block so far (from the queue, then as they arrive); at
       * most `MaxAssignPerBlock`. Removed at the end of every block.
       **/
      seatedThisBlock: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Outputs kept offchain: `(hash, length)`, until pruned.
       **/
      storedOutputs: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<ITuple<[H256, u32]>>>, [u64]>;
    };
    models: {
      /**
       * The chunk hashes of each registered model.
       **/
      chunkHashes: AugmentedQuery<ApiType, (arg: SibylPrimitivesModelModelId | string | Uint8Array) => Observable<Option<Vec<H256>>>, [SibylPrimitivesModelModelId]>;
      /**
       * Chunks received so far, while a model is uploading; cleared when it is complete.
       **/
      chunkReceived: AugmentedQuery<ApiType, (arg1: SibylPrimitivesModelModelId | string | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [SibylPrimitivesModelModelId, u32]>;
      /**
       * The owner of each model family.
       **/
      families: AugmentedQuery<ApiType, (arg: Bytes | string | Uint8Array) => Observable<Option<AccountId32>>, [Bytes]>;
      /**
       * Registered models by id.
       **/
      models: AugmentedQuery<ApiType, (arg: SibylPrimitivesModelModelId | string | Uint8Array) => Observable<Option<SibylPrimitivesRegistryModelInfo>>, [SibylPrimitivesModelModelId]>;
      /**
       * The earliest block at which each retired model may be purged; removed with the model.
       * A retired model without an entry (retired before purging existed) may be purged at once.
       **/
      purgeAfter: AugmentedQuery<ApiType, (arg: SibylPrimitivesModelModelId | string | Uint8Array) => Observable<Option<u32>>, [SibylPrimitivesModelModelId]>;
      /**
       * The model id of each `(family, version)`; entries are never removed.
       **/
      versions: AugmentedQuery<ApiType, (arg1: Bytes | string | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Option<SibylPrimitivesModelModelId>>, [Bytes, u32]>;
    };
    offences: {
      /**
       * A vector of reports of the same kind that happened at the same time slot.
       **/
      concurrentReportsIndex: AugmentedQuery<ApiType, (arg1: U8aFixed | string | Uint8Array, arg2: Bytes | string | Uint8Array) => Observable<Vec<H256>>, [U8aFixed, Bytes]>;
      /**
       * The primary structure that holds all offence records keyed by report identifiers.
       **/
      reports: AugmentedQuery<ApiType, (arg: H256 | string | Uint8Array) => Observable<Option<SpStakingOffenceOffenceDetails>>, [H256]>;
    };
    oracle: {
      /**
       * Ids of the feeds, for the start-of-block round check.
       **/
      feedIds: AugmentedQuery<ApiType, () => Observable<Vec<u32>>, []>;
      /**
       * Feeds by id.
       **/
      feeds: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletOracleFeed>>, [u32]>;
      /**
       * The latest closed rounds of each feed, oldest first; the last is the feed's value.
       **/
      history: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<SibylPrimitivesOracleAnswer>>, [u32]>;
      /**
       * Id of the next feed.
       **/
      nextFeedId: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * The open round of each feed.
       **/
      rounds: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletOracleRound>>, [u32]>;
      /**
       * Commitments (and, once revealed, values) in the open round of each feed, at most
       * `MaxSubmitters`: when full, the one with the least stake gives way to a node with more.
       **/
      submissions: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<PalletOracleSubmission>>, [u32]>;
    };
    payments: {
      /**
       * Accounts bonded for each role and not unbonding, in bonding order.
       **/
      active: AugmentedQuery<ApiType, (arg: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array) => Observable<Vec<AccountId32>>, [SibylPrimitivesRolesRole]>;
      /**
       * Bonds by role and account.
       **/
      bonds: AugmentedQuery<ApiType, (arg1: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletPaymentsBond>>, [SibylPrimitivesRolesRole, AccountId32]>;
      /**
       * Fees held for requests.
       **/
      escrows: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletPaymentsEscrowRecord>>, [u64]>;
      /**
       * The account each node key is bound to, by role.
       **/
      keyOwners: AugmentedQuery<ApiType, (arg1: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, arg2: U8aFixed | string | Uint8Array) => Observable<Option<AccountId32>>, [SibylPrimitivesRolesRole, U8aFixed]>;
      /**
       * Keys an account rotated away from, by role, with the block from which they are released:
       * until then they stay in [`KeyOwners`] so the seats given to them can still be served.
       **/
      retiringKeys: AugmentedQuery<ApiType, (arg1: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Vec<ITuple<[U8aFixed, u32]>>>, [SibylPrimitivesRolesRole, AccountId32]>;
    };
    schedules: {
      /**
       * Schedules by owner.
       **/
      byOwner: AugmentedQuery<ApiType, (arg1: AccountId32 | string | Uint8Array, arg2: u64 | AnyNumber | Uint8Array) => Observable<Option<Null>>, [AccountId32, u64]>;
      /**
       * Running schedules whose run is due but was not made yet (more than `MaxRunsPerBlock`
       * were due), oldest first: made at the start of the next block.
       **/
      carried: AugmentedQuery<ApiType, () => Observable<Vec<u64>>, []>;
      /**
       * Running schedules whose next run is due at the start of a block, by that block. A running
       * schedule is in exactly one of `Due` and `Carried`.
       **/
      due: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * Ended schedules to remove at the start of a block, by that block.
       **/
      expiring: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * The latest verified output of each schedule.
       **/
      latest: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<{
    readonly run: u32;
    readonly request: u64;
    readonly settled: u32;
    readonly outputHash: H256;
    readonly output: Option<Bytes>;
  } & Struct>>, [u64]>;
      /**
       * Present while a run's request is made: its outcome once it settles at once (no node to
       * seat it), so that the run records it. Never kept past the run.
       **/
      making: AugmentedQuery<ApiType, () => Observable<Option<Option<SibylPrimitivesRequestOutcome>>>, []>;
      /**
       * Id of the next schedule.
       **/
      nextScheduleId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * How many schedules each account holds, running or ended.
       **/
      ownerCount: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
      /**
       * The schedule and run number of each request a run made, until it settles.
       **/
      runOf: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<ITuple<[u64, u32]>>>, [u64]>;
      /**
       * The latest runs of each schedule, oldest first.
       **/
      runs: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Vec<SibylPrimitivesScheduleRun>>, [u64]>;
      /**
       * How many schedules are running (bounded by `MaxSchedules`).
       **/
      scheduleCount: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Schedules, until their owners remove them.
       **/
      schedules: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<{
    readonly owner: AccountId32;
    readonly model: SibylPrimitivesModelModelId;
    readonly input: Bytes;
    readonly bindings: Vec<SibylPrimitivesOracleFeedBinding>;
    readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    readonly every: u32;
    readonly maxRuns: u32;
    readonly runs: u32;
    readonly skipped: u32;
    readonly skippedInARow: u32;
    readonly maxFeePerRun: u128;
    readonly budget: u128;
    readonly next: u32;
    readonly state: SibylPrimitivesScheduleScheduleState;
  } & Struct>>, [u64]>;
    };
    session: {
      /**
       * Current index of the session.
       **/
      currentIndex: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Indices of disabled validators.
       * 
       * The vec is always kept sorted so that we can find whether a given validator is
       * disabled using binary search. It gets cleared when `on_session_ending` returns
       * a new set of identities.
       **/
      disabledValidators: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[u32, Perbill]>>>, []>;
      /**
       * Accounts whose keys were set via `SessionInterface` (external path) without
       * incrementing the consumer reference or placing a key deposit. `do_purge_keys`
       * only decrements consumers for accounts that were registered through the local
       * session pallet.
       **/
      externallySetKeys: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<Null>>, [AccountId32]>;
      /**
       * The owner of a key. The key is the `KeyTypeId` + the encoded key.
       **/
      keyOwner: AugmentedQuery<ApiType, (arg: ITuple<[SpCoreCryptoKeyTypeId, Bytes]> | [SpCoreCryptoKeyTypeId | string | Uint8Array, Bytes | string | Uint8Array]) => Observable<Option<AccountId32>>, [ITuple<[SpCoreCryptoKeyTypeId, Bytes]>]>;
      /**
       * The next session keys for a validator.
       **/
      nextKeys: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<SibylRuntimeOpaqueSessionKeys>>, [AccountId32]>;
      /**
       * True if the underlying economic identities or weighting behind the validators
       * has changed in the queued validator set.
       **/
      queuedChanged: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * The queued keys for the next session. When the next session begins, these keys
       * will be used to determine the validator's session keys.
       **/
      queuedKeys: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[AccountId32, SibylRuntimeOpaqueSessionKeys]>>>, []>;
      /**
       * The current set of validators.
       **/
      validators: AugmentedQuery<ApiType, () => Observable<Vec<AccountId32>>, []>;
    };
    sudo: {
      /**
       * The `AccountId` of the sudo key.
       **/
      key: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []>;
    };
    system: {
      /**
       * The full account information for a particular account ID.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<FrameSystemAccountInfo>, [AccountId32]>;
      /**
       * `Some` if a code upgrade has been authorized.
       **/
      authorizedUpgrade: AugmentedQuery<ApiType, () => Observable<Option<FrameSystemCodeUpgradeAuthorization>>, []>;
      /**
       * Map of block numbers to block hashes.
       **/
      blockHash: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<H256>, [u32]>;
      /**
       * Total size (in bytes) of the current block.
       * 
       * Tracks the size of the header and all extrinsics.
       **/
      blockSize: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []>;
      /**
       * Number of blocks till the pending code upgrade is applied.
       **/
      blocksTillUpgrade: AugmentedQuery<ApiType, () => Observable<Option<u8>>, []>;
      /**
       * The current weight for the block.
       **/
      blockWeight: AugmentedQuery<ApiType, () => Observable<FrameSupportDispatchPerDispatchClassWeight>, []>;
      /**
       * Digest of the current block, also part of the block header.
       **/
      digest: AugmentedQuery<ApiType, () => Observable<SpRuntimeDigest>, []>;
      /**
       * The number of events in the `Events<T>` list.
       **/
      eventCount: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Events deposited for the current block.
       * 
       * NOTE: The item is unbound and should therefore never be read on chain.
       * It could otherwise inflate the PoV size of a block.
       * 
       * Events have a large in-memory size. Box the events to not go out-of-memory
       * just in case someone still reads them from within the runtime.
       **/
      events: AugmentedQuery<ApiType, () => Observable<Vec<FrameSystemEventRecord>>, []>;
      /**
       * Mapping between a topic (represented by T::Hash) and a vector of indexes
       * of events in the `<Events<T>>` list.
       * 
       * All topic vectors have deterministic storage locations depending on the topic. This
       * allows light-clients to leverage the changes trie storage tracking mechanism and
       * in case of changes fetch the list of events of interest.
       * 
       * The value has the type `(BlockNumberFor<T>, EventIndex)` because if we used only just
       * the `EventIndex` then in case if the topic has the same contents on the next block
       * no notification will be triggered thus the event might be lost.
       **/
      eventTopics: AugmentedQuery<ApiType, (arg: H256 | string | Uint8Array) => Observable<Vec<ITuple<[u32, u32]>>>, [H256]>;
      /**
       * The execution phase of the block.
       **/
      executionPhase: AugmentedQuery<ApiType, () => Observable<Option<FrameSystemPhase>>, []>;
      /**
       * Total extrinsics count for the current block.
       **/
      extrinsicCount: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []>;
      /**
       * Extrinsics data for the current block (maps an extrinsic's index to its data).
       **/
      extrinsicData: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Bytes>, [u32]>;
      /**
       * The weight reclaimed for the extrinsic.
       * 
       * This information is available until the end of the extrinsic execution.
       * More precisely this information is removed in `note_applied_extrinsic`.
       * 
       * Logic doing some post dispatch weight reduction must update this storage to avoid duplicate
       * reduction.
       **/
      extrinsicWeightReclaimed: AugmentedQuery<ApiType, () => Observable<SpWeightsWeightV2Weight>, []>;
      /**
       * Whether all inherents have been applied.
       **/
      inherentsApplied: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened.
       **/
      lastRuntimeUpgrade: AugmentedQuery<ApiType, () => Observable<Option<FrameSystemLastRuntimeUpgradeInfo>>, []>;
      /**
       * The current block number being processed. Set by `execute_block`.
       **/
      number: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Hash of the previous block.
       **/
      parentHash: AugmentedQuery<ApiType, () => Observable<H256>, []>;
      /**
       * True if we have upgraded so that AccountInfo contains three types of `RefCount`. False
       * (default) if not.
       **/
      upgradedToTripleRefCount: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * True if we have upgraded so that `type RefCount` is `u32`. False (default) if not.
       **/
      upgradedToU32RefCount: AugmentedQuery<ApiType, () => Observable<bool>, []>;
    };
    timestamp: {
      /**
       * Whether the timestamp has been updated in this block.
       * 
       * This value is updated to `true` upon successful submission of a timestamp by a node.
       * It is then checked at the end of each block execution in the `on_finalize` hook.
       **/
      didUpdate: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * The current time for the current block.
       **/
      now: AugmentedQuery<ApiType, () => Observable<u64>, []>;
    };
    transactionPayment: {
      nextFeeMultiplier: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      storageVersion: AugmentedQuery<ApiType, () => Observable<PalletTransactionPaymentReleases>, []>;
      /**
       * The `OnChargeTransaction` stores the withdrawn tx fee here.
       * 
       * Use `withdraw_txfee` and `remaining_txfee` to access from outside the crate.
       **/
      txPaymentCredit: AugmentedQuery<ApiType, () => Observable<Option<FrameSupportTokensFungibleImbalance>>, []>;
    };
    verification: {
      /**
       * The block of each node's last counted miss, by role.
       **/
      lastMisses: AugmentedQuery<ApiType, (arg1: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<u32>>, [SibylPrimitivesRolesRole, AccountId32]>;
      /**
       * Verification records by role and node account.
       **/
      records: AugmentedQuery<ApiType, (arg1: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<PalletVerificationNodeRecord>, [SibylPrimitivesRolesRole, AccountId32]>;
    };
  } // AugmentedQueries
} // declare module
