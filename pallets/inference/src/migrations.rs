//! Storage migrations of the inference pallet. Each runs once, while the pallet's on-chain
//! storage version is the one it migrates from (`VersionedMigration`).

use super::*;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 1: [`OpenRequests`] counts each model's requests that have not settled, so that the
/// models pallet never purges a model a request still needs.
pub mod v1 {
	use super::*;

	/// Counts the unsettled requests of a version-0 chain per model and writes the counts,
	/// replacing whatever `OpenRequests` held (nothing, on a real version-0 chain). Reads every
	/// kept request once: at most `MaxQueue` queued ones, the seated ones (bounded by the nodes'
	/// seats) and the settled ones kept for `Retention` blocks, which are skipped.
	pub struct InnerMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let cleared = OpenRequests::<T>::clear(u32::MAX, None).backend;
			let (open, read) = Pallet::<T>::count_open_requests();
			let written = (open.len() as u64).saturating_add(u64::from(cleared)).saturating_add(1);
			for (model, count) in open {
				OpenRequests::<T>::insert(model, count);
			}
			T::DbWeight::get().reads_writes(read.saturating_add(1), written)
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// [`InnerMigrateToV1`], run once: only while the pallet's storage version is 0, then 1.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		InnerMigrateToV1<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
