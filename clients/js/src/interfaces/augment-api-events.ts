// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/events';

import type { ApiTypes, AugmentedEvent } from '@polkadot/api-base/types';
import type { Bytes, Null, Option, Result, U8aFixed, Vec, bool, i128, u128, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportTokensMiscBalanceStatus, FrameSystemDispatchEventInfo, PalletBalancesUnexpectedKind, PalletVerificationOffence, PalletVerificationVerdict, SibylPrimitivesModelInferenceError, SibylPrimitivesModelModelId, SibylPrimitivesRegistryLevelBounds, SibylPrimitivesRegistryModelCost, SibylPrimitivesRegistryVerificationLevel, SibylPrimitivesRequestChecking, SibylPrimitivesRequestOutcome, SibylPrimitivesRolesRole, SibylPrimitivesScheduleEndReason, SibylPrimitivesVerifySeat, SibylRuntimeRuntimeHoldReason, SpConsensusGrandpaAppPublic, SpRuntimeDispatchError } from '@polkadot/types/lookup';

export type __AugmentedEvent<ApiType extends ApiTypes> = AugmentedEvent<ApiType>;

declare module '@polkadot/api-base/types/events' {
  interface AugmentedEvents<ApiType extends ApiTypes> {
    balances: {
      /**
       * A balance was set by root.
       **/
      BalanceSet: AugmentedEvent<ApiType, [who: AccountId32, free: u128], { who: AccountId32, free: u128 }>;
      /**
       * Some amount was burned from an account.
       **/
      Burned: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some debt has been dropped from the Total Issuance.
       **/
      BurnedDebt: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Held balance was burned from an account.
       **/
      BurnedHeld: AugmentedEvent<ApiType, [reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Some amount was deposited (e.g. for transaction fees).
       **/
      Deposit: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An account was removed whose balance was non-zero but below ExistentialDeposit,
       * resulting in an outright loss.
       **/
      DustLost: AugmentedEvent<ApiType, [account: AccountId32, amount: u128], { account: AccountId32, amount: u128 }>;
      /**
       * An account was created with some free balance.
       **/
      Endowed: AugmentedEvent<ApiType, [account: AccountId32, freeBalance: u128], { account: AccountId32, freeBalance: u128 }>;
      /**
       * Some balance was frozen.
       **/
      Frozen: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was placed on hold.
       **/
      Held: AugmentedEvent<ApiType, [reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Total issuance was increased by `amount`, creating a credit to be balanced.
       **/
      Issued: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was locked.
       **/
      Locked: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was minted into an account.
       **/
      Minted: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some credit was balanced and added to the TotalIssuance.
       **/
      MintedCredit: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was released from hold.
       **/
      Released: AugmentedEvent<ApiType, [reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SibylRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Total issuance was decreased by `amount`, creating a debt to be balanced.
       **/
      Rescinded: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was reserved (moved from free to reserved).
       **/
      Reserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was moved from the reserve of the first account to the second account.
       * Final argument indicates the destination balance type.
       **/
      ReserveRepatriated: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus], { from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus }>;
      /**
       * Some amount was restored into an account.
       **/
      Restored: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was removed from the account (e.g. for misbehavior).
       **/
      Slashed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was suspended from an account (it can be restored later).
       **/
      Suspended: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was thawed.
       **/
      Thawed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * The `TotalIssuance` was forcefully changed.
       **/
      TotalIssuanceForced: AugmentedEvent<ApiType, [old: u128, new_: u128], { old: u128, new_: u128 }>;
      /**
       * Transfer succeeded.
       **/
      Transfer: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128], { from: AccountId32, to: AccountId32, amount: u128 }>;
      /**
       * The `transferred` balance is placed on hold at the `dest` account.
       **/
      TransferAndHold: AugmentedEvent<ApiType, [reason: SibylRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, transferred: u128], { reason: SibylRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, transferred: u128 }>;
      /**
       * A transfer of `amount` on hold from `source` to `dest` was initiated.
       **/
      TransferOnHold: AugmentedEvent<ApiType, [reason: SibylRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, amount: u128], { reason: SibylRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, amount: u128 }>;
      /**
       * An unexpected/defensive event was triggered.
       **/
      Unexpected: AugmentedEvent<ApiType, [PalletBalancesUnexpectedKind]>;
      /**
       * Some balance was unlocked.
       **/
      Unlocked: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was unreserved (moved from reserved to free).
       **/
      Unreserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An account was upgraded.
       **/
      Upgraded: AugmentedEvent<ApiType, [who: AccountId32], { who: AccountId32 }>;
      /**
       * Some amount was withdrawn from the account (e.g. for transaction fees).
       **/
      Withdraw: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
    };
    collatorSelection: {
      /**
       * A new candidate joined.
       **/
      CandidateAdded: AugmentedEvent<ApiType, [accountId: AccountId32, deposit: u128], { accountId: AccountId32, deposit: u128 }>;
      /**
       * Bond of a candidate updated.
       **/
      CandidateBondUpdated: AugmentedEvent<ApiType, [accountId: AccountId32, deposit: u128], { accountId: AccountId32, deposit: u128 }>;
      /**
       * A candidate was removed.
       **/
      CandidateRemoved: AugmentedEvent<ApiType, [accountId: AccountId32], { accountId: AccountId32 }>;
      /**
       * An account was replaced in the candidate list by another one.
       **/
      CandidateReplaced: AugmentedEvent<ApiType, [old: AccountId32, new_: AccountId32, deposit: u128], { old: AccountId32, new_: AccountId32, deposit: u128 }>;
      /**
       * An account was unable to be added to the Invulnerables because they did not have keys
       * registered. Other Invulnerables may have been set.
       **/
      InvalidInvulnerableSkipped: AugmentedEvent<ApiType, [accountId: AccountId32], { accountId: AccountId32 }>;
      /**
       * A new Invulnerable was added.
       **/
      InvulnerableAdded: AugmentedEvent<ApiType, [accountId: AccountId32], { accountId: AccountId32 }>;
      /**
       * An Invulnerable was removed.
       **/
      InvulnerableRemoved: AugmentedEvent<ApiType, [accountId: AccountId32], { accountId: AccountId32 }>;
      /**
       * The candidacy bond was set.
       **/
      NewCandidacyBond: AugmentedEvent<ApiType, [bondAmount: u128], { bondAmount: u128 }>;
      /**
       * The number of desired candidates was set.
       **/
      NewDesiredCandidates: AugmentedEvent<ApiType, [desiredCandidates: u32], { desiredCandidates: u32 }>;
      /**
       * New Invulnerables were set.
       **/
      NewInvulnerables: AugmentedEvent<ApiType, [invulnerables: Vec<AccountId32>], { invulnerables: Vec<AccountId32> }>;
    };
    grandpa: {
      /**
       * New authority set has been applied.
       **/
      NewAuthorities: AugmentedEvent<ApiType, [authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>], { authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>> }>;
      /**
       * Current authority set has been paused.
       **/
      Paused: AugmentedEvent<ApiType, []>;
      /**
       * Current authority set has been resumed.
       **/
      Resumed: AugmentedEvent<ApiType, []>;
    };
    historical: {
      /**
       * The merkle roots of up to this session index were pruned
       **/
      RootsPruned: AugmentedEvent<ApiType, [upTo: u32], { upTo: u32 }>;
      /**
       * The merkle root of the validators of the said session were stored
       **/
      RootStored: AugmentedEvent<ApiType, [index: u32], { index: u32 }>;
    };
    inference: {
      /**
       * Executors were drawn and seated.
       **/
      Assigned: AugmentedEvent<ApiType, [id: u64, attempt: u8, executors: Vec<AccountId32>, deadline: u32], { id: u64, attempt: u8, executors: Vec<AccountId32>, deadline: u32 }>;
      /**
       * A seat sealed its outcome (an output or a failure).
       **/
      Committed: AugmentedEvent<ApiType, [id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat], { id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat }>;
      /**
       * A seat stepped aside for a reason of its own (no penalty); it is replaced.
       **/
      Declined: AugmentedEvent<ApiType, [id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat, reason: SibylPrimitivesModelInferenceError], { id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat, reason: SibylPrimitivesModelInferenceError }>;
      /**
       * The seats disagreed without a majority; more verifiers were drawn.
       **/
      Escalated: AugmentedEvent<ApiType, [id: u64, verifiers: u32], { id: u64, verifiers: u32 }>;
      /**
       * A request took feed values into its input.
       **/
      InputFromFeeds: AugmentedEvent<ApiType, [id: u64, rounds: Vec<ITuple<[u32, u32]>>], { id: u64, rounds: Vec<ITuple<[u32, u32]>> }>;
      /**
       * A verifier opened the output behind the hash it revealed.
       **/
      Opened: AugmentedEvent<ApiType, [id: u64, node: AccountId32], { id: u64, node: AccountId32 }>;
      /**
       * Verifiers' hashes disagree under a tolerance that needs their outputs: verifiers open
       * them through block `deadline`.
       **/
      OpeningsOpen: AugmentedEvent<ApiType, [id: u64, deadline: u32], { id: u64, deadline: u32 }>;
      /**
       * A request was accepted and its fee escrowed.
       **/
      Requested: AugmentedEvent<ApiType, [id: u64, requester: AccountId32, model: SibylPrimitivesModelModelId, fee: u128, level: Option<SibylPrimitivesRegistryVerificationLevel>], { id: u64, requester: AccountId32, model: SibylPrimitivesModelModelId, fee: u128, level: Option<SibylPrimitivesRegistryVerificationLevel> }>;
      /**
       * The request ended. Exactly one per request.
       **/
      RequestSettled: AugmentedEvent<ApiType, [id: u64, outcome: SibylPrimitivesRequestOutcome, level: Option<SibylPrimitivesRegistryVerificationLevel>, checking: SibylPrimitivesRequestChecking], { id: u64, outcome: SibylPrimitivesRequestOutcome, level: Option<SibylPrimitivesRegistryVerificationLevel>, checking: SibylPrimitivesRequestChecking }>;
      /**
       * A request could not be seated now (every suitable node is at `MaxSeatsPerNode`) and
       * went back to the queue.
       **/
      Requeued: AugmentedEvent<ApiType, [id: u64], { id: u64 }>;
      /**
       * A seat revealed its outcome.
       **/
      Revealed: AugmentedEvent<ApiType, [id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat, outputHash: H256], { id: u64, node: AccountId32, seat: SibylPrimitivesVerifySeat, outputHash: H256 }>;
      /**
       * Every seat has sealed; reveals are accepted through block `deadline`.
       **/
      RevealsOpen: AugmentedEvent<ApiType, [id: u64, deadline: u32], { id: u64, deadline: u32 }>;
      /**
       * Verifiers that left or stayed silent were replaced by fresh ones.
       **/
      VerifiersReplaced: AugmentedEvent<ApiType, [id: u64, left: Vec<AccountId32>, joined: Vec<AccountId32>], { id: u64, left: Vec<AccountId32>, joined: Vec<AccountId32> }>;
    };
    models: {
      /**
       * A chunk arrived and matched its hash.
       **/
      ChunkUploaded: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId, index: u32], { id: SibylPrimitivesModelModelId, index: u32 }>;
      /**
       * The owner changed the verification levels requesters may choose.
       **/
      LevelsSet: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId, levels: SibylPrimitivesRegistryLevelBounds], { id: SibylPrimitivesModelModelId, levels: SibylPrimitivesRegistryLevelBounds }>;
      /**
       * Every chunk is in: nodes may assemble the model and requests may use it.
       **/
      ModelAvailable: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId], { id: SibylPrimitivesModelModelId }>;
      /**
       * The model's records and its chunks in the nodes' offchain indexes were removed, and
       * its deposit released. Its `(name, version)` stays taken.
       **/
      Purged: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId, owner: AccountId32, deposit: u128], { id: SibylPrimitivesModelModelId, owner: AccountId32, deposit: u128 }>;
      /**
       * A model was registered and awaits its chunks.
       **/
      Registered: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId, owner: AccountId32, name: Bytes, version: u32, size_: u32, chunks: u32, deposit: u128, cost: SibylPrimitivesRegistryModelCost], { id: SibylPrimitivesModelModelId, owner: AccountId32, name: Bytes, version: u32, size_: u32, chunks: u32, deposit: u128, cost: SibylPrimitivesRegistryModelCost }>;
      /**
       * The model takes no new requests; requests already made finish.
       **/
      Retired: AugmentedEvent<ApiType, [id: SibylPrimitivesModelModelId, purgeAfter: u32], { id: SibylPrimitivesModelModelId, purgeAfter: u32 }>;
    };
    offences: {
      /**
       * There is an offence reported of the given `kind` happened at the `session_index` and
       * (kind-specific) time slot. This event is not deposited for duplicate slashes.
       * \[kind, slot\].
       **/
      Offence: AugmentedEvent<ApiType, [kind: U8aFixed, slot: Bytes], { kind: U8aFixed, slot: Bytes }>;
    };
    oracle: {
      /**
       * A data node committed to a hidden value.
       **/
      Committed: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32], { feed: u32, round: u32, node: AccountId32 }>;
      /**
       * A full round's lightest commitment gave way to a node with more stake; it is neither
       * rewarded nor penalized.
       **/
      Displaced: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32, by: AccountId32], { feed: u32, round: u32, node: AccountId32, by: AccountId32 }>;
      /**
       * A feed was created; its round 0 is open.
       **/
      FeedCreated: AugmentedEvent<ApiType, [feed: u32], { feed: u32 }>;
      /**
       * A feed was removed, with its open round and history.
       **/
      FeedRemoved: AugmentedEvent<ApiType, [feed: u32], { feed: u32 }>;
      /**
       * A data node committed but did not reveal: no reward, no penalty.
       **/
      NotRevealed: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32], { feed: u32, round: u32, node: AccountId32 }>;
      /**
       * A value beyond the deviation bound cost its node `slashed`.
       **/
      Penalized: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32, value: i128, slashed: u128], { feed: u32, round: u32, node: AccountId32, value: i128, slashed: u128 }>;
      /**
       * A data node revealed the value it committed to.
       **/
      Revealed: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32, value: i128], { feed: u32, round: u32, node: AccountId32, value: i128 }>;
      /**
       * A value within the bound was rewarded.
       **/
      Rewarded: AugmentedEvent<ApiType, [feed: u32, round: u32, node: AccountId32, amount: u128], { feed: u32, round: u32, node: AccountId32, amount: u128 }>;
      /**
       * A round closed with the stake-weighted median of `submitters` revealed values.
       **/
      RoundClosed: AugmentedEvent<ApiType, [feed: u32, round: u32, value: i128, submitters: u32], { feed: u32, round: u32, value: i128, submitters: u32 }>;
      /**
       * A round closed with too few revealed values; the feed keeps its last value.
       **/
      RoundFailed: AugmentedEvent<ApiType, [feed: u32, round: u32, submitters: u32], { feed: u32, round: u32, submitters: u32 }>;
    };
    payments: {
      /**
       * `who` bonded `amount` for `role` with node key `key`.
       **/
      Bonded: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128, key: U8aFixed], { who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128, key: U8aFixed }>;
      /**
       * `who` added `amount` to its bond for `role`.
       **/
      BondedExtra: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128], { who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128 }>;
      /**
       * `amount` was held from `payer` for `request`.
       **/
      Escrowed: AugmentedEvent<ApiType, [request: u64, payer: AccountId32, amount: u128], { request: u64, payer: AccountId32, amount: u128 }>;
      /**
       * The escrow of `request` ended: `paid` to payees, `refunded` to the payer.
       **/
      EscrowSettled: AugmentedEvent<ApiType, [request: u64, paid: u128, refunded: u128], { request: u64, paid: u128, refunded: u128 }>;
      /**
       * `who` bound node key `new` to its bond for `role` in place of `old`, which stays
       * bound to it for its seats until block `old_released_at`.
       **/
      KeyRotated: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, old: U8aFixed, new_: U8aFixed, oldReleasedAt: u32], { who: AccountId32, role: SibylPrimitivesRolesRole, old: U8aFixed, new_: U8aFixed, oldReleasedAt: u32 }>;
      /**
       * The treasury paid `who` `amount`.
       **/
      Rewarded: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * `amount` of `who`'s bond for `role` went to the treasury.
       **/
      Slashed: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128], { who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128 }>;
      /**
       * `who` left `role`; the bond can be withdrawn from block `unlocks_at`.
       **/
      Unbonding: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, unlocksAt: u32], { who: AccountId32, role: SibylPrimitivesRolesRole, unlocksAt: u32 }>;
      /**
       * `who` withdrew its bond of `amount` for `role`.
       **/
      Withdrawn: AugmentedEvent<ApiType, [who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128], { who: AccountId32, role: SibylPrimitivesRolesRole, amount: u128 }>;
    };
    schedules: {
      /**
       * The owner removed a schedule; what was left of its budget was released.
       **/
      Cancelled: AugmentedEvent<ApiType, [id: u64, refunded: u128], { id: u64, refunded: u128 }>;
      /**
       * A schedule makes no more runs; what was left of its budget was released.
       **/
      Ended: AugmentedEvent<ApiType, [id: u64, reason: SibylPrimitivesScheduleEndReason, refunded: u128], { id: u64, reason: SibylPrimitivesScheduleEndReason, refunded: u128 }>;
      /**
       * A run made its request (`Inference`'s `Requested` and `InputFromFeeds` name its fee
       * and the feed rounds bound).
       **/
      RunMade: AugmentedEvent<ApiType, [id: u64, run: u32, request: u64, fee: u128], { id: u64, run: u32, request: u64, fee: u128 }>;
      /**
       * A run's request ended.
       **/
      RunSettled: AugmentedEvent<ApiType, [id: u64, run: u32, request: u64, outcome: SibylPrimitivesRequestOutcome], { id: u64, run: u32, request: u64, outcome: SibylPrimitivesRequestOutcome }>;
      /**
       * A run could not be made now and was skipped; it cost nothing and does not count
       * toward `max_runs`.
       **/
      RunSkipped: AugmentedEvent<ApiType, [id: u64, error: SpRuntimeDispatchError], { id: u64, error: SpRuntimeDispatchError }>;
      /**
       * A schedule was created and its budget held.
       **/
      Scheduled: AugmentedEvent<ApiType, [id: u64, owner: AccountId32, model: SibylPrimitivesModelModelId, every: u32, maxRuns: u32, budget: u128], { id: u64, owner: AccountId32, model: SibylPrimitivesModelModelId, every: u32, maxRuns: u32, budget: u128 }>;
    };
    session: {
      /**
       * The `NewSession` event in the current block also implies a new validator set to be
       * queued.
       **/
      NewQueued: AugmentedEvent<ApiType, []>;
      /**
       * New session has happened. Note that the argument is the session index, not the
       * block number as the type might suggest.
       **/
      NewSession: AugmentedEvent<ApiType, [sessionIndex: u32], { sessionIndex: u32 }>;
      /**
       * Validator has been disabled.
       **/
      ValidatorDisabled: AugmentedEvent<ApiType, [validator: AccountId32], { validator: AccountId32 }>;
      /**
       * Validator has been re-enabled.
       **/
      ValidatorReenabled: AugmentedEvent<ApiType, [validator: AccountId32], { validator: AccountId32 }>;
    };
    sudo: {
      /**
       * The sudo key has been updated.
       **/
      KeyChanged: AugmentedEvent<ApiType, [old: Option<AccountId32>, new_: AccountId32], { old: Option<AccountId32>, new_: AccountId32 }>;
      /**
       * The key was permanently removed.
       **/
      KeyRemoved: AugmentedEvent<ApiType, []>;
      /**
       * A sudo call just took place.
       **/
      Sudid: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * A [sudo_as](Pallet::sudo_as) call just took place.
       **/
      SudoAsDone: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
    };
    system: {
      /**
       * `:code` was updated to the code with the given hash.
       **/
      CodeUpdated: AugmentedEvent<ApiType, [hash_: H256], { hash_: H256 }>;
      /**
       * An extrinsic failed.
       **/
      ExtrinsicFailed: AugmentedEvent<ApiType, [dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSystemDispatchEventInfo], { dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSystemDispatchEventInfo }>;
      /**
       * An extrinsic completed successfully.
       **/
      ExtrinsicSuccess: AugmentedEvent<ApiType, [dispatchInfo: FrameSystemDispatchEventInfo], { dispatchInfo: FrameSystemDispatchEventInfo }>;
      /**
       * An account was reaped.
       **/
      KilledAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * A new account was created.
       **/
      NewAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * An invalid authorized upgrade was rejected while trying to apply it.
       **/
      RejectedInvalidAuthorizedUpgrade: AugmentedEvent<ApiType, [codeHash: H256, error: SpRuntimeDispatchError], { codeHash: H256, error: SpRuntimeDispatchError }>;
      /**
       * On on-chain remark happened.
       **/
      Remarked: AugmentedEvent<ApiType, [sender: AccountId32, hash_: H256], { sender: AccountId32, hash_: H256 }>;
      /**
       * An upgrade was authorized.
       **/
      UpgradeAuthorized: AugmentedEvent<ApiType, [codeHash: H256, checkVersion: bool], { codeHash: H256, checkVersion: bool }>;
    };
    transactionPayment: {
      /**
       * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,
       * has been paid by `who`.
       **/
      TransactionFeePaid: AugmentedEvent<ApiType, [who: AccountId32, actualFee: u128, tip: u128], { who: AccountId32, actualFee: u128, tip: u128 }>;
    };
    utility: {
      /**
       * Batch of dispatches completed fully with no error.
       **/
      BatchCompleted: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches completed but has errors.
       **/
      BatchCompletedWithErrors: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches did not complete fully. Index of first failing dispatch given, as
       * well as the error.
       **/
      BatchInterrupted: AugmentedEvent<ApiType, [index: u32, error: SpRuntimeDispatchError], { index: u32, error: SpRuntimeDispatchError }>;
      /**
       * A call was dispatched.
       **/
      DispatchedAs: AugmentedEvent<ApiType, [result: Result<Null, SpRuntimeDispatchError>], { result: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * The fallback call was dispatched.
       **/
      IfElseFallbackCalled: AugmentedEvent<ApiType, [mainError: SpRuntimeDispatchError], { mainError: SpRuntimeDispatchError }>;
      /**
       * Main call was dispatched.
       **/
      IfElseMainSuccess: AugmentedEvent<ApiType, []>;
      /**
       * A single item within a Batch of dispatches has completed with no error.
       **/
      ItemCompleted: AugmentedEvent<ApiType, []>;
      /**
       * A single item within a Batch of dispatches has completed with error.
       **/
      ItemFailed: AugmentedEvent<ApiType, [error: SpRuntimeDispatchError], { error: SpRuntimeDispatchError }>;
    };
    verification: {
      /**
       * The ballots of request `id` were judged: `in_line` of `seats` agree with the verdict.
       **/
      Judged: AugmentedEvent<ApiType, [id: u64, verdict: PalletVerificationVerdict, seats: u32, inLine: u32], { id: u64, verdict: PalletVerificationVerdict, seats: u32, inLine: u32 }>;
      /**
       * A seat let a deadline pass; `misses` in a row now.
       **/
      Missed: AugmentedEvent<ApiType, [id: u64, who: AccountId32, seat: SibylPrimitivesVerifySeat, misses: u32], { id: u64, who: AccountId32, seat: SibylPrimitivesVerifySeat, misses: u32 }>;
      /**
       * Request `id` is not checked (the sample draw said so).
       **/
      NotSampled: AugmentedEvent<ApiType, [id: u64], { id: u64 }>;
      /**
       * A verifier in line with the majority was paid `amount` from the treasury.
       **/
      Rewarded: AugmentedEvent<ApiType, [id: u64, who: AccountId32, amount: u128], { id: u64, who: AccountId32, amount: u128 }>;
      /**
       * A seat out of line with the majority lost `slashed` of its bond.
       **/
      Slashed: AugmentedEvent<ApiType, [id: u64, who: AccountId32, seat: SibylPrimitivesVerifySeat, offence: PalletVerificationOffence, slashed: u128], { id: u64, who: AccountId32, seat: SibylPrimitivesVerifySeat, offence: PalletVerificationOffence, slashed: u128 }>;
      /**
       * Request `id` is checked by these verifiers.
       **/
      VerifiersDrawn: AugmentedEvent<ApiType, [id: u64, verifiers: Vec<AccountId32>], { id: u64, verifiers: Vec<AccountId32> }>;
    };
  } // AugmentedEvents
} // declare module
