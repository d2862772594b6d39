// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/errors';

import type { ApiTypes, AugmentedError } from '@polkadot/api-base/types';

export type __AugmentedError<ApiType extends ApiTypes> = AugmentedError<ApiType>;

declare module '@polkadot/api-base/types/errors' {
  interface AugmentedErrors<ApiType extends ApiTypes> {
    babe: {
      /**
       * A given equivocation report is valid but already previously reported.
       **/
      DuplicateOffenceReport: AugmentedError<ApiType>;
      /**
       * Submitted configuration is invalid.
       **/
      InvalidConfiguration: AugmentedError<ApiType>;
      /**
       * An equivocation proof provided as part of an equivocation report is invalid.
       **/
      InvalidEquivocationProof: AugmentedError<ApiType>;
      /**
       * A key ownership proof provided as part of an equivocation report is invalid.
       **/
      InvalidKeyOwnershipProof: AugmentedError<ApiType>;
    };
    balances: {
      /**
       * Beneficiary account must pre-exist.
       **/
      DeadAccount: AugmentedError<ApiType>;
      /**
       * The delta cannot be zero.
       **/
      DeltaZero: AugmentedError<ApiType>;
      /**
       * Value too low to create account due to existential deposit.
       **/
      ExistentialDeposit: AugmentedError<ApiType>;
      /**
       * A vesting schedule already exists for this account.
       **/
      ExistingVestingSchedule: AugmentedError<ApiType>;
      /**
       * Transfer/payment would kill account.
       **/
      Expendability: AugmentedError<ApiType>;
      /**
       * Balance too low to send value.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * The issuance cannot be modified since it is already deactivated.
       **/
      IssuanceDeactivated: AugmentedError<ApiType>;
      /**
       * Account liquidity restrictions prevent withdrawal.
       **/
      LiquidityRestrictions: AugmentedError<ApiType>;
      /**
       * Number of freezes exceed `MaxFreezes`.
       **/
      TooManyFreezes: AugmentedError<ApiType>;
      /**
       * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
       **/
      TooManyHolds: AugmentedError<ApiType>;
      /**
       * Number of named reserves exceed `MaxReserves`.
       **/
      TooManyReserves: AugmentedError<ApiType>;
      /**
       * Vesting balance too high to send value.
       **/
      VestingBalance: AugmentedError<ApiType>;
    };
    collatorSelection: {
      /**
       * Account is already a candidate.
       **/
      AlreadyCandidate: AugmentedError<ApiType>;
      /**
       * Account is already an Invulnerable.
       **/
      AlreadyInvulnerable: AugmentedError<ApiType>;
      /**
       * New deposit amount would be below the minimum candidacy bond.
       **/
      DepositTooLow: AugmentedError<ApiType>;
      /**
       * The updated deposit amount is equal to the amount already reserved.
       **/
      IdenticalDeposit: AugmentedError<ApiType>;
      /**
       * Could not insert in the candidate list.
       **/
      InsertToCandidateListFailed: AugmentedError<ApiType>;
      /**
       * Deposit amount is too low to take the target's slot in the candidate list.
       **/
      InsufficientBond: AugmentedError<ApiType>;
      /**
       * Cannot lower candidacy bond while occupying a future collator slot in the list.
       **/
      InvalidUnreserve: AugmentedError<ApiType>;
      /**
       * Account has no associated validator ID.
       **/
      NoAssociatedValidatorId: AugmentedError<ApiType>;
      /**
       * Account is not a candidate.
       **/
      NotCandidate: AugmentedError<ApiType>;
      /**
       * Account is not an Invulnerable.
       **/
      NotInvulnerable: AugmentedError<ApiType>;
      /**
       * Could not remove from the candidate list.
       **/
      RemoveFromCandidateListFailed: AugmentedError<ApiType>;
      /**
       * The target account to be replaced in the candidate list is not a candidate.
       **/
      TargetIsNotCandidate: AugmentedError<ApiType>;
      /**
       * Leaving would result in too few candidates.
       **/
      TooFewEligibleCollators: AugmentedError<ApiType>;
      /**
       * The pallet has too many candidates.
       **/
      TooManyCandidates: AugmentedError<ApiType>;
      /**
       * There are too many Invulnerables.
       **/
      TooManyInvulnerables: AugmentedError<ApiType>;
      /**
       * Could not update the candidate list.
       **/
      UpdateCandidateListFailed: AugmentedError<ApiType>;
      /**
       * Validator ID is not yet registered.
       **/
      ValidatorNotRegistered: AugmentedError<ApiType>;
    };
    grandpa: {
      /**
       * Attempt to signal GRANDPA change with one already pending.
       **/
      ChangePending: AugmentedError<ApiType>;
      /**
       * A given equivocation report is valid but already previously reported.
       **/
      DuplicateOffenceReport: AugmentedError<ApiType>;
      /**
       * An equivocation proof provided as part of an equivocation report is invalid.
       **/
      InvalidEquivocationProof: AugmentedError<ApiType>;
      /**
       * A key ownership proof provided as part of an equivocation report is invalid.
       **/
      InvalidKeyOwnershipProof: AugmentedError<ApiType>;
      /**
       * Attempt to signal GRANDPA pause when the authority set isn't live
       * (either paused or already pending pause).
       **/
      PauseFailed: AugmentedError<ApiType>;
      /**
       * Attempt to signal GRANDPA resume when the authority set isn't paused
       * (either live or already pending resume).
       **/
      ResumeFailed: AugmentedError<ApiType>;
      /**
       * Cannot signal forced change so soon after last.
       **/
      TooSoon: AugmentedError<ApiType>;
    };
    inference: {
      /**
       * This seat already sealed.
       **/
      AlreadyCommitted: AugmentedError<ApiType>;
      /**
       * This seat already revealed.
       **/
      AlreadyRevealed: AugmentedError<ApiType>;
      /**
       * The signature is not the key's over the commit or the commitment.
       **/
      BadAttestation: AugmentedError<ApiType>;
      /**
       * A binding asks for no rounds or more than `MAX_FEED_WINDOW`.
       **/
      BadFeedWindow: AugmentedError<ApiType>;
      /**
       * The verification level is malformed: a share above 1,000,000 ppm, or a committee of
       * 0 or more than 16 verifiers.
       **/
      BadLevel: AugmentedError<ApiType>;
      /**
       * A binding writes outside the input (no such tensor, or past its last element).
       **/
      BindingOutOfBounds: AugmentedError<ApiType>;
      /**
       * Two bindings write the same element.
       **/
      BindingsOverlap: AugmentedError<ApiType>;
      /**
       * A binding targets a `bool` tensor.
       **/
      BindingTypeUnsupported: AugmentedError<ApiType>;
      /**
       * `max_fee` is below the fee of a call of this model.
       **/
      FeeBelowPrice: AugmentedError<ApiType>;
      /**
       * A bound feed has not closed a round yet.
       **/
      FeedHasNoValue: AugmentedError<ApiType>;
      /**
       * A bound feed has kept fewer rounds than the binding asks for.
       **/
      FeedHistoryTooShort: AugmentedError<ApiType>;
      /**
       * A bound feed's value is older than its maximum age.
       **/
      FeedStale: AugmentedError<ApiType>;
      /**
       * A feed value does not fit the bound tensor's dtype.
       **/
      FeedValueOutOfRange: AugmentedError<ApiType>;
      /**
       * The fee does not fit the balance type.
       **/
      FeeOverflow: AugmentedError<ApiType>;
      /**
       * The number of input tensors differs from the model's schema.
       **/
      InputCountMismatch: AugmentedError<ApiType>;
      /**
       * An input's shape differs from the model's schema.
       **/
      InputShapeMismatch: AugmentedError<ApiType>;
      /**
       * The encoded input is larger than `MaxInputBytes`.
       **/
      InputTooLarge: AugmentedError<ApiType>;
      /**
       * An input's dtype differs from the model's schema.
       **/
      InputTypeMismatch: AugmentedError<ApiType>;
      /**
       * The requester cannot pay the fee.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * The model's owner does not allow this verification level (its `levels` bounds).
       **/
      LevelNotAllowed: AugmentedError<ApiType>;
      /**
       * An input's data length does not match its dtype and shape.
       **/
      MalformedTensor: AugmentedError<ApiType>;
      /**
       * The model is still uploading.
       **/
      ModelNotAvailable: AugmentedError<ApiType>;
      /**
       * The model is retired and takes no new requests.
       **/
      ModelRetired: AugmentedError<ApiType>;
      /**
       * A floating-point input holds NaN or infinity.
       **/
      NonFiniteInput: AugmentedError<ApiType>;
      /**
       * A revealed failure names an error that is the node's own (missing model, busy
       * engine), not an outcome of the request.
       **/
      NotAnOutcome: AugmentedError<ApiType>;
      /**
       * The key holds no seat of the request (or is no longer bonded to the seat's account).
       **/
      NotAssigned: AugmentedError<ApiType>;
      /**
       * The seat never sealed, so it has nothing to reveal.
       **/
      NotCommitted: AugmentedError<ApiType>;
      /**
       * The request is not taking seals now.
       **/
      NotCommitting: AugmentedError<ApiType>;
      /**
       * Fewer bonded inference (or verifier) nodes than the model's policy needs.
       **/
      NotEnoughNodes: AugmentedError<ApiType>;
      /**
       * The seat has no hash-only reveal left to open (none, opened already, or explained by
       * a revealed outcome with the same hash).
       **/
      NothingToOpen: AugmentedError<ApiType>;
      /**
       * The request is not taking openings now.
       **/
      NotOpening: AugmentedError<ApiType>;
      /**
       * The request is not taking reveals now.
       **/
      NotRevealing: AugmentedError<ApiType>;
      /**
       * The opened outcome is not the one whose hash the seat revealed.
       **/
      OpeningMismatch: AugmentedError<ApiType>;
      /**
       * The output does not match the model's output schema.
       **/
      OutputMismatch: AugmentedError<ApiType>;
      /**
       * An output this small must be submitted inline.
       **/
      OutputShouldBeInline: AugmentedError<ApiType>;
      /**
       * Too many requests are waiting for assignment; try again in the next block.
       **/
      QueueFull: AugmentedError<ApiType>;
      /**
       * A seat stepped aside with an error that is an outcome of the request (the model fails
       * on the input): such errors are sealed and revealed, not declined.
       **/
      ReasonIsAnOutcome: AugmentedError<ApiType>;
      /**
       * The revealed output and salt do not match the seal.
       **/
      SealMismatch: AugmentedError<ApiType>;
      /**
       * A binding names a feed that does not exist.
       **/
      UnknownFeed: AugmentedError<ApiType>;
      /**
       * No model has this id.
       **/
      UnknownModel: AugmentedError<ApiType>;
      /**
       * No request has this id (or it was pruned).
       **/
      UnknownRequest: AugmentedError<ApiType>;
      /**
       * Executors reveal their outcome; verifiers reveal only its hash
       * (`ResultOutput::Hashed`) and open it only when asked.
       **/
      WrongRevealForm: AugmentedError<ApiType>;
    };
    models: {
      /**
       * A model with this id is already registered (ids are never reused).
       **/
      AlreadyRegistered: AugmentedError<ApiType>;
      /**
       * The model is already retired.
       **/
      AlreadyRetired: AugmentedError<ApiType>;
      /**
       * This chunk was already uploaded.
       **/
      ChunkAlreadyUploaded: AugmentedError<ApiType>;
      /**
       * The number of chunk hashes does not match `size` cut into `ChunkSize` pieces.
       **/
      ChunkCountMismatch: AugmentedError<ApiType>;
      /**
       * The chunk's blake2-256 hash is not the registered one.
       **/
      ChunkHashMismatch: AugmentedError<ApiType>;
      /**
       * The model has no chunk with this index.
       **/
      ChunkIndexOutOfRange: AugmentedError<ApiType>;
      /**
       * The chunk's length is not the one its index requires.
       **/
      ChunkSizeMismatch: AugmentedError<ApiType>;
      /**
       * The declared cost is zero, or above `MaxModelOps` or `MaxModelMemory`.
       **/
      CostOutOfBounds: AugmentedError<ApiType>;
      /**
       * The model has no bytes.
       **/
      EmptyModel: AugmentedError<ApiType>;
      /**
       * The family name is empty.
       **/
      EmptyName: AugmentedError<ApiType>;
      /**
       * The model's `RetireGrace` has not passed yet.
       **/
      GraceNotOver: AugmentedError<ApiType>;
      /**
       * The owner cannot pay the deposit.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * Requests made before the retirement have not all settled yet: their nodes still need
       * the model. Purge once they have (a queued request waits at most the inference
       * pallet's `MaxQueueWait`, a seated one a few deadlines).
       **/
      InUse: AugmentedError<ApiType>;
      /**
       * The level bounds are incoherent (a share above one, more than 16 verifiers) or
       * exclude the model's own policy.
       **/
      InvalidLevels: AugmentedError<ApiType>;
      /**
       * The verification policy asks for no executor, too many nodes, a sample rate above
       * one, or sampling without verifiers.
       **/
      InvalidPolicy: AugmentedError<ApiType>;
      /**
       * A schema is empty, repeats a name, has an unnamed tensor, a zero dimension or a
       * tensor larger than the engine accepts.
       **/
      InvalidSchema: AugmentedError<ApiType>;
      /**
       * The model is larger than `MaxModelBytes`.
       **/
      ModelTooLarge: AugmentedError<ApiType>;
      /**
       * The family belongs to another account.
       **/
      NotFamilyOwner: AugmentedError<ApiType>;
      /**
       * Only the model's owner may do this.
       **/
      NotOwner: AugmentedError<ApiType>;
      /**
       * The model is not retired: only a retired model may be purged.
       **/
      NotRetired: AugmentedError<ApiType>;
      /**
       * The model is not uploading: it is already available or retired.
       **/
      NotUploading: AugmentedError<ApiType>;
      /**
       * A schema has more than `MaxSchemaTensors` tensors.
       **/
      SchemaTooLarge: AugmentedError<ApiType>;
      /**
       * No model with this id.
       **/
      UnknownModel: AugmentedError<ApiType>;
      /**
       * This family already has this version.
       **/
      VersionTaken: AugmentedError<ApiType>;
    };
    oracle: {
      /**
       * This node already revealed its value in this round.
       **/
      AlreadyRevealed: AugmentedError<ApiType>;
      /**
       * This node already committed in this round.
       **/
      AlreadySubmitted: AugmentedError<ApiType>;
      /**
       * The signature is not the key's over this commitment or value.
       **/
      BadSignature: AugmentedError<ApiType>;
      /**
       * Value and salt do not hash to the node's commitment.
       **/
      CommitmentMismatch: AugmentedError<ApiType>;
      /**
       * A round needs at least one submitter.
       **/
      NoSubmittersRequired: AugmentedError<ApiType>;
      /**
       * The key is not bound to a bonded, active data node.
       **/
      NotADataNode: AugmentedError<ApiType>;
      /**
       * This node has no commitment in this round (never made, or displaced).
       **/
      NotCommitted: AugmentedError<ApiType>;
      /**
       * The round has the most commitments it can hold, each with at least this node's
       * stake.
       **/
      RoundFull: AugmentedError<ApiType>;
      /**
       * A round lasts at least 2 blocks: one to commit, one to reveal.
       **/
      RoundTooShort: AugmentedError<ApiType>;
      /**
       * The chain has the most feeds it can take.
       **/
      TooManyFeeds: AugmentedError<ApiType>;
      /**
       * The minimum number of submitters is more than a round can hold.
       **/
      TooManySubmittersRequired: AugmentedError<ApiType>;
      /**
       * No feed has this id.
       **/
      UnknownFeed: AugmentedError<ApiType>;
      /**
       * The round is open, but not in this phase: a commitment after its commit phase, or a
       * value before its reveal phase.
       **/
      WrongPhase: AugmentedError<ApiType>;
      /**
       * The round is not the feed's open round (too late, or too early).
       **/
      WrongRound: AugmentedError<ApiType>;
      /**
       * A value lives at least one block.
       **/
      ZeroLength: AugmentedError<ApiType>;
    };
    payments: {
      /**
       * The account is already bonded (or still unbonding) for this role.
       **/
      AlreadyBonded: AugmentedError<ApiType>;
      /**
       * The proof is not the node key's signature over this chain, role and account
       * (`sibyl_primitives::key_proof_payload`).
       **/
      BadKeyProof: AugmentedError<ApiType>;
      /**
       * The amount is below the role's minimum bond.
       **/
      BondTooSmall: AugmentedError<ApiType>;
      /**
       * The request already has an escrow.
       **/
      EscrowExists: AugmentedError<ApiType>;
      /**
       * The account cannot pay the amount (free balance above the existential deposit).
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * The node key is bound to another account for this role, or (rotating) already to this
       * one.
       **/
      KeyInUse: AugmentedError<ApiType>;
      /**
       * The request has no escrow.
       **/
      NoEscrow: AugmentedError<ApiType>;
      /**
       * The account is not bonded for this role.
       **/
      NotBonded: AugmentedError<ApiType>;
      /**
       * The unbonding period has not ended yet.
       **/
      StillLocked: AugmentedError<ApiType>;
      /**
       * The role already has the most nodes it can take.
       **/
      TooManyNodes: AugmentedError<ApiType>;
      /**
       * The account rotated its key for this role too often within `UnbondingPeriod`.
       **/
      TooManyRotations: AugmentedError<ApiType>;
      /**
       * The bond is unbonding; it cannot grow or unbond again.
       **/
      Unbonding: AugmentedError<ApiType>;
      /**
       * The amount is zero.
       **/
      ZeroAmount: AugmentedError<ApiType>;
    };
    schedules: {
      /**
       * `max_runs` is 0 or above `MaxRuns`.
       **/
      BadRunCount: AugmentedError<ApiType>;
      /**
       * `max_runs × max_fee_per_run` does not fit the balance type.
       **/
      BudgetOverflow: AugmentedError<ApiType>;
      /**
       * The encoded input template is larger than `MaxInputBytes`.
       **/
      InputTooLarge: AugmentedError<ApiType>;
      /**
       * The owner cannot hold the budget.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * `max_fee_per_run` is below what a run costs now (`Inference`'s quote at the level);
       * also the reason a run is skipped when the quote rose above it.
       **/
      MaxFeeBelowQuote: AugmentedError<ApiType>;
      /**
       * `MaxSchedules` schedules are running.
       **/
      NoRoomForSchedules: AugmentedError<ApiType>;
      /**
       * Only the schedule's owner may do this.
       **/
      NotOwner: AugmentedError<ApiType>;
      /**
       * `every` is below `MinPeriod`.
       **/
      PeriodTooShort: AugmentedError<ApiType>;
      /**
       * The account holds `MaxSchedulesPerAccount` schedules (remove ended ones with
       * `cancel`).
       **/
      TooManySchedules: AugmentedError<ApiType>;
      /**
       * No schedule has this id (or it was removed).
       **/
      UnknownSchedule: AugmentedError<ApiType>;
    };
    session: {
      /**
       * Registered duplicate key.
       **/
      DuplicatedKey: AugmentedError<ApiType>;
      /**
       * Invalid ownership proof.
       **/
      InvalidProof: AugmentedError<ApiType>;
      /**
       * Key setting account is not live, so it's impossible to associate keys.
       **/
      NoAccount: AugmentedError<ApiType>;
      /**
       * No associated validator ID for account.
       **/
      NoAssociatedValidatorId: AugmentedError<ApiType>;
      /**
       * No keys are associated with this account.
       **/
      NoKeys: AugmentedError<ApiType>;
    };
    sudo: {
      /**
       * Sender must be the Sudo account.
       **/
      RequireSudo: AugmentedError<ApiType>;
    };
    system: {
      /**
       * The origin filter prevent the call to be dispatched.
       **/
      CallFiltered: AugmentedError<ApiType>;
      /**
       * Failed to extract the runtime version from the new runtime.
       * 
       * Either calling `Core_version` or decoding `RuntimeVersion` failed.
       **/
      FailedToExtractRuntimeVersion: AugmentedError<ApiType>;
      /**
       * The name of specification does not match between the current runtime
       * and the new runtime.
       **/
      InvalidSpecName: AugmentedError<ApiType>;
      /**
       * A multi-block migration is ongoing and prevents the current code from being replaced.
       **/
      MultiBlockMigrationsOngoing: AugmentedError<ApiType>;
      /**
       * Suicide called when the account has non-default composite data.
       **/
      NonDefaultComposite: AugmentedError<ApiType>;
      /**
       * There is a non-zero reference count preventing the account from being purged.
       **/
      NonZeroRefCount: AugmentedError<ApiType>;
      /**
       * No upgrade authorized.
       **/
      NothingAuthorized: AugmentedError<ApiType>;
      /**
       * The specification version is not allowed to decrease between the current runtime
       * and the new runtime.
       **/
      SpecVersionNeedsToIncrease: AugmentedError<ApiType>;
      /**
       * The submitted code is not authorized.
       **/
      Unauthorized: AugmentedError<ApiType>;
    };
    utility: {
      /**
       * Too many calls batched.
       **/
      TooManyCalls: AugmentedError<ApiType>;
    };
  } // AugmentedErrors
} // declare module
