//! Storage migrations of the oracle pallet. Each reads the format it migrates from through its
//! own storage alias and writes the next one, so a chain several versions behind runs them in
//! order in one upgrade.

use super::*;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sibyl_primitives::Role;

/// Version 1: a submission records the node's stake (`Submission { node, value, stake }`,
/// was `(node, value)`), the weight of its value in the stake-weighted median.
pub mod v1 {
	use super::*;

	/// A round's submissions before version 1.
	pub type OldSubmissions<T> =
		BoundedVec<(<T as frame_system::Config>::AccountId, i128), <T as Config>::MaxSubmitters>;

	/// A submission in version 1: a public value and the node's stake.
	#[derive(Clone, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct Submission<AccountId> {
		/// The data node.
		pub node: AccountId,
		/// Its value.
		pub value: i128,
		/// Its bond when it submitted.
		pub stake: u128,
	}

	/// A round's submissions in version 1.
	pub type RoundSubmissions<T> = BoundedVec<
		Submission<<T as frame_system::Config>::AccountId>,
		<T as Config>::MaxSubmitters,
	>;

	/// `Submissions` as version 1 stores it (same pallet, same name: same keys).
	#[frame_support::storage_alias]
	type Submissions<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, FeedId, RoundSubmissions<T>, ValueQuery>;

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

/// Version 2: rounds are committed, then revealed. A submission holds the node's commitment
/// and its value once revealed (`Submission { node, stake, commitment, value: Option<_> }`).
pub mod v2 {
	use super::*;

	/// Rewrites the open rounds' version-1 submissions as revealed values (their values were
	/// public already), with no commitment: they count in the round's median as before the
	/// upgrade. Nodes that had not submitted yet commit and reveal in the next round. Feeds with
	/// 1-block rounds (allowed before) get 2-block ones: a round needs a block to commit and
	/// one to reveal.
	pub struct InnerMigrateToV2<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut rounds = 0u64;
			crate::Submissions::<T>::translate_values::<v1::RoundSubmissions<T>, _>(|old| {
				rounds = rounds.saturating_add(1);
				let new: Vec<_> = old
					.into_iter()
					.map(|v1::Submission { node, value, stake }| Submission {
						node,
						stake,
						commitment: H256::zero(),
						value: Some(value),
					})
					.collect();
				// Same bound, same length: the conversion cannot fail.
				BoundedVec::try_from(new).ok()
			});
			let mut feeds = 0u64;
			Feeds::<T>::translate_values::<FeedOf<T>, _>(|mut feed| {
				feeds = feeds.saturating_add(1);
				feed.round_length = feed.round_length.max(2u32.into());
				Some(feed)
			});
			let touched = rounds.saturating_add(feeds).saturating_add(1);
			T::DbWeight::get().reads_writes(touched, touched)
		}
	}

	/// [`InnerMigrateToV2`], run once: only while the pallet's storage version is 1, then 2.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
