//! The pallet's invariants, checked by `try_state` (try-runtime) and by the unit tests.

use super::*;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Every listed feed exists with an open round; submissions are to listed feeds, one per
	/// node; no feed id is ahead of `NextFeedId`.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let ids = FeedIds::<T>::get();
		let next = NextFeedId::<T>::get();
		for feed in ids.iter() {
			ensure!(*feed < next, "a feed id ahead of NextFeedId");
			ensure!(Feeds::<T>::contains_key(feed), "a listed feed does not exist");
			ensure!(Rounds::<T>::contains_key(feed), "a listed feed has no open round");
		}
		ensure!(Feeds::<T>::iter_keys().count() == ids.len(), "a feed is not listed");
		for (feed, submissions) in Submissions::<T>::iter() {
			ensure!(ids.contains(&feed), "submissions to a feed that is not listed");
			let mut nodes = alloc::collections::BTreeSet::new();
			for s in submissions.iter() {
				ensure!(nodes.insert(&s.node), "a node submitted twice in a round");
			}
		}
		Ok(())
	}
}
