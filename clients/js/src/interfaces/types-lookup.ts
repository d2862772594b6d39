// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/lookup';

import type { BTreeMap, Bytes, Compact, Enum, Null, Option, Result, Struct, Text, U8aFixed, Vec, bool, i128, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { Event } from '@polkadot/types/interfaces/system';

declare module '@polkadot/types/lookup' {
  /** @name FrameSystemCall (9) */
  interface FrameSystemCall extends Enum {
    readonly isRemark: boolean;
    readonly asRemark: {
      readonly remark: Bytes;
    } & Struct;
    readonly isSetHeapPages: boolean;
    readonly asSetHeapPages: {
      readonly pages: u64;
    } & Struct;
    readonly isSetCode: boolean;
    readonly asSetCode: {
      readonly code: Bytes;
    } & Struct;
    readonly isSetCodeWithoutChecks: boolean;
    readonly asSetCodeWithoutChecks: {
      readonly code: Bytes;
    } & Struct;
    readonly isSetStorage: boolean;
    readonly asSetStorage: {
      readonly items: Vec<ITuple<[Bytes, Bytes]>>;
    } & Struct;
    readonly isKillStorage: boolean;
    readonly asKillStorage: {
      readonly keys_: Vec<Bytes>;
    } & Struct;
    readonly isKillPrefix: boolean;
    readonly asKillPrefix: {
      readonly prefix: Bytes;
      readonly subkeys: u32;
    } & Struct;
    readonly isRemarkWithEvent: boolean;
    readonly asRemarkWithEvent: {
      readonly remark: Bytes;
    } & Struct;
    readonly isAuthorizeUpgrade: boolean;
    readonly asAuthorizeUpgrade: {
      readonly codeHash: H256;
    } & Struct;
    readonly isAuthorizeUpgradeWithoutChecks: boolean;
    readonly asAuthorizeUpgradeWithoutChecks: {
      readonly codeHash: H256;
    } & Struct;
    readonly isApplyAuthorizedUpgrade: boolean;
    readonly asApplyAuthorizedUpgrade: {
      readonly code: Bytes;
    } & Struct;
    readonly type: 'Remark' | 'SetHeapPages' | 'SetCode' | 'SetCodeWithoutChecks' | 'SetStorage' | 'KillStorage' | 'KillPrefix' | 'RemarkWithEvent' | 'AuthorizeUpgrade' | 'AuthorizeUpgradeWithoutChecks' | 'ApplyAuthorizedUpgrade';
  }

  /** @name PalletTimestampCall (16) */
  interface PalletTimestampCall extends Enum {
    readonly isSet: boolean;
    readonly asSet: {
      readonly now: Compact<u64>;
    } & Struct;
    readonly type: 'Set';
  }

  /** @name PalletBabeCall (18) */
  interface PalletBabeCall extends Enum {
    readonly isReportEquivocation: boolean;
    readonly asReportEquivocation: {
      readonly equivocationProof: SpConsensusSlotsEquivocationProof;
      readonly keyOwnerProof: SpSessionMembershipProof;
    } & Struct;
    readonly isReportEquivocationUnsigned: boolean;
    readonly asReportEquivocationUnsigned: {
      readonly equivocationProof: SpConsensusSlotsEquivocationProof;
      readonly keyOwnerProof: SpSessionMembershipProof;
    } & Struct;
    readonly isPlanConfigChange: boolean;
    readonly asPlanConfigChange: {
      readonly config: SpConsensusBabeDigestsNextConfigDescriptor;
    } & Struct;
    readonly type: 'ReportEquivocation' | 'ReportEquivocationUnsigned' | 'PlanConfigChange';
  }

  /** @name SpConsensusSlotsEquivocationProof (19) */
  interface SpConsensusSlotsEquivocationProof extends Struct {
    readonly offender: SpConsensusBabeAppPublic;
    readonly slot: u64;
    readonly firstHeader: SpRuntimeHeader;
    readonly secondHeader: SpRuntimeHeader;
  }

  /** @name SpRuntimeHeader (20) */
  interface SpRuntimeHeader extends Struct {
    readonly parentHash: H256;
    readonly number: Compact<u32>;
    readonly stateRoot: H256;
    readonly extrinsicsRoot: H256;
    readonly digest: SpRuntimeDigest;
  }

  /** @name SpRuntimeDigest (22) */
  interface SpRuntimeDigest extends Struct {
    readonly logs: Vec<SpRuntimeDigestDigestItem>;
  }

  /** @name SpRuntimeDigestDigestItem (24) */
  interface SpRuntimeDigestDigestItem extends Enum {
    readonly isOther: boolean;
    readonly asOther: Bytes;
    readonly isConsensus: boolean;
    readonly asConsensus: ITuple<[U8aFixed, Bytes]>;
    readonly isSeal: boolean;
    readonly asSeal: ITuple<[U8aFixed, Bytes]>;
    readonly isPreRuntime: boolean;
    readonly asPreRuntime: ITuple<[U8aFixed, Bytes]>;
    readonly isRuntimeEnvironmentUpdated: boolean;
    readonly type: 'Other' | 'Consensus' | 'Seal' | 'PreRuntime' | 'RuntimeEnvironmentUpdated';
  }

  /** @name SpConsensusBabeAppPublic (26) */
  interface SpConsensusBabeAppPublic extends U8aFixed {}

  /** @name SpSessionMembershipProof (28) */
  interface SpSessionMembershipProof extends Struct {
    readonly session: u32;
    readonly trieNodes: Vec<Bytes>;
    readonly validatorCount: u32;
  }

  /** @name SpConsensusBabeDigestsNextConfigDescriptor (29) */
  interface SpConsensusBabeDigestsNextConfigDescriptor extends Enum {
    readonly isV1: boolean;
    readonly asV1: {
      readonly c: ITuple<[u64, u64]>;
      readonly allowedSlots: SpConsensusBabeAllowedSlots;
    } & Struct;
    readonly type: 'V1';
  }

  /** @name SpConsensusBabeAllowedSlots (31) */
  interface SpConsensusBabeAllowedSlots extends Enum {
    readonly isPrimarySlots: boolean;
    readonly isPrimaryAndSecondaryPlainSlots: boolean;
    readonly isPrimaryAndSecondaryVRFSlots: boolean;
    readonly type: 'PrimarySlots' | 'PrimaryAndSecondaryPlainSlots' | 'PrimaryAndSecondaryVRFSlots';
  }

  /** @name PalletGrandpaCall (32) */
  interface PalletGrandpaCall extends Enum {
    readonly isReportEquivocation: boolean;
    readonly asReportEquivocation: {
      readonly equivocationProof: SpConsensusGrandpaEquivocationProof;
      readonly keyOwnerProof: SpSessionMembershipProof;
    } & Struct;
    readonly isReportEquivocationUnsigned: boolean;
    readonly asReportEquivocationUnsigned: {
      readonly equivocationProof: SpConsensusGrandpaEquivocationProof;
      readonly keyOwnerProof: SpSessionMembershipProof;
    } & Struct;
    readonly isNoteStalled: boolean;
    readonly asNoteStalled: {
      readonly delay: u32;
      readonly bestFinalizedBlockNumber: u32;
    } & Struct;
    readonly type: 'ReportEquivocation' | 'ReportEquivocationUnsigned' | 'NoteStalled';
  }

  /** @name SpConsensusGrandpaEquivocationProof (33) */
  interface SpConsensusGrandpaEquivocationProof extends Struct {
    readonly setId: u64;
    readonly equivocation: SpConsensusGrandpaEquivocation;
  }

  /** @name SpConsensusGrandpaEquivocation (34) */
  interface SpConsensusGrandpaEquivocation extends Enum {
    readonly isPrevote: boolean;
    readonly asPrevote: FinalityGrandpaEquivocationPrevote;
    readonly isPrecommit: boolean;
    readonly asPrecommit: FinalityGrandpaEquivocationPrecommit;
    readonly type: 'Prevote' | 'Precommit';
  }

  /** @name FinalityGrandpaEquivocationPrevote (35) */
  interface FinalityGrandpaEquivocationPrevote extends Struct {
    readonly roundNumber: u64;
    readonly identity: SpConsensusGrandpaAppPublic;
    readonly first: ITuple<[FinalityGrandpaPrevote, SpConsensusGrandpaAppSignature]>;
    readonly second: ITuple<[FinalityGrandpaPrevote, SpConsensusGrandpaAppSignature]>;
  }

  /** @name SpConsensusGrandpaAppPublic (36) */
  interface SpConsensusGrandpaAppPublic extends U8aFixed {}

  /** @name FinalityGrandpaPrevote (37) */
  interface FinalityGrandpaPrevote extends Struct {
    readonly targetHash: H256;
    readonly targetNumber: u32;
  }

  /** @name SpConsensusGrandpaAppSignature (38) */
  interface SpConsensusGrandpaAppSignature extends U8aFixed {}

  /** @name FinalityGrandpaEquivocationPrecommit (41) */
  interface FinalityGrandpaEquivocationPrecommit extends Struct {
    readonly roundNumber: u64;
    readonly identity: SpConsensusGrandpaAppPublic;
    readonly first: ITuple<[FinalityGrandpaPrecommit, SpConsensusGrandpaAppSignature]>;
    readonly second: ITuple<[FinalityGrandpaPrecommit, SpConsensusGrandpaAppSignature]>;
  }

  /** @name FinalityGrandpaPrecommit (42) */
  interface FinalityGrandpaPrecommit extends Struct {
    readonly targetHash: H256;
    readonly targetNumber: u32;
  }

  /** @name PalletBalancesCall (44) */
  interface PalletBalancesCall extends Enum {
    readonly isTransferAllowDeath: boolean;
    readonly asTransferAllowDeath: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isForceTransfer: boolean;
    readonly asForceTransfer: {
      readonly source: MultiAddress;
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferKeepAlive: boolean;
    readonly asTransferKeepAlive: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferAll: boolean;
    readonly asTransferAll: {
      readonly dest: MultiAddress;
      readonly keepAlive: bool;
    } & Struct;
    readonly isForceUnreserve: boolean;
    readonly asForceUnreserve: {
      readonly who: MultiAddress;
      readonly amount: u128;
    } & Struct;
    readonly isUpgradeAccounts: boolean;
    readonly asUpgradeAccounts: {
      readonly who: Vec<AccountId32>;
    } & Struct;
    readonly isForceSetBalance: boolean;
    readonly asForceSetBalance: {
      readonly who: MultiAddress;
      readonly newFree: Compact<u128>;
    } & Struct;
    readonly isForceAdjustTotalIssuance: boolean;
    readonly asForceAdjustTotalIssuance: {
      readonly direction: PalletBalancesAdjustmentDirection;
      readonly delta: Compact<u128>;
    } & Struct;
    readonly isBurn: boolean;
    readonly asBurn: {
      readonly value: Compact<u128>;
      readonly keepAlive: bool;
    } & Struct;
    readonly type: 'TransferAllowDeath' | 'ForceTransfer' | 'TransferKeepAlive' | 'TransferAll' | 'ForceUnreserve' | 'UpgradeAccounts' | 'ForceSetBalance' | 'ForceAdjustTotalIssuance' | 'Burn';
  }

  /** @name PalletBalancesAdjustmentDirection (49) */
  interface PalletBalancesAdjustmentDirection extends Enum {
    readonly isIncrease: boolean;
    readonly isDecrease: boolean;
    readonly type: 'Increase' | 'Decrease';
  }

  /** @name PalletSudoCall (50) */
  interface PalletSudoCall extends Enum {
    readonly isSudo: boolean;
    readonly asSudo: {
      readonly call: Call;
    } & Struct;
    readonly isSudoUncheckedWeight: boolean;
    readonly asSudoUncheckedWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly isSetKey: boolean;
    readonly asSetKey: {
      readonly new_: MultiAddress;
    } & Struct;
    readonly isSudoAs: boolean;
    readonly asSudoAs: {
      readonly who: MultiAddress;
      readonly call: Call;
    } & Struct;
    readonly isRemoveKey: boolean;
    readonly type: 'Sudo' | 'SudoUncheckedWeight' | 'SetKey' | 'SudoAs' | 'RemoveKey';
  }

  /** @name SpWeightsWeightV2Weight (51) */
  interface SpWeightsWeightV2Weight extends Struct {
    readonly refTime: Compact<u64>;
    readonly proofSize: Compact<u64>;
  }

  /** @name PalletUtilityCall (52) */
  interface PalletUtilityCall extends Enum {
    readonly isBatch: boolean;
    readonly asBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isAsDerivative: boolean;
    readonly asAsDerivative: {
      readonly index: u16;
      readonly call: Call;
    } & Struct;
    readonly isBatchAll: boolean;
    readonly asBatchAll: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isDispatchAs: boolean;
    readonly asDispatchAs: {
      readonly asOrigin: SibylRuntimeOriginCaller;
      readonly call: Call;
    } & Struct;
    readonly isForceBatch: boolean;
    readonly asForceBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isWithWeight: boolean;
    readonly asWithWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly isIfElse: boolean;
    readonly asIfElse: {
      readonly main: Call;
      readonly fallback: Call;
    } & Struct;
    readonly isDispatchAsFallible: boolean;
    readonly asDispatchAsFallible: {
      readonly asOrigin: SibylRuntimeOriginCaller;
      readonly call: Call;
    } & Struct;
    readonly type: 'Batch' | 'AsDerivative' | 'BatchAll' | 'DispatchAs' | 'ForceBatch' | 'WithWeight' | 'IfElse' | 'DispatchAsFallible';
  }

  /** @name SibylRuntimeOriginCaller (55) */
  interface SibylRuntimeOriginCaller extends Enum {
    readonly isSystem: boolean;
    readonly asSystem: FrameSupportDispatchRawOrigin;
    readonly type: 'System';
  }

  /** @name FrameSupportDispatchRawOrigin (56) */
  interface FrameSupportDispatchRawOrigin extends Enum {
    readonly isRoot: boolean;
    readonly isSigned: boolean;
    readonly asSigned: AccountId32;
    readonly isNone: boolean;
    readonly isAuthorized: boolean;
    readonly type: 'Root' | 'Signed' | 'None' | 'Authorized';
  }

  /** @name PalletModelsCall (57) */
  interface PalletModelsCall extends Enum {
    readonly isRegister: boolean;
    readonly asRegister: {
      readonly meta: PalletModelsModelMeta;
    } & Struct;
    readonly isUploadChunk: boolean;
    readonly asUploadChunk: {
      readonly id: SibylPrimitivesModelModelId;
      readonly index: u32;
      readonly bytes: Bytes;
    } & Struct;
    readonly isRetire: boolean;
    readonly asRetire: {
      readonly id: SibylPrimitivesModelModelId;
    } & Struct;
    readonly isSetLevels: boolean;
    readonly asSetLevels: {
      readonly id: SibylPrimitivesModelModelId;
      readonly levels: SibylPrimitivesRegistryLevelBounds;
    } & Struct;
    readonly isPurge: boolean;
    readonly asPurge: {
      readonly id: SibylPrimitivesModelModelId;
    } & Struct;
    readonly type: 'Register' | 'UploadChunk' | 'Retire' | 'SetLevels' | 'Purge';
  }

  /** @name PalletModelsModelMeta (58) */
  interface PalletModelsModelMeta extends Struct {
    readonly id: SibylPrimitivesModelModelId;
    readonly size_: u32;
    readonly chunkHashes: Vec<H256>;
    readonly name: Bytes;
    readonly version: u32;
    readonly inputs: Vec<SibylPrimitivesRegistryTensorSpec>;
    readonly outputs: Vec<SibylPrimitivesRegistryTensorSpec>;
    readonly price: u128;
    readonly policy: SibylPrimitivesRegistryVerificationPolicy;
    readonly levels: SibylPrimitivesRegistryLevelBounds;
    readonly cost: SibylPrimitivesRegistryModelCost;
  }

  /** @name SibylPrimitivesModelModelId (61) */
  interface SibylPrimitivesModelModelId extends U8aFixed {}

  /** @name SibylPrimitivesRegistryTensorSpec (64) */
  interface SibylPrimitivesRegistryTensorSpec extends Struct {
    readonly name: Bytes;
    readonly dtype: SibylPrimitivesTensorDType;
    readonly shape: Vec<u32>;
  }

  /** @name SibylPrimitivesTensorDType (65) */
  interface SibylPrimitivesTensorDType extends Enum {
    readonly isF32: boolean;
    readonly isF64: boolean;
    readonly isI64: boolean;
    readonly isI32: boolean;
    readonly isI8: boolean;
    readonly isU8: boolean;
    readonly isBool: boolean;
    readonly type: 'F32' | 'F64' | 'I64' | 'I32' | 'I8' | 'U8' | 'Bool';
  }

  /** @name SibylPrimitivesRegistryVerificationPolicy (69) */
  interface SibylPrimitivesRegistryVerificationPolicy extends Struct {
    readonly replicas: u8;
    readonly verifiers: u8;
    readonly samplePpm: u32;
    readonly tolerance: SibylPrimitivesRegistryTolerance;
  }

  /** @name SibylPrimitivesRegistryTolerance (70) */
  interface SibylPrimitivesRegistryTolerance extends Enum {
    readonly isExact: boolean;
    readonly isWithin: boolean;
    readonly asWithin: {
      readonly absPpb: u32;
      readonly relPpb: u32;
    } & Struct;
    readonly isTopK: boolean;
    readonly asTopK: {
      readonly k: u8;
    } & Struct;
    readonly type: 'Exact' | 'Within' | 'TopK';
  }

  /** @name SibylPrimitivesRegistryLevelBounds (71) */
  interface SibylPrimitivesRegistryLevelBounds extends Struct {
    readonly minSamplePpm: u32;
    readonly maxVerifiers: u8;
  }

  /** @name SibylPrimitivesRegistryModelCost (72) */
  interface SibylPrimitivesRegistryModelCost extends Struct {
    readonly ops: u64;
    readonly memory: u64;
  }

  /** @name PalletPaymentsCall (74) */
  interface PalletPaymentsCall extends Enum {
    readonly isBond: boolean;
    readonly asBond: {
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
      readonly key: U8aFixed;
      readonly proof: U8aFixed;
    } & Struct;
    readonly isBondExtra: boolean;
    readonly asBondExtra: {
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
    } & Struct;
    readonly isUnbond: boolean;
    readonly asUnbond: {
      readonly role: SibylPrimitivesRolesRole;
    } & Struct;
    readonly isWithdrawUnbonded: boolean;
    readonly asWithdrawUnbonded: {
      readonly role: SibylPrimitivesRolesRole;
    } & Struct;
    readonly isRotateKey: boolean;
    readonly asRotateKey: {
      readonly role: SibylPrimitivesRolesRole;
      readonly key: U8aFixed;
      readonly proof: U8aFixed;
    } & Struct;
    readonly type: 'Bond' | 'BondExtra' | 'Unbond' | 'WithdrawUnbonded' | 'RotateKey';
  }

  /** @name SibylPrimitivesRolesRole (75) */
  interface SibylPrimitivesRolesRole extends Enum {
    readonly isInference: boolean;
    readonly isVerifier: boolean;
    readonly isData: boolean;
    readonly type: 'Inference' | 'Verifier' | 'Data';
  }

  /** @name PalletInferenceCall (76) */
  interface PalletInferenceCall extends Enum {
    readonly isRequest: boolean;
    readonly asRequest: {
      readonly model: SibylPrimitivesModelModelId;
      readonly input: Vec<SibylPrimitivesTensor>;
      readonly maxFee: u128;
      readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    } & Struct;
    readonly isCommit: boolean;
    readonly asCommit: {
      readonly id: u64;
      readonly key: U8aFixed;
      readonly seal: H256;
      readonly signature: U8aFixed;
    } & Struct;
    readonly isDecline: boolean;
    readonly asDecline: {
      readonly id: u64;
      readonly key: U8aFixed;
      readonly reason: SibylPrimitivesModelInferenceError;
      readonly signature: U8aFixed;
    } & Struct;
    readonly isReveal: boolean;
    readonly asReveal: {
      readonly id: u64;
      readonly key: U8aFixed;
      readonly output: SibylPrimitivesRequestResultOutput;
      readonly salt: U8aFixed;
      readonly attestation: U8aFixed;
    } & Struct;
    readonly isRequestWithFeeds: boolean;
    readonly asRequestWithFeeds: {
      readonly model: SibylPrimitivesModelModelId;
      readonly input: Vec<SibylPrimitivesTensor>;
      readonly bindings: Vec<SibylPrimitivesOracleFeedBinding>;
      readonly maxFee: u128;
      readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    } & Struct;
    readonly isOpen: boolean;
    readonly asOpen: {
      readonly id: u64;
      readonly key: U8aFixed;
      readonly output: SibylPrimitivesRequestResultOutput;
      readonly signature: U8aFixed;
    } & Struct;
    readonly type: 'Request' | 'Commit' | 'Decline' | 'Reveal' | 'RequestWithFeeds' | 'Open';
  }

  /** @name SibylPrimitivesTensor (78) */
  interface SibylPrimitivesTensor extends Struct {
    readonly dtype: SibylPrimitivesTensorDType;
    readonly shape: Vec<u32>;
    readonly data: Bytes;
  }

  /** @name SibylPrimitivesRegistryVerificationLevel (82) */
  interface SibylPrimitivesRegistryVerificationLevel extends Enum {
    readonly isUnverified: boolean;
    readonly isSampled: boolean;
    readonly asSampled: u32;
    readonly isCommittee: boolean;
    readonly asCommittee: u8;
    readonly type: 'Unverified' | 'Sampled' | 'Committee';
  }

  /** @name SibylPrimitivesOracleFeedBinding (84) */
  interface SibylPrimitivesOracleFeedBinding extends Struct {
    readonly feed: u32;
    readonly rounds: u32;
    readonly tensor: u32;
    readonly offset: u32;
  }

  /** @name SibylPrimitivesModelInferenceError (87) */
  interface SibylPrimitivesModelInferenceError extends Enum {
    readonly isUnavailable: boolean;
    readonly isModelNotFound: boolean;
    readonly isModelHashMismatch: boolean;
    readonly isInvalidModel: boolean;
    readonly isModelTooLarge: boolean;
    readonly isUnsupportedOperator: boolean;
    readonly isUnboundedShape: boolean;
    readonly isInputCountMismatch: boolean;
    readonly isInputTypeMismatch: boolean;
    readonly isInputShapeMismatch: boolean;
    readonly isInvalidInput: boolean;
    readonly isNonFiniteInput: boolean;
    readonly isInputTooLarge: boolean;
    readonly isOutputTooLarge: boolean;
    readonly isTimeout: boolean;
    readonly isBusy: boolean;
    readonly isExecutionFailed: boolean;
    readonly isNonFiniteOutput: boolean;
    readonly isOutputSchemaMismatch: boolean;
    readonly isEngineMismatch: boolean;
    readonly isOverBudget: boolean;
    readonly isResourceLimit: boolean;
    readonly type: 'Unavailable' | 'ModelNotFound' | 'ModelHashMismatch' | 'InvalidModel' | 'ModelTooLarge' | 'UnsupportedOperator' | 'UnboundedShape' | 'InputCountMismatch' | 'InputTypeMismatch' | 'InputShapeMismatch' | 'InvalidInput' | 'NonFiniteInput' | 'InputTooLarge' | 'OutputTooLarge' | 'Timeout' | 'Busy' | 'ExecutionFailed' | 'NonFiniteOutput' | 'OutputSchemaMismatch' | 'EngineMismatch' | 'OverBudget' | 'ResourceLimit';
  }

  /** @name SibylPrimitivesRequestResultOutput (88) */
  interface SibylPrimitivesRequestResultOutput extends Enum {
    readonly isInline: boolean;
    readonly asInline: Bytes;
    readonly isStored: boolean;
    readonly asStored: {
      readonly hash_: H256;
      readonly len: u32;
    } & Struct;
    readonly isFailed: boolean;
    readonly asFailed: SibylPrimitivesModelInferenceError;
    readonly isHashed: boolean;
    readonly asHashed: H256;
    readonly type: 'Inline' | 'Stored' | 'Failed' | 'Hashed';
  }

  /** @name PalletOracleCall (90) */
  interface PalletOracleCall extends Enum {
    readonly isCreateFeed: boolean;
    readonly asCreateFeed: {
      readonly description: Bytes;
      readonly decimals: u8;
      readonly minSubmitters: u32;
      readonly roundLength: u32;
      readonly maxDeviationPpm: u32;
      readonly maxAge: u32;
    } & Struct;
    readonly isRemoveFeed: boolean;
    readonly asRemoveFeed: {
      readonly feed: u32;
    } & Struct;
    readonly isCommit: boolean;
    readonly asCommit: {
      readonly feed: u32;
      readonly round: u32;
      readonly commitment: H256;
      readonly key: U8aFixed;
      readonly signature: U8aFixed;
    } & Struct;
    readonly isReveal: boolean;
    readonly asReveal: {
      readonly feed: u32;
      readonly round: u32;
      readonly value: i128;
      readonly salt: U8aFixed;
      readonly key: U8aFixed;
      readonly signature: U8aFixed;
    } & Struct;
    readonly type: 'CreateFeed' | 'RemoveFeed' | 'Commit' | 'Reveal';
  }

  /** @name PalletSchedulesCall (93) */
  interface PalletSchedulesCall extends Enum {
    readonly isSchedule: boolean;
    readonly asSchedule: {
      readonly model: SibylPrimitivesModelModelId;
      readonly input: Vec<SibylPrimitivesTensor>;
      readonly bindings: Vec<SibylPrimitivesOracleFeedBinding>;
      readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
      readonly every: u32;
      readonly maxRuns: u32;
      readonly maxFeePerRun: u128;
    } & Struct;
    readonly isCancel: boolean;
    readonly asCancel: {
      readonly id: u64;
    } & Struct;
    readonly type: 'Schedule' | 'Cancel';
  }

  /** @name PalletCollatorSelectionCall (94) */
  interface PalletCollatorSelectionCall extends Enum {
    readonly isSetInvulnerables: boolean;
    readonly asSetInvulnerables: {
      readonly new_: Vec<AccountId32>;
    } & Struct;
    readonly isSetDesiredCandidates: boolean;
    readonly asSetDesiredCandidates: {
      readonly max: u32;
    } & Struct;
    readonly isSetCandidacyBond: boolean;
    readonly asSetCandidacyBond: {
      readonly bond: u128;
    } & Struct;
    readonly isRegisterAsCandidate: boolean;
    readonly isLeaveIntent: boolean;
    readonly isAddInvulnerable: boolean;
    readonly asAddInvulnerable: {
      readonly who: AccountId32;
    } & Struct;
    readonly isRemoveInvulnerable: boolean;
    readonly asRemoveInvulnerable: {
      readonly who: AccountId32;
    } & Struct;
    readonly isUpdateBond: boolean;
    readonly asUpdateBond: {
      readonly newDeposit: u128;
    } & Struct;
    readonly isTakeCandidateSlot: boolean;
    readonly asTakeCandidateSlot: {
      readonly deposit: u128;
      readonly target: AccountId32;
    } & Struct;
    readonly type: 'SetInvulnerables' | 'SetDesiredCandidates' | 'SetCandidacyBond' | 'RegisterAsCandidate' | 'LeaveIntent' | 'AddInvulnerable' | 'RemoveInvulnerable' | 'UpdateBond' | 'TakeCandidateSlot';
  }

  /** @name PalletSessionCall (95) */
  interface PalletSessionCall extends Enum {
    readonly isSetKeys: boolean;
    readonly asSetKeys: {
      readonly keys_: SibylRuntimeOpaqueSessionKeys;
      readonly proof: Bytes;
    } & Struct;
    readonly isPurgeKeys: boolean;
    readonly type: 'SetKeys' | 'PurgeKeys';
  }

  /** @name SibylRuntimeOpaqueSessionKeys (96) */
  interface SibylRuntimeOpaqueSessionKeys extends Struct {
    readonly babe: SpConsensusBabeAppPublic;
    readonly grandpa: SpConsensusGrandpaAppPublic;
  }

  /** @name SpRuntimeMultiSignature (97) */
  interface SpRuntimeMultiSignature extends Enum {
    readonly isEd25519: boolean;
    readonly asEd25519: U8aFixed;
    readonly isSr25519: boolean;
    readonly asSr25519: U8aFixed;
    readonly isEcdsa: boolean;
    readonly asEcdsa: U8aFixed;
    readonly isEth: boolean;
    readonly asEth: U8aFixed;
    readonly type: 'Ed25519' | 'Sr25519' | 'Ecdsa' | 'Eth';
  }

  /** @name FrameSystemExtensionsAuthorizeCall (99) */
  type FrameSystemExtensionsAuthorizeCall = Null;

  /** @name FrameSystemExtensionsCheckNonZeroSender (100) */
  type FrameSystemExtensionsCheckNonZeroSender = Null;

  /** @name FrameSystemExtensionsCheckSpecVersion (101) */
  type FrameSystemExtensionsCheckSpecVersion = Null;

  /** @name FrameSystemExtensionsCheckTxVersion (102) */
  type FrameSystemExtensionsCheckTxVersion = Null;

  /** @name FrameSystemExtensionsCheckGenesis (103) */
  type FrameSystemExtensionsCheckGenesis = Null;

  /** @name FrameSystemExtensionsCheckNonce (106) */
  interface FrameSystemExtensionsCheckNonce extends Compact<u32> {}

  /** @name FrameSystemExtensionsCheckWeight (107) */
  type FrameSystemExtensionsCheckWeight = Null;

  /** @name PalletTransactionPaymentChargeTransactionPayment (108) */
  interface PalletTransactionPaymentChargeTransactionPayment extends Compact<u128> {}

  /** @name FrameMetadataHashExtensionCheckMetadataHash (109) */
  interface FrameMetadataHashExtensionCheckMetadataHash extends Struct {
    readonly mode: FrameMetadataHashExtensionMode;
  }

  /** @name FrameMetadataHashExtensionMode (110) */
  interface FrameMetadataHashExtensionMode extends Enum {
    readonly isDisabled: boolean;
    readonly isEnabled: boolean;
    readonly type: 'Disabled' | 'Enabled';
  }

  /** @name PalletInferenceExtensionSeatsLeft (112) */
  type PalletInferenceExtensionSeatsLeft = Null;

  /** @name FrameSystemExtensionsWeightReclaim (113) */
  type FrameSystemExtensionsWeightReclaim = Null;

  /** @name FrameSystemAccountInfo (115) */
  interface FrameSystemAccountInfo extends Struct {
    readonly nonce: u32;
    readonly consumers: u32;
    readonly providers: u32;
    readonly sufficients: u32;
    readonly data: PalletBalancesAccountData;
  }

  /** @name PalletBalancesAccountData (116) */
  interface PalletBalancesAccountData extends Struct {
    readonly free: u128;
    readonly reserved: u128;
    readonly frozen: u128;
    readonly flags: u128;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeight (118) */
  interface FrameSupportDispatchPerDispatchClassWeight extends Struct {
    readonly normal: SpWeightsWeightV2Weight;
    readonly operational: SpWeightsWeightV2Weight;
    readonly mandatory: SpWeightsWeightV2Weight;
  }

  /** @name FrameSystemEventRecord (120) */
  interface FrameSystemEventRecord extends Struct {
    readonly phase: FrameSystemPhase;
    readonly event: Event;
    readonly topics: Vec<H256>;
  }

  /** @name FrameSystemEvent (122) */
  interface FrameSystemEvent extends Enum {
    readonly isExtrinsicSuccess: boolean;
    readonly asExtrinsicSuccess: {
      readonly dispatchInfo: FrameSystemDispatchEventInfo;
    } & Struct;
    readonly isExtrinsicFailed: boolean;
    readonly asExtrinsicFailed: {
      readonly dispatchError: SpRuntimeDispatchError;
      readonly dispatchInfo: FrameSystemDispatchEventInfo;
    } & Struct;
    readonly isCodeUpdated: boolean;
    readonly asCodeUpdated: {
      readonly hash_: H256;
    } & Struct;
    readonly isNewAccount: boolean;
    readonly asNewAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isKilledAccount: boolean;
    readonly asKilledAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isRemarked: boolean;
    readonly asRemarked: {
      readonly sender: AccountId32;
      readonly hash_: H256;
    } & Struct;
    readonly isUpgradeAuthorized: boolean;
    readonly asUpgradeAuthorized: {
      readonly codeHash: H256;
      readonly checkVersion: bool;
    } & Struct;
    readonly isRejectedInvalidAuthorizedUpgrade: boolean;
    readonly asRejectedInvalidAuthorizedUpgrade: {
      readonly codeHash: H256;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly type: 'ExtrinsicSuccess' | 'ExtrinsicFailed' | 'CodeUpdated' | 'NewAccount' | 'KilledAccount' | 'Remarked' | 'UpgradeAuthorized' | 'RejectedInvalidAuthorizedUpgrade';
  }

  /** @name FrameSystemDispatchEventInfo (123) */
  interface FrameSystemDispatchEventInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly paysFee: FrameSupportDispatchPays;
  }

  /** @name FrameSupportDispatchDispatchClass (124) */
  interface FrameSupportDispatchDispatchClass extends Enum {
    readonly isNormal: boolean;
    readonly isOperational: boolean;
    readonly isMandatory: boolean;
    readonly type: 'Normal' | 'Operational' | 'Mandatory';
  }

  /** @name FrameSupportDispatchPays (125) */
  interface FrameSupportDispatchPays extends Enum {
    readonly isYes: boolean;
    readonly isNo: boolean;
    readonly type: 'Yes' | 'No';
  }

  /** @name SpRuntimeDispatchError (126) */
  interface SpRuntimeDispatchError extends Enum {
    readonly isOther: boolean;
    readonly isCannotLookup: boolean;
    readonly isBadOrigin: boolean;
    readonly isModule: boolean;
    readonly asModule: SpRuntimeModuleError;
    readonly isConsumerRemaining: boolean;
    readonly isNoProviders: boolean;
    readonly isTooManyConsumers: boolean;
    readonly isToken: boolean;
    readonly asToken: SpRuntimeTokenError;
    readonly isArithmetic: boolean;
    readonly asArithmetic: SpArithmeticArithmeticError;
    readonly isTransactional: boolean;
    readonly asTransactional: SpRuntimeTransactionalError;
    readonly isExhausted: boolean;
    readonly isCorruption: boolean;
    readonly isUnavailable: boolean;
    readonly isRootNotAllowed: boolean;
    readonly isTrie: boolean;
    readonly asTrie: SpRuntimeProvingTrieTrieError;
    readonly type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'Module' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Token' | 'Arithmetic' | 'Transactional' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed' | 'Trie';
  }

  /** @name SpRuntimeModuleError (127) */
  interface SpRuntimeModuleError extends Struct {
    readonly index: u8;
    readonly error: U8aFixed;
  }

  /** @name SpRuntimeTokenError (128) */
  interface SpRuntimeTokenError extends Enum {
    readonly isFundsUnavailable: boolean;
    readonly isOnlyProvider: boolean;
    readonly isBelowMinimum: boolean;
    readonly isCannotCreate: boolean;
    readonly isUnknownAsset: boolean;
    readonly isFrozen: boolean;
    readonly isUnsupported: boolean;
    readonly isCannotCreateHold: boolean;
    readonly isNotExpendable: boolean;
    readonly isBlocked: boolean;
    readonly type: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'CannotCreate' | 'UnknownAsset' | 'Frozen' | 'Unsupported' | 'CannotCreateHold' | 'NotExpendable' | 'Blocked';
  }

  /** @name SpArithmeticArithmeticError (129) */
  interface SpArithmeticArithmeticError extends Enum {
    readonly isUnderflow: boolean;
    readonly isOverflow: boolean;
    readonly isDivisionByZero: boolean;
    readonly type: 'Underflow' | 'Overflow' | 'DivisionByZero';
  }

  /** @name SpRuntimeTransactionalError (130) */
  interface SpRuntimeTransactionalError extends Enum {
    readonly isLimitReached: boolean;
    readonly isNoLayer: boolean;
    readonly type: 'LimitReached' | 'NoLayer';
  }

  /** @name SpRuntimeProvingTrieTrieError (131) */
  interface SpRuntimeProvingTrieTrieError extends Enum {
    readonly isInvalidStateRoot: boolean;
    readonly isIncompleteDatabase: boolean;
    readonly isValueAtIncompleteKey: boolean;
    readonly isDecoderError: boolean;
    readonly isInvalidHash: boolean;
    readonly isDuplicateKey: boolean;
    readonly isExtraneousNode: boolean;
    readonly isExtraneousValue: boolean;
    readonly isExtraneousHashReference: boolean;
    readonly isInvalidChildReference: boolean;
    readonly isValueMismatch: boolean;
    readonly isIncompleteProof: boolean;
    readonly isRootMismatch: boolean;
    readonly isDecodeError: boolean;
    readonly type: 'InvalidStateRoot' | 'IncompleteDatabase' | 'ValueAtIncompleteKey' | 'DecoderError' | 'InvalidHash' | 'DuplicateKey' | 'ExtraneousNode' | 'ExtraneousValue' | 'ExtraneousHashReference' | 'InvalidChildReference' | 'ValueMismatch' | 'IncompleteProof' | 'RootMismatch' | 'DecodeError';
  }

  /** @name PalletGrandpaEvent (132) */
  interface PalletGrandpaEvent extends Enum {
    readonly isNewAuthorities: boolean;
    readonly asNewAuthorities: {
      readonly authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>;
    } & Struct;
    readonly isPaused: boolean;
    readonly isResumed: boolean;
    readonly type: 'NewAuthorities' | 'Paused' | 'Resumed';
  }

  /** @name PalletBalancesEvent (135) */
  interface PalletBalancesEvent extends Enum {
    readonly isEndowed: boolean;
    readonly asEndowed: {
      readonly account: AccountId32;
      readonly freeBalance: u128;
    } & Struct;
    readonly isDustLost: boolean;
    readonly asDustLost: {
      readonly account: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransfer: boolean;
    readonly asTransfer: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBalanceSet: boolean;
    readonly asBalanceSet: {
      readonly who: AccountId32;
      readonly free: u128;
    } & Struct;
    readonly isReserved: boolean;
    readonly asReserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnreserved: boolean;
    readonly asUnreserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isReserveRepatriated: boolean;
    readonly asReserveRepatriated: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
      readonly destinationStatus: FrameSupportTokensMiscBalanceStatus;
    } & Struct;
    readonly isDeposit: boolean;
    readonly asDeposit: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isWithdraw: boolean;
    readonly asWithdraw: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isSlashed: boolean;
    readonly asSlashed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMinted: boolean;
    readonly asMinted: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMintedCredit: boolean;
    readonly asMintedCredit: {
      readonly amount: u128;
    } & Struct;
    readonly isBurned: boolean;
    readonly asBurned: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBurnedDebt: boolean;
    readonly asBurnedDebt: {
      readonly amount: u128;
    } & Struct;
    readonly isSuspended: boolean;
    readonly asSuspended: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isRestored: boolean;
    readonly asRestored: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUpgraded: boolean;
    readonly asUpgraded: {
      readonly who: AccountId32;
    } & Struct;
    readonly isIssued: boolean;
    readonly asIssued: {
      readonly amount: u128;
    } & Struct;
    readonly isRescinded: boolean;
    readonly asRescinded: {
      readonly amount: u128;
    } & Struct;
    readonly isLocked: boolean;
    readonly asLocked: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnlocked: boolean;
    readonly asUnlocked: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isFrozen: boolean;
    readonly asFrozen: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isThawed: boolean;
    readonly asThawed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTotalIssuanceForced: boolean;
    readonly asTotalIssuanceForced: {
      readonly old: u128;
      readonly new_: u128;
    } & Struct;
    readonly isHeld: boolean;
    readonly asHeld: {
      readonly reason: SibylRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBurnedHeld: boolean;
    readonly asBurnedHeld: {
      readonly reason: SibylRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransferOnHold: boolean;
    readonly asTransferOnHold: {
      readonly reason: SibylRuntimeRuntimeHoldReason;
      readonly source: AccountId32;
      readonly dest: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransferAndHold: boolean;
    readonly asTransferAndHold: {
      readonly reason: SibylRuntimeRuntimeHoldReason;
      readonly source: AccountId32;
      readonly dest: AccountId32;
      readonly transferred: u128;
    } & Struct;
    readonly isReleased: boolean;
    readonly asReleased: {
      readonly reason: SibylRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnexpected: boolean;
    readonly asUnexpected: PalletBalancesUnexpectedKind;
    readonly type: 'Endowed' | 'DustLost' | 'Transfer' | 'BalanceSet' | 'Reserved' | 'Unreserved' | 'ReserveRepatriated' | 'Deposit' | 'Withdraw' | 'Slashed' | 'Minted' | 'MintedCredit' | 'Burned' | 'BurnedDebt' | 'Suspended' | 'Restored' | 'Upgraded' | 'Issued' | 'Rescinded' | 'Locked' | 'Unlocked' | 'Frozen' | 'Thawed' | 'TotalIssuanceForced' | 'Held' | 'BurnedHeld' | 'TransferOnHold' | 'TransferAndHold' | 'Released' | 'Unexpected';
  }

  /** @name FrameSupportTokensMiscBalanceStatus (136) */
  interface FrameSupportTokensMiscBalanceStatus extends Enum {
    readonly isFree: boolean;
    readonly isReserved: boolean;
    readonly type: 'Free' | 'Reserved';
  }

  /** @name SibylRuntimeRuntimeHoldReason (137) */
  interface SibylRuntimeRuntimeHoldReason extends Enum {
    readonly isModels: boolean;
    readonly asModels: PalletModelsHoldReason;
    readonly isPayments: boolean;
    readonly asPayments: PalletPaymentsHoldReason;
    readonly isSchedules: boolean;
    readonly asSchedules: PalletSchedulesHoldReason;
    readonly isSession: boolean;
    readonly asSession: PalletSessionHoldReason;
    readonly type: 'Models' | 'Payments' | 'Schedules' | 'Session';
  }

  /** @name PalletModelsHoldReason (138) */
  interface PalletModelsHoldReason extends Enum {
    readonly isModelDeposit: boolean;
    readonly type: 'ModelDeposit';
  }

  /** @name PalletPaymentsHoldReason (139) */
  interface PalletPaymentsHoldReason extends Enum {
    readonly isBond: boolean;
    readonly isEscrow: boolean;
    readonly type: 'Bond' | 'Escrow';
  }

  /** @name PalletSchedulesHoldReason (140) */
  interface PalletSchedulesHoldReason extends Enum {
    readonly isBudget: boolean;
    readonly type: 'Budget';
  }

  /** @name PalletSessionHoldReason (141) */
  interface PalletSessionHoldReason extends Enum {
    readonly isKeys: boolean;
    readonly type: 'Keys';
  }

  /** @name PalletBalancesUnexpectedKind (142) */
  interface PalletBalancesUnexpectedKind extends Enum {
    readonly isBalanceUpdated: boolean;
    readonly isFailedToMutateAccount: boolean;
    readonly type: 'BalanceUpdated' | 'FailedToMutateAccount';
  }

  /** @name PalletTransactionPaymentEvent (143) */
  interface PalletTransactionPaymentEvent extends Enum {
    readonly isTransactionFeePaid: boolean;
    readonly asTransactionFeePaid: {
      readonly who: AccountId32;
      readonly actualFee: u128;
      readonly tip: u128;
    } & Struct;
    readonly type: 'TransactionFeePaid';
  }

  /** @name PalletSudoEvent (144) */
  interface PalletSudoEvent extends Enum {
    readonly isSudid: boolean;
    readonly asSudid: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly isKeyChanged: boolean;
    readonly asKeyChanged: {
      readonly old: Option<AccountId32>;
      readonly new_: AccountId32;
    } & Struct;
    readonly isKeyRemoved: boolean;
    readonly isSudoAsDone: boolean;
    readonly asSudoAsDone: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'Sudid' | 'KeyChanged' | 'KeyRemoved' | 'SudoAsDone';
  }

  /** @name PalletUtilityEvent (147) */
  interface PalletUtilityEvent extends Enum {
    readonly isBatchInterrupted: boolean;
    readonly asBatchInterrupted: {
      readonly index: u32;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isBatchCompleted: boolean;
    readonly isBatchCompletedWithErrors: boolean;
    readonly isItemCompleted: boolean;
    readonly isItemFailed: boolean;
    readonly asItemFailed: {
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isDispatchedAs: boolean;
    readonly asDispatchedAs: {
      readonly result: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly isIfElseMainSuccess: boolean;
    readonly isIfElseFallbackCalled: boolean;
    readonly asIfElseFallbackCalled: {
      readonly mainError: SpRuntimeDispatchError;
    } & Struct;
    readonly type: 'BatchInterrupted' | 'BatchCompleted' | 'BatchCompletedWithErrors' | 'ItemCompleted' | 'ItemFailed' | 'DispatchedAs' | 'IfElseMainSuccess' | 'IfElseFallbackCalled';
  }

  /** @name PalletModelsEvent (148) */
  interface PalletModelsEvent extends Enum {
    readonly isRegistered: boolean;
    readonly asRegistered: {
      readonly id: SibylPrimitivesModelModelId;
      readonly owner: AccountId32;
      readonly name: Bytes;
      readonly version: u32;
      readonly size_: u32;
      readonly chunks: u32;
      readonly deposit: u128;
      readonly cost: SibylPrimitivesRegistryModelCost;
    } & Struct;
    readonly isChunkUploaded: boolean;
    readonly asChunkUploaded: {
      readonly id: SibylPrimitivesModelModelId;
      readonly index: u32;
    } & Struct;
    readonly isModelAvailable: boolean;
    readonly asModelAvailable: {
      readonly id: SibylPrimitivesModelModelId;
    } & Struct;
    readonly isRetired: boolean;
    readonly asRetired: {
      readonly id: SibylPrimitivesModelModelId;
      readonly purgeAfter: u32;
    } & Struct;
    readonly isPurged: boolean;
    readonly asPurged: {
      readonly id: SibylPrimitivesModelModelId;
      readonly owner: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isLevelsSet: boolean;
    readonly asLevelsSet: {
      readonly id: SibylPrimitivesModelModelId;
      readonly levels: SibylPrimitivesRegistryLevelBounds;
    } & Struct;
    readonly type: 'Registered' | 'ChunkUploaded' | 'ModelAvailable' | 'Retired' | 'Purged' | 'LevelsSet';
  }

  /** @name PalletPaymentsEvent (149) */
  interface PalletPaymentsEvent extends Enum {
    readonly isBonded: boolean;
    readonly asBonded: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
      readonly key: U8aFixed;
    } & Struct;
    readonly isKeyRotated: boolean;
    readonly asKeyRotated: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly old: U8aFixed;
      readonly new_: U8aFixed;
      readonly oldReleasedAt: u32;
    } & Struct;
    readonly isBondedExtra: boolean;
    readonly asBondedExtra: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
    } & Struct;
    readonly isUnbonding: boolean;
    readonly asUnbonding: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly unlocksAt: u32;
    } & Struct;
    readonly isWithdrawn: boolean;
    readonly asWithdrawn: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
    } & Struct;
    readonly isEscrowed: boolean;
    readonly asEscrowed: {
      readonly request: u64;
      readonly payer: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isEscrowSettled: boolean;
    readonly asEscrowSettled: {
      readonly request: u64;
      readonly paid: u128;
      readonly refunded: u128;
    } & Struct;
    readonly isSlashed: boolean;
    readonly asSlashed: {
      readonly who: AccountId32;
      readonly role: SibylPrimitivesRolesRole;
      readonly amount: u128;
    } & Struct;
    readonly isRewarded: boolean;
    readonly asRewarded: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly type: 'Bonded' | 'KeyRotated' | 'BondedExtra' | 'Unbonding' | 'Withdrawn' | 'Escrowed' | 'EscrowSettled' | 'Slashed' | 'Rewarded';
  }

  /** @name PalletInferenceEvent (150) */
  interface PalletInferenceEvent extends Enum {
    readonly isRequested: boolean;
    readonly asRequested: {
      readonly id: u64;
      readonly requester: AccountId32;
      readonly model: SibylPrimitivesModelModelId;
      readonly fee: u128;
      readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    } & Struct;
    readonly isAssigned: boolean;
    readonly asAssigned: {
      readonly id: u64;
      readonly attempt: u8;
      readonly executors: Vec<AccountId32>;
      readonly deadline: u32;
    } & Struct;
    readonly isCommitted: boolean;
    readonly asCommitted: {
      readonly id: u64;
      readonly node: AccountId32;
      readonly seat: SibylPrimitivesVerifySeat;
    } & Struct;
    readonly isRevealsOpen: boolean;
    readonly asRevealsOpen: {
      readonly id: u64;
      readonly deadline: u32;
    } & Struct;
    readonly isRevealed: boolean;
    readonly asRevealed: {
      readonly id: u64;
      readonly node: AccountId32;
      readonly seat: SibylPrimitivesVerifySeat;
      readonly outputHash: H256;
    } & Struct;
    readonly isOpeningsOpen: boolean;
    readonly asOpeningsOpen: {
      readonly id: u64;
      readonly deadline: u32;
    } & Struct;
    readonly isOpened: boolean;
    readonly asOpened: {
      readonly id: u64;
      readonly node: AccountId32;
    } & Struct;
    readonly isEscalated: boolean;
    readonly asEscalated: {
      readonly id: u64;
      readonly verifiers: u32;
    } & Struct;
    readonly isDeclined: boolean;
    readonly asDeclined: {
      readonly id: u64;
      readonly node: AccountId32;
      readonly seat: SibylPrimitivesVerifySeat;
      readonly reason: SibylPrimitivesModelInferenceError;
    } & Struct;
    readonly isVerifiersReplaced: boolean;
    readonly asVerifiersReplaced: {
      readonly id: u64;
      readonly left: Vec<AccountId32>;
      readonly joined: Vec<AccountId32>;
    } & Struct;
    readonly isRequeued: boolean;
    readonly asRequeued: {
      readonly id: u64;
    } & Struct;
    readonly isRequestSettled: boolean;
    readonly asRequestSettled: {
      readonly id: u64;
      readonly outcome: SibylPrimitivesRequestOutcome;
      readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
      readonly checking: SibylPrimitivesRequestChecking;
    } & Struct;
    readonly isInputFromFeeds: boolean;
    readonly asInputFromFeeds: {
      readonly id: u64;
      readonly rounds: Vec<ITuple<[u32, u32]>>;
    } & Struct;
    readonly type: 'Requested' | 'Assigned' | 'Committed' | 'RevealsOpen' | 'Revealed' | 'OpeningsOpen' | 'Opened' | 'Escalated' | 'Declined' | 'VerifiersReplaced' | 'Requeued' | 'RequestSettled' | 'InputFromFeeds';
  }

  /** @name SibylPrimitivesVerifySeat (151) */
  interface SibylPrimitivesVerifySeat extends Enum {
    readonly isExecutor: boolean;
    readonly isVerifier: boolean;
    readonly type: 'Executor' | 'Verifier';
  }

  /** @name SibylPrimitivesRequestOutcome (152) */
  interface SibylPrimitivesRequestOutcome extends Enum {
    readonly isVerified: boolean;
    readonly asVerified: {
      readonly outputHash: H256;
    } & Struct;
    readonly isRefunded: boolean;
    readonly asRefunded: SibylPrimitivesRequestRefundReason;
    readonly isSlashedAndRefunded: boolean;
    readonly asSlashedAndRefunded: SibylPrimitivesRequestRefundReason;
    readonly isFailed: boolean;
    readonly asFailed: SibylPrimitivesModelInferenceError;
    readonly type: 'Verified' | 'Refunded' | 'SlashedAndRefunded' | 'Failed';
  }

  /** @name SibylPrimitivesRequestRefundReason (153) */
  interface SibylPrimitivesRequestRefundReason extends Enum {
    readonly isTimeout: boolean;
    readonly isNoExecutors: boolean;
    readonly isDeclined: boolean;
    readonly asDeclined: SibylPrimitivesModelInferenceError;
    readonly isNoAgreement: boolean;
    readonly isWrongResult: boolean;
    readonly isOverloaded: boolean;
    readonly isNoVerifiers: boolean;
    readonly isModelPurged: boolean;
    readonly type: 'Timeout' | 'NoExecutors' | 'Declined' | 'NoAgreement' | 'WrongResult' | 'Overloaded' | 'NoVerifiers' | 'ModelPurged';
  }

  /** @name SibylPrimitivesRequestChecking (154) */
  interface SibylPrimitivesRequestChecking extends Enum {
    readonly isPending: boolean;
    readonly isSkipped: boolean;
    readonly isDrawn: boolean;
    readonly isEscalated: boolean;
    readonly type: 'Pending' | 'Skipped' | 'Drawn' | 'Escalated';
  }

  /** @name PalletVerificationEvent (157) */
  interface PalletVerificationEvent extends Enum {
    readonly isVerifiersDrawn: boolean;
    readonly asVerifiersDrawn: {
      readonly id: u64;
      readonly verifiers: Vec<AccountId32>;
    } & Struct;
    readonly isNotSampled: boolean;
    readonly asNotSampled: {
      readonly id: u64;
    } & Struct;
    readonly isJudged: boolean;
    readonly asJudged: {
      readonly id: u64;
      readonly verdict: PalletVerificationVerdict;
      readonly seats: u32;
      readonly inLine: u32;
    } & Struct;
    readonly isSlashed: boolean;
    readonly asSlashed: {
      readonly id: u64;
      readonly who: AccountId32;
      readonly seat: SibylPrimitivesVerifySeat;
      readonly offence: PalletVerificationOffence;
      readonly slashed: u128;
    } & Struct;
    readonly isRewarded: boolean;
    readonly asRewarded: {
      readonly id: u64;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMissed: boolean;
    readonly asMissed: {
      readonly id: u64;
      readonly who: AccountId32;
      readonly seat: SibylPrimitivesVerifySeat;
      readonly misses: u32;
    } & Struct;
    readonly type: 'VerifiersDrawn' | 'NotSampled' | 'Judged' | 'Slashed' | 'Rewarded' | 'Missed';
  }

  /** @name PalletVerificationVerdict (158) */
  interface PalletVerificationVerdict extends Enum {
    readonly isAccepted: boolean;
    readonly isExecutorsWrong: boolean;
    readonly isNoMajority: boolean;
    readonly type: 'Accepted' | 'ExecutorsWrong' | 'NoMajority';
  }

  /** @name PalletVerificationOffence (159) */
  interface PalletVerificationOffence extends Enum {
    readonly isWrongResult: boolean;
    readonly isWrongVote: boolean;
    readonly isMissedDeadlines: boolean;
    readonly type: 'WrongResult' | 'WrongVote' | 'MissedDeadlines';
  }

  /** @name PalletOracleEvent (160) */
  interface PalletOracleEvent extends Enum {
    readonly isFeedCreated: boolean;
    readonly asFeedCreated: {
      readonly feed: u32;
    } & Struct;
    readonly isFeedRemoved: boolean;
    readonly asFeedRemoved: {
      readonly feed: u32;
    } & Struct;
    readonly isCommitted: boolean;
    readonly asCommitted: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
    } & Struct;
    readonly isRevealed: boolean;
    readonly asRevealed: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
      readonly value: i128;
    } & Struct;
    readonly isDisplaced: boolean;
    readonly asDisplaced: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
      readonly by: AccountId32;
    } & Struct;
    readonly isRoundClosed: boolean;
    readonly asRoundClosed: {
      readonly feed: u32;
      readonly round: u32;
      readonly value: i128;
      readonly submitters: u32;
    } & Struct;
    readonly isRoundFailed: boolean;
    readonly asRoundFailed: {
      readonly feed: u32;
      readonly round: u32;
      readonly submitters: u32;
    } & Struct;
    readonly isNotRevealed: boolean;
    readonly asNotRevealed: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
    } & Struct;
    readonly isPenalized: boolean;
    readonly asPenalized: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
      readonly value: i128;
      readonly slashed: u128;
    } & Struct;
    readonly isRewarded: boolean;
    readonly asRewarded: {
      readonly feed: u32;
      readonly round: u32;
      readonly node: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly type: 'FeedCreated' | 'FeedRemoved' | 'Committed' | 'Revealed' | 'Displaced' | 'RoundClosed' | 'RoundFailed' | 'NotRevealed' | 'Penalized' | 'Rewarded';
  }

  /** @name PalletSchedulesEvent (161) */
  interface PalletSchedulesEvent extends Enum {
    readonly isScheduled: boolean;
    readonly asScheduled: {
      readonly id: u64;
      readonly owner: AccountId32;
      readonly model: SibylPrimitivesModelModelId;
      readonly every: u32;
      readonly maxRuns: u32;
      readonly budget: u128;
    } & Struct;
    readonly isRunMade: boolean;
    readonly asRunMade: {
      readonly id: u64;
      readonly run: u32;
      readonly request: u64;
      readonly fee: u128;
    } & Struct;
    readonly isRunSkipped: boolean;
    readonly asRunSkipped: {
      readonly id: u64;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isRunSettled: boolean;
    readonly asRunSettled: {
      readonly id: u64;
      readonly run: u32;
      readonly request: u64;
      readonly outcome: SibylPrimitivesRequestOutcome;
    } & Struct;
    readonly isEnded: boolean;
    readonly asEnded: {
      readonly id: u64;
      readonly reason: SibylPrimitivesScheduleEndReason;
      readonly refunded: u128;
    } & Struct;
    readonly isCancelled: boolean;
    readonly asCancelled: {
      readonly id: u64;
      readonly refunded: u128;
    } & Struct;
    readonly type: 'Scheduled' | 'RunMade' | 'RunSkipped' | 'RunSettled' | 'Ended' | 'Cancelled';
  }

  /** @name SibylPrimitivesScheduleEndReason (162) */
  interface SibylPrimitivesScheduleEndReason extends Enum {
    readonly isBudgetSpent: boolean;
    readonly isUnrunnable: boolean;
    readonly asUnrunnable: SpRuntimeDispatchError;
    readonly isSkipped: boolean;
    readonly asSkipped: SpRuntimeDispatchError;
    readonly type: 'BudgetSpent' | 'Unrunnable' | 'Skipped';
  }

  /** @name PalletCollatorSelectionEvent (163) */
  interface PalletCollatorSelectionEvent extends Enum {
    readonly isNewInvulnerables: boolean;
    readonly asNewInvulnerables: {
      readonly invulnerables: Vec<AccountId32>;
    } & Struct;
    readonly isInvulnerableAdded: boolean;
    readonly asInvulnerableAdded: {
      readonly accountId: AccountId32;
    } & Struct;
    readonly isInvulnerableRemoved: boolean;
    readonly asInvulnerableRemoved: {
      readonly accountId: AccountId32;
    } & Struct;
    readonly isNewDesiredCandidates: boolean;
    readonly asNewDesiredCandidates: {
      readonly desiredCandidates: u32;
    } & Struct;
    readonly isNewCandidacyBond: boolean;
    readonly asNewCandidacyBond: {
      readonly bondAmount: u128;
    } & Struct;
    readonly isCandidateAdded: boolean;
    readonly asCandidateAdded: {
      readonly accountId: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isCandidateBondUpdated: boolean;
    readonly asCandidateBondUpdated: {
      readonly accountId: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isCandidateRemoved: boolean;
    readonly asCandidateRemoved: {
      readonly accountId: AccountId32;
    } & Struct;
    readonly isCandidateReplaced: boolean;
    readonly asCandidateReplaced: {
      readonly old: AccountId32;
      readonly new_: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isInvalidInvulnerableSkipped: boolean;
    readonly asInvalidInvulnerableSkipped: {
      readonly accountId: AccountId32;
    } & Struct;
    readonly type: 'NewInvulnerables' | 'InvulnerableAdded' | 'InvulnerableRemoved' | 'NewDesiredCandidates' | 'NewCandidacyBond' | 'CandidateAdded' | 'CandidateBondUpdated' | 'CandidateRemoved' | 'CandidateReplaced' | 'InvalidInvulnerableSkipped';
  }

  /** @name PalletSessionEvent (164) */
  interface PalletSessionEvent extends Enum {
    readonly isNewSession: boolean;
    readonly asNewSession: {
      readonly sessionIndex: u32;
    } & Struct;
    readonly isNewQueued: boolean;
    readonly isValidatorDisabled: boolean;
    readonly asValidatorDisabled: {
      readonly validator: AccountId32;
    } & Struct;
    readonly isValidatorReenabled: boolean;
    readonly asValidatorReenabled: {
      readonly validator: AccountId32;
    } & Struct;
    readonly type: 'NewSession' | 'NewQueued' | 'ValidatorDisabled' | 'ValidatorReenabled';
  }

  /** @name PalletSessionHistoricalPalletEvent (165) */
  interface PalletSessionHistoricalPalletEvent extends Enum {
    readonly isRootStored: boolean;
    readonly asRootStored: {
      readonly index: u32;
    } & Struct;
    readonly isRootsPruned: boolean;
    readonly asRootsPruned: {
      readonly upTo: u32;
    } & Struct;
    readonly type: 'RootStored' | 'RootsPruned';
  }

  /** @name PalletOffencesEvent (166) */
  interface PalletOffencesEvent extends Enum {
    readonly isOffence: boolean;
    readonly asOffence: {
      readonly kind: U8aFixed;
      readonly slot: Bytes;
    } & Struct;
    readonly type: 'Offence';
  }

  /** @name FrameSystemPhase (168) */
  interface FrameSystemPhase extends Enum {
    readonly isApplyExtrinsic: boolean;
    readonly asApplyExtrinsic: u32;
    readonly isFinalization: boolean;
    readonly isInitialization: boolean;
    readonly type: 'ApplyExtrinsic' | 'Finalization' | 'Initialization';
  }

  /** @name FrameSystemLastRuntimeUpgradeInfo (169) */
  interface FrameSystemLastRuntimeUpgradeInfo extends Struct {
    readonly specVersion: Compact<u32>;
    readonly specName: Text;
  }

  /** @name FrameSystemCodeUpgradeAuthorization (172) */
  interface FrameSystemCodeUpgradeAuthorization extends Struct {
    readonly codeHash: H256;
    readonly checkVersion: bool;
  }

  /** @name FrameSystemLimitsBlockWeights (173) */
  interface FrameSystemLimitsBlockWeights extends Struct {
    readonly baseBlock: SpWeightsWeightV2Weight;
    readonly maxBlock: SpWeightsWeightV2Weight;
    readonly perClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeightsPerClass (174) */
  interface FrameSupportDispatchPerDispatchClassWeightsPerClass extends Struct {
    readonly normal: FrameSystemLimitsWeightsPerClass;
    readonly operational: FrameSystemLimitsWeightsPerClass;
    readonly mandatory: FrameSystemLimitsWeightsPerClass;
  }

  /** @name FrameSystemLimitsWeightsPerClass (175) */
  interface FrameSystemLimitsWeightsPerClass extends Struct {
    readonly baseExtrinsic: SpWeightsWeightV2Weight;
    readonly maxExtrinsic: Option<SpWeightsWeightV2Weight>;
    readonly maxTotal: Option<SpWeightsWeightV2Weight>;
    readonly reserved: Option<SpWeightsWeightV2Weight>;
  }

  /** @name FrameSystemLimitsBlockLength (177) */
  interface FrameSystemLimitsBlockLength extends Struct {
    readonly max: FrameSupportDispatchPerDispatchClassU32;
    readonly maxHeaderSize: Option<u32>;
  }

  /** @name FrameSupportDispatchPerDispatchClassU32 (178) */
  interface FrameSupportDispatchPerDispatchClassU32 extends Struct {
    readonly normal: u32;
    readonly operational: u32;
    readonly mandatory: u32;
  }

  /** @name SpWeightsRuntimeDbWeight (180) */
  interface SpWeightsRuntimeDbWeight extends Struct {
    readonly read: u64;
    readonly write: u64;
  }

  /** @name SpVersionRuntimeVersion (181) */
  interface SpVersionRuntimeVersion extends Struct {
    readonly specName: Text;
    readonly implName: Text;
    readonly authoringVersion: u32;
    readonly specVersion: u32;
    readonly implVersion: u32;
    readonly apis: Vec<ITuple<[U8aFixed, u32]>>;
    readonly transactionVersion: u32;
    readonly systemVersion: u8;
  }

  /** @name FrameSystemError (186) */
  interface FrameSystemError extends Enum {
    readonly isInvalidSpecName: boolean;
    readonly isSpecVersionNeedsToIncrease: boolean;
    readonly isFailedToExtractRuntimeVersion: boolean;
    readonly isNonDefaultComposite: boolean;
    readonly isNonZeroRefCount: boolean;
    readonly isCallFiltered: boolean;
    readonly isMultiBlockMigrationsOngoing: boolean;
    readonly isNothingAuthorized: boolean;
    readonly isUnauthorized: boolean;
    readonly type: 'InvalidSpecName' | 'SpecVersionNeedsToIncrease' | 'FailedToExtractRuntimeVersion' | 'NonDefaultComposite' | 'NonZeroRefCount' | 'CallFiltered' | 'MultiBlockMigrationsOngoing' | 'NothingAuthorized' | 'Unauthorized';
  }

  /** @name SpConsensusBabeDigestsPreDigest (193) */
  interface SpConsensusBabeDigestsPreDigest extends Enum {
    readonly isPrimary: boolean;
    readonly asPrimary: SpConsensusBabeDigestsPrimaryPreDigest;
    readonly isSecondaryPlain: boolean;
    readonly asSecondaryPlain: SpConsensusBabeDigestsSecondaryPlainPreDigest;
    readonly isSecondaryVRF: boolean;
    readonly asSecondaryVRF: SpConsensusBabeDigestsSecondaryVRFPreDigest;
    readonly type: 'Primary' | 'SecondaryPlain' | 'SecondaryVRF';
  }

  /** @name SpConsensusBabeDigestsPrimaryPreDigest (194) */
  interface SpConsensusBabeDigestsPrimaryPreDigest extends Struct {
    readonly authorityIndex: u32;
    readonly slot: u64;
    readonly vrfSignature: SpCoreSr25519VrfVrfSignature;
  }

  /** @name SpCoreSr25519VrfVrfSignature (195) */
  interface SpCoreSr25519VrfVrfSignature extends Struct {
    readonly preOutput: U8aFixed;
    readonly proof: U8aFixed;
  }

  /** @name SpConsensusBabeDigestsSecondaryPlainPreDigest (196) */
  interface SpConsensusBabeDigestsSecondaryPlainPreDigest extends Struct {
    readonly authorityIndex: u32;
    readonly slot: u64;
  }

  /** @name SpConsensusBabeDigestsSecondaryVRFPreDigest (197) */
  interface SpConsensusBabeDigestsSecondaryVRFPreDigest extends Struct {
    readonly authorityIndex: u32;
    readonly slot: u64;
    readonly vrfSignature: SpCoreSr25519VrfVrfSignature;
  }

  /** @name SpConsensusBabeBabeEpochConfiguration (198) */
  interface SpConsensusBabeBabeEpochConfiguration extends Struct {
    readonly c: ITuple<[u64, u64]>;
    readonly allowedSlots: SpConsensusBabeAllowedSlots;
  }

  /** @name PalletBabeError (202) */
  interface PalletBabeError extends Enum {
    readonly isInvalidEquivocationProof: boolean;
    readonly isInvalidKeyOwnershipProof: boolean;
    readonly isDuplicateOffenceReport: boolean;
    readonly isInvalidConfiguration: boolean;
    readonly type: 'InvalidEquivocationProof' | 'InvalidKeyOwnershipProof' | 'DuplicateOffenceReport' | 'InvalidConfiguration';
  }

  /** @name PalletGrandpaStoredState (203) */
  interface PalletGrandpaStoredState extends Enum {
    readonly isLive: boolean;
    readonly isPendingPause: boolean;
    readonly asPendingPause: {
      readonly scheduledAt: u32;
      readonly delay: u32;
    } & Struct;
    readonly isPaused: boolean;
    readonly isPendingResume: boolean;
    readonly asPendingResume: {
      readonly scheduledAt: u32;
      readonly delay: u32;
    } & Struct;
    readonly type: 'Live' | 'PendingPause' | 'Paused' | 'PendingResume';
  }

  /** @name PalletGrandpaStoredPendingChange (204) */
  interface PalletGrandpaStoredPendingChange extends Struct {
    readonly scheduledAt: u32;
    readonly delay: u32;
    readonly nextAuthorities: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>;
    readonly forced: Option<u32>;
  }

  /** @name PalletGrandpaError (206) */
  interface PalletGrandpaError extends Enum {
    readonly isPauseFailed: boolean;
    readonly isResumeFailed: boolean;
    readonly isChangePending: boolean;
    readonly isTooSoon: boolean;
    readonly isInvalidKeyOwnershipProof: boolean;
    readonly isInvalidEquivocationProof: boolean;
    readonly isDuplicateOffenceReport: boolean;
    readonly type: 'PauseFailed' | 'ResumeFailed' | 'ChangePending' | 'TooSoon' | 'InvalidKeyOwnershipProof' | 'InvalidEquivocationProof' | 'DuplicateOffenceReport';
  }

  /** @name PalletBalancesBalanceLock (208) */
  interface PalletBalancesBalanceLock extends Struct {
    readonly id: U8aFixed;
    readonly amount: u128;
    readonly reasons: PalletBalancesReasons;
  }

  /** @name PalletBalancesReasons (209) */
  interface PalletBalancesReasons extends Enum {
    readonly isFee: boolean;
    readonly isMisc: boolean;
    readonly isAll: boolean;
    readonly type: 'Fee' | 'Misc' | 'All';
  }

  /** @name PalletBalancesReserveData (212) */
  interface PalletBalancesReserveData extends Struct {
    readonly id: U8aFixed;
    readonly amount: u128;
  }

  /** @name FrameSupportTokensMiscIdAmountRuntimeHoldReason (215) */
  interface FrameSupportTokensMiscIdAmountRuntimeHoldReason extends Struct {
    readonly id: SibylRuntimeRuntimeHoldReason;
    readonly amount: u128;
  }

  /** @name FrameSupportTokensMiscIdAmountRuntimeFreezeReason (218) */
  interface FrameSupportTokensMiscIdAmountRuntimeFreezeReason extends Struct {
    readonly id: SibylRuntimeRuntimeFreezeReason;
    readonly amount: u128;
  }

  /** @name SibylRuntimeRuntimeFreezeReason (219) */
  type SibylRuntimeRuntimeFreezeReason = Null;

  /** @name PalletBalancesError (221) */
  interface PalletBalancesError extends Enum {
    readonly isVestingBalance: boolean;
    readonly isLiquidityRestrictions: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isExistentialDeposit: boolean;
    readonly isExpendability: boolean;
    readonly isExistingVestingSchedule: boolean;
    readonly isDeadAccount: boolean;
    readonly isTooManyReserves: boolean;
    readonly isTooManyHolds: boolean;
    readonly isTooManyFreezes: boolean;
    readonly isIssuanceDeactivated: boolean;
    readonly isDeltaZero: boolean;
    readonly type: 'VestingBalance' | 'LiquidityRestrictions' | 'InsufficientBalance' | 'ExistentialDeposit' | 'Expendability' | 'ExistingVestingSchedule' | 'DeadAccount' | 'TooManyReserves' | 'TooManyHolds' | 'TooManyFreezes' | 'IssuanceDeactivated' | 'DeltaZero';
  }

  /** @name PalletTransactionPaymentReleases (223) */
  interface PalletTransactionPaymentReleases extends Enum {
    readonly isV1Ancient: boolean;
    readonly isV2: boolean;
    readonly type: 'V1Ancient' | 'V2';
  }

  /** @name FrameSupportStorageNoDrop (224) */
  interface FrameSupportStorageNoDrop extends FrameSupportTokensFungibleImbalance {}

  /** @name FrameSupportTokensFungibleImbalance (225) */
  interface FrameSupportTokensFungibleImbalance extends Struct {
    readonly amount: u128;
  }

  /** @name PalletSudoError (226) */
  interface PalletSudoError extends Enum {
    readonly isRequireSudo: boolean;
    readonly type: 'RequireSudo';
  }

  /** @name PalletUtilityError (227) */
  interface PalletUtilityError extends Enum {
    readonly isTooManyCalls: boolean;
    readonly type: 'TooManyCalls';
  }

  /** @name SibylPrimitivesRegistryModelInfo (228) */
  interface SibylPrimitivesRegistryModelInfo extends Struct {
    readonly owner: AccountId32;
    readonly name: Bytes;
    readonly version: u32;
    readonly size_: u32;
    readonly chunkSize: u32;
    readonly chunkCount: u32;
    readonly chunksReceived: u32;
    readonly inputs: Vec<SibylPrimitivesRegistryTensorSpec>;
    readonly outputs: Vec<SibylPrimitivesRegistryTensorSpec>;
    readonly price: u128;
    readonly policy: SibylPrimitivesRegistryVerificationPolicy;
    readonly levels: SibylPrimitivesRegistryLevelBounds;
    readonly cost: SibylPrimitivesRegistryModelCost;
    readonly deposit: u128;
    readonly status: SibylPrimitivesRegistryModelStatus;
    readonly registeredAt: u32;
  }

  /** @name SibylPrimitivesRegistryModelStatus (229) */
  interface SibylPrimitivesRegistryModelStatus extends Enum {
    readonly isUploading: boolean;
    readonly isAvailable: boolean;
    readonly isRetired: boolean;
    readonly type: 'Uploading' | 'Available' | 'Retired';
  }

  /** @name PalletModelsError (232) */
  interface PalletModelsError extends Enum {
    readonly isAlreadyRegistered: boolean;
    readonly isVersionTaken: boolean;
    readonly isNotFamilyOwner: boolean;
    readonly isEmptyName: boolean;
    readonly isEmptyModel: boolean;
    readonly isModelTooLarge: boolean;
    readonly isChunkCountMismatch: boolean;
    readonly isSchemaTooLarge: boolean;
    readonly isInvalidSchema: boolean;
    readonly isInvalidPolicy: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isUnknownModel: boolean;
    readonly isNotOwner: boolean;
    readonly isNotUploading: boolean;
    readonly isChunkIndexOutOfRange: boolean;
    readonly isChunkAlreadyUploaded: boolean;
    readonly isChunkSizeMismatch: boolean;
    readonly isChunkHashMismatch: boolean;
    readonly isAlreadyRetired: boolean;
    readonly isInvalidLevels: boolean;
    readonly isCostOutOfBounds: boolean;
    readonly isNotRetired: boolean;
    readonly isGraceNotOver: boolean;
    readonly isInUse: boolean;
    readonly type: 'AlreadyRegistered' | 'VersionTaken' | 'NotFamilyOwner' | 'EmptyName' | 'EmptyModel' | 'ModelTooLarge' | 'ChunkCountMismatch' | 'SchemaTooLarge' | 'InvalidSchema' | 'InvalidPolicy' | 'InsufficientBalance' | 'UnknownModel' | 'NotOwner' | 'NotUploading' | 'ChunkIndexOutOfRange' | 'ChunkAlreadyUploaded' | 'ChunkSizeMismatch' | 'ChunkHashMismatch' | 'AlreadyRetired' | 'InvalidLevels' | 'CostOutOfBounds' | 'NotRetired' | 'GraceNotOver' | 'InUse';
  }

  /** @name PalletPaymentsBond (234) */
  interface PalletPaymentsBond extends Struct {
    readonly amount: u128;
    readonly key: U8aFixed;
    readonly unlocksAt: Option<u32>;
  }

  /** @name PalletPaymentsEscrowRecord (240) */
  interface PalletPaymentsEscrowRecord extends Struct {
    readonly payer: AccountId32;
    readonly amount: u128;
  }

  /** @name PalletPaymentsError (241) */
  interface PalletPaymentsError extends Enum {
    readonly isBondTooSmall: boolean;
    readonly isAlreadyBonded: boolean;
    readonly isNotBonded: boolean;
    readonly isKeyInUse: boolean;
    readonly isBadKeyProof: boolean;
    readonly isTooManyRotations: boolean;
    readonly isTooManyNodes: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isUnbonding: boolean;
    readonly isStillLocked: boolean;
    readonly isZeroAmount: boolean;
    readonly isEscrowExists: boolean;
    readonly isNoEscrow: boolean;
    readonly type: 'BondTooSmall' | 'AlreadyBonded' | 'NotBonded' | 'KeyInUse' | 'BadKeyProof' | 'TooManyRotations' | 'TooManyNodes' | 'InsufficientBalance' | 'Unbonding' | 'StillLocked' | 'ZeroAmount' | 'EscrowExists' | 'NoEscrow';
  }

  /** @name SibylPrimitivesRequest (242) */
  interface SibylPrimitivesRequest extends Struct {
    readonly requester: AccountId32;
    readonly model: SibylPrimitivesModelModelId;
    readonly inputHash: H256;
    readonly fee: u128;
    readonly premium: u128;
    readonly owner: AccountId32;
    readonly royalty: u128;
    readonly compute: u128;
    readonly created: u32;
    readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    readonly policy: SibylPrimitivesRegistryVerificationPolicy;
    readonly attempts: u8;
    readonly checking: SibylPrimitivesRequestChecking;
    readonly slots: Vec<SibylPrimitivesRequestSlot>;
    readonly state: SibylPrimitivesRequestRequestState;
  }

  /** @name SibylPrimitivesRequestSlot (244) */
  interface SibylPrimitivesRequestSlot extends Struct {
    readonly node: AccountId32;
    readonly key: U8aFixed;
    readonly seat: SibylPrimitivesVerifySeat;
    readonly seal: Option<H256>;
    readonly output: Option<H256>;
  }

  /** @name SibylPrimitivesRequestRequestState (247) */
  interface SibylPrimitivesRequestRequestState extends Enum {
    readonly isQueued: boolean;
    readonly isCommitting: boolean;
    readonly asCommitting: {
      readonly deadline: u32;
    } & Struct;
    readonly isRevealing: boolean;
    readonly asRevealing: {
      readonly deadline: u32;
    } & Struct;
    readonly isOpening: boolean;
    readonly asOpening: {
      readonly deadline: u32;
    } & Struct;
    readonly isSettled: boolean;
    readonly asSettled: {
      readonly outcome: SibylPrimitivesRequestOutcome;
      readonly at: u32;
    } & Struct;
    readonly type: 'Queued' | 'Committing' | 'Revealing' | 'Opening' | 'Settled';
  }

  /** @name SibylPrimitivesRequestReceipt (251) */
  interface SibylPrimitivesRequestReceipt extends Struct {
    readonly requester: AccountId32;
    readonly model: SibylPrimitivesModelModelId;
    readonly inputHash: H256;
    readonly outcome: SibylPrimitivesRequestOutcome;
    readonly commitment: H256;
    readonly level: Option<SibylPrimitivesRegistryVerificationLevel>;
    readonly checking: SibylPrimitivesRequestChecking;
    readonly settled: u32;
  }

  /** @name PalletInferenceError (256) */
  interface PalletInferenceError extends Enum {
    readonly isUnknownModel: boolean;
    readonly isModelNotAvailable: boolean;
    readonly isModelRetired: boolean;
    readonly isInputCountMismatch: boolean;
    readonly isInputTypeMismatch: boolean;
    readonly isInputShapeMismatch: boolean;
    readonly isMalformedTensor: boolean;
    readonly isNonFiniteInput: boolean;
    readonly isInputTooLarge: boolean;
    readonly isFeeBelowPrice: boolean;
    readonly isFeeOverflow: boolean;
    readonly isNotEnoughNodes: boolean;
    readonly isQueueFull: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isUnknownRequest: boolean;
    readonly isNotCommitting: boolean;
    readonly isNotRevealing: boolean;
    readonly isNotAssigned: boolean;
    readonly isAlreadyCommitted: boolean;
    readonly isAlreadyRevealed: boolean;
    readonly isNotCommitted: boolean;
    readonly isSealMismatch: boolean;
    readonly isBadAttestation: boolean;
    readonly isOutputMismatch: boolean;
    readonly isOutputShouldBeInline: boolean;
    readonly isUnknownFeed: boolean;
    readonly isFeedHasNoValue: boolean;
    readonly isFeedStale: boolean;
    readonly isFeedHistoryTooShort: boolean;
    readonly isBadFeedWindow: boolean;
    readonly isBindingOutOfBounds: boolean;
    readonly isReasonIsAnOutcome: boolean;
    readonly isNotAnOutcome: boolean;
    readonly isBindingsOverlap: boolean;
    readonly isBindingTypeUnsupported: boolean;
    readonly isFeedValueOutOfRange: boolean;
    readonly isWrongRevealForm: boolean;
    readonly isNotOpening: boolean;
    readonly isNothingToOpen: boolean;
    readonly isOpeningMismatch: boolean;
    readonly isBadLevel: boolean;
    readonly isLevelNotAllowed: boolean;
    readonly type: 'UnknownModel' | 'ModelNotAvailable' | 'ModelRetired' | 'InputCountMismatch' | 'InputTypeMismatch' | 'InputShapeMismatch' | 'MalformedTensor' | 'NonFiniteInput' | 'InputTooLarge' | 'FeeBelowPrice' | 'FeeOverflow' | 'NotEnoughNodes' | 'QueueFull' | 'InsufficientBalance' | 'UnknownRequest' | 'NotCommitting' | 'NotRevealing' | 'NotAssigned' | 'AlreadyCommitted' | 'AlreadyRevealed' | 'NotCommitted' | 'SealMismatch' | 'BadAttestation' | 'OutputMismatch' | 'OutputShouldBeInline' | 'UnknownFeed' | 'FeedHasNoValue' | 'FeedStale' | 'FeedHistoryTooShort' | 'BadFeedWindow' | 'BindingOutOfBounds' | 'ReasonIsAnOutcome' | 'NotAnOutcome' | 'BindingsOverlap' | 'BindingTypeUnsupported' | 'FeedValueOutOfRange' | 'WrongRevealForm' | 'NotOpening' | 'NothingToOpen' | 'OpeningMismatch' | 'BadLevel' | 'LevelNotAllowed';
  }

  /** @name PalletVerificationNodeRecord (257) */
  interface PalletVerificationNodeRecord extends Struct {
    readonly inLine: u32;
    readonly outOfLine: u32;
    readonly misses: u32;
  }

  /** @name PalletOracleFeed (259) */
  interface PalletOracleFeed extends Struct {
    readonly description: Bytes;
    readonly decimals: u8;
    readonly minSubmitters: u32;
    readonly roundLength: u32;
    readonly maxDeviationPpm: u32;
    readonly maxAge: u32;
  }

  /** @name PalletOracleRound (261) */
  interface PalletOracleRound extends Struct {
    readonly number: u32;
    readonly opened: u32;
  }

  /** @name PalletOracleSubmission (263) */
  interface PalletOracleSubmission extends Struct {
    readonly node: AccountId32;
    readonly stake: u128;
    readonly commitment: H256;
    readonly value: Option<i128>;
  }

  /** @name SibylPrimitivesOracleAnswer (267) */
  interface SibylPrimitivesOracleAnswer extends Struct {
    readonly value: i128;
    readonly round: u32;
    readonly at: u32;
  }

  /** @name PalletOracleError (269) */
  interface PalletOracleError extends Enum {
    readonly isUnknownFeed: boolean;
    readonly isTooManyFeeds: boolean;
    readonly isNoSubmittersRequired: boolean;
    readonly isTooManySubmittersRequired: boolean;
    readonly isZeroLength: boolean;
    readonly isRoundTooShort: boolean;
    readonly isWrongRound: boolean;
    readonly isWrongPhase: boolean;
    readonly isNotADataNode: boolean;
    readonly isAlreadySubmitted: boolean;
    readonly isRoundFull: boolean;
    readonly isBadSignature: boolean;
    readonly isNotCommitted: boolean;
    readonly isAlreadyRevealed: boolean;
    readonly isCommitmentMismatch: boolean;
    readonly type: 'UnknownFeed' | 'TooManyFeeds' | 'NoSubmittersRequired' | 'TooManySubmittersRequired' | 'ZeroLength' | 'RoundTooShort' | 'WrongRound' | 'WrongPhase' | 'NotADataNode' | 'AlreadySubmitted' | 'RoundFull' | 'BadSignature' | 'NotCommitted' | 'AlreadyRevealed' | 'CommitmentMismatch';
  }

  /** @name SibylPrimitivesScheduleScheduleState (271) */
  interface SibylPrimitivesScheduleScheduleState extends Enum {
    readonly isActive: boolean;
    readonly isEnded: boolean;
    readonly asEnded: {
      readonly reason: SibylPrimitivesScheduleEndReason;
      readonly at: u32;
    } & Struct;
    readonly type: 'Active' | 'Ended';
  }

  /** @name SibylPrimitivesScheduleRun (277) */
  interface SibylPrimitivesScheduleRun extends Struct {
    readonly index: u32;
    readonly request: u64;
    readonly at: u32;
    readonly outcome: Option<SibylPrimitivesRequestOutcome>;
  }

  /** @name PalletSchedulesError (281) */
  interface PalletSchedulesError extends Enum {
    readonly isPeriodTooShort: boolean;
    readonly isBadRunCount: boolean;
    readonly isMaxFeeBelowQuote: boolean;
    readonly isBudgetOverflow: boolean;
    readonly isTooManySchedules: boolean;
    readonly isNoRoomForSchedules: boolean;
    readonly isInputTooLarge: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isUnknownSchedule: boolean;
    readonly isNotOwner: boolean;
    readonly type: 'PeriodTooShort' | 'BadRunCount' | 'MaxFeeBelowQuote' | 'BudgetOverflow' | 'TooManySchedules' | 'NoRoomForSchedules' | 'InputTooLarge' | 'InsufficientBalance' | 'UnknownSchedule' | 'NotOwner';
  }

  /** @name PalletCollatorSelectionCandidateInfo (284) */
  interface PalletCollatorSelectionCandidateInfo extends Struct {
    readonly who: AccountId32;
    readonly deposit: u128;
  }

  /** @name FrameSupportPalletId (286) */
  interface FrameSupportPalletId extends U8aFixed {}

  /** @name PalletCollatorSelectionError (287) */
  interface PalletCollatorSelectionError extends Enum {
    readonly isTooManyCandidates: boolean;
    readonly isTooFewEligibleCollators: boolean;
    readonly isAlreadyCandidate: boolean;
    readonly isNotCandidate: boolean;
    readonly isTooManyInvulnerables: boolean;
    readonly isAlreadyInvulnerable: boolean;
    readonly isNotInvulnerable: boolean;
    readonly isNoAssociatedValidatorId: boolean;
    readonly isValidatorNotRegistered: boolean;
    readonly isInsertToCandidateListFailed: boolean;
    readonly isRemoveFromCandidateListFailed: boolean;
    readonly isDepositTooLow: boolean;
    readonly isUpdateCandidateListFailed: boolean;
    readonly isInsufficientBond: boolean;
    readonly isTargetIsNotCandidate: boolean;
    readonly isIdenticalDeposit: boolean;
    readonly isInvalidUnreserve: boolean;
    readonly type: 'TooManyCandidates' | 'TooFewEligibleCollators' | 'AlreadyCandidate' | 'NotCandidate' | 'TooManyInvulnerables' | 'AlreadyInvulnerable' | 'NotInvulnerable' | 'NoAssociatedValidatorId' | 'ValidatorNotRegistered' | 'InsertToCandidateListFailed' | 'RemoveFromCandidateListFailed' | 'DepositTooLow' | 'UpdateCandidateListFailed' | 'InsufficientBond' | 'TargetIsNotCandidate' | 'IdenticalDeposit' | 'InvalidUnreserve';
  }

  /** @name SpCoreCryptoKeyTypeId (294) */
  interface SpCoreCryptoKeyTypeId extends U8aFixed {}

  /** @name PalletSessionError (295) */
  interface PalletSessionError extends Enum {
    readonly isInvalidProof: boolean;
    readonly isNoAssociatedValidatorId: boolean;
    readonly isDuplicatedKey: boolean;
    readonly isNoKeys: boolean;
    readonly isNoAccount: boolean;
    readonly type: 'InvalidProof' | 'NoAssociatedValidatorId' | 'DuplicatedKey' | 'NoKeys' | 'NoAccount';
  }

  /** @name SpStakingOffenceOffenceDetails (296) */
  interface SpStakingOffenceOffenceDetails extends Struct {
    readonly offender: ITuple<[AccountId32, Null]>;
    readonly reporters: Vec<AccountId32>;
  }

  /** @name SibylRuntimeRuntime (299) */
  type SibylRuntimeRuntime = Null;

  /** @name SpRuntimeBlockLazyBlock (300) */
  interface SpRuntimeBlockLazyBlock extends Struct {
    readonly header: SpRuntimeHeader;
    readonly extrinsics: Vec<Bytes>;
  }

  /** @name SpRuntimeExtrinsicInclusionMode (304) */
  interface SpRuntimeExtrinsicInclusionMode extends Enum {
    readonly isAllExtrinsics: boolean;
    readonly isOnlyInherents: boolean;
    readonly type: 'AllExtrinsics' | 'OnlyInherents';
  }

  /** @name FrameSupportViewFunctionsViewFunctionId (307) */
  interface FrameSupportViewFunctionsViewFunctionId extends Struct {
    readonly prefix: U8aFixed;
    readonly suffix: U8aFixed;
  }

  /** @name FrameSupportViewFunctionsViewFunctionDispatchError (309) */
  interface FrameSupportViewFunctionsViewFunctionDispatchError extends Enum {
    readonly isNotImplemented: boolean;
    readonly isNotFound: boolean;
    readonly asNotFound: FrameSupportViewFunctionsViewFunctionId;
    readonly isCodec: boolean;
    readonly type: 'NotImplemented' | 'NotFound' | 'Codec';
  }

  /** @name SpRuntimeTransactionValidityTransactionValidityError (311) */
  interface SpRuntimeTransactionValidityTransactionValidityError extends Enum {
    readonly isInvalid: boolean;
    readonly asInvalid: SpRuntimeTransactionValidityInvalidTransaction;
    readonly isUnknown: boolean;
    readonly asUnknown: SpRuntimeTransactionValidityUnknownTransaction;
    readonly type: 'Invalid' | 'Unknown';
  }

  /** @name SpRuntimeTransactionValidityInvalidTransaction (312) */
  interface SpRuntimeTransactionValidityInvalidTransaction extends Enum {
    readonly isCall: boolean;
    readonly isPayment: boolean;
    readonly isFuture: boolean;
    readonly isStale: boolean;
    readonly isBadProof: boolean;
    readonly isAncientBirthBlock: boolean;
    readonly isExhaustsResources: boolean;
    readonly isCustom: boolean;
    readonly asCustom: u8;
    readonly isBadMandatory: boolean;
    readonly isMandatoryValidation: boolean;
    readonly isBadSigner: boolean;
    readonly isIndeterminateImplicit: boolean;
    readonly isUnknownOrigin: boolean;
    readonly type: 'Call' | 'Payment' | 'Future' | 'Stale' | 'BadProof' | 'AncientBirthBlock' | 'ExhaustsResources' | 'Custom' | 'BadMandatory' | 'MandatoryValidation' | 'BadSigner' | 'IndeterminateImplicit' | 'UnknownOrigin';
  }

  /** @name SpRuntimeTransactionValidityUnknownTransaction (313) */
  interface SpRuntimeTransactionValidityUnknownTransaction extends Enum {
    readonly isCannotLookup: boolean;
    readonly isNoUnsignedValidator: boolean;
    readonly isCustom: boolean;
    readonly asCustom: u8;
    readonly type: 'CannotLookup' | 'NoUnsignedValidator' | 'Custom';
  }

  /** @name SpInherentsInherentData (314) */
  interface SpInherentsInherentData extends Struct {
    readonly data: BTreeMap<U8aFixed, Bytes>;
  }

  /** @name SpInherentsCheckInherentsResult (319) */
  interface SpInherentsCheckInherentsResult extends Struct {
    readonly okay: bool;
    readonly fatalError: bool;
    readonly errors: SpInherentsInherentData;
  }

  /** @name SpRuntimeTransactionValidityTransactionSource (320) */
  interface SpRuntimeTransactionValidityTransactionSource extends Enum {
    readonly isInBlock: boolean;
    readonly isLocal: boolean;
    readonly isExternal: boolean;
    readonly type: 'InBlock' | 'Local' | 'External';
  }

  /** @name SpRuntimeTransactionValidityValidTransaction (322) */
  interface SpRuntimeTransactionValidityValidTransaction extends Struct {
    readonly priority: u64;
    readonly requires: Vec<Bytes>;
    readonly provides: Vec<Bytes>;
    readonly longevity: u64;
    readonly propagate: bool;
  }

  /** @name SpConsensusBabeBabeConfiguration (323) */
  interface SpConsensusBabeBabeConfiguration extends Struct {
    readonly slotDuration: u64;
    readonly epochLength: u64;
    readonly c: ITuple<[u64, u64]>;
    readonly authorities: Vec<ITuple<[SpConsensusBabeAppPublic, u64]>>;
    readonly randomness: U8aFixed;
    readonly allowedSlots: SpConsensusBabeAllowedSlots;
  }

  /** @name SpConsensusBabeEpoch (324) */
  interface SpConsensusBabeEpoch extends Struct {
    readonly epochIndex: u64;
    readonly startSlot: u64;
    readonly duration: u64;
    readonly authorities: Vec<ITuple<[SpConsensusBabeAppPublic, u64]>>;
    readonly randomness: U8aFixed;
    readonly config: SpConsensusBabeBabeEpochConfiguration;
  }

  /** @name SpSessionRuntimeApiOpaqueGeneratedSessionKeys (329) */
  interface SpSessionRuntimeApiOpaqueGeneratedSessionKeys extends Struct {
    readonly keys_: Bytes;
    readonly proof: Bytes;
  }

  /** @name PalletTransactionPaymentRuntimeDispatchInfo (335) */
  interface PalletTransactionPaymentRuntimeDispatchInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly partialFee: u128;
  }

  /** @name PalletTransactionPaymentFeeDetails (336) */
  interface PalletTransactionPaymentFeeDetails extends Struct {
    readonly inclusionFee: Option<PalletTransactionPaymentInclusionFee>;
    readonly tip: u128;
  }

  /** @name PalletTransactionPaymentInclusionFee (338) */
  interface PalletTransactionPaymentInclusionFee extends Struct {
    readonly baseFee: u128;
    readonly lenFee: u128;
    readonly adjustedWeightFee: u128;
  }

  /** @name SibylPrimitivesSchedule (350) */
  interface SibylPrimitivesSchedule extends Struct {
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
  }

  /** @name SibylPrimitivesScheduleLatestOutput (352) */
  interface SibylPrimitivesScheduleLatestOutput extends Struct {
    readonly run: u32;
    readonly request: u64;
    readonly settled: u32;
    readonly outputHash: H256;
    readonly output: Option<Bytes>;
  }

  /** @name SibylRuntimeRuntimeError (358) */
  interface SibylRuntimeRuntimeError extends Enum {
    readonly isSystem: boolean;
    readonly asSystem: FrameSystemError;
    readonly isBabe: boolean;
    readonly asBabe: PalletBabeError;
    readonly isGrandpa: boolean;
    readonly asGrandpa: PalletGrandpaError;
    readonly isBalances: boolean;
    readonly asBalances: PalletBalancesError;
    readonly isSudo: boolean;
    readonly asSudo: PalletSudoError;
    readonly isUtility: boolean;
    readonly asUtility: PalletUtilityError;
    readonly isModels: boolean;
    readonly asModels: PalletModelsError;
    readonly isPayments: boolean;
    readonly asPayments: PalletPaymentsError;
    readonly isInference: boolean;
    readonly asInference: PalletInferenceError;
    readonly isOracle: boolean;
    readonly asOracle: PalletOracleError;
    readonly isSchedules: boolean;
    readonly asSchedules: PalletSchedulesError;
    readonly isCollatorSelection: boolean;
    readonly asCollatorSelection: PalletCollatorSelectionError;
    readonly isSession: boolean;
    readonly asSession: PalletSessionError;
    readonly type: 'System' | 'Babe' | 'Grandpa' | 'Balances' | 'Sudo' | 'Utility' | 'Models' | 'Payments' | 'Inference' | 'Oracle' | 'Schedules' | 'CollatorSelection' | 'Session';
  }

} // declare module
