// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/submittable';

import type { ApiTypes, AugmentedSubmittable, SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api-base/types';
import type { Bytes, Compact, Option, U8aFixed, Vec, bool, i128, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AnyNumber, IMethod, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { PalletBalancesAdjustmentDirection, PalletModelsModelMeta, SibylPrimitivesModelInferenceError, SibylPrimitivesModelModelId, SibylPrimitivesOracleFeedBinding, SibylPrimitivesRegistryLevelBounds, SibylPrimitivesRegistryVerificationLevel, SibylPrimitivesRequestResultOutput, SibylPrimitivesRolesRole, SibylPrimitivesTensor, SibylRuntimeOpaqueSessionKeys, SibylRuntimeOriginCaller, SpConsensusBabeDigestsNextConfigDescriptor, SpConsensusGrandpaEquivocationProof, SpConsensusSlotsEquivocationProof, SpSessionMembershipProof, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

export type __AugmentedSubmittable = AugmentedSubmittable<() => unknown>;
export type __SubmittableExtrinsic<ApiType extends ApiTypes> = SubmittableExtrinsic<ApiType>;
export type __SubmittableExtrinsicFunction<ApiType extends ApiTypes> = SubmittableExtrinsicFunction<ApiType>;

declare module '@polkadot/api-base/types/submittable' {
  interface AugmentedSubmittables<ApiType extends ApiTypes> {
    babe: {
      /**
       * Plan an epoch config change. The epoch config change is recorded and will be enacted on
       * the next call to `enact_epoch_change`. The config will be activated one epoch after.
       * Multiple calls to this method will replace any existing planned config change that had
       * not been enacted yet.
       **/
      planConfigChange: AugmentedSubmittable<(config: SpConsensusBabeDigestsNextConfigDescriptor | { V1: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SpConsensusBabeDigestsNextConfigDescriptor]>;
      /**
       * Report authority equivocation/misbehavior. This method will verify
       * the equivocation proof and validate the given key ownership proof
       * against the extracted offender. If both are valid, the offence will
       * be reported.
       **/
      reportEquivocation: AugmentedSubmittable<(equivocationProof: SpConsensusSlotsEquivocationProof | { offender?: any; slot?: any; firstHeader?: any; secondHeader?: any } | string | Uint8Array, keyOwnerProof: SpSessionMembershipProof | { session?: any; trieNodes?: any; validatorCount?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SpConsensusSlotsEquivocationProof, SpSessionMembershipProof]>;
      /**
       * Report authority equivocation/misbehavior. This method will verify
       * the equivocation proof and validate the given key ownership proof
       * against the extracted offender. If both are valid, the offence will
       * be reported.
       * This extrinsic must be called unsigned and it is expected that only
       * block authors will call it (validated in `ValidateUnsigned`), as such
       * if the block author is defined it will be defined as the equivocation
       * reporter.
       **/
      reportEquivocationUnsigned: AugmentedSubmittable<(equivocationProof: SpConsensusSlotsEquivocationProof | { offender?: any; slot?: any; firstHeader?: any; secondHeader?: any } | string | Uint8Array, keyOwnerProof: SpSessionMembershipProof | { session?: any; trieNodes?: any; validatorCount?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SpConsensusSlotsEquivocationProof, SpSessionMembershipProof]>;
    };
    balances: {
      /**
       * Burn the specified liquid free balance from the origin account.
       * 
       * If the origin's account ends up below the existential deposit as a result
       * of the burn and `keep_alive` is false, the account will be reaped.
       * 
       * Unlike sending funds to a _burn_ address, which merely makes the funds inaccessible,
       * this `burn` operation will reduce total issuance by the amount _burned_.
       **/
      burn: AugmentedSubmittable<(value: Compact<u128> | AnyNumber | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u128>, bool]>;
      /**
       * Adjust the total issuance in a saturating way.
       * 
       * Can only be called by root and always needs a positive `delta`.
       * 
       * # Example
       **/
      forceAdjustTotalIssuance: AugmentedSubmittable<(direction: PalletBalancesAdjustmentDirection | 'Increase' | 'Decrease' | number | Uint8Array, delta: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletBalancesAdjustmentDirection, Compact<u128>]>;
      /**
       * Set the regular balance of a given account.
       * 
       * The dispatch origin for this call is `root`.
       **/
      forceSetBalance: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, newFree: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Exactly as `transfer_allow_death`, except the origin must be root and the source account
       * may be specified.
       **/
      forceTransfer: AugmentedSubmittable<(source: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, MultiAddress, Compact<u128>]>;
      /**
       * Unreserve some balance from a user by force.
       * 
       * Can only be called by ROOT.
       **/
      forceUnreserve: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, u128]>;
      /**
       * Transfer the entire transferable balance from the caller account.
       * 
       * NOTE: This function only attempts to transfer _transferable_ balances. This means that
       * any locked, reserved, or existential deposits (when `keep_alive` is `true`), will not be
       * transferred by this function. To ensure that this function results in a killed account,
       * you might need to prepare the account by removing any reference counters, storage
       * deposits, etc...
       * 
       * The dispatch origin of this call must be Signed.
       * 
       * - `dest`: The recipient of the transfer.
       * - `keep_alive`: A boolean to determine if the `transfer_all` operation should send all
       * of the funds the account has, causing the sender account to be killed (false), or
       * transfer everything except at least the existential deposit, which will guarantee to
       * keep the sender account alive (true).
       **/
      transferAll: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, bool]>;
      /**
       * Transfer some liquid free balance to another account.
       * 
       * `transfer_allow_death` will set the `FreeBalance` of the sender and receiver.
       * If the sender's account is below the existential deposit as a result
       * of the transfer, the account will be reaped.
       * 
       * The dispatch origin for this call must be `Signed` by the transactor.
       **/
      transferAllowDeath: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Same as the [`transfer_allow_death`] call, but with a check that the transfer will not
       * kill the origin account.
       * 
       * 99% of the time you want [`transfer_allow_death`] instead.
       * 
       * [`transfer_allow_death`]: struct.Pallet.html#method.transfer
       **/
      transferKeepAlive: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Upgrade a specified account.
       * 
       * - `origin`: Must be `Signed`.
       * - `who`: The account to be upgraded.
       * 
       * This will waive the transaction fee if at least all but 10% of the accounts needed to
       * be upgraded. (We let some not have to be upgraded just in order to allow for the
       * possibility of churn).
       **/
      upgradeAccounts: AugmentedSubmittable<(who: Vec<AccountId32> | (AccountId32 | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<AccountId32>]>;
    };
    collatorSelection: {
      /**
       * Add a new account `who` to the list of `Invulnerables` collators. `who` must have
       * registered session keys. If `who` is a candidate, they will be removed.
       * 
       * The origin for this call must be the `UpdateOrigin`.
       **/
      addInvulnerable: AugmentedSubmittable<(who: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32]>;
      /**
       * Deregister `origin` as a collator candidate. Note that the collator can only leave on
       * session change. The `CandidacyBond` will be unreserved immediately.
       * 
       * This call will fail if the total number of candidates would drop below
       * `MinEligibleCollators`.
       **/
      leaveIntent: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Register this account as a collator candidate. The account must (a) already have
       * registered session keys and (b) be able to reserve the `CandidacyBond`.
       * 
       * This call is not available to `Invulnerable` collators.
       **/
      registerAsCandidate: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Remove an account `who` from the list of `Invulnerables` collators. `Invulnerables` must
       * be sorted.
       * 
       * The origin for this call must be the `UpdateOrigin`.
       **/
      removeInvulnerable: AugmentedSubmittable<(who: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [AccountId32]>;
      /**
       * Set the candidacy bond amount.
       * 
       * If the candidacy bond is increased by this call, all current candidates which have a
       * deposit lower than the new bond will be kicked from the list and get their deposits
       * back.
       * 
       * The origin for this call must be the `UpdateOrigin`.
       **/
      setCandidacyBond: AugmentedSubmittable<(bond: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u128]>;
      /**
       * Set the ideal number of non-invulnerable collators. If lowering this number, then the
       * number of running collators could be higher than this figure. Aside from that edge case,
       * there should be no other way to have more candidates than the desired number.
       * 
       * The origin for this call must be the `UpdateOrigin`.
       **/
      setDesiredCandidates: AugmentedSubmittable<(max: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Set the list of invulnerable (fixed) collators. These collators must do some
       * preparation, namely to have registered session keys.
       * 
       * The call will remove any accounts that have not registered keys from the set. That is,
       * it is non-atomic; the caller accepts all `AccountId`s passed in `new` _individually_ as
       * acceptable Invulnerables, and is not proposing a _set_ of new Invulnerables.
       * 
       * This call does not maintain mutual exclusivity of `Invulnerables` and `Candidates`. It
       * is recommended to use a batch of `add_invulnerable` and `remove_invulnerable` instead. A
       * `batch_all` can also be used to enforce atomicity. If any candidates are included in
       * `new`, they should be removed with `remove_invulnerable_candidate` after execution.
       * 
       * Must be called by the `UpdateOrigin`.
       **/
      setInvulnerables: AugmentedSubmittable<(updated: Vec<AccountId32> | (AccountId32 | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<AccountId32>]>;
      /**
       * The caller `origin` replaces a candidate `target` in the collator candidate list by
       * reserving `deposit`. The amount `deposit` reserved by the caller must be greater than
       * the existing bond of the target it is trying to replace.
       * 
       * This call will fail if the caller is already a collator candidate or invulnerable, the
       * caller does not have registered session keys, the target is not a collator candidate,
       * and/or the `deposit` amount cannot be reserved.
       **/
      takeCandidateSlot: AugmentedSubmittable<(deposit: u128 | AnyNumber | Uint8Array, target: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u128, AccountId32]>;
      /**
       * Update the candidacy bond of collator candidate `origin` to a new amount `new_deposit`.
       * 
       * Setting a `new_deposit` that is lower than the current deposit while `origin` is
       * occupying a top-`DesiredCandidates` slot is not allowed.
       * 
       * This call will fail if `origin` is not a collator candidate, the updated bond is lower
       * than the minimum candidacy bond, and/or the amount cannot be reserved.
       **/
      updateBond: AugmentedSubmittable<(newDeposit: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u128]>;
    };
    grandpa: {
      /**
       * Note that the current authority set of the GRANDPA finality gadget has stalled.
       * 
       * This will trigger a forced authority set change at the beginning of the next session, to
       * be enacted `delay` blocks after that. The `delay` should be high enough to safely assume
       * that the block signalling the forced change will not be re-orged e.g. 1000 blocks.
       * The block production rate (which may be slowed down because of finality lagging) should
       * be taken into account when choosing the `delay`. The GRANDPA voters based on the new
       * authority will start voting on top of `best_finalized_block_number` for new finalized
       * blocks. `best_finalized_block_number` should be the highest of the latest finalized
       * block of all validators of the new authority set.
       * 
       * Only callable by root.
       **/
      noteStalled: AugmentedSubmittable<(delay: u32 | AnyNumber | Uint8Array, bestFinalizedBlockNumber: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32]>;
      /**
       * Report voter equivocation/misbehavior. This method will verify the
       * equivocation proof and validate the given key ownership proof
       * against the extracted offender. If both are valid, the offence
       * will be reported.
       **/
      reportEquivocation: AugmentedSubmittable<(equivocationProof: SpConsensusGrandpaEquivocationProof | { setId?: any; equivocation?: any } | string | Uint8Array, keyOwnerProof: SpSessionMembershipProof | { session?: any; trieNodes?: any; validatorCount?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SpConsensusGrandpaEquivocationProof, SpSessionMembershipProof]>;
      /**
       * Report voter equivocation/misbehavior. This method will verify the
       * equivocation proof and validate the given key ownership proof
       * against the extracted offender. If both are valid, the offence
       * will be reported.
       * 
       * This extrinsic must be called unsigned and it is expected that only
       * block authors will call it (validated in `ValidateUnsigned`), as such
       * if the block author is defined it will be defined as the equivocation
       * reporter.
       **/
      reportEquivocationUnsigned: AugmentedSubmittable<(equivocationProof: SpConsensusGrandpaEquivocationProof | { setId?: any; equivocation?: any } | string | Uint8Array, keyOwnerProof: SpSessionMembershipProof | { session?: any; trieNodes?: any; validatorCount?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SpConsensusGrandpaEquivocationProof, SpSessionMembershipProof]>;
    };
    inference: {
      /**
       * Seals a seat's outcome: its output, or the failure the model met on the input.
       * 
       * The origin must be _Authorized_: valid (and free) when `key` holds a seat of request
       * `id` that is taking seals and has not sealed, and `signature` is the key's signature
       * over [`commit_payload`]. Nothing about the outcome is public until every seat has
       * sealed.
       * 
       * - `id`: the request.
       * - `key`: the seat's role key.
       * - `seal`: [`seal`] of the outcome's hash (an output hash, or [`failure_hash`]) with a
       * secret salt.
       * - `signature`: `key`'s signature over [`commit_payload`].
       * 
       * Errors: `UnknownRequest`, `NotCommitting`, `NotAssigned`, `AlreadyCommitted`,
       * `BadAttestation`. Emits `Committed`, then `RevealsOpen` once every seat has sealed.
       **/
      commit: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, key: U8aFixed | string | Uint8Array, seal: H256 | string | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, U8aFixed, H256, U8aFixed]>;
      /**
       * Steps a seat aside from a request it cannot serve for a reason of its own, without
       * penalty: an executor is replaced (the last allowed attempt refunds the requester with
       * [`RefundReason::Declined`]), a verifier is replaced by a fresh one.
       * 
       * The origin must be _Authorized_: valid (and free) when `key` holds a seat of request
       * `id` that is taking seals and has not sealed, `reason` is not an outcome of the request
       * ([`InferenceError::is_outcome`]: such errors are sealed and revealed instead), and
       * `signature` is the key's signature over [`decline_payload`].
       * 
       * - `id`: the request.
       * - `key`: the seat's role key.
       * - `reason`: why the node cannot serve it (model not in its store yet, engine busy,
       * time limit, engine mismatch).
       * - `signature`: `key`'s signature over [`decline_payload`].
       * 
       * Errors: `UnknownRequest`, `NotCommitting`, `NotAssigned`, `AlreadyCommitted`,
       * `ReasonIsAnOutcome`, `BadAttestation`.
       * 
       * Emits `Declined`, then `Assigned` (or `RequestSettled`) for an executor, or
       * `VerifiersReplaced` for a verifier.
       **/
      decline: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, key: U8aFixed | string | Uint8Array, reason: SibylPrimitivesModelInferenceError | 'Unavailable' | 'ModelNotFound' | 'ModelHashMismatch' | 'InvalidModel' | 'ModelTooLarge' | 'UnsupportedOperator' | 'UnboundedShape' | 'InputCountMismatch' | 'InputTypeMismatch' | 'InputShapeMismatch' | 'InvalidInput' | 'NonFiniteInput' | 'InputTooLarge' | 'OutputTooLarge' | 'Timeout' | 'Busy' | 'ExecutionFailed' | 'NonFiniteOutput' | 'OutputSchemaMismatch' | 'EngineMismatch' | 'OverBudget' | 'ResourceLimit' | number | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, U8aFixed, SibylPrimitivesModelInferenceError, U8aFixed]>;
      /**
       * Opens the outcome behind a verifier's hash-only reveal, when the model's tolerance
       * needs the values of disagreeing hashes (the request is `Opening`). Once no such
       * hash is left unopened, the request is judged.
       * 
       * The origin must be _Authorized_: valid (and free) when the request takes openings,
       * the seat of `key` revealed only a hash that no revealed outcome explains, `output`
       * has that hash, and the seat signed it.
       * 
       * - `id`: the request.
       * - `key`: the verifier seat's role key.
       * - `output`: the sealed outcome: inline, its hash when larger than `MaxInlineOutput`,
       * or `Failed(error)`.
       * - `signature`: `key`'s signature over [`open_payload`] of `output`, so that nobody
       * else opens a seat's hash with an outcome of their choosing (a `Stored` form, say).
       * 
       * Errors: `UnknownRequest`, `NotOpening`, `NotAssigned`, `NothingToOpen`,
       * `WrongRevealForm`, `OpeningMismatch`, `BadAttestation`, `OutputShouldBeInline`,
       * `OutputMismatch`, `NotAnOutcome`. Emits `Opened`; the judging opening emits
       * `RequestSettled`.
       * 
       * ## Complexity
       * As [`Pallet::reveal`]: weighed for a judgement of the most seats, refunded when it
       * judges nothing.
       **/
      open: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, key: U8aFixed | string | Uint8Array, output: SibylPrimitivesRequestResultOutput | { Inline: any } | { Stored: any } | { Failed: any } | { Hashed: any } | string | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, U8aFixed, SibylPrimitivesRequestResultOutput, U8aFixed]>;
      /**
       * Asks for a call of `model` on `input`, paying at most `max_fee`.
       * 
       * The origin must be _Signed_; it pays. The fee (the model's price, the execution and
       * compute fee of each executor and the verification premium, [`Pallet::quote`]) is held
       * until the request ends; what is not paid out goes back.
       * 
       * - `model`: an available model.
       * - `input`: tensors that match the model's input schema exactly.
       * - `max_fee`: the most the caller pays.
       * - `level`: the verification level, within the bounds the model's owner allows; `None`
       * runs it under the model's policy. `Unverified` seats one executor and no verifier;
       * `Sampled(ppm)` the model's executors, checked by its verifiers (at least one) with
       * that probability; `Committee(k)` the model's executors, checked by `k` verifiers.
       * 
       * Errors: `UnknownModel`, `ModelNotAvailable`, `ModelRetired`, `InputTooLarge`,
       * `InputCountMismatch`, `InputTypeMismatch`, `InputShapeMismatch`, `MalformedTensor`,
       * `NonFiniteInput`, `BadLevel`, `LevelNotAllowed`, `FeeOverflow`, `FeeBelowPrice`,
       * `NotEnoughNodes`, `QueueFull`, `InsufficientBalance`; nothing is held then.
       * 
       * Emits `Requested`, then `Assigned` when seated in this block.
       * 
       * ## Complexity
       * `O(I + N)` for `I` input bytes (hashed, checked) and `N` bonded inference nodes (the
       * draw).
       **/
      request: AugmentedSubmittable<(model: SibylPrimitivesModelModelId | string | Uint8Array, input: Vec<SibylPrimitivesTensor> | (SibylPrimitivesTensor | { dtype?: any; shape?: any; data?: any } | string | Uint8Array)[], maxFee: u128 | AnyNumber | Uint8Array, level: Option<SibylPrimitivesRegistryVerificationLevel> | null | Uint8Array | SibylPrimitivesRegistryVerificationLevel | { Unverified: any } | { Sampled: any } | { Committee: any } | string) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId, Vec<SibylPrimitivesTensor>, u128, Option<SibylPrimitivesRegistryVerificationLevel>]>;
      /**
       * Asks for a call of `model` on `input` with feed values written into it, paying at
       * most `max_fee`.
       * 
       * Each binding writes the latest `rounds` answers of a feed into consecutive elements
       * of an input tensor (integers as fixed point, floats as the value); the elements
       * written must not overlap. The input is resolved now, in this block, and stored with
       * the request, so every seat runs on the same numbers. A stale, unknown or too short
       * feed fails the call with nothing held; otherwise as [`Pallet::request`].
       * 
       * Errors: those of [`Pallet::request`], and `BadFeedWindow`, `BindingsOverlap`,
       * `BindingOutOfBounds`, `BindingTypeUnsupported`, `UnknownFeed`, `FeedHasNoValue`,
       * `FeedStale`, `FeedHistoryTooShort`, `FeedValueOutOfRange`.
       * 
       * Emits `Requested`, `InputFromFeeds`, then `Assigned` when seated in this block.
       * 
       * ## Complexity
       * As [`Pallet::request`], plus `O(B · W)` for `B` bindings of `W` rounds.
       **/
      requestWithFeeds: AugmentedSubmittable<(model: SibylPrimitivesModelModelId | string | Uint8Array, input: Vec<SibylPrimitivesTensor> | (SibylPrimitivesTensor | { dtype?: any; shape?: any; data?: any } | string | Uint8Array)[], bindings: Vec<SibylPrimitivesOracleFeedBinding> | (SibylPrimitivesOracleFeedBinding | { feed?: any; rounds?: any; tensor?: any; offset?: any } | string | Uint8Array)[], maxFee: u128 | AnyNumber | Uint8Array, level: Option<SibylPrimitivesRegistryVerificationLevel> | null | Uint8Array | SibylPrimitivesRegistryVerificationLevel | { Unverified: any } | { Sampled: any } | { Committee: any } | string) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId, Vec<SibylPrimitivesTensor>, Vec<SibylPrimitivesOracleFeedBinding>, u128, Option<SibylPrimitivesRegistryVerificationLevel>]>;
      /**
       * Reveals a seat's sealed outcome; judges the request once every sealed seat revealed.
       * 
       * The origin must be _Authorized_: valid (and free) when the request takes reveals,
       * `output` and `salt` match the seat's seal, and `attestation` is the key's signature
       * over the request's commitment to the outcome's hash.
       * 
       * - `id`: the request.
       * - `key`: the seat's role key.
       * - `output`: an executor's output inline, its hash when larger than `MaxInlineOutput`,
       * or `Failed(error)` for a failure outcome (an error that is an outcome of the
       * request); a verifier's `Hashed(hash)` of its sealed outcome while the round may
       * still escalate, its outcome (as an executor's) in the last round.
       * - `salt`: the secret salt of the seal.
       * - `attestation`: `key`'s signature over [`Pallet::commitment_of`] for the outcome.
       * 
       * Errors: `UnknownRequest`, `NotRevealing`, `NotAssigned`, `AlreadyRevealed`,
       * `NotCommitted`, `WrongRevealForm`, `OutputShouldBeInline`, `SealMismatch`,
       * `BadAttestation`, `OutputMismatch`, `NotAnOutcome`. Emits `Revealed`; the judging
       * reveal emits `RequestSettled`, `Escalated` or `OpeningsOpen`.
       * 
       * ## Complexity
       * Weighed for a judgement of the most seats a request can have, `O(S² · E)` for `S`
       * seats and `E` output elements; the weight of a reveal that judges nothing (others
       * still to reveal) or judges fewer seats is refunded, so a block takes as many reveals
       * as it has room for.
       **/
      reveal: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array, key: U8aFixed | string | Uint8Array, output: SibylPrimitivesRequestResultOutput | { Inline: any } | { Stored: any } | { Failed: any } | { Hashed: any } | string | Uint8Array, salt: U8aFixed | string | Uint8Array, attestation: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, U8aFixed, SibylPrimitivesRequestResultOutput, U8aFixed, U8aFixed]>;
    };
    models: {
      /**
       * Purges a retired model whose grace has passed: removes its records and its chunks
       * from every node's offchain index, and releases its deposit to its owner.
       * 
       * The origin must be _Signed_, by anyone (the owner has the reason to: the deposit).
       * 
       * - `id`: a retired model.
       * 
       * Errors: `UnknownModel` (never registered, or already purged), `NotRetired`,
       * `GraceNotOver`, `InUse` (requests of the model have not settled). Emits `Purged`.
       * Nodes delete the model from their stores once it is gone from the registry at their
       * best block.
       * 
       * ## Complexity
       * `O(c)`, `c` the model's chunks (one offchain index entry each), and one read of the
       * model's open requests (`Usage`).
       **/
      purge: AugmentedSubmittable<(id: SibylPrimitivesModelModelId | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId]>;
      /**
       * Registers a model and holds its deposit. Its chunks follow with `upload_chunk`.
       **/
      register: AugmentedSubmittable<(meta: PalletModelsModelMeta | { id?: any; size_?: any; chunkHashes?: any; name?: any; version?: any; inputs?: any; outputs?: any; price?: any; policy?: any; levels?: any; cost?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletModelsModelMeta]>;
      /**
       * Retires a model: it takes no new requests; requests already made finish.
       * 
       * The origin must be _Signed_ by the model's owner.
       * 
       * - `id`: the model (uploading or available).
       * 
       * An available model's deposit stays held until it is purged (`purge`, `RetireGrace`
       * blocks later). An upload not finished is abandoned: purged at once, its deposit
       * released.
       * 
       * Errors: `UnknownModel`, `NotOwner`, `AlreadyRetired`. Emits `Retired`, and `Purged`
       * for an abandoned upload.
       * 
       * ## Complexity
       * `O(c)`, `c` the chunks an abandoned upload had received (their markers), plus one
       * offchain index entry per chunk of the model.
       **/
      retire: AugmentedSubmittable<(id: SibylPrimitivesModelModelId | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId]>;
      /**
       * Sets the verification levels requesters may choose for a model.
       * 
       * The origin must be _Signed_ by the model's owner.
       * 
       * - `id`: the model (uploading or available).
       * - `levels`: the lowest share of checked requests and the most verifiers a level may
       * have; the model's own policy must lie within them.
       * 
       * Errors: `UnknownModel`, `NotOwner`, `AlreadyRetired`, `InvalidLevels`. Emits
       * `LevelsSet`. Requests already made keep their level.
       * 
       * ## Complexity
       * `O(1)`.
       **/
      setLevels: AugmentedSubmittable<(id: SibylPrimitivesModelModelId | string | Uint8Array, levels: SibylPrimitivesRegistryLevelBounds | { minSamplePpm?: any; maxVerifiers?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId, SibylPrimitivesRegistryLevelBounds]>;
      /**
       * Uploads chunk `index` of a model; only its owner may. The last chunk makes the model
       * available.
       **/
      uploadChunk: AugmentedSubmittable<(id: SibylPrimitivesModelModelId | string | Uint8Array, index: u32 | AnyNumber | Uint8Array, bytes: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId, u32, Bytes]>;
    };
    oracle: {
      /**
       * A data node's commitment to a hidden value for the open `round` of `feed`, in the
       * round's commit phase.
       * 
       * - `origin`: authorized (no fee): `key` is the current `orcl` key of a bonded, active
       * data node that has not committed in this round, and `signature` is its signature
       * over [`commit_payload`].
       * - `commitment`: [`commitment`] of the node's value and a secret salt.
       * 
       * The value counts in the round's median, with the node's bond now as its weight, once
       * revealed. A full round takes a commitment only from a node with more stake than its
       * lightest one, which gives way (`Displaced`): many cheap nodes can neither outweigh nor
       * crowd out bonded ones.
       * 
       * Errors: `UnknownFeed`, `WrongRound` (also in a block whose start could not close the
       * last round within `MaxHookWeight`), `WrongPhase`, `NotADataNode` (also for a key
       * rotated away), `AlreadySubmitted`, `RoundFull`, `BadSignature`. Emits `Committed`
       * (after `Displaced` when it displaced one). Complexity: O(`MaxSubmitters`).
       **/
      commit: AugmentedSubmittable<(feed: u32 | AnyNumber | Uint8Array, round: u32 | AnyNumber | Uint8Array, commitment: H256 | string | Uint8Array, key: U8aFixed | string | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32, H256, U8aFixed, U8aFixed]>;
      /**
       * Creates a feed. Its round 0 opens now.
       * 
       * - `origin`: root.
       * - `description`: what the feed measures and where from, for people.
       * - `decimals`: fixed-point decimals of its values.
       * - `min_submitters`: revealed values a round needs to close with a value (1 to
       * `MaxSubmitters`).
       * - `round_length`: blocks a round lasts (at least 2): the first half (rounded up) to
       * commit, the rest to reveal.
       * - `max_deviation_ppm`: largest distance from the median a value may have and be
       * rewarded rather than penalized, parts per million of the median.
       * - `max_age`: blocks after which the feed's value is stale (at least 1).
       * 
       * Errors: `BadOrigin`, `NoSubmittersRequired`, `TooManySubmittersRequired`,
       * `RoundTooShort`, `ZeroLength`, `TooManyFeeds`. Emits `FeedCreated`. Complexity: O(1)
       * (the feed list is bounded by `MaxFeeds`).
       **/
      createFeed: AugmentedSubmittable<(description: Bytes | string | Uint8Array, decimals: u8 | AnyNumber | Uint8Array, minSubmitters: u32 | AnyNumber | Uint8Array, roundLength: u32 | AnyNumber | Uint8Array, maxDeviationPpm: u32 | AnyNumber | Uint8Array, maxAge: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, u8, u32, u32, u32, u32]>;
      /**
       * Removes a feed, with its open round and history.
       * 
       * - `origin`: root.
       * - `feed`: the feed.
       * 
       * Errors: `BadOrigin`, `UnknownFeed`. Emits `FeedRemoved`. Complexity: O(`MaxFeeds`).
       **/
      removeFeed: AugmentedSubmittable<(feed: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * A data node's value for the open `round` of `feed`, in the round's reveal phase: the
       * value and salt it committed to.
       * 
       * - `origin`: authorized (no fee): `key` is bound to a data node (its current key, or
       * one it rotated away from since it committed) with an unrevealed commitment in this
       * round that [`commitment`] of `key`, `value` and `salt` matches, and `signature` is
       * the key's over [`reveal_payload`].
       * 
       * Errors: `UnknownFeed`, `WrongRound`, `WrongPhase`, `NotADataNode`, `NotCommitted`,
       * `AlreadyRevealed`, `CommitmentMismatch`, `BadSignature`. Emits `Revealed`.
       * Complexity: O(`MaxSubmitters`).
       **/
      reveal: AugmentedSubmittable<(feed: u32 | AnyNumber | Uint8Array, round: u32 | AnyNumber | Uint8Array, value: i128 | AnyNumber | Uint8Array, salt: U8aFixed | string | Uint8Array, key: U8aFixed | string | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32, i128, U8aFixed, U8aFixed, U8aFixed]>;
    };
    payments: {
      /**
       * Bonds `amount` for `role`, binding node key `key` to the caller.
       * 
       * The origin must be _Signed_; `amount` is held from it.
       * 
       * - `role`: the role to take.
       * - `amount`: at least the role's minimum bond.
       * - `key`: the node's sr25519 key for the role (in its keystore under the role's key
       * type).
       * - `proof`: `key`'s signature over `key_proof_payload(genesis hash, role, caller)`
       * (`sibyl-node key prove` prints it).
       * 
       * Errors: `BadKeyProof`, `BondTooSmall`, `AlreadyBonded`, `KeyInUse`, `TooManyNodes`,
       * `InsufficientBalance`; nothing is held then.
       * 
       * Emits `Bonded`.
       * 
       * ## Complexity
       * `O(N)` for the `N` active nodes of the role (bounded by `MaxNodes`), plus one sr25519
       * verification.
       **/
      bond: AugmentedSubmittable<(role: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, amount: u128 | AnyNumber | Uint8Array, key: U8aFixed | string | Uint8Array, proof: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesRolesRole, u128, U8aFixed, U8aFixed]>;
      /**
       * Adds `amount` to the caller's active bond for `role`.
       **/
      bondExtra: AugmentedSubmittable<(role: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesRolesRole, u128]>;
      /**
       * Binds node key `key` to the caller's active bond for `role` in place of its current
       * key, without unbonding.
       * 
       * The origin must be _Signed_ and bonded for `role` (not unbonding).
       * 
       * - `role`: the bonded role.
       * - `key`: the new node key, bound to no account for `role`.
       * - `proof`: `key`'s signature over `key_proof_payload(genesis hash, role, caller)`.
       * 
       * New seats go to `key` at once. The old key stays bound to the caller for
       * `UnbondingPeriod` blocks, so seats it already holds can still be sealed and revealed
       * with it (keep it in the node's keystore until then); after that it is released (at
       * the next rotation or withdrawal). At most 4 keys can be retiring at once.
       * 
       * Errors: `BadKeyProof`, `NotBonded`, `Unbonding`, `KeyInUse`, `TooManyRotations`.
       * 
       * Emits `KeyRotated`.
       * 
       * ## Complexity
       * `O(1)`: one sr25519 verification, at most 4 retiring keys released.
       **/
      rotateKey: AugmentedSubmittable<(role: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array, key: U8aFixed | string | Uint8Array, proof: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesRolesRole, U8aFixed, U8aFixed]>;
      /**
       * Leaves `role`: no new work from now on; the bond is held for `UnbondingPeriod` more.
       **/
      unbond: AugmentedSubmittable<(role: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesRolesRole]>;
      /**
       * Releases the caller's bond for `role` once its unbonding period is over.
       * 
       * The origin must be _Signed_ by a node whose bond for `role` is unbonding.
       * 
       * - `role`: the unbonding role.
       * 
       * The bond's node keys (the current one and any retiring) are released, and the
       * pallets that keep records of the node drop them (`OnWithdrawn`: its verification
       * record and last miss). A later bond starts afresh.
       * 
       * Errors: `NotBonded` (no bond, or not unbonding), `StillLocked`. Emits `Withdrawn`.
       * 
       * ## Complexity
       * `O(1)`: at most 4 retiring keys released.
       **/
      withdrawUnbonded: AugmentedSubmittable<(role: SibylPrimitivesRolesRole | 'Inference' | 'Verifier' | 'Data' | number | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesRolesRole]>;
    };
    schedules: {
      /**
       * Removes a schedule: a running one makes no more runs and what is left of its budget
       * is released; its record, history and latest output are removed. Runs already made
       * still settle (their refunds go to the owner as for any request).
       * 
       * The origin must be _Signed_ by the schedule's owner.
       * 
       * - `id`: the schedule, running or ended (and not yet removed).
       * 
       * Errors: `UnknownSchedule`, `NotOwner`. Emits `Cancelled`.
       * 
       * ## Complexity
       * `O(S)` for the `S` schedules due in its next block or carried.
       **/
      cancel: AugmentedSubmittable<(id: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * Schedules `model` on `input` with `bindings` written in, every `every` blocks, for
       * `max_runs` runs of at most `max_fee_per_run` each; holds the whole budget now.
       * 
       * The origin must be _Signed_; it owns the schedule and pays for every run.
       * 
       * - `model`: an available model.
       * - `input`: the input template, matching the model's input schema exactly.
       * - `bindings`: feed windows written into each run's input in the block of the run, as
       * `Inference.request_with_feeds` does (may be empty).
       * - `level`: each run's verification level (`None`: the model's policy).
       * - `every`: blocks between runs, at least `MinPeriod`; the first run is due in the next
       * block.
       * - `max_runs`: runs to pay for, 1 to `MaxRuns`.
       * - `max_fee_per_run`: the most one run may cost; at least the quote now.
       * 
       * Errors: `PeriodTooShort`, `BadRunCount`, `InputTooLarge`, `Inference`'s errors for a
       * malformed request (`UnknownModel`, `ModelNotAvailable`, `ModelRetired`,
       * `InputCountMismatch`, `InputTypeMismatch`, `InputShapeMismatch`, `MalformedTensor`,
       * `NonFiniteInput`, `BadLevel`, `LevelNotAllowed`, `BadFeedWindow`, `BindingsOverlap`,
       * `BindingOutOfBounds`, `BindingTypeUnsupported`, `UnknownFeed`), `MaxFeeBelowQuote`,
       * `BudgetOverflow`, `TooManySchedules`, `NoRoomForSchedules`, `InsufficientBalance`;
       * nothing is held then. A feed that is stale now is no error: its runs are skipped
       * until it is fresh.
       * 
       * Emits `Scheduled`.
       * 
       * ## Complexity
       * `O(I + B)` for `I` input bytes and `B` bindings.
       **/
      schedule: AugmentedSubmittable<(model: SibylPrimitivesModelModelId | string | Uint8Array, input: Vec<SibylPrimitivesTensor> | (SibylPrimitivesTensor | { dtype?: any; shape?: any; data?: any } | string | Uint8Array)[], bindings: Vec<SibylPrimitivesOracleFeedBinding> | (SibylPrimitivesOracleFeedBinding | { feed?: any; rounds?: any; tensor?: any; offset?: any } | string | Uint8Array)[], level: Option<SibylPrimitivesRegistryVerificationLevel> | null | Uint8Array | SibylPrimitivesRegistryVerificationLevel | { Unverified: any } | { Sampled: any } | { Committee: any } | string, every: u32 | AnyNumber | Uint8Array, maxRuns: u32 | AnyNumber | Uint8Array, maxFeePerRun: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylPrimitivesModelModelId, Vec<SibylPrimitivesTensor>, Vec<SibylPrimitivesOracleFeedBinding>, Option<SibylPrimitivesRegistryVerificationLevel>, u32, u32, u128]>;
    };
    session: {
      /**
       * Removes any session key(s) of the function caller.
       * 
       * This doesn't take effect until the next session.
       * 
       * The dispatch origin of this function must be Signed and the account must be either be
       * convertible to a validator ID using the chain's typical addressing system (this usually
       * means being a controller account) or directly convertible into a validator ID (which
       * usually means being a stash account).
       **/
      purgeKeys: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Sets the session key(s) of the function caller to `keys`.
       * 
       * Allows an account to set its session key prior to becoming a validator.
       * This doesn't take effect until the next session.
       * 
       * - `origin`: The dispatch origin of this function must be signed.
       * - `keys`: The new session keys to set. These are the public keys of all sessions keys
       * setup in the runtime.
       * - `proof`: The proof that `origin` has access to the private keys of `keys`. See
       * [`impl_opaque_keys`](sp_runtime::impl_opaque_keys) for more information about the
       * proof format.
       **/
      setKeys: AugmentedSubmittable<(keys: SibylRuntimeOpaqueSessionKeys | { babe?: any; grandpa?: any } | string | Uint8Array, proof: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylRuntimeOpaqueSessionKeys, Bytes]>;
    };
    sudo: {
      /**
       * Permanently removes the sudo key.
       * 
       * **This cannot be un-done.**
       **/
      removeKey: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo
       * key.
       **/
      setKey: AugmentedSubmittable<(updated: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin.
       **/
      sudo: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Signed` origin from
       * a given account.
       * 
       * The dispatch origin for this call must be _Signed_.
       **/
      sudoAs: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin.
       * This function does not check the weight of the call, and instead allows the
       * Sudo user to specify the weight of the call.
       * 
       * The dispatch origin for this call must be _Signed_.
       **/
      sudoUncheckedWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
    };
    system: {
      /**
       * Provide the preimage (runtime binary) `code` for an upgrade that has been authorized.
       * 
       * If the authorization required a version check, this call will ensure the spec name
       * remains unchanged and that the spec version has increased.
       * 
       * Depending on the runtime's `OnSetCode` configuration, this function may directly apply
       * the new `code` in the same block or attempt to schedule the upgrade.
       * 
       * All origins are allowed.
       **/
      applyAuthorizedUpgrade: AugmentedSubmittable<(code: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
       * later.
       * 
       * This call requires Root origin.
       **/
      authorizeUpgrade: AugmentedSubmittable<(codeHash: H256 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [H256]>;
      /**
       * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
       * later.
       * 
       * WARNING: This authorizes an upgrade that will take place without any safety checks, for
       * example that the spec name remains the same and that the version number increases. Not
       * recommended for normal use. Use `authorize_upgrade` instead.
       * 
       * This call requires Root origin.
       **/
      authorizeUpgradeWithoutChecks: AugmentedSubmittable<(codeHash: H256 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [H256]>;
      /**
       * Kill all storage items with a key that starts with the given prefix.
       * 
       * **NOTE:** We rely on the Root origin to provide us the number of subkeys under
       * the prefix we are removing to accurately calculate the weight of this function.
       **/
      killPrefix: AugmentedSubmittable<(prefix: Bytes | string | Uint8Array, subkeys: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, u32]>;
      /**
       * Kill some items from storage.
       **/
      killStorage: AugmentedSubmittable<(keys: Vec<Bytes> | (Bytes | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Bytes>]>;
      /**
       * Make some on-chain remark.
       * 
       * Can be executed by every `origin`.
       **/
      remark: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Make some on-chain remark and emit event.
       **/
      remarkWithEvent: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Set the new runtime code.
       **/
      setCode: AugmentedSubmittable<(code: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Set the new runtime code without doing any checks of the given `code`.
       * 
       * Note that runtime upgrades will not run if this is called with a not-increasing spec
       * version!
       **/
      setCodeWithoutChecks: AugmentedSubmittable<(code: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Set the number of pages in the WebAssembly environment's heap.
       **/
      setHeapPages: AugmentedSubmittable<(pages: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * Set some items of storage.
       **/
      setStorage: AugmentedSubmittable<(items: Vec<ITuple<[Bytes, Bytes]>> | ([Bytes | string | Uint8Array, Bytes | string | Uint8Array])[]) => SubmittableExtrinsic<ApiType>, [Vec<ITuple<[Bytes, Bytes]>>]>;
    };
    timestamp: {
      /**
       * Set the current time.
       * 
       * This call should be invoked exactly once per block. It will panic at the finalization
       * phase, if this call hasn't been invoked by that time.
       * 
       * The timestamp should be greater than the previous one by the amount specified by
       * [`Config::MinimumPeriod`].
       * 
       * The dispatch origin for this call must be _None_.
       * 
       * This dispatch class is _Mandatory_ to ensure it gets executed in the block. Be aware
       * that changing the complexity of this call could result exhausting the resources in a
       * block to execute any other calls.
       * 
       * ## Complexity
       * - `O(1)` (Note that implementations of `OnTimestampSet` must also be `O(1)`)
       * - 1 storage read and 1 storage mutation (codec `O(1)` because of `DidUpdate::take` in
       * `on_finalize`)
       * - 1 event handler `on_timestamp_set`. Must be `O(1)`.
       **/
      set: AugmentedSubmittable<(now: Compact<u64> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u64>]>;
    };
    utility: {
      /**
       * Send a call through an indexed pseudonym of the sender.
       * 
       * Filter from origin are passed along. The call will be dispatched with an origin which
       * use the same filter as the origin of this call.
       * 
       * NOTE: If you need to ensure that any account-based filtering is not honored (i.e.
       * because you expect `proxy` to have been used prior in the call stack and you do not want
       * the call restrictions to apply to any sub-accounts), then use `as_multi_threshold_1`
       * in the Multisig pallet instead.
       * 
       * NOTE: Prior to version *12, this was called `as_limited_sub`.
       * 
       * The dispatch origin for this call must be _Signed_.
       **/
      asDerivative: AugmentedSubmittable<(index: u16 | AnyNumber | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u16, Call]>;
      /**
       * Send a batch of dispatch calls.
       * 
       * May be called from any origin except `None`.
       * 
       * - `calls`: The calls to be dispatched from the same origin. The number of call must not
       * exceed the constant: `batched_calls_limit` (available in constant metadata).
       * 
       * If origin is root then the calls are dispatched without checking origin filter. (This
       * includes bypassing `frame_system::Config::BaseCallFilter`).
       * 
       * ## Complexity
       * - O(C) where C is the number of calls to be batched.
       * 
       * This will return `Ok` in all circumstances. To determine the success of the batch, an
       * event is deposited. If a call failed and the batch was interrupted, then the
       * `BatchInterrupted` event is deposited, along with the number of successful calls made
       * and the error of the failed call. If all were successful, then the `BatchCompleted`
       * event is deposited.
       **/
      batch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Send a batch of dispatch calls and atomically execute them.
       * The whole transaction will rollback and fail if any of the calls failed.
       * 
       * May be called from any origin except `None`.
       * 
       * - `calls`: The calls to be dispatched from the same origin. The number of call must not
       * exceed the constant: `batched_calls_limit` (available in constant metadata).
       * 
       * If origin is root then the calls are dispatched without checking origin filter. (This
       * includes bypassing `frame_system::Config::BaseCallFilter`).
       * 
       * ## Complexity
       * - O(C) where C is the number of calls to be batched.
       **/
      batchAll: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Dispatches a function call with a provided origin.
       * 
       * The dispatch origin for this call must be _Root_.
       * 
       * ## Complexity
       * - O(1).
       **/
      dispatchAs: AugmentedSubmittable<(asOrigin: SibylRuntimeOriginCaller | { system: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylRuntimeOriginCaller, Call]>;
      /**
       * Dispatches a function call with a provided origin.
       * 
       * Almost the same as [`Pallet::dispatch_as`] but forwards any error of the inner call.
       * 
       * The dispatch origin for this call must be _Root_.
       **/
      dispatchAsFallible: AugmentedSubmittable<(asOrigin: SibylRuntimeOriginCaller | { system: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [SibylRuntimeOriginCaller, Call]>;
      /**
       * Send a batch of dispatch calls.
       * Unlike `batch`, it allows errors and won't interrupt.
       * 
       * May be called from any origin except `None`.
       * 
       * - `calls`: The calls to be dispatched from the same origin. The number of call must not
       * exceed the constant: `batched_calls_limit` (available in constant metadata).
       * 
       * If origin is root then the calls are dispatch without checking origin filter. (This
       * includes bypassing `frame_system::Config::BaseCallFilter`).
       * 
       * ## Complexity
       * - O(C) where C is the number of calls to be batched.
       **/
      forceBatch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Dispatch a fallback call in the event the main call fails to execute.
       * May be called from any origin except `None`.
       * 
       * This function first attempts to dispatch the `main` call.
       * If the `main` call fails, the `fallback` is attemted.
       * if the fallback is successfully dispatched, the weights of both calls
       * are accumulated and an event containing the main call error is deposited.
       * 
       * In the event of a fallback failure the whole call fails
       * with the weights returned.
       * 
       * - `main`: The main call to be dispatched. This is the primary action to execute.
       * - `fallback`: The fallback call to be dispatched in case the `main` call fails.
       * 
       * ## Dispatch Logic
       * - If the origin is `root`, both the main and fallback calls are executed without
       * applying any origin filters.
       * - If the origin is not `root`, the origin filter is applied to both the `main` and
       * `fallback` calls.
       * 
       * ## Use Case
       * - Some use cases might involve submitting a `batch` type call in either main, fallback
       * or both.
       **/
      ifElse: AugmentedSubmittable<(main: Call | IMethod | string | Uint8Array, fallback: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, Call]>;
      /**
       * Dispatch a function call with a specified weight.
       * 
       * This function does not check the weight of the call, and instead allows the
       * Root origin to specify the weight of the call.
       * 
       * The dispatch origin for this call must be _Root_.
       **/
      withWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
    };
  } // AugmentedSubmittables
} // declare module
