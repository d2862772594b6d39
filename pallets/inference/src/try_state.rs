//! The pallet's invariants, checked by `try_state` (try-runtime) and by the unit tests after
//! every step of the property test.

use super::*;
use alloc::collections::BTreeMap;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Queue, seats, deadlines and stored data agree with the requests:
	/// - every queued id is a `Queued` request, once;
	/// - every `Assigned` entry is a seat of an unsettled request, and `SeatCounts` counts them;
	/// - every request in a phase will expire: its id waits in `Deadlines` for the block after;
	/// - inputs are kept only until a request ends; no request id is ahead of `NextRequestId`;
	/// - `OpenRequests` counts each model's unsettled requests, and keeps no zero.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let now = frame_system::Pallet::<T>::block_number();
		let next = NextRequestId::<T>::get();
		let queue = Queue::<T>::get();
		let mut seen = alloc::collections::BTreeSet::new();
		for id in queue.iter() {
			ensure!(seen.insert(*id), "a request is queued twice");
			let request = Requests::<T>::get(id).ok_or("a queued request does not exist")?;
			ensure!(request.state == RequestState::Queued, "a queued request is not Queued");
		}
		let mut seats: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (node, id, ()) in Assigned::<T>::iter() {
			let request =
				Requests::<T>::get(id).ok_or("a seat of a request that does not exist")?;
			ensure!(
				!matches!(request.state, RequestState::Settled { .. }),
				"a seat of a settled request"
			);
			ensure!(request.slots.iter().any(|s| s.node == node), "a seat its request lacks");
			let count = seats.entry(node).or_default();
			*count = count.saturating_add(1);
		}
		for (node, count) in SeatCounts::<T>::iter() {
			ensure!(seats.remove(&node) == Some(count), "SeatCounts disagrees with Assigned");
		}
		ensure!(seats.is_empty(), "a node with seats has no SeatCounts entry");
		let (head, tail) = OverdueCursor::<T>::get();
		ensure!(head <= tail, "the overdue cursor is inverted");
		let overdue: alloc::collections::BTreeSet<RequestId> =
			Overdue::<T>::iter_values().collect();
		ensure!(
			Overdue::<T>::iter_keys().all(|k| (head..tail).contains(&k)),
			"an overdue entry outside its cursor"
		);
		for (id, request) in Requests::<T>::iter() {
			ensure!(id.0 < next, "a request id ahead of NextRequestId");
			let deadline = match request.state {
				RequestState::Committing { deadline, .. }
				| RequestState::Revealing { deadline, .. }
				| RequestState::Opening { deadline, .. } => Some(deadline),
				_ => None,
			};
			if let Some(deadline) = deadline {
				let expiry = deadline.saturating_add(One::one());
				// Past its deadline only while carried over to a later block (`Overdue`).
				let overdue = overdue.contains(&id);
				ensure!(expiry > now || overdue, "a request is past its deadline");
				ensure!(
					overdue || Deadlines::<T>::get(expiry).contains(&id),
					"a request in a phase does not wait in Deadlines"
				);
			}
			if matches!(request.state, RequestState::Settled { .. }) {
				ensure!(!Inputs::<T>::contains_key(id), "a settled request keeps its input");
			}
		}
		let (mut open, _) = Self::count_open_requests();
		for (model, count) in OpenRequests::<T>::iter() {
			ensure!(count > 0, "OpenRequests keeps a zero count");
			ensure!(open.remove(&model) == Some(count), "OpenRequests disagrees with Requests");
		}
		ensure!(open.is_empty(), "a model with open requests has no OpenRequests entry");
		Ok(())
	}
}
