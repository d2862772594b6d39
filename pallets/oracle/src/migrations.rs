//! Storage migrations of the oracle pallet.

use super::*;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 1: a submission records the node's stake (`Submission { node, value, stake }`,
/// was `(node, value)`), the weight of its value in the stake-weighted median.
pub mod v1 {
	use super::*;

	/// A round's submissions before version 1.
	pub type OldSubmissions<T> =
		BoundedVec<(<T as frame_system::Config>::AccountId, i128), <T as Config>::MaxSubmitters>;

	/// Rewrites the open rounds' submissions with each node's stake now: the values submitted
	/// before the upgrade count in the round's median, weighted like those after it.
	pub struct InnerMigrateToV1<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateToV1<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut rounds = 0u64;
			let mut submissions = 0u64;
			Submissions::<T>::translate_values::<OldSubmissions<T>, _>(|old| {
				rounds = rounds.saturating_add(1);
				submissions = submissions.saturating_add(old.len() as u64);
				let new: Vec<_> = old
					.into_iter()
					.map(|(node, value)| {
						let stake = T::Nodes::stake(Role::Data, &node);
						Submission { node, value, stake }
					})
					.collect();
				// Same bound, same length: the conversion cannot fail.
				BoundedVec::try_from(new).ok()
			});
			// Per round a read and a write; per submission its node's bond.
			T::DbWeight::get().reads_writes(
				rounds.saturating_add(submissions).saturating_add(1),
				rounds.saturating_add(1),
			)
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
