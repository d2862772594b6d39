// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

/* eslint-disable sort-keys */

export default {
  /**
   * Lookup9: frame_system::pallet::Call<T>
   **/
  FrameSystemCall: {
    _enum: {
      remark: {
        remark: 'Bytes',
      },
      set_heap_pages: {
        pages: 'u64',
      },
      set_code: {
        code: 'Bytes',
      },
      set_code_without_checks: {
        code: 'Bytes',
      },
      set_storage: {
        items: 'Vec<(Bytes,Bytes)>',
      },
      kill_storage: {
        _alias: {
          keys_: 'keys',
        },
        keys_: 'Vec<Bytes>',
      },
      kill_prefix: {
        prefix: 'Bytes',
        subkeys: 'u32',
      },
      remark_with_event: {
        remark: 'Bytes',
      },
      __Unused8: 'Null',
      authorize_upgrade: {
        codeHash: 'H256',
      },
      authorize_upgrade_without_checks: {
        codeHash: 'H256',
      },
      apply_authorized_upgrade: {
        code: 'Bytes'
      }
    }
  },
  /**
   * Lookup16: pallet_timestamp::pallet::Call<T>
   **/
  PalletTimestampCall: {
    _enum: {
      set: {
        now: 'Compact<u64>'
      }
    }
  },
  /**
   * Lookup18: pallet_babe::pallet::Call<T>
   **/
  PalletBabeCall: {
    _enum: {
      report_equivocation: {
        equivocationProof: 'SpConsensusSlotsEquivocationProof',
        keyOwnerProof: 'SpSessionMembershipProof',
      },
      report_equivocation_unsigned: {
        equivocationProof: 'SpConsensusSlotsEquivocationProof',
        keyOwnerProof: 'SpSessionMembershipProof',
      },
      plan_config_change: {
        config: 'SpConsensusBabeDigestsNextConfigDescriptor'
      }
    }
  },
  /**
   * Lookup19: sp_consensus_slots::EquivocationProof<sp_runtime::generic::header::Header<Number, Hash>, sp_consensus_babe::app::Public>
   **/
  SpConsensusSlotsEquivocationProof: {
    offender: 'SpConsensusBabeAppPublic',
    slot: 'u64',
    firstHeader: 'SpRuntimeHeader',
    secondHeader: 'SpRuntimeHeader'
  },
  /**
   * Lookup20: sp_runtime::generic::header::Header<Number, Hash>
   **/
  SpRuntimeHeader: {
    parentHash: 'H256',
    number: 'Compact<u32>',
    stateRoot: 'H256',
    extrinsicsRoot: 'H256',
    digest: 'SpRuntimeDigest'
  },
  /**
   * Lookup22: sp_runtime::generic::digest::Digest
   **/
  SpRuntimeDigest: {
    logs: 'Vec<SpRuntimeDigestDigestItem>'
  },
  /**
   * Lookup24: sp_runtime::generic::digest::DigestItem
   **/
  SpRuntimeDigestDigestItem: {
    _enum: {
      Other: 'Bytes',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      Consensus: '([u8;4],Bytes)',
      Seal: '([u8;4],Bytes)',
      PreRuntime: '([u8;4],Bytes)',
      __Unused7: 'Null',
      RuntimeEnvironmentUpdated: 'Null'
    }
  },
  /**
   * Lookup26: sp_consensus_babe::app::Public
   **/
  SpConsensusBabeAppPublic: '[u8;32]',
  /**
   * Lookup28: sp_session::MembershipProof
   **/
  SpSessionMembershipProof: {
    session: 'u32',
    trieNodes: 'Vec<Bytes>',
    validatorCount: 'u32'
  },
  /**
   * Lookup29: sp_consensus_babe::digests::NextConfigDescriptor
   **/
  SpConsensusBabeDigestsNextConfigDescriptor: {
    _enum: {
      __Unused0: 'Null',
      V1: {
        c: '(u64,u64)',
        allowedSlots: 'SpConsensusBabeAllowedSlots'
      }
    }
  },
  /**
   * Lookup31: sp_consensus_babe::AllowedSlots
   **/
  SpConsensusBabeAllowedSlots: {
    _enum: ['PrimarySlots', 'PrimaryAndSecondaryPlainSlots', 'PrimaryAndSecondaryVRFSlots']
  },
  /**
   * Lookup32: pallet_grandpa::pallet::Call<T>
   **/
  PalletGrandpaCall: {
    _enum: {
      report_equivocation: {
        equivocationProof: 'SpConsensusGrandpaEquivocationProof',
        keyOwnerProof: 'SpSessionMembershipProof',
      },
      report_equivocation_unsigned: {
        equivocationProof: 'SpConsensusGrandpaEquivocationProof',
        keyOwnerProof: 'SpSessionMembershipProof',
      },
      note_stalled: {
        delay: 'u32',
        bestFinalizedBlockNumber: 'u32'
      }
    }
  },
  /**
   * Lookup33: sp_consensus_grandpa::EquivocationProof<primitive_types::H256, N>
   **/
  SpConsensusGrandpaEquivocationProof: {
    setId: 'u64',
    equivocation: 'SpConsensusGrandpaEquivocation'
  },
  /**
   * Lookup34: sp_consensus_grandpa::Equivocation<primitive_types::H256, N>
   **/
  SpConsensusGrandpaEquivocation: {
    _enum: {
      Prevote: 'FinalityGrandpaEquivocationPrevote',
      Precommit: 'FinalityGrandpaEquivocationPrecommit'
    }
  },
  /**
   * Lookup35: finality_grandpa::Equivocation<sp_consensus_grandpa::app::Public, finality_grandpa::Prevote<primitive_types::H256, N>, sp_consensus_grandpa::app::Signature>
   **/
  FinalityGrandpaEquivocationPrevote: {
    roundNumber: 'u64',
    identity: 'SpConsensusGrandpaAppPublic',
    first: '(FinalityGrandpaPrevote,SpConsensusGrandpaAppSignature)',
    second: '(FinalityGrandpaPrevote,SpConsensusGrandpaAppSignature)'
  },
  /**
   * Lookup36: sp_consensus_grandpa::app::Public
   **/
  SpConsensusGrandpaAppPublic: '[u8;32]',
  /**
   * Lookup37: finality_grandpa::Prevote<primitive_types::H256, N>
   **/
  FinalityGrandpaPrevote: {
    targetHash: 'H256',
    targetNumber: 'u32'
  },
  /**
   * Lookup38: sp_consensus_grandpa::app::Signature
   **/
  SpConsensusGrandpaAppSignature: '[u8;64]',
  /**
   * Lookup41: finality_grandpa::Equivocation<sp_consensus_grandpa::app::Public, finality_grandpa::Precommit<primitive_types::H256, N>, sp_consensus_grandpa::app::Signature>
   **/
  FinalityGrandpaEquivocationPrecommit: {
    roundNumber: 'u64',
    identity: 'SpConsensusGrandpaAppPublic',
    first: '(FinalityGrandpaPrecommit,SpConsensusGrandpaAppSignature)',
    second: '(FinalityGrandpaPrecommit,SpConsensusGrandpaAppSignature)'
  },
  /**
   * Lookup42: finality_grandpa::Precommit<primitive_types::H256, N>
   **/
  FinalityGrandpaPrecommit: {
    targetHash: 'H256',
    targetNumber: 'u32'
  },
  /**
   * Lookup44: pallet_balances::pallet::Call<T, I>
   **/
  PalletBalancesCall: {
    _enum: {
      transfer_allow_death: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      __Unused1: 'Null',
      force_transfer: {
        source: 'MultiAddress',
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_keep_alive: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_all: {
        dest: 'MultiAddress',
        keepAlive: 'bool',
      },
      force_unreserve: {
        who: 'MultiAddress',
        amount: 'u128',
      },
      upgrade_accounts: {
        who: 'Vec<AccountId32>',
      },
      __Unused7: 'Null',
      force_set_balance: {
        who: 'MultiAddress',
        newFree: 'Compact<u128>',
      },
      force_adjust_total_issuance: {
        direction: 'PalletBalancesAdjustmentDirection',
        delta: 'Compact<u128>',
      },
      burn: {
        value: 'Compact<u128>',
        keepAlive: 'bool'
      }
    }
  },
  /**
   * Lookup49: pallet_balances::types::AdjustmentDirection
   **/
  PalletBalancesAdjustmentDirection: {
    _enum: ['Increase', 'Decrease']
  },
  /**
   * Lookup50: pallet_sudo::pallet::Call<T>
   **/
  PalletSudoCall: {
    _enum: {
      sudo: {
        call: 'Call',
      },
      sudo_unchecked_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight',
      },
      set_key: {
        _alias: {
          new_: 'new',
        },
        new_: 'MultiAddress',
      },
      sudo_as: {
        who: 'MultiAddress',
        call: 'Call',
      },
      remove_key: 'Null'
    }
  },
  /**
   * Lookup51: sp_weights::weight_v2::Weight
   **/
  SpWeightsWeightV2Weight: {
    refTime: 'Compact<u64>',
    proofSize: 'Compact<u64>'
  },
  /**
   * Lookup52: pallet_utility::pallet::Call<T>
   **/
  PalletUtilityCall: {
    _enum: {
      batch: {
        calls: 'Vec<Call>',
      },
      as_derivative: {
        index: 'u16',
        call: 'Call',
      },
      batch_all: {
        calls: 'Vec<Call>',
      },
      dispatch_as: {
        asOrigin: 'SibylRuntimeOriginCaller',
        call: 'Call',
      },
      force_batch: {
        calls: 'Vec<Call>',
      },
      with_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight',
      },
      if_else: {
        main: 'Call',
        fallback: 'Call',
      },
      dispatch_as_fallible: {
        asOrigin: 'SibylRuntimeOriginCaller',
        call: 'Call'
      }
    }
  },
  /**
   * Lookup55: sibyl_runtime::OriginCaller
   **/
  SibylRuntimeOriginCaller: {
    _enum: {
      system: 'FrameSupportDispatchRawOrigin'
    }
  },
  /**
   * Lookup56: frame_support::dispatch::RawOrigin<sp_core::crypto::AccountId32>
   **/
  FrameSupportDispatchRawOrigin: {
    _enum: {
      Root: 'Null',
      Signed: 'AccountId32',
      None: 'Null',
      Authorized: 'Null'
    }
  },
  /**
   * Lookup57: pallet_models::pallet::Call<T>
   **/
  PalletModelsCall: {
    _enum: {
      register: {
        meta: 'PalletModelsModelMeta',
      },
      upload_chunk: {
        id: 'SibylPrimitivesModelModelId',
        index: 'u32',
        bytes: 'Bytes',
      },
      retire: {
        id: 'SibylPrimitivesModelModelId',
      },
      set_levels: {
        id: 'SibylPrimitivesModelModelId',
        levels: 'SibylPrimitivesRegistryLevelBounds',
      },
      purge: {
        id: 'SibylPrimitivesModelModelId'
      }
    }
  },
  /**
   * Lookup58: pallet_models::ModelMeta<Balance, bounded_collections::bounded_vec::BoundedVec<primitive_types::H256, S>>
   **/
  PalletModelsModelMeta: {
    _alias: {
      size_: 'size'
    },
    id: 'SibylPrimitivesModelModelId',
    size_: 'u32',
    chunkHashes: 'Vec<H256>',
    name: 'Bytes',
    version: 'u32',
    inputs: 'Vec<SibylPrimitivesRegistryTensorSpec>',
    outputs: 'Vec<SibylPrimitivesRegistryTensorSpec>',
    price: 'u128',
    policy: 'SibylPrimitivesRegistryVerificationPolicy',
    levels: 'SibylPrimitivesRegistryLevelBounds',
    cost: 'SibylPrimitivesRegistryModelCost'
  },
  /**
   * Lookup61: sibyl_primitives::model::ModelId
   **/
  SibylPrimitivesModelModelId: '[u8;32]',
  /**
   * Lookup64: sibyl_primitives::registry::TensorSpec
   **/
  SibylPrimitivesRegistryTensorSpec: {
    name: 'Bytes',
    dtype: 'SibylPrimitivesTensorDType',
    shape: 'Vec<u32>'
  },
  /**
   * Lookup65: sibyl_primitives::tensor::DType
   **/
  SibylPrimitivesTensorDType: {
    _enum: ['F32', 'F64', 'I64', 'I32', 'I8', 'U8', 'Bool']
  },
  /**
   * Lookup69: sibyl_primitives::registry::VerificationPolicy
   **/
  SibylPrimitivesRegistryVerificationPolicy: {
    replicas: 'u8',
    verifiers: 'u8',
    samplePpm: 'u32',
    tolerance: 'SibylPrimitivesRegistryTolerance'
  },
  /**
   * Lookup70: sibyl_primitives::registry::Tolerance
   **/
  SibylPrimitivesRegistryTolerance: {
    _enum: {
      Exact: 'Null',
      Within: {
        absPpb: 'u32',
        relPpb: 'u32',
      },
      TopK: {
        k: 'u8'
      }
    }
  },
  /**
   * Lookup71: sibyl_primitives::registry::LevelBounds
   **/
  SibylPrimitivesRegistryLevelBounds: {
    minSamplePpm: 'u32',
    maxVerifiers: 'u8'
  },
  /**
   * Lookup72: sibyl_primitives::registry::ModelCost
   **/
  SibylPrimitivesRegistryModelCost: {
    ops: 'u64',
    memory: 'u64'
  },
  /**
   * Lookup74: pallet_payments::pallet::Call<T>
   **/
  PalletPaymentsCall: {
    _enum: {
      bond: {
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
        key: '[u8;32]',
        proof: '[u8;64]',
      },
      bond_extra: {
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
      },
      unbond: {
        role: 'SibylPrimitivesRolesRole',
      },
      withdraw_unbonded: {
        role: 'SibylPrimitivesRolesRole',
      },
      rotate_key: {
        role: 'SibylPrimitivesRolesRole',
        key: '[u8;32]',
        proof: '[u8;64]'
      }
    }
  },
  /**
   * Lookup75: sibyl_primitives::roles::Role
   **/
  SibylPrimitivesRolesRole: {
    _enum: ['Inference', 'Verifier', 'Data']
  },
  /**
   * Lookup76: pallet_inference::pallet::Call<T>
   **/
  PalletInferenceCall: {
    _enum: {
      request: {
        model: 'SibylPrimitivesModelModelId',
        input: 'Vec<SibylPrimitivesTensor>',
        maxFee: 'u128',
        level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
      },
      commit: {
        id: 'u64',
        key: '[u8;32]',
        seal: 'H256',
        signature: '[u8;64]',
      },
      decline: {
        id: 'u64',
        key: '[u8;32]',
        reason: 'SibylPrimitivesModelInferenceError',
        signature: '[u8;64]',
      },
      reveal: {
        id: 'u64',
        key: '[u8;32]',
        output: 'SibylPrimitivesRequestResultOutput',
        salt: '[u8;32]',
        attestation: '[u8;64]',
      },
      request_with_feeds: {
        model: 'SibylPrimitivesModelModelId',
        input: 'Vec<SibylPrimitivesTensor>',
        bindings: 'Vec<SibylPrimitivesOracleFeedBinding>',
        maxFee: 'u128',
        level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
      },
      open: {
        id: 'u64',
        key: '[u8;32]',
        output: 'SibylPrimitivesRequestResultOutput',
        signature: '[u8;64]'
      }
    }
  },
  /**
   * Lookup78: sibyl_primitives::tensor::Tensor
   **/
  SibylPrimitivesTensor: {
    dtype: 'SibylPrimitivesTensorDType',
    shape: 'Vec<u32>',
    data: 'Bytes'
  },
  /**
   * Lookup82: sibyl_primitives::registry::VerificationLevel
   **/
  SibylPrimitivesRegistryVerificationLevel: {
    _enum: {
      Unverified: 'Null',
      Sampled: 'u32',
      Committee: 'u8'
    }
  },
  /**
   * Lookup84: sibyl_primitives::oracle::FeedBinding
   **/
  SibylPrimitivesOracleFeedBinding: {
    feed: 'u32',
    rounds: 'u32',
    tensor: 'u32',
    offset: 'u32'
  },
  /**
   * Lookup87: sibyl_primitives::model::InferenceError
   **/
  SibylPrimitivesModelInferenceError: {
    _enum: ['__Unused0', 'Unavailable', 'ModelNotFound', 'ModelHashMismatch', 'InvalidModel', 'ModelTooLarge', 'UnsupportedOperator', 'UnboundedShape', 'InputCountMismatch', 'InputTypeMismatch', 'InputShapeMismatch', 'InvalidInput', 'NonFiniteInput', 'InputTooLarge', 'OutputTooLarge', 'Timeout', 'Busy', 'ExecutionFailed', 'NonFiniteOutput', 'OutputSchemaMismatch', 'EngineMismatch', 'OverBudget', 'ResourceLimit']
  },
  /**
   * Lookup88: sibyl_primitives::request::ResultOutput<bounded_collections::bounded_vec::BoundedVec<T, S>>
   **/
  SibylPrimitivesRequestResultOutput: {
    _enum: {
      Inline: 'Bytes',
      Stored: {
        _alias: {
          hash_: 'hash',
        },
        hash_: 'H256',
        len: 'u32',
      },
      Failed: 'SibylPrimitivesModelInferenceError',
      Hashed: 'H256'
    }
  },
  /**
   * Lookup90: pallet_oracle::pallet::Call<T>
   **/
  PalletOracleCall: {
    _enum: {
      create_feed: {
        description: 'Bytes',
        decimals: 'u8',
        minSubmitters: 'u32',
        roundLength: 'u32',
        maxDeviationPpm: 'u32',
        maxAge: 'u32',
      },
      remove_feed: {
        feed: 'u32',
      },
      __Unused2: 'Null',
      commit: {
        feed: 'u32',
        round: 'u32',
        commitment: 'H256',
        key: '[u8;32]',
        signature: '[u8;64]',
      },
      reveal: {
        feed: 'u32',
        round: 'u32',
        value: 'i128',
        salt: '[u8;32]',
        key: '[u8;32]',
        signature: '[u8;64]'
      }
    }
  },
  /**
   * Lookup93: pallet_schedules::pallet::Call<T>
   **/
  PalletSchedulesCall: {
    _enum: {
      schedule: {
        model: 'SibylPrimitivesModelModelId',
        input: 'Vec<SibylPrimitivesTensor>',
        bindings: 'Vec<SibylPrimitivesOracleFeedBinding>',
        level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
        every: 'u32',
        maxRuns: 'u32',
        maxFeePerRun: 'u128',
      },
      cancel: {
        id: 'u64'
      }
    }
  },
  /**
   * Lookup94: pallet_collator_selection::pallet::Call<T>
   **/
  PalletCollatorSelectionCall: {
    _enum: {
      set_invulnerables: {
        _alias: {
          new_: 'new',
        },
        new_: 'Vec<AccountId32>',
      },
      set_desired_candidates: {
        max: 'u32',
      },
      set_candidacy_bond: {
        bond: 'u128',
      },
      register_as_candidate: 'Null',
      leave_intent: 'Null',
      add_invulnerable: {
        who: 'AccountId32',
      },
      remove_invulnerable: {
        who: 'AccountId32',
      },
      update_bond: {
        newDeposit: 'u128',
      },
      take_candidate_slot: {
        deposit: 'u128',
        target: 'AccountId32'
      }
    }
  },
  /**
   * Lookup95: pallet_session::pallet::Call<T>
   **/
  PalletSessionCall: {
    _enum: {
      set_keys: {
        _alias: {
          keys_: 'keys',
        },
        keys_: 'SibylRuntimeOpaqueSessionKeys',
        proof: 'Bytes',
      },
      purge_keys: 'Null'
    }
  },
  /**
   * Lookup96: sibyl_runtime::opaque::SessionKeys
   **/
  SibylRuntimeOpaqueSessionKeys: {
    babe: 'SpConsensusBabeAppPublic',
    grandpa: 'SpConsensusGrandpaAppPublic'
  },
  /**
   * Lookup97: sp_runtime::MultiSignature
   **/
  SpRuntimeMultiSignature: {
    _enum: {
      Ed25519: '[u8;64]',
      Sr25519: '[u8;64]',
      Ecdsa: '[u8;65]',
      Eth: '[u8;65]'
    }
  },
  /**
   * Lookup99: frame_system::extensions::authorize_call::AuthorizeCall<T>
   **/
  FrameSystemExtensionsAuthorizeCall: 'Null',
  /**
   * Lookup100: frame_system::extensions::check_non_zero_sender::CheckNonZeroSender<T>
   **/
  FrameSystemExtensionsCheckNonZeroSender: 'Null',
  /**
   * Lookup101: frame_system::extensions::check_spec_version::CheckSpecVersion<T>
   **/
  FrameSystemExtensionsCheckSpecVersion: 'Null',
  /**
   * Lookup102: frame_system::extensions::check_tx_version::CheckTxVersion<T>
   **/
  FrameSystemExtensionsCheckTxVersion: 'Null',
  /**
   * Lookup103: frame_system::extensions::check_genesis::CheckGenesis<T>
   **/
  FrameSystemExtensionsCheckGenesis: 'Null',
  /**
   * Lookup106: frame_system::extensions::check_nonce::CheckNonce<T>
   **/
  FrameSystemExtensionsCheckNonce: 'Compact<u32>',
  /**
   * Lookup107: frame_system::extensions::check_weight::CheckWeight<T>
   **/
  FrameSystemExtensionsCheckWeight: 'Null',
  /**
   * Lookup108: pallet_transaction_payment::ChargeTransactionPayment<T>
   **/
  PalletTransactionPaymentChargeTransactionPayment: 'Compact<u128>',
  /**
   * Lookup109: frame_metadata_hash_extension::CheckMetadataHash<T>
   **/
  FrameMetadataHashExtensionCheckMetadataHash: {
    mode: 'FrameMetadataHashExtensionMode'
  },
  /**
   * Lookup110: frame_metadata_hash_extension::Mode
   **/
  FrameMetadataHashExtensionMode: {
    _enum: ['Disabled', 'Enabled']
  },
  /**
   * Lookup112: pallet_inference::extension::SeatsLeft<T>
   **/
  PalletInferenceExtensionSeatsLeft: 'Null',
  /**
   * Lookup113: frame_system::extensions::weight_reclaim::WeightReclaim<T>
   **/
  FrameSystemExtensionsWeightReclaim: 'Null',
  /**
   * Lookup115: frame_system::AccountInfo<Nonce, pallet_balances::types::AccountData<Balance>>
   **/
  FrameSystemAccountInfo: {
    nonce: 'u32',
    consumers: 'u32',
    providers: 'u32',
    sufficients: 'u32',
    data: 'PalletBalancesAccountData'
  },
  /**
   * Lookup116: pallet_balances::types::AccountData<Balance>
   **/
  PalletBalancesAccountData: {
    free: 'u128',
    reserved: 'u128',
    frozen: 'u128',
    flags: 'u128'
  },
  /**
   * Lookup118: frame_support::dispatch::PerDispatchClass<sp_weights::weight_v2::Weight>
   **/
  FrameSupportDispatchPerDispatchClassWeight: {
    normal: 'SpWeightsWeightV2Weight',
    operational: 'SpWeightsWeightV2Weight',
    mandatory: 'SpWeightsWeightV2Weight'
  },
  /**
   * Lookup120: frame_system::EventRecord<sibyl_runtime::RuntimeEvent, primitive_types::H256>
   **/
  FrameSystemEventRecord: {
    phase: 'FrameSystemPhase',
    event: 'Event',
    topics: 'Vec<H256>'
  },
  /**
   * Lookup122: frame_system::pallet::Event<T>
   **/
  FrameSystemEvent: {
    _enum: {
      ExtrinsicSuccess: {
        dispatchInfo: 'FrameSystemDispatchEventInfo',
      },
      ExtrinsicFailed: {
        dispatchError: 'SpRuntimeDispatchError',
        dispatchInfo: 'FrameSystemDispatchEventInfo',
      },
      CodeUpdated: {
        _alias: {
          hash_: 'hash',
        },
        hash_: 'H256',
      },
      NewAccount: {
        account: 'AccountId32',
      },
      KilledAccount: {
        account: 'AccountId32',
      },
      Remarked: {
        _alias: {
          hash_: 'hash',
        },
        sender: 'AccountId32',
        hash_: 'H256',
      },
      UpgradeAuthorized: {
        codeHash: 'H256',
        checkVersion: 'bool',
      },
      RejectedInvalidAuthorizedUpgrade: {
        codeHash: 'H256',
        error: 'SpRuntimeDispatchError'
      }
    }
  },
  /**
   * Lookup123: frame_system::DispatchEventInfo
   **/
  FrameSystemDispatchEventInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    paysFee: 'FrameSupportDispatchPays'
  },
  /**
   * Lookup124: frame_support::dispatch::DispatchClass
   **/
  FrameSupportDispatchDispatchClass: {
    _enum: ['Normal', 'Operational', 'Mandatory']
  },
  /**
   * Lookup125: frame_support::dispatch::Pays
   **/
  FrameSupportDispatchPays: {
    _enum: ['Yes', 'No']
  },
  /**
   * Lookup126: sp_runtime::DispatchError
   **/
  SpRuntimeDispatchError: {
    _enum: {
      Other: 'Null',
      CannotLookup: 'Null',
      BadOrigin: 'Null',
      Module: 'SpRuntimeModuleError',
      ConsumerRemaining: 'Null',
      NoProviders: 'Null',
      TooManyConsumers: 'Null',
      Token: 'SpRuntimeTokenError',
      Arithmetic: 'SpArithmeticArithmeticError',
      Transactional: 'SpRuntimeTransactionalError',
      Exhausted: 'Null',
      Corruption: 'Null',
      Unavailable: 'Null',
      RootNotAllowed: 'Null',
      Trie: 'SpRuntimeProvingTrieTrieError'
    }
  },
  /**
   * Lookup127: sp_runtime::ModuleError
   **/
  SpRuntimeModuleError: {
    index: 'u8',
    error: '[u8;4]'
  },
  /**
   * Lookup128: sp_runtime::TokenError
   **/
  SpRuntimeTokenError: {
    _enum: ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported', 'CannotCreateHold', 'NotExpendable', 'Blocked']
  },
  /**
   * Lookup129: sp_arithmetic::ArithmeticError
   **/
  SpArithmeticArithmeticError: {
    _enum: ['Underflow', 'Overflow', 'DivisionByZero']
  },
  /**
   * Lookup130: sp_runtime::TransactionalError
   **/
  SpRuntimeTransactionalError: {
    _enum: ['LimitReached', 'NoLayer']
  },
  /**
   * Lookup131: sp_runtime::proving_trie::TrieError
   **/
  SpRuntimeProvingTrieTrieError: {
    _enum: ['InvalidStateRoot', 'IncompleteDatabase', 'ValueAtIncompleteKey', 'DecoderError', 'InvalidHash', 'DuplicateKey', 'ExtraneousNode', 'ExtraneousValue', 'ExtraneousHashReference', 'InvalidChildReference', 'ValueMismatch', 'IncompleteProof', 'RootMismatch', 'DecodeError']
  },
  /**
   * Lookup132: pallet_grandpa::pallet::Event
   **/
  PalletGrandpaEvent: {
    _enum: {
      NewAuthorities: {
        authoritySet: 'Vec<(SpConsensusGrandpaAppPublic,u64)>',
      },
      Paused: 'Null',
      Resumed: 'Null'
    }
  },
  /**
   * Lookup135: pallet_balances::pallet::Event<T, I>
   **/
  PalletBalancesEvent: {
    _enum: {
      Endowed: {
        account: 'AccountId32',
        freeBalance: 'u128',
      },
      DustLost: {
        account: 'AccountId32',
        amount: 'u128',
      },
      Transfer: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
      },
      BalanceSet: {
        who: 'AccountId32',
        free: 'u128',
      },
      Reserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unreserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ReserveRepatriated: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
        destinationStatus: 'FrameSupportTokensMiscBalanceStatus',
      },
      Deposit: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Withdraw: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Slashed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Minted: {
        who: 'AccountId32',
        amount: 'u128',
      },
      MintedCredit: {
        amount: 'u128',
      },
      Burned: {
        who: 'AccountId32',
        amount: 'u128',
      },
      BurnedDebt: {
        amount: 'u128',
      },
      Suspended: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Restored: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Upgraded: {
        who: 'AccountId32',
      },
      Issued: {
        amount: 'u128',
      },
      Rescinded: {
        amount: 'u128',
      },
      Locked: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unlocked: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Frozen: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Thawed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      TotalIssuanceForced: {
        _alias: {
          new_: 'new',
        },
        old: 'u128',
        new_: 'u128',
      },
      Held: {
        reason: 'SibylRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      BurnedHeld: {
        reason: 'SibylRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      TransferOnHold: {
        reason: 'SibylRuntimeRuntimeHoldReason',
        source: 'AccountId32',
        dest: 'AccountId32',
        amount: 'u128',
      },
      TransferAndHold: {
        reason: 'SibylRuntimeRuntimeHoldReason',
        source: 'AccountId32',
        dest: 'AccountId32',
        transferred: 'u128',
      },
      Released: {
        reason: 'SibylRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      Unexpected: 'PalletBalancesUnexpectedKind'
    }
  },
  /**
   * Lookup136: frame_support::traits::tokens::misc::BalanceStatus
   **/
  FrameSupportTokensMiscBalanceStatus: {
    _enum: ['Free', 'Reserved']
  },
  /**
   * Lookup137: sibyl_runtime::RuntimeHoldReason
   **/
  SibylRuntimeRuntimeHoldReason: {
    _enum: {
      __Unused0: 'Null',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      __Unused4: 'Null',
      __Unused5: 'Null',
      __Unused6: 'Null',
      __Unused7: 'Null',
      __Unused8: 'Null',
      __Unused9: 'Null',
      Models: 'PalletModelsHoldReason',
      Payments: 'PalletPaymentsHoldReason',
      __Unused12: 'Null',
      __Unused13: 'Null',
      __Unused14: 'Null',
      Schedules: 'PalletSchedulesHoldReason',
      __Unused16: 'Null',
      __Unused17: 'Null',
      Session: 'PalletSessionHoldReason'
    }
  },
  /**
   * Lookup138: pallet_models::pallet::HoldReason
   **/
  PalletModelsHoldReason: {
    _enum: ['ModelDeposit']
  },
  /**
   * Lookup139: pallet_payments::pallet::HoldReason
   **/
  PalletPaymentsHoldReason: {
    _enum: ['Bond', 'Escrow']
  },
  /**
   * Lookup140: pallet_schedules::pallet::HoldReason
   **/
  PalletSchedulesHoldReason: {
    _enum: ['Budget']
  },
  /**
   * Lookup141: pallet_session::pallet::HoldReason
   **/
  PalletSessionHoldReason: {
    _enum: ['Keys']
  },
  /**
   * Lookup142: pallet_balances::pallet::UnexpectedKind
   **/
  PalletBalancesUnexpectedKind: {
    _enum: ['BalanceUpdated', 'FailedToMutateAccount']
  },
  /**
   * Lookup143: pallet_transaction_payment::pallet::Event<T>
   **/
  PalletTransactionPaymentEvent: {
    _enum: {
      TransactionFeePaid: {
        who: 'AccountId32',
        actualFee: 'u128',
        tip: 'u128'
      }
    }
  },
  /**
   * Lookup144: pallet_sudo::pallet::Event<T>
   **/
  PalletSudoEvent: {
    _enum: {
      Sudid: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>',
      },
      KeyChanged: {
        _alias: {
          new_: 'new',
        },
        old: 'Option<AccountId32>',
        new_: 'AccountId32',
      },
      KeyRemoved: 'Null',
      SudoAsDone: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup147: pallet_utility::pallet::Event
   **/
  PalletUtilityEvent: {
    _enum: {
      BatchInterrupted: {
        index: 'u32',
        error: 'SpRuntimeDispatchError',
      },
      BatchCompleted: 'Null',
      BatchCompletedWithErrors: 'Null',
      ItemCompleted: 'Null',
      ItemFailed: {
        error: 'SpRuntimeDispatchError',
      },
      DispatchedAs: {
        result: 'Result<Null, SpRuntimeDispatchError>',
      },
      IfElseMainSuccess: 'Null',
      IfElseFallbackCalled: {
        mainError: 'SpRuntimeDispatchError'
      }
    }
  },
  /**
   * Lookup148: pallet_models::pallet::Event<T>
   **/
  PalletModelsEvent: {
    _enum: {
      Registered: {
        _alias: {
          size_: 'size',
        },
        id: 'SibylPrimitivesModelModelId',
        owner: 'AccountId32',
        name: 'Bytes',
        version: 'u32',
        size_: 'u32',
        chunks: 'u32',
        deposit: 'u128',
        cost: 'SibylPrimitivesRegistryModelCost',
      },
      ChunkUploaded: {
        id: 'SibylPrimitivesModelModelId',
        index: 'u32',
      },
      ModelAvailable: {
        id: 'SibylPrimitivesModelModelId',
      },
      Retired: {
        id: 'SibylPrimitivesModelModelId',
        purgeAfter: 'u32',
      },
      Purged: {
        id: 'SibylPrimitivesModelModelId',
        owner: 'AccountId32',
        deposit: 'u128',
      },
      LevelsSet: {
        id: 'SibylPrimitivesModelModelId',
        levels: 'SibylPrimitivesRegistryLevelBounds'
      }
    }
  },
  /**
   * Lookup149: pallet_payments::pallet::Event<T>
   **/
  PalletPaymentsEvent: {
    _enum: {
      Bonded: {
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
        key: '[u8;32]',
      },
      KeyRotated: {
        _alias: {
          new_: 'new',
        },
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        old: '[u8;32]',
        new_: '[u8;32]',
        oldReleasedAt: 'u32',
      },
      BondedExtra: {
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
      },
      Unbonding: {
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        unlocksAt: 'u32',
      },
      Withdrawn: {
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
      },
      Escrowed: {
        request: 'u64',
        payer: 'AccountId32',
        amount: 'u128',
      },
      EscrowSettled: {
        request: 'u64',
        paid: 'u128',
        refunded: 'u128',
      },
      Slashed: {
        who: 'AccountId32',
        role: 'SibylPrimitivesRolesRole',
        amount: 'u128',
      },
      Rewarded: {
        who: 'AccountId32',
        amount: 'u128'
      }
    }
  },
  /**
   * Lookup150: pallet_inference::pallet::Event<T>
   **/
  PalletInferenceEvent: {
    _enum: {
      Requested: {
        id: 'u64',
        requester: 'AccountId32',
        model: 'SibylPrimitivesModelModelId',
        fee: 'u128',
        level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
      },
      Assigned: {
        id: 'u64',
        attempt: 'u8',
        executors: 'Vec<AccountId32>',
        deadline: 'u32',
      },
      Committed: {
        id: 'u64',
        node: 'AccountId32',
        seat: 'SibylPrimitivesVerifySeat',
      },
      RevealsOpen: {
        id: 'u64',
        deadline: 'u32',
      },
      Revealed: {
        id: 'u64',
        node: 'AccountId32',
        seat: 'SibylPrimitivesVerifySeat',
        outputHash: 'H256',
      },
      OpeningsOpen: {
        id: 'u64',
        deadline: 'u32',
      },
      Opened: {
        id: 'u64',
        node: 'AccountId32',
      },
      Escalated: {
        id: 'u64',
        verifiers: 'u32',
      },
      Declined: {
        id: 'u64',
        node: 'AccountId32',
        seat: 'SibylPrimitivesVerifySeat',
        reason: 'SibylPrimitivesModelInferenceError',
      },
      VerifiersReplaced: {
        id: 'u64',
        left: 'Vec<AccountId32>',
        joined: 'Vec<AccountId32>',
      },
      Requeued: {
        id: 'u64',
      },
      RequestSettled: {
        id: 'u64',
        outcome: 'SibylPrimitivesRequestOutcome',
        level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
        checking: 'SibylPrimitivesRequestChecking',
      },
      InputFromFeeds: {
        id: 'u64',
        rounds: 'Vec<(u32,u32)>'
      }
    }
  },
  /**
   * Lookup151: sibyl_primitives::verify::Seat
   **/
  SibylPrimitivesVerifySeat: {
    _enum: ['Executor', 'Verifier']
  },
  /**
   * Lookup152: sibyl_primitives::request::Outcome
   **/
  SibylPrimitivesRequestOutcome: {
    _enum: {
      Verified: {
        outputHash: 'H256',
      },
      Refunded: 'SibylPrimitivesRequestRefundReason',
      SlashedAndRefunded: 'SibylPrimitivesRequestRefundReason',
      Failed: 'SibylPrimitivesModelInferenceError'
    }
  },
  /**
   * Lookup153: sibyl_primitives::request::RefundReason
   **/
  SibylPrimitivesRequestRefundReason: {
    _enum: {
      Timeout: 'Null',
      NoExecutors: 'Null',
      Declined: 'SibylPrimitivesModelInferenceError',
      NoAgreement: 'Null',
      WrongResult: 'Null',
      Overloaded: 'Null',
      NoVerifiers: 'Null',
      ModelPurged: 'Null'
    }
  },
  /**
   * Lookup154: sibyl_primitives::request::Checking
   **/
  SibylPrimitivesRequestChecking: {
    _enum: ['Pending', 'Skipped', 'Drawn', 'Escalated']
  },
  /**
   * Lookup157: pallet_verification::pallet::Event<T>
   **/
  PalletVerificationEvent: {
    _enum: {
      VerifiersDrawn: {
        id: 'u64',
        verifiers: 'Vec<AccountId32>',
      },
      NotSampled: {
        id: 'u64',
      },
      Judged: {
        id: 'u64',
        verdict: 'PalletVerificationVerdict',
        seats: 'u32',
        inLine: 'u32',
      },
      Slashed: {
        id: 'u64',
        who: 'AccountId32',
        seat: 'SibylPrimitivesVerifySeat',
        offence: 'PalletVerificationOffence',
        slashed: 'u128',
      },
      Rewarded: {
        id: 'u64',
        who: 'AccountId32',
        amount: 'u128',
      },
      Missed: {
        id: 'u64',
        who: 'AccountId32',
        seat: 'SibylPrimitivesVerifySeat',
        misses: 'u32'
      }
    }
  },
  /**
   * Lookup158: pallet_verification::Verdict
   **/
  PalletVerificationVerdict: {
    _enum: ['Accepted', 'ExecutorsWrong', 'NoMajority']
  },
  /**
   * Lookup159: pallet_verification::Offence
   **/
  PalletVerificationOffence: {
    _enum: ['WrongResult', 'WrongVote', 'MissedDeadlines']
  },
  /**
   * Lookup160: pallet_oracle::pallet::Event<T>
   **/
  PalletOracleEvent: {
    _enum: {
      FeedCreated: {
        feed: 'u32',
      },
      FeedRemoved: {
        feed: 'u32',
      },
      Committed: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
      },
      Revealed: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
        value: 'i128',
      },
      Displaced: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
        by: 'AccountId32',
      },
      RoundClosed: {
        feed: 'u32',
        round: 'u32',
        value: 'i128',
        submitters: 'u32',
      },
      RoundFailed: {
        feed: 'u32',
        round: 'u32',
        submitters: 'u32',
      },
      NotRevealed: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
      },
      Penalized: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
        value: 'i128',
        slashed: 'u128',
      },
      Rewarded: {
        feed: 'u32',
        round: 'u32',
        node: 'AccountId32',
        amount: 'u128'
      }
    }
  },
  /**
   * Lookup161: pallet_schedules::pallet::Event<T>
   **/
  PalletSchedulesEvent: {
    _enum: {
      Scheduled: {
        id: 'u64',
        owner: 'AccountId32',
        model: 'SibylPrimitivesModelModelId',
        every: 'u32',
        maxRuns: 'u32',
        budget: 'u128',
      },
      RunMade: {
        id: 'u64',
        run: 'u32',
        request: 'u64',
        fee: 'u128',
      },
      RunSkipped: {
        id: 'u64',
        error: 'SpRuntimeDispatchError',
      },
      RunSettled: {
        id: 'u64',
        run: 'u32',
        request: 'u64',
        outcome: 'SibylPrimitivesRequestOutcome',
      },
      Ended: {
        id: 'u64',
        reason: 'SibylPrimitivesScheduleEndReason',
        refunded: 'u128',
      },
      Cancelled: {
        id: 'u64',
        refunded: 'u128'
      }
    }
  },
  /**
   * Lookup162: sibyl_primitives::schedule::EndReason
   **/
  SibylPrimitivesScheduleEndReason: {
    _enum: {
      BudgetSpent: 'Null',
      Unrunnable: 'SpRuntimeDispatchError',
      Skipped: 'SpRuntimeDispatchError'
    }
  },
  /**
   * Lookup163: pallet_collator_selection::pallet::Event<T>
   **/
  PalletCollatorSelectionEvent: {
    _enum: {
      NewInvulnerables: {
        invulnerables: 'Vec<AccountId32>',
      },
      InvulnerableAdded: {
        accountId: 'AccountId32',
      },
      InvulnerableRemoved: {
        accountId: 'AccountId32',
      },
      NewDesiredCandidates: {
        desiredCandidates: 'u32',
      },
      NewCandidacyBond: {
        bondAmount: 'u128',
      },
      CandidateAdded: {
        accountId: 'AccountId32',
        deposit: 'u128',
      },
      CandidateBondUpdated: {
        accountId: 'AccountId32',
        deposit: 'u128',
      },
      CandidateRemoved: {
        accountId: 'AccountId32',
      },
      CandidateReplaced: {
        _alias: {
          new_: 'new',
        },
        old: 'AccountId32',
        new_: 'AccountId32',
        deposit: 'u128',
      },
      InvalidInvulnerableSkipped: {
        accountId: 'AccountId32'
      }
    }
  },
  /**
   * Lookup164: pallet_session::pallet::Event<T>
   **/
  PalletSessionEvent: {
    _enum: {
      NewSession: {
        sessionIndex: 'u32',
      },
      NewQueued: 'Null',
      ValidatorDisabled: {
        validator: 'AccountId32',
      },
      ValidatorReenabled: {
        validator: 'AccountId32'
      }
    }
  },
  /**
   * Lookup165: pallet_session::historical::pallet::Event<T>
   **/
  PalletSessionHistoricalPalletEvent: {
    _enum: {
      RootStored: {
        index: 'u32',
      },
      RootsPruned: {
        upTo: 'u32'
      }
    }
  },
  /**
   * Lookup166: pallet_offences::pallet::Event
   **/
  PalletOffencesEvent: {
    _enum: {
      Offence: {
        kind: '[u8;16]',
        slot: 'Bytes'
      }
    }
  },
  /**
   * Lookup168: frame_system::Phase
   **/
  FrameSystemPhase: {
    _enum: {
      ApplyExtrinsic: 'u32',
      Finalization: 'Null',
      Initialization: 'Null'
    }
  },
  /**
   * Lookup169: frame_system::LastRuntimeUpgradeInfo
   **/
  FrameSystemLastRuntimeUpgradeInfo: {
    specVersion: 'Compact<u32>',
    specName: 'Text'
  },
  /**
   * Lookup172: frame_system::CodeUpgradeAuthorization<T>
   **/
  FrameSystemCodeUpgradeAuthorization: {
    codeHash: 'H256',
    checkVersion: 'bool'
  },
  /**
   * Lookup173: frame_system::limits::BlockWeights
   **/
  FrameSystemLimitsBlockWeights: {
    baseBlock: 'SpWeightsWeightV2Weight',
    maxBlock: 'SpWeightsWeightV2Weight',
    perClass: 'FrameSupportDispatchPerDispatchClassWeightsPerClass'
  },
  /**
   * Lookup174: frame_support::dispatch::PerDispatchClass<frame_system::limits::WeightsPerClass>
   **/
  FrameSupportDispatchPerDispatchClassWeightsPerClass: {
    normal: 'FrameSystemLimitsWeightsPerClass',
    operational: 'FrameSystemLimitsWeightsPerClass',
    mandatory: 'FrameSystemLimitsWeightsPerClass'
  },
  /**
   * Lookup175: frame_system::limits::WeightsPerClass
   **/
  FrameSystemLimitsWeightsPerClass: {
    baseExtrinsic: 'SpWeightsWeightV2Weight',
    maxExtrinsic: 'Option<SpWeightsWeightV2Weight>',
    maxTotal: 'Option<SpWeightsWeightV2Weight>',
    reserved: 'Option<SpWeightsWeightV2Weight>'
  },
  /**
   * Lookup177: frame_system::limits::BlockLength
   **/
  FrameSystemLimitsBlockLength: {
    max: 'FrameSupportDispatchPerDispatchClassU32',
    maxHeaderSize: 'Option<u32>'
  },
  /**
   * Lookup178: frame_support::dispatch::PerDispatchClass<T>
   **/
  FrameSupportDispatchPerDispatchClassU32: {
    normal: 'u32',
    operational: 'u32',
    mandatory: 'u32'
  },
  /**
   * Lookup180: sp_weights::RuntimeDbWeight
   **/
  SpWeightsRuntimeDbWeight: {
    read: 'u64',
    write: 'u64'
  },
  /**
   * Lookup181: sp_version::RuntimeVersion
   **/
  SpVersionRuntimeVersion: {
    specName: 'Text',
    implName: 'Text',
    authoringVersion: 'u32',
    specVersion: 'u32',
    implVersion: 'u32',
    apis: 'Vec<([u8;8],u32)>',
    transactionVersion: 'u32',
    systemVersion: 'u8'
  },
  /**
   * Lookup186: frame_system::pallet::Error<T>
   **/
  FrameSystemError: {
    _enum: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered', 'MultiBlockMigrationsOngoing', 'NothingAuthorized', 'Unauthorized']
  },
  /**
   * Lookup193: sp_consensus_babe::digests::PreDigest
   **/
  SpConsensusBabeDigestsPreDigest: {
    _enum: {
      __Unused0: 'Null',
      Primary: 'SpConsensusBabeDigestsPrimaryPreDigest',
      SecondaryPlain: 'SpConsensusBabeDigestsSecondaryPlainPreDigest',
      SecondaryVRF: 'SpConsensusBabeDigestsSecondaryVRFPreDigest'
    }
  },
  /**
   * Lookup194: sp_consensus_babe::digests::PrimaryPreDigest
   **/
  SpConsensusBabeDigestsPrimaryPreDigest: {
    authorityIndex: 'u32',
    slot: 'u64',
    vrfSignature: 'SpCoreSr25519VrfVrfSignature'
  },
  /**
   * Lookup195: sp_core::sr25519::vrf::VrfSignature
   **/
  SpCoreSr25519VrfVrfSignature: {
    preOutput: '[u8;32]',
    proof: '[u8;64]'
  },
  /**
   * Lookup196: sp_consensus_babe::digests::SecondaryPlainPreDigest
   **/
  SpConsensusBabeDigestsSecondaryPlainPreDigest: {
    authorityIndex: 'u32',
    slot: 'u64'
  },
  /**
   * Lookup197: sp_consensus_babe::digests::SecondaryVRFPreDigest
   **/
  SpConsensusBabeDigestsSecondaryVRFPreDigest: {
    authorityIndex: 'u32',
    slot: 'u64',
    vrfSignature: 'SpCoreSr25519VrfVrfSignature'
  },
  /**
   * Lookup198: sp_consensus_babe::BabeEpochConfiguration
   **/
  SpConsensusBabeBabeEpochConfiguration: {
    c: '(u64,u64)',
    allowedSlots: 'SpConsensusBabeAllowedSlots'
  },
  /**
   * Lookup202: pallet_babe::pallet::Error<T>
   **/
  PalletBabeError: {
    _enum: ['InvalidEquivocationProof', 'InvalidKeyOwnershipProof', 'DuplicateOffenceReport', 'InvalidConfiguration']
  },
  /**
   * Lookup203: pallet_grandpa::StoredState<N>
   **/
  PalletGrandpaStoredState: {
    _enum: {
      Live: 'Null',
      PendingPause: {
        scheduledAt: 'u32',
        delay: 'u32',
      },
      Paused: 'Null',
      PendingResume: {
        scheduledAt: 'u32',
        delay: 'u32'
      }
    }
  },
  /**
   * Lookup204: pallet_grandpa::StoredPendingChange<N, Limit>
   **/
  PalletGrandpaStoredPendingChange: {
    scheduledAt: 'u32',
    delay: 'u32',
    nextAuthorities: 'Vec<(SpConsensusGrandpaAppPublic,u64)>',
    forced: 'Option<u32>'
  },
  /**
   * Lookup206: pallet_grandpa::pallet::Error<T>
   **/
  PalletGrandpaError: {
    _enum: ['PauseFailed', 'ResumeFailed', 'ChangePending', 'TooSoon', 'InvalidKeyOwnershipProof', 'InvalidEquivocationProof', 'DuplicateOffenceReport']
  },
  /**
   * Lookup208: pallet_balances::types::BalanceLock<Balance>
   **/
  PalletBalancesBalanceLock: {
    id: '[u8;8]',
    amount: 'u128',
    reasons: 'PalletBalancesReasons'
  },
  /**
   * Lookup209: pallet_balances::types::Reasons
   **/
  PalletBalancesReasons: {
    _enum: ['Fee', 'Misc', 'All']
  },
  /**
   * Lookup212: pallet_balances::types::ReserveData<ReserveIdentifier, Balance>
   **/
  PalletBalancesReserveData: {
    id: '[u8;8]',
    amount: 'u128'
  },
  /**
   * Lookup215: frame_support::traits::tokens::misc::IdAmount<sibyl_runtime::RuntimeHoldReason, Balance>
   **/
  FrameSupportTokensMiscIdAmountRuntimeHoldReason: {
    id: 'SibylRuntimeRuntimeHoldReason',
    amount: 'u128'
  },
  /**
   * Lookup218: frame_support::traits::tokens::misc::IdAmount<sibyl_runtime::RuntimeFreezeReason, Balance>
   **/
  FrameSupportTokensMiscIdAmountRuntimeFreezeReason: {
    id: 'SibylRuntimeRuntimeFreezeReason',
    amount: 'u128'
  },
  /**
   * Lookup219: sibyl_runtime::RuntimeFreezeReason
   **/
  SibylRuntimeRuntimeFreezeReason: 'Null',
  /**
   * Lookup221: pallet_balances::pallet::Error<T, I>
   **/
  PalletBalancesError: {
    _enum: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero']
  },
  /**
   * Lookup223: pallet_transaction_payment::Releases
   **/
  PalletTransactionPaymentReleases: {
    _enum: ['V1Ancient', 'V2']
  },
  /**
   * Lookup224: frame_support::traits::storage::NoDrop<frame_support::traits::tokens::fungible::imbalance::Imbalance<B, OnDrop, OppositeOnDrop>>
   **/
  FrameSupportStorageNoDrop: 'FrameSupportTokensFungibleImbalance',
  /**
   * Lookup225: frame_support::traits::tokens::fungible::imbalance::Imbalance<B, OnDrop, OppositeOnDrop>
   **/
  FrameSupportTokensFungibleImbalance: {
    amount: 'u128'
  },
  /**
   * Lookup226: pallet_sudo::pallet::Error<T>
   **/
  PalletSudoError: {
    _enum: ['RequireSudo']
  },
  /**
   * Lookup227: pallet_utility::pallet::Error<T>
   **/
  PalletUtilityError: {
    _enum: ['TooManyCalls']
  },
  /**
   * Lookup228: sibyl_primitives::registry::ModelInfo<sp_core::crypto::AccountId32, Balance, BlockNumber>
   **/
  SibylPrimitivesRegistryModelInfo: {
    _alias: {
      size_: 'size'
    },
    owner: 'AccountId32',
    name: 'Bytes',
    version: 'u32',
    size_: 'u32',
    chunkSize: 'u32',
    chunkCount: 'u32',
    chunksReceived: 'u32',
    inputs: 'Vec<SibylPrimitivesRegistryTensorSpec>',
    outputs: 'Vec<SibylPrimitivesRegistryTensorSpec>',
    price: 'u128',
    policy: 'SibylPrimitivesRegistryVerificationPolicy',
    levels: 'SibylPrimitivesRegistryLevelBounds',
    cost: 'SibylPrimitivesRegistryModelCost',
    deposit: 'u128',
    status: 'SibylPrimitivesRegistryModelStatus',
    registeredAt: 'u32'
  },
  /**
   * Lookup229: sibyl_primitives::registry::ModelStatus
   **/
  SibylPrimitivesRegistryModelStatus: {
    _enum: ['Uploading', 'Available', 'Retired']
  },
  /**
   * Lookup232: pallet_models::pallet::Error<T>
   **/
  PalletModelsError: {
    _enum: ['AlreadyRegistered', 'VersionTaken', 'NotFamilyOwner', 'EmptyName', 'EmptyModel', 'ModelTooLarge', 'ChunkCountMismatch', 'SchemaTooLarge', 'InvalidSchema', 'InvalidPolicy', 'InsufficientBalance', 'UnknownModel', 'NotOwner', 'NotUploading', 'ChunkIndexOutOfRange', 'ChunkAlreadyUploaded', 'ChunkSizeMismatch', 'ChunkHashMismatch', 'AlreadyRetired', 'InvalidLevels', 'CostOutOfBounds', 'NotRetired', 'GraceNotOver', 'InUse']
  },
  /**
   * Lookup234: pallet_payments::Bond<Balance, BlockNumber>
   **/
  PalletPaymentsBond: {
    amount: 'u128',
    key: '[u8;32]',
    unlocksAt: 'Option<u32>'
  },
  /**
   * Lookup240: pallet_payments::EscrowRecord<sp_core::crypto::AccountId32, Balance>
   **/
  PalletPaymentsEscrowRecord: {
    payer: 'AccountId32',
    amount: 'u128'
  },
  /**
   * Lookup241: pallet_payments::pallet::Error<T>
   **/
  PalletPaymentsError: {
    _enum: ['BondTooSmall', 'AlreadyBonded', 'NotBonded', 'KeyInUse', 'BadKeyProof', 'TooManyRotations', 'TooManyNodes', 'InsufficientBalance', 'Unbonding', 'StillLocked', 'ZeroAmount', 'EscrowExists', 'NoEscrow']
  },
  /**
   * Lookup242: sibyl_primitives::request::Request<sp_core::crypto::AccountId32, Balance, BlockNumber>
   **/
  SibylPrimitivesRequest: {
    requester: 'AccountId32',
    model: 'SibylPrimitivesModelModelId',
    inputHash: 'H256',
    fee: 'u128',
    premium: 'u128',
    owner: 'AccountId32',
    royalty: 'u128',
    compute: 'u128',
    created: 'u32',
    level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
    policy: 'SibylPrimitivesRegistryVerificationPolicy',
    attempts: 'u8',
    checking: 'SibylPrimitivesRequestChecking',
    slots: 'Vec<SibylPrimitivesRequestSlot>',
    state: 'SibylPrimitivesRequestRequestState'
  },
  /**
   * Lookup244: sibyl_primitives::request::Slot<sp_core::crypto::AccountId32>
   **/
  SibylPrimitivesRequestSlot: {
    node: 'AccountId32',
    key: '[u8;32]',
    seat: 'SibylPrimitivesVerifySeat',
    seal: 'Option<H256>',
    output: 'Option<H256>'
  },
  /**
   * Lookup247: sibyl_primitives::request::RequestState<BlockNumber>
   **/
  SibylPrimitivesRequestRequestState: {
    _enum: {
      Queued: 'Null',
      Committing: {
        deadline: 'u32',
      },
      Revealing: {
        deadline: 'u32',
      },
      Opening: {
        deadline: 'u32',
      },
      Settled: {
        outcome: 'SibylPrimitivesRequestOutcome',
        at: 'u32'
      }
    }
  },
  /**
   * Lookup251: sibyl_primitives::request::Receipt<sp_core::crypto::AccountId32, BlockNumber>
   **/
  SibylPrimitivesRequestReceipt: {
    requester: 'AccountId32',
    model: 'SibylPrimitivesModelModelId',
    inputHash: 'H256',
    outcome: 'SibylPrimitivesRequestOutcome',
    commitment: 'H256',
    level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
    checking: 'SibylPrimitivesRequestChecking',
    settled: 'u32'
  },
  /**
   * Lookup256: pallet_inference::pallet::Error<T>
   **/
  PalletInferenceError: {
    _enum: ['UnknownModel', 'ModelNotAvailable', 'ModelRetired', 'InputCountMismatch', 'InputTypeMismatch', 'InputShapeMismatch', 'MalformedTensor', 'NonFiniteInput', 'InputTooLarge', 'FeeBelowPrice', 'FeeOverflow', 'NotEnoughNodes', 'QueueFull', 'InsufficientBalance', 'UnknownRequest', 'NotCommitting', 'NotRevealing', 'NotAssigned', 'AlreadyCommitted', 'AlreadyRevealed', 'NotCommitted', 'SealMismatch', 'BadAttestation', 'OutputMismatch', 'OutputShouldBeInline', 'UnknownFeed', 'FeedHasNoValue', 'FeedStale', 'FeedHistoryTooShort', 'BadFeedWindow', 'BindingOutOfBounds', 'ReasonIsAnOutcome', 'NotAnOutcome', 'BindingsOverlap', 'BindingTypeUnsupported', 'FeedValueOutOfRange', 'WrongRevealForm', 'NotOpening', 'NothingToOpen', 'OpeningMismatch', 'BadLevel', 'LevelNotAllowed']
  },
  /**
   * Lookup257: pallet_verification::NodeRecord
   **/
  PalletVerificationNodeRecord: {
    inLine: 'u32',
    outOfLine: 'u32',
    misses: 'u32'
  },
  /**
   * Lookup259: pallet_oracle::Feed<BlockNumber, MaxDescription>
   **/
  PalletOracleFeed: {
    description: 'Bytes',
    decimals: 'u8',
    minSubmitters: 'u32',
    roundLength: 'u32',
    maxDeviationPpm: 'u32',
    maxAge: 'u32'
  },
  /**
   * Lookup261: pallet_oracle::Round<BlockNumber>
   **/
  PalletOracleRound: {
    number: 'u32',
    opened: 'u32'
  },
  /**
   * Lookup263: pallet_oracle::Submission<sp_core::crypto::AccountId32>
   **/
  PalletOracleSubmission: {
    node: 'AccountId32',
    stake: 'u128',
    commitment: 'H256',
    value: 'Option<i128>'
  },
  /**
   * Lookup267: sibyl_primitives::oracle::Answer<BlockNumber>
   **/
  SibylPrimitivesOracleAnswer: {
    value: 'i128',
    round: 'u32',
    at: 'u32'
  },
  /**
   * Lookup269: pallet_oracle::pallet::Error<T>
   **/
  PalletOracleError: {
    _enum: ['UnknownFeed', 'TooManyFeeds', 'NoSubmittersRequired', 'TooManySubmittersRequired', 'ZeroLength', 'RoundTooShort', 'WrongRound', 'WrongPhase', 'NotADataNode', 'AlreadySubmitted', 'RoundFull', 'BadSignature', 'NotCommitted', 'AlreadyRevealed', 'CommitmentMismatch']
  },
  /**
   * Lookup271: sibyl_primitives::schedule::ScheduleState<BlockNumber>
   **/
  SibylPrimitivesScheduleScheduleState: {
    _enum: {
      Active: 'Null',
      Ended: {
        reason: 'SibylPrimitivesScheduleEndReason',
        at: 'u32'
      }
    }
  },
  /**
   * Lookup277: sibyl_primitives::schedule::Run<BlockNumber>
   **/
  SibylPrimitivesScheduleRun: {
    index: 'u32',
    request: 'u64',
    at: 'u32',
    outcome: 'Option<SibylPrimitivesRequestOutcome>'
  },
  /**
   * Lookup281: pallet_schedules::pallet::Error<T>
   **/
  PalletSchedulesError: {
    _enum: ['PeriodTooShort', 'BadRunCount', 'MaxFeeBelowQuote', 'BudgetOverflow', 'TooManySchedules', 'NoRoomForSchedules', 'InputTooLarge', 'InsufficientBalance', 'UnknownSchedule', 'NotOwner']
  },
  /**
   * Lookup284: pallet_collator_selection::pallet::CandidateInfo<sp_core::crypto::AccountId32, Balance>
   **/
  PalletCollatorSelectionCandidateInfo: {
    who: 'AccountId32',
    deposit: 'u128'
  },
  /**
   * Lookup286: frame_support::PalletId
   **/
  FrameSupportPalletId: '[u8;8]',
  /**
   * Lookup287: pallet_collator_selection::pallet::Error<T>
   **/
  PalletCollatorSelectionError: {
    _enum: ['TooManyCandidates', 'TooFewEligibleCollators', 'AlreadyCandidate', 'NotCandidate', 'TooManyInvulnerables', 'AlreadyInvulnerable', 'NotInvulnerable', 'NoAssociatedValidatorId', 'ValidatorNotRegistered', 'InsertToCandidateListFailed', 'RemoveFromCandidateListFailed', 'DepositTooLow', 'UpdateCandidateListFailed', 'InsufficientBond', 'TargetIsNotCandidate', 'IdenticalDeposit', 'InvalidUnreserve']
  },
  /**
   * Lookup294: sp_core::crypto::KeyTypeId
   **/
  SpCoreCryptoKeyTypeId: '[u8;4]',
  /**
   * Lookup295: pallet_session::pallet::Error<T>
   **/
  PalletSessionError: {
    _enum: ['InvalidProof', 'NoAssociatedValidatorId', 'DuplicatedKey', 'NoKeys', 'NoAccount']
  },
  /**
   * Lookup296: sp_staking::offence::OffenceDetails<sp_core::crypto::AccountId32, Offender>
   **/
  SpStakingOffenceOffenceDetails: {
    offender: '(AccountId32,Null)',
    reporters: 'Vec<AccountId32>'
  },
  /**
   * Lookup299: sibyl_runtime::Runtime
   **/
  SibylRuntimeRuntime: 'Null',
  /**
   * Lookup300: sp_runtime::generic::block::LazyBlock<sp_runtime::generic::header::Header<Number, Hash>, sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic<sp_runtime::multiaddress::MultiAddress<sp_core::crypto::AccountId32, AccountIndex>, sibyl_runtime::RuntimeCall, sp_runtime::MultiSignature, Extra>>
   **/
  SpRuntimeBlockLazyBlock: {
    header: 'SpRuntimeHeader',
    extrinsics: 'Vec<Bytes>'
  },
  /**
   * Lookup304: sp_runtime::ExtrinsicInclusionMode
   **/
  SpRuntimeExtrinsicInclusionMode: {
    _enum: ['AllExtrinsics', 'OnlyInherents']
  },
  /**
   * Lookup307: frame_support::view_functions::ViewFunctionId
   **/
  FrameSupportViewFunctionsViewFunctionId: {
    prefix: '[u8;16]',
    suffix: '[u8;16]'
  },
  /**
   * Lookup309: frame_support::view_functions::ViewFunctionDispatchError
   **/
  FrameSupportViewFunctionsViewFunctionDispatchError: {
    _enum: {
      NotImplemented: 'Null',
      NotFound: 'FrameSupportViewFunctionsViewFunctionId',
      Codec: 'Null'
    }
  },
  /**
   * Lookup311: sp_runtime::transaction_validity::TransactionValidityError
   **/
  SpRuntimeTransactionValidityTransactionValidityError: {
    _enum: {
      Invalid: 'SpRuntimeTransactionValidityInvalidTransaction',
      Unknown: 'SpRuntimeTransactionValidityUnknownTransaction'
    }
  },
  /**
   * Lookup312: sp_runtime::transaction_validity::InvalidTransaction
   **/
  SpRuntimeTransactionValidityInvalidTransaction: {
    _enum: {
      Call: 'Null',
      Payment: 'Null',
      Future: 'Null',
      Stale: 'Null',
      BadProof: 'Null',
      AncientBirthBlock: 'Null',
      ExhaustsResources: 'Null',
      Custom: 'u8',
      BadMandatory: 'Null',
      MandatoryValidation: 'Null',
      BadSigner: 'Null',
      IndeterminateImplicit: 'Null',
      UnknownOrigin: 'Null'
    }
  },
  /**
   * Lookup313: sp_runtime::transaction_validity::UnknownTransaction
   **/
  SpRuntimeTransactionValidityUnknownTransaction: {
    _enum: {
      CannotLookup: 'Null',
      NoUnsignedValidator: 'Null',
      Custom: 'u8'
    }
  },
  /**
   * Lookup314: sp_inherents::InherentData
   **/
  SpInherentsInherentData: {
    data: 'BTreeMap<[u8;8], Bytes>'
  },
  /**
   * Lookup319: sp_inherents::CheckInherentsResult
   **/
  SpInherentsCheckInherentsResult: {
    okay: 'bool',
    fatalError: 'bool',
    errors: 'SpInherentsInherentData'
  },
  /**
   * Lookup320: sp_runtime::transaction_validity::TransactionSource
   **/
  SpRuntimeTransactionValidityTransactionSource: {
    _enum: ['InBlock', 'Local', 'External']
  },
  /**
   * Lookup322: sp_runtime::transaction_validity::ValidTransaction
   **/
  SpRuntimeTransactionValidityValidTransaction: {
    priority: 'u64',
    requires: 'Vec<Bytes>',
    provides: 'Vec<Bytes>',
    longevity: 'u64',
    propagate: 'bool'
  },
  /**
   * Lookup323: sp_consensus_babe::BabeConfiguration
   **/
  SpConsensusBabeBabeConfiguration: {
    slotDuration: 'u64',
    epochLength: 'u64',
    c: '(u64,u64)',
    authorities: 'Vec<(SpConsensusBabeAppPublic,u64)>',
    randomness: '[u8;32]',
    allowedSlots: 'SpConsensusBabeAllowedSlots'
  },
  /**
   * Lookup324: sp_consensus_babe::Epoch
   **/
  SpConsensusBabeEpoch: {
    epochIndex: 'u64',
    startSlot: 'u64',
    duration: 'u64',
    authorities: 'Vec<(SpConsensusBabeAppPublic,u64)>',
    randomness: '[u8;32]',
    config: 'SpConsensusBabeBabeEpochConfiguration'
  },
  /**
   * Lookup329: sp_session::runtime_api::OpaqueGeneratedSessionKeys
   **/
  SpSessionRuntimeApiOpaqueGeneratedSessionKeys: {
    _alias: {
      keys_: 'keys'
    },
    keys_: 'Bytes',
    proof: 'Bytes'
  },
  /**
   * Lookup335: pallet_transaction_payment::types::RuntimeDispatchInfo<Balance, sp_weights::weight_v2::Weight>
   **/
  PalletTransactionPaymentRuntimeDispatchInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    partialFee: 'u128'
  },
  /**
   * Lookup336: pallet_transaction_payment::types::FeeDetails<Balance>
   **/
  PalletTransactionPaymentFeeDetails: {
    inclusionFee: 'Option<PalletTransactionPaymentInclusionFee>',
    tip: 'u128'
  },
  /**
   * Lookup338: pallet_transaction_payment::types::InclusionFee<Balance>
   **/
  PalletTransactionPaymentInclusionFee: {
    baseFee: 'u128',
    lenFee: 'u128',
    adjustedWeightFee: 'u128'
  },
  /**
   * Lookup350: sibyl_primitives::schedule::Schedule<sp_core::crypto::AccountId32, Balance, BlockNumber, Input>
   **/
  SibylPrimitivesSchedule: {
    owner: 'AccountId32',
    model: 'SibylPrimitivesModelModelId',
    input: 'Bytes',
    bindings: 'Vec<SibylPrimitivesOracleFeedBinding>',
    level: 'Option<SibylPrimitivesRegistryVerificationLevel>',
    every: 'u32',
    maxRuns: 'u32',
    runs: 'u32',
    skipped: 'u32',
    skippedInARow: 'u32',
    maxFeePerRun: 'u128',
    budget: 'u128',
    next: 'u32',
    state: 'SibylPrimitivesScheduleScheduleState'
  },
  /**
   * Lookup352: sibyl_primitives::schedule::LatestOutput<BlockNumber, Output>
   **/
  SibylPrimitivesScheduleLatestOutput: {
    run: 'u32',
    request: 'u64',
    settled: 'u32',
    outputHash: 'H256',
    output: 'Option<Bytes>'
  },
  /**
   * Lookup358: sibyl_runtime::RuntimeError
   **/
  SibylRuntimeRuntimeError: {
    _enum: {
      System: 'FrameSystemError',
      __Unused1: 'Null',
      __Unused2: 'Null',
      Babe: 'PalletBabeError',
      Grandpa: 'PalletGrandpaError',
      Balances: 'PalletBalancesError',
      __Unused6: 'Null',
      Sudo: 'PalletSudoError',
      Utility: 'PalletUtilityError',
      __Unused9: 'Null',
      Models: 'PalletModelsError',
      Payments: 'PalletPaymentsError',
      Inference: 'PalletInferenceError',
      __Unused13: 'Null',
      Oracle: 'PalletOracleError',
      Schedules: 'PalletSchedulesError',
      __Unused16: 'Null',
      CollatorSelection: 'PalletCollatorSelectionError',
      Session: 'PalletSessionError'
    }
  }
};
