//! One `impl Config` per pallet.

use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, IdentityFee, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sibyl_primitives::time::{DEV_BLOCK_TIME_MS, MAX_BLOCK_TIME_MS, MIN_BLOCK_TIME_MS};
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Babe, Balance, Balances, Block, BlockNumber, Hash, Historical, Nonce, Offences,
	OriginCaller, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, System, EXISTENTIAL_DEPOSIT, VERSION,
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmark_support;
#[cfg(feature = "runtime-benchmarks")]
mod inference_benchmarks;
#[cfg(feature = "runtime-benchmarks")]
mod schedules_benchmarks;

/// Share of a block that ordinary transactions may fill; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Largest block, in bytes. Model chunks are sized against this.
pub const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute per block: fits the shortest (1 s) dev block time's import budget
	/// on a reference machine only because blocks are mostly empty there; 6 s testnet blocks
	/// leave room for the rest.
	/// The base weights of a block and of a transaction are the reference machine's
	/// (`runtime/src/weights`, from `benchmark overhead`), not frame-support's defaults.
	pub RuntimeBlockWeights: BlockWeights = block_weights(
		Weight::from_parts(2u64.saturating_mul(WEIGHT_REF_TIME_PER_SECOND), u64::MAX),
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO.mul_floor(*max)
		})
		.build();
	pub const SS58Prefix: u16 = 42;
}

/// `BlockWeights::with_sensible_defaults(max, NORMAL_DISPATCH_RATIO)` on the measured base
/// weights: normal transactions get `NORMAL_DISPATCH_RATIO` of `max`, operational ones all of
/// it with the rest reserved for them, and 10 % is expected for block initialization.
fn block_weights(max: Weight) -> BlockWeights {
	let normal = Weight::from_parts(
		NORMAL_DISPATCH_RATIO.mul_floor(max.ref_time()),
		NORMAL_DISPATCH_RATIO.mul_floor(max.proof_size()),
	);
	BlockWeights::builder()
		.base_block(crate::weights::BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = crate::weights::ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| weights.max_total = Some(normal))
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(max);
			weights.reserved = Some(max.saturating_sub(normal));
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic()
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

parameter_types! {
	pub const DefaultSlotDuration: u64 = DEV_BLOCK_TIME_MS;
	pub const MinSlotDuration: u64 = MIN_BLOCK_TIME_MS;
	pub const MaxSlotDuration: u64 = MAX_BLOCK_TIME_MS;
}

impl pallet_block_time::Config for Runtime {
	type DefaultSlotDuration = DefaultSlotDuration;
	type MinSlotDuration = MinSlotDuration;
	type MaxSlotDuration = MaxSlotDuration;
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the unix epoch.
	type Moment = u64;
	type OnTimestampSet = Babe;
	type MinimumPeriod = pallet_block_time::MinimumPeriodOf<Runtime>;
	type WeightInfo = ();
}

parameter_types! {
	/// Slots per BABE epoch, which is also a session: a validator set change or a key rotation
	/// takes effect two sessions after it is made (80 s on `--dev`, 4 min on the 6 s testnet).
	/// Fixed once a chain runs, like the slot duration.
	pub const EpochDuration: u64 = sibyl_primitives::time::EPOCH_DURATION_SLOTS;
}

/// The BABE parameters every chain of this runtime starts with: a primary slot for a given
/// authority with probability 1/4, and a secondary author with a VRF output for every other
/// slot, so that every block carries a VRF output its author cannot choose.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
	sp_consensus_babe::BabeEpochConfiguration {
		c: (1, 4),
		allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
	};

impl pallet_babe::Config for Runtime {
	type EpochDuration = EpochDuration;
	type ExpectedBlockTime = pallet_block_time::SlotDurationOf<Runtime>;
	// Sessions end with epochs (`Session::ShouldEndSession` is BABE), and each new session
	// hands BABE the next authority set.
	type EpochChangeTrigger = pallet_babe::ExternalTrigger;
	type DisabledValidators = ();
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_babe::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}

// --- Validator set: sessions, and who is in the set.
//
// `pallet-session` rotates BABE and GRANDPA keys at each epoch; `pallet-collator-selection`
// (polkadot-sdk's smallest real set manager) decides who validates. Today the set is its
// invulnerables, which only root adds and removes (a proof-of-authority testnet governed by
// sudo); its candidacy (`register_as_candidate` with a bond, kicked when not authoring) is the
// stake-based path later, closed today (`MaxCandidates` 0: opening it is a runtime upgrade).
// A validator that signs two blocks for one slot (BABE) or two votes in one round (GRANDPA) is
// reported by the nodes that see it (an unsigned report with a proof that the key was in the set,
// from the historical session roots) and recorded by `Offences`; nothing is slashed yet: no stake
// is behind a validator seat (docs/running-a-node.md).

parameter_types! {
	/// Held from an account that registers session keys, for the storage they take.
	pub const SessionKeyDeposit: Balance = sibyl_primitives::currency::UNIT;
	pub const ValidatorPotId: frame_support::PalletId = frame_support::PalletId(*b"sibyl/va");
	/// Most validators root may name: BABE's and GRANDPA's `MaxAuthorities`.
	pub const MaxValidators: u32 = 32;
	/// Fewer validators than this cannot remain: root cannot remove the last one.
	pub const MinValidators: u32 = 1;
	/// A (future) bonded candidate that has not authored for two sessions is removed.
	pub const ValidatorKickThreshold: BlockNumber =
		(sibyl_primitives::time::EPOCH_DURATION_SLOTS as BlockNumber).saturating_mul(2);
}

parameter_types! {
	/// Sessions whose validator sets stay provable for equivocation reports: a week of testnet
	/// sessions (2 min), longer than any report takes to land.
	pub const MaxSetIdSessionEntries: u64 = 5_040;
	/// Blocks an equivocation report stays valid in the pool: one session.
	pub const ReportLongevity: u64 = sibyl_primitives::time::EPOCH_DURATION_SLOTS;
}

/// Who the historical session roots identify: the validator account alone (no stake yet).
pub struct IdentifyValidator;
impl sp_runtime::traits::Convert<AccountId, Option<()>> for IdentifyValidator {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = IdentifyValidator;
}

/// `CollatorSelection`'s validator sets, with the (empty) identification the historical roots
/// record for each validator. An empty set is never enacted: the validators stay (a genesis
/// without invulnerables, as zombienet writes one, keeps the validators of its session keys).
pub struct ValidatorSets;
impl pallet_session::SessionManager<AccountId> for ValidatorSets {
	fn new_session(index: u32) -> Option<Vec<AccountId>> {
		<super::CollatorSelection as pallet_session::SessionManager<_>>::new_session(index)
			.filter(|set| !set.is_empty())
	}
	fn new_session_genesis(index: u32) -> Option<Vec<AccountId>> {
		<super::CollatorSelection as pallet_session::SessionManager<_>>::new_session_genesis(index)
			.filter(|set| !set.is_empty())
	}
	fn start_session(index: u32) {
		<super::CollatorSelection as pallet_session::SessionManager<_>>::start_session(index)
	}
	fn end_session(index: u32) {
		<super::CollatorSelection as pallet_session::SessionManager<_>>::end_session(index)
	}
}
impl pallet_session::historical::SessionManager<AccountId, ()> for ValidatorSets {
	fn new_session(index: u32) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn new_session_genesis(index: u32) -> Option<Vec<(AccountId, ())>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(index)
			.map(|set| set.into_iter().map(|v| (v, ())).collect())
	}
	fn start_session(index: u32) {
		<Self as pallet_session::SessionManager<_>>::start_session(index)
	}
	fn end_session(index: u32) {
		<Self as pallet_session::SessionManager<_>>::end_session(index)
	}
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	// Recorded (`Offences::Offence` events, `Reports`), not punished yet.
	type OnOffenceHandler = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = Babe;
	type NextSessionRotation = Babe;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, ValidatorSets>;
	type SessionHandler =
		<super::SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = super::SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Babe>;
	// Records each validator's last authored block (`CollatorSelection::LastAuthoredBlock`).
	type EventHandler = super::CollatorSelection;
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type UpdateOrigin = frame_system::EnsureRoot<AccountId>;
	type PotId = ValidatorPotId;
	type MaxCandidates = ConstU32<0>;
	type MinEligibleCollators = MinValidators;
	type MaxInvulnerables = MaxValidators;
	type KickThreshold = ValidatorKickThreshold;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = super::Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// What every byte of a transaction pays, once: 1 µUNIT. A full node keeps every block it
	/// finalized (the default `archive-canonical` block pruning), so a transaction's bytes are
	/// stored by every node for as long as the chain lives. At a cloud disk's ~0.02 USD per
	/// GB-month, a hundred nodes keeping a byte ten years cost ~2.4·10⁻⁷ USD: 1 µUNIT a byte
	/// covers that at a token price from 0.25 USD up. A 64 MiB model's chunks pay ~67 UNIT, a
	/// 1 MiB input ~1 UNIT, a 16-byte one (the example model) 16 µUNIT. Nodes' seals and reveals
	/// are authorized calls and pay no fee.
	pub const TransactionByteFee: Balance = sibyl_primitives::currency::MICRO_UNIT;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

/// Bytes per model chunk: 1 MiB, so three chunk transactions fit in the 3.75 MiB that ordinary
/// transactions may fill of a 5 MiB block, and a chunk's hashing costs about 2 ms of weight.
pub const MODEL_CHUNK_SIZE: u32 = 1024 * 1024;
/// Largest model: the engine's limit, 64 MiB.
pub const MAX_MODEL_BYTES: u32 = 64 * 1024 * 1024;

parameter_types! {
	pub const MaxModelBytes: u32 = MAX_MODEL_BYTES;
	pub const ModelChunkSize: u32 = MODEL_CHUNK_SIZE;
	pub const MaxModelChunks: u32 = MAX_MODEL_BYTES / MODEL_CHUNK_SIZE;
	pub const MaxSchemaTensors: u32 = sibyl_primitives::tensor::MAX_TENSORS;
	pub const ModelDepositBase: Balance = sibyl_primitives::currency::UNIT;
	/// Held per byte while every node keeps the model (offchain index and model store): 1 µUNIT,
	/// 67 UNIT for the largest model, released when it is purged.
	pub const ModelDepositPerByte: Balance = sibyl_primitives::currency::MICRO_UNIT;
	/// A retired model may be purged after `RequestRetention` blocks, and only once every
	/// request made before the retirement has settled (`Usage`: a seated request ends within
	/// `MaxAttempts` rounds of a few `ResultTimeout` phases, a queued one within `MaxQueueWait`);
	/// its record stays readable as long as theirs.
	pub const ModelRetireGrace: BlockNumber = RequestRetention::get();
	/// Work of one call a model may declare: 2·10¹⁰ ops, 8× PP-OCR det at 640×640 (2.5·10⁹),
	/// about 2.4 s on the reference machine (8 Gops/s, scripts/engine-cost.sh): a node three
	/// times slower still finishes inside the sandbox's 10 s run limit.
	pub const MaxModelOps: u64 = 20_000_000_000;
	/// Peak memory of one call a model may declare: 1 GiB, inside the engine sandbox's
	/// default limit (`--engine-memory`).
	pub const MaxModelMemory: u64 = 1 << 30;
}

impl pallet_models::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MaxModelBytes = MaxModelBytes;
	type ChunkSize = ModelChunkSize;
	type MaxChunks = MaxModelChunks;
	type MaxSchemaTensors = MaxSchemaTensors;
	type DepositBase = ModelDepositBase;
	type DepositPerByte = ModelDepositPerByte;
	type RetireGrace = ModelRetireGrace;
	type Usage = pallet_inference::Pallet<Runtime>;
	type MaxModelOps = MaxModelOps;
	type MaxModelMemory = MaxModelMemory;
	type WeightInfo = pallet_models::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const MinInferenceBond: Balance = 100 * sibyl_primitives::currency::UNIT;
	pub const MinVerifierBond: Balance = 100 * sibyl_primitives::currency::UNIT;
	pub const MinDataBond: Balance = 10 * sibyl_primitives::currency::UNIT;
	/// About two hours of 2 s blocks (six of 6 s blocks).
	pub const UnbondingPeriod: BlockNumber = 3_600;
	pub const MaxNodesPerRole: u32 = 256;
	pub const TreasuryPalletId: frame_support::PalletId = frame_support::PalletId(*b"sibyl/tr");
	/// The treasury: receives slashes and verification premiums, pays verifiers.
	pub TreasuryAccount: AccountId =
		sp_runtime::traits::AccountIdConversion::into_account_truncating(&TreasuryPalletId::get());
}

impl pallet_payments::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MinInferenceBond = MinInferenceBond;
	type MinVerifierBond = MinVerifierBond;
	type MinDataBond = MinDataBond;
	type UnbondingPeriod = UnbondingPeriod;
	type MaxNodes = MaxNodesPerRole;
	type TreasuryAccount = TreasuryAccount;
	type OnWithdrawn = pallet_verification::Pallet<Runtime>;
	type WeightInfo = pallet_payments::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Paid from the treasury to each verifier in line with a deciding majority.
	pub const VerificationFee: Balance = 10 * sibyl_primitives::currency::MILLI_UNIT;
	/// Half the bond of an executor whose result the majority rejects (50 UNIT at the minimum
	/// bond): see `docs/verification.md` for why this makes cheating unprofitable.
	pub const WrongResultSlash: Perbill = Perbill::from_percent(50);
	/// A fifth of the bond of a verifier out of line with the majority.
	pub const WrongVoteSlash: Perbill = Perbill::from_percent(20);
	/// Five missed deadlines in a row cost 1 % of the bond.
	pub const MaxMisses: u32 = 5;
	pub const MissSlash: Perbill = Perbill::from_percent(1);
}

impl pallet_verification::Config for Runtime {
	type Balance = Balance;
	type Nodes = pallet_payments::Pallet<Runtime>;
	type Treasury = pallet_payments::Pallet<Runtime>;
	type VerificationFee = VerificationFee;
	type WrongResultSlash = WrongResultSlash;
	type WrongVoteSlash = WrongVoteSlash;
	type MaxMisses = MaxMisses;
	type MissSlash = MissSlash;
	// Misses count once per phase (`ResultTimeout`): a node that is down for a moment misses one
	// phase, however many seats it held.
	type MissWindow = ResultTimeout;
}

parameter_types! {
	/// Paid to each executor of a verified request.
	pub const ExecutionFee: Balance = 10 * sibyl_primitives::currency::MILLI_UNIT;
	/// 1 µUNIT per million ops per run: the example model (one unit) adds 0.1 ‰ to its fee,
	/// PP-OCR det at 640×640 (2,470 units) 2.5 mUNIT per run.
	pub const ComputeFeePerMegaOp: Balance = sibyl_primitives::currency::MICRO_UNIT;
	/// Ten blocks per phase (sealing, revealing): a PP-OCR detection run takes about 0.2 s on a
	/// 2-core node.
	pub const ResultTimeout: BlockNumber = 10;
	pub const MaxAttempts: u8 = 3;
	/// Settled requests stay readable for 14,400 blocks (8 h of 2 s blocks, a day of 6 s ones).
	pub const RequestRetention: BlockNumber = 14_400;
	/// 1 MiB of input: a 3×320×320 f32 image fits; a block holds three such requests.
	pub const MaxInputBytes: u32 = 1024 * 1024;
	/// Outputs up to 16 KiB (a classifier's scores, OCR logits of a line) are kept on chain.
	pub const MaxInlineOutput: u32 = 16 * 1024;
	pub const MaxRequestQueue: u32 = 256;
	/// A request that found no node with room for 900 blocks (30 min of 2 s blocks) is refunded
	/// rather than kept waiting: its requester gets the fee back, and a retired model's last
	/// requests cannot hold off its purge longer than that.
	pub const MaxQueueWait: BlockNumber = 900;
	/// 32 new requests a block: a node's offchain worker takes two steps for each (seal, reveal),
	/// 64 of its 128 a block (`MAX_JOBS_PER_RUN`), and a debug `--dev` node builds a block of
	/// them, their seals and their reveals (~160 transactions) in 0.35–0.5 s of a 1 s slot.
	pub const MaxAssignPerBlock: u32 = 32;
	/// A node holds at most 96 open seats: three blocks of new requests at the full seating
	/// rate. An idle request holds its seats two blocks (seated in the including block, sealed in
	/// the next, revealed and freed in the one after, before that block seats new ones); the third
	/// absorbs a seal or reveal that lands a block late, so one executor and one verifier serve
	/// `MaxAssignPerBlock` requests a block (64 seats: 1,224 settled a minute on `--dev` under a
	/// burst, p99 5 blocks; 96: 1,667, p99 4). It also bounds what a node is handed when blocks
	/// slow down: requests beyond what the bonded nodes can serve wait (in the pool, see
	/// `SeatsLeft`, or in the queue) instead of being handed out to be missed. Four debug nodes on
	/// two cores (`--chain local`) settle 300 requests with these seats without a miss.
	pub const MaxSeatsPerNode: u32 = 96;
	pub const MaxPrunePerBlock: u32 = 64;
	/// A quarter of a block for `Inference`'s start-of-block work (deadlines, seating,
	/// pruning); the rest is carried to the next block.
	pub InferenceHookWeight: Weight =
		RuntimeBlockWeights::get().max_block.saturating_div(4);
}

parameter_types! {
	/// Sixteen schedules per account, 1,024 on chain.
	pub const MaxSchedulesPerAccount: u32 = 16;
	pub const MaxSchedules: u32 = 1_024;
	/// Eight runs at the start of a block (a quarter of `MaxAssignPerBlock`): the rest are carried
	/// to the next block, so schedules never crowd out requests sent as transactions.
	pub const MaxScheduledRunsPerBlock: u32 = 8;
	/// At most 100,000 runs per schedule (about 55 hours of runs every 2 s block).
	pub const MaxScheduleRuns: u32 = 100_000;
	/// The latest 16 runs of each schedule are kept.
	pub const MaxScheduleHistory: u32 = 16;
	/// A run at most every other block.
	pub const MinSchedulePeriod: BlockNumber = 2;
	/// Runs use at most a quarter of a block's 2 s (each at its own input and bindings).
	pub const MaxScheduledRunWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_div(2), u64::MAX);
	/// A schedule that skipped 64 periods in a row ends (its budget released).
	pub const MaxConsecutiveSkips: u32 = 64;
	/// Ended schedules stay readable as long as settled requests (`RequestRetention`).
	pub const EndedScheduleRetention: BlockNumber = 14_400;
	pub const MaxSchedulesPrunedPerBlock: u32 = 64;
}

impl pallet_schedules::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Inference = pallet_inference::Pallet<Runtime>;
	type MaxInputBytes = MaxInputBytes;
	type MaxOutputBytes = MaxInlineOutput;
	type MaxSchedulesPerAccount = MaxSchedulesPerAccount;
	type MaxSchedules = MaxSchedules;
	type MaxRunsPerBlock = MaxScheduledRunsPerBlock;
	type MaxRunWeight = MaxScheduledRunWeight;
	type MaxConsecutiveSkips = MaxConsecutiveSkips;
	type EndedRetention = EndedScheduleRetention;
	type MaxPrunePerBlock = MaxSchedulesPrunedPerBlock;
	type MaxRuns = MaxScheduleRuns;
	type MaxHistory = MaxScheduleHistory;
	type MinPeriod = MinSchedulePeriod;
	type WeightInfo = pallet_schedules::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = schedules_benchmarks::SchedulesBenchmarkHelper;
}

parameter_types! {
	/// Paid from the treasury to each data node within the deviation bound of a closed round.
	pub const SubmissionReward: Balance = sibyl_primitives::currency::MILLI_UNIT;
	/// A tenth of a data node's bond (1 UNIT at the minimum) for a value beyond the bound.
	pub const DeviationSlash: Perbill = Perbill::from_percent(10);
	pub const MaxFeeds: u32 = 64;
	/// A tenth of a block for closing oracle rounds; due rounds beyond it close a block later.
	pub OracleHookWeight: Weight = RuntimeBlockWeights::get().max_block.saturating_div(10);
	pub const MaxFeedSubmitters: u32 = 64;
	/// The last 32 closed rounds of each feed are kept (inputs may take a window of them).
	pub const MaxFeedHistory: u32 = 32;
	pub const MaxFeedDescription: u32 = 256;
}

impl pallet_oracle::Config for Runtime {
	type Balance = Balance;
	type Nodes = pallet_payments::Pallet<Runtime>;
	type Treasury = pallet_payments::Pallet<Runtime>;
	type SubmissionReward = SubmissionReward;
	type DeviationSlash = DeviationSlash;
	type MaxFeeds = MaxFeeds;
	type MaxSubmitters = MaxFeedSubmitters;
	type MaxHistory = MaxFeedHistory;
	type MaxHookWeight = OracleHookWeight;
	type MaxDescription = MaxFeedDescription;
	type WeightInfo = pallet_oracle::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = OracleBenchmarkHelper;
}

/// Bonds the oracle benchmarks' data nodes through `Payments`, funded to twice their stake.
#[cfg(feature = "runtime-benchmarks")]
pub struct OracleBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_oracle::BenchmarkHelper<AccountId> for OracleBenchmarkHelper {
	fn data_node(i: u32, key: sibyl_primitives::NodeKey, stake: u128) -> AccountId {
		benchmark_support::bonded_node("data", i, sibyl_primitives::Role::Data, stake, key)
	}
}

/// The randomness of every draw in a block ([`BlockRandomness`]): a hash of the BABE VRF
/// pre-output in the block's pre-runtime digest.
///
/// The client verifies that VRF signature against the author's key before the block executes,
/// so the value is the one output the author's key gives for this slot and epoch: the author
/// cannot choose it, nobody without its key can compute it before the block is published, and it
/// is the same throughout the block (the digest does not change during execution). Every slot's
/// author carries one (primary and secondary VRF slots, [`BABE_GENESIS_EPOCH_CONFIG`]); only a
/// block without a BABE pre-digest, which this chain never imports (benchmarks build such
/// blocks), falls back to the parent hash.
pub struct BlockVrf;

impl sibyl_primitives::verify::BlockRandomness for BlockVrf {
	fn block_randomness() -> Hash {
		use codec::{Decode, Encode};
		use sp_runtime::traits::{BlakeTwo256, Hash as _};
		let pre_digest = System::digest().logs.iter().find_map(|log| {
			let (engine, mut data) = log.as_pre_runtime()?;
			if engine != sp_consensus_babe::BABE_ENGINE_ID {
				return None;
			}
			sp_consensus_babe::digests::PreDigest::decode(&mut data).ok()
		});
		match pre_digest.as_ref().and_then(|digest| digest.vrf_signature()) {
			Some(vrf) => BlakeTwo256::hash(&(b"sibyl/block-vrf", &vrf.pre_output).encode()),
			None => BlakeTwo256::hash(&(b"sibyl/no-vrf", System::parent_hash()).encode()),
		}
	}
}

impl pallet_inference::Config for Runtime {
	type Balance = Balance;
	type Models = pallet_models::Pallet<Runtime>;
	type Nodes = pallet_payments::Pallet<Runtime>;
	type Escrow = pallet_payments::Pallet<Runtime>;
	type Treasury = pallet_payments::Pallet<Runtime>;
	type Verifier = pallet_verification::Pallet<Runtime>;
	type Feeds = pallet_oracle::Pallet<Runtime>;
	type Randomness = BlockVrf;
	type OnSettled = pallet_schedules::Pallet<Runtime>;
	type ExecutionFee = ExecutionFee;
	type ComputeFeePerMegaOp = ComputeFeePerMegaOp;
	type ResultTimeout = ResultTimeout;
	type MaxAttempts = MaxAttempts;
	type Retention = RequestRetention;
	type MaxInputBytes = MaxInputBytes;
	type MaxInlineOutput = MaxInlineOutput;
	type MaxQueue = MaxRequestQueue;
	type MaxQueueWait = MaxQueueWait;
	type MaxAssignPerBlock = MaxAssignPerBlock;
	type MaxSeatsPerNode = MaxSeatsPerNode;
	type MaxPrunePerBlock = MaxPrunePerBlock;
	type MaxHookWeight = InferenceHookWeight;
	type WeightInfo = pallet_inference::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = inference_benchmarks::InferenceBenchmarkHelper;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = super::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Equivocation reports are bare (unsigned) transactions, validated by BABE's and GRANDPA's
/// `ValidateUnsigned`.
impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> super::UncheckedExtrinsic {
		super::UncheckedExtrinsic::new_bare(call)
	}
}

impl<LocalCall> frame_system::offchain::CreateTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extension = super::TxExtension;

	fn create_transaction(
		call: RuntimeCall,
		extension: super::TxExtension,
	) -> super::UncheckedExtrinsic {
		super::UncheckedExtrinsic::new_transaction(call, extension)
	}
}

/// Offchain workers submit results as authorized general transactions: no signer, no fee; the
/// pallet's `#[pallet::authorize]` function decides validity. The other extensions see no
/// signed origin and pass.
impl<LocalCall> frame_system::offchain::CreateAuthorizedTransaction<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_extension() -> super::TxExtension {
		super::tx_extension(0, 0)
	}
}
