//! The Sibyl runtime.
//!
//! Pallets are declared here with explicit indices; their configuration lives in [`configs`],
//! the runtime APIs in [`apis`] and the genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to recursive types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The same runtime with `spec_version` one higher (the `upgrade-test` feature), built beside
/// the real one: what the runtime-upgrade test sets as a running chain's new code, so that the
/// upgrade runs the migrations of a real version change. Never a chain's genesis.
#[cfg(feature = "std")]
pub mod upgrade_test {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_upgrade.rs"));
}

extern crate alloc;

// The pallets `sibyl-node benchmark pallet` can weigh (with `--features runtime-benchmarks`).
// At the crate root, before `apis`, so its `list_benchmarks!`/`add_benchmarks!` are in scope there.
#[cfg(feature = "runtime-benchmarks")]
frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_models, Models]
	[pallet_oracle, Oracle]
	[pallet_payments, Payments]
	[pallet_schedules, Schedules]
	[pallet_inference, Inference]
);

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
pub use opaque::SessionKeys;
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
pub use sibyl_primitives::{
	currency::{EXISTENTIAL_DEPOSIT, MILLI_UNIT, UNIT},
	AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node uses without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::OpaqueExtrinsic;

	/// An extrinsic as opaque bytes.
	pub type UncheckedExtrinsic = OpaqueExtrinsic;
	/// A block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// A block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// A block id.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The session keys of a validator.
		pub struct SessionKeys {
			/// Block authoring (BABE).
			pub babe: Babe,
			/// Finality (GRANDPA).
			pub grandpa: Grandpa,
		}
	}
}

/// The runtime's version.
#[cfg(not(feature = "upgrade-test"))]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("sibyl"),
	impl_name: Cow::Borrowed("sibyl-node"),
	authoring_version: 1,
	spec_version: 104,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 5,
	system_version: 1,
};

/// The runtime's version in the `upgrade-test` build: [`VERSION`] with `spec_version` one
/// higher (`#[runtime_version]` takes literals only; keep the two in step).
#[cfg(feature = "upgrade-test")]
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("sibyl"),
	impl_name: Cow::Borrowed("sibyl-node"),
	authoring_version: 1,
	spec_version: 105,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 5,
	system_version: 1,
};

/// The address format: an account id, or an index (unused).
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justifications.
pub type SignedBlock = generic::SignedBlock<Block>;

/// The checks and payments every transaction passes through.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	pallet_inference::SeatsLeft<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// What [`TxExtension`] adds to a signed payload without sending it (spec and transaction
/// versions, genesis and era block hashes, and the metadata hash when a signer asks for it).
pub type TxExtensionImplicit =
	<TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::Implicit;

/// The transaction extensions of an immortal transaction with `nonce` and `tip`: the one place
/// outside the type above that knows their order (clients sign with it, the offchain workers
/// authorize with it). `CheckMetadataHash` is off (mode 0): the signer has the runtime's types
/// compiled in and needs no proof of what the metadata says.
pub fn tx_extension(nonce: Nonce, tip: Balance) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(generic::Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		pallet_inference::SeatsLeft::<Runtime>::new(),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// The implicit part of [`tx_extension`]'s payload on a chain with `genesis` whose runtime has
/// `spec_version` and `transaction_version` (an immortal era's block is the genesis).
pub fn tx_extension_implicit(
	spec_version: u32,
	transaction_version: u32,
	genesis: Hash,
) -> TxExtensionImplicit {
	((), (), spec_version, transaction_version, genesis, genesis, (), (), (), None, (), ())
}

/// An extrinsic as the runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a transaction signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade, besides the pallets' own (each runs
/// once: it checks the pallet's storage version).
type Migrations = (
	pallet_oracle::migrations::v1::MigrateToV1<Runtime>,
	pallet_oracle::migrations::v2::MigrateToV2<Runtime>,
	pallet_inference::migrations::v1::MigrateToV1<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type BlockTime = pallet_block_time;

	#[runtime::pallet_index(3)]
	pub type Babe = pallet_babe;

	#[runtime::pallet_index(4)]
	pub type Grandpa = pallet_grandpa;

	// The validator set. `CollatorSelection` before `Session`: the session's genesis asks it
	// for the first validators. Both after `Babe`, whose slot they read.
	#[runtime::pallet_index(16)]
	pub type Authorship = pallet_authorship;

	#[runtime::pallet_index(17)]
	pub type CollatorSelection = pallet_collator_selection;

	#[runtime::pallet_index(18)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(19)]
	pub type Historical = pallet_session::historical;

	#[runtime::pallet_index(20)]
	pub type Offences = pallet_offences;

	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(6)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(10)]
	pub type Models = pallet_models;

	#[runtime::pallet_index(11)]
	pub type Payments = pallet_payments;

	#[runtime::pallet_index(12)]
	pub type Inference = pallet_inference;

	#[runtime::pallet_index(13)]
	pub type Verification = pallet_verification;

	#[runtime::pallet_index(14)]
	pub type Oracle = pallet_oracle;

	// After `Inference` and `Oracle`: a run's request is made at the start of the block once
	// the queue has been seated, on the feed values the block starts with.
	#[runtime::pallet_index(15)]
	pub type Schedules = pallet_schedules;
}

#[cfg(test)]
mod tests;
