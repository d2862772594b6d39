//! The pallet's logic: which round is open in which phase, the checks of commitments and
//! values (shared by the pool and dispatch), closing rounds, and reading feeds.

use super::*;
use sibyl_primitives::{
	oracle::{weighted_median, within_deviation, FeedError, FeedProvider},
	Role,
};
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto},
	transaction_validity::{
		InvalidTransaction, TransactionSource, TransactionValidityError, ValidTransaction,
	},
};

/// Tag prefix of a commitment in the transaction pool.
pub const COMMIT_POOL_TAG: &str = "SibylOracleCommit";
/// Tag prefix of a revealed value in the transaction pool.
pub const REVEAL_POOL_TAG: &str = "SibylOracleReveal";

/// The tag a commitment or value of `key` for `round` of `feed` provides in the pool: one per
/// node, round and phase.
pub fn pool_tag(prefix: &'static str, feed: FeedId, round: u32, key: &NodeKey) -> Vec<u8> {
	(prefix, (feed, round, key)).encode()
}

/// A feed's round as a block sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct OpenRound<BlockNumber> {
	/// The round's number.
	pub number: u32,
	/// Its phase in that block.
	pub phase: Phase,
	/// The first block after this phase.
	pub phase_ends: BlockNumber,
	/// Whether it is the round in storage (not the next one, which the block's
	/// `on_initialize` opens).
	pub stored: bool,
}

/// What a commitment's checks found: the round as the block sees it, the round's commitments
/// as read, the node, its stake and the commitment it displaces when the round is full.
pub(crate) struct CommitCheck<T: Config> {
	pub open: OpenRound<BlockNumberFor<T>>,
	pub submissions: BoundedVec<Submission<T::AccountId>, T::MaxSubmitters>,
	pub node: T::AccountId,
	pub stake: u128,
	pub displaced: Option<usize>,
}

/// What a value's checks found: the round, its commitments as read, the node and the index of
/// its commitment.
pub(crate) struct RevealCheck<T: Config> {
	pub open: OpenRound<BlockNumberFor<T>>,
	pub submissions: BoundedVec<Submission<T::AccountId>, T::MaxSubmitters>,
	pub node: T::AccountId,
	pub index: usize,
}

impl<T: Config> Call<T> {
	/// The pool tag this call provides when it is a commitment or a value ([`pool_tag`]): a
	/// node's offchain worker replaces its pending transaction of the same tag by a newer one.
	pub fn pool_tag(&self) -> Option<Vec<u8>> {
		match self {
			Call::commit { feed, round, key, .. } => {
				Some(pool_tag(COMMIT_POOL_TAG, *feed, *round, key))
			},
			Call::reveal { feed, round, key, .. } => {
				Some(pool_tag(REVEAL_POOL_TAG, *feed, *round, key))
			},
			_ => None,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The data node whose current `orcl` key is `key`, if it is active: a key rotated away (still
	/// bound to its account while retiring) no longer speaks for it.
	pub(crate) fn data_node(key: &NodeKey) -> Option<T::AccountId> {
		let node = T::Nodes::account_of(Role::Data, key)?;
		(T::Nodes::key_of(Role::Data, &node) == Some(*key)
			&& T::Nodes::active(Role::Data).contains(&node))
		.then_some(node)
	}

	/// The round of `feed` open in block `at` and its phase. That is the stored round, or the
	/// next one when the stored round closes at `at`: the pool validates a transaction for the
	/// next block before that block's `on_initialize` closes rounds, and an offchain worker
	/// prepares the next block's transactions. `None` for an unknown feed or a block before
	/// the stored round.
	pub fn round_at(feed: FeedId, at: BlockNumberFor<T>) -> Option<OpenRound<BlockNumberFor<T>>> {
		let info = Feeds::<T>::get(feed)?;
		let open = Rounds::<T>::get(feed)?;
		let closes = open.opened.saturating_add(info.round_length);
		let (number, opened, stored) = if closes <= at {
			(open.number.saturating_add(1), closes, false)
		} else {
			(open.number, open.opened, true)
		};
		if at < opened {
			return None;
		}
		let length: u32 = info.round_length.unique_saturated_into();
		let commit_ends = opened.saturating_add(commit_blocks(length).into());
		Some(if at < commit_ends {
			OpenRound { number, phase: Phase::Commit, phase_ends: commit_ends, stored }
		} else {
			let phase_ends = opened.saturating_add(info.round_length);
			OpenRound { number, phase: Phase::Reveal, phase_ends, stored }
		})
	}

	/// `round` of `feed` as open now, in `phase`.
	fn open_in(
		feed: FeedId,
		round: u32,
		phase: Phase,
	) -> Result<OpenRound<BlockNumberFor<T>>, Error<T>> {
		let now = frame_system::Pallet::<T>::block_number();
		let open = Self::round_at(feed, now).ok_or(Error::<T>::UnknownFeed)?;
		ensure!(open.number == round, Error::<T>::WrongRound);
		ensure!(open.phase == phase, Error::<T>::WrongPhase);
		Ok(open)
	}

	/// The open round's submissions as a block sees them: none yet in a round its
	/// `on_initialize` opens.
	fn submissions(
		feed: FeedId,
		open: &OpenRound<BlockNumberFor<T>>,
	) -> BoundedVec<Submission<T::AccountId>, T::MaxSubmitters> {
		if open.stored {
			Submissions::<T>::get(feed)
		} else {
			BoundedVec::new()
		}
	}

	/// Checks a commitment (for the pool and for dispatch alike).
	pub(crate) fn check_commit(
		feed: FeedId,
		round: u32,
		commitment: &H256,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> Result<CommitCheck<T>, DispatchError> {
		let open = Self::open_in(feed, round, Phase::Commit)?;
		let node = Self::data_node(key).ok_or(Error::<T>::NotADataNode)?;
		let stake = T::Nodes::stake(Role::Data, &node);
		let submissions = Self::submissions(feed, &open);
		ensure!(!submissions.iter().any(|s| s.node == node), Error::<T>::AlreadySubmitted);
		let displaced = if (submissions.len() as u32) < T::MaxSubmitters::get() {
			None
		} else {
			// The lightest gives way, the latest of equals first; only to more stake.
			let (index, lightest) = submissions
				.iter()
				.enumerate()
				.min_by_key(|(index, s)| (s.stake, core::cmp::Reverse(*index)))
				.ok_or(Error::<T>::RoundFull)?;
			ensure!(stake > lightest.stake, Error::<T>::RoundFull);
			Some(index)
		};
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let payload = commit_payload(&genesis, feed, round, commitment);
		ensure!(sp_io::crypto::sr25519_verify(signature, &payload, key), Error::<T>::BadSignature);
		Ok(CommitCheck { open, submissions, node, stake, displaced })
	}

	/// Checks a revealed value (for the pool and for dispatch alike).
	pub(crate) fn check_reveal(
		feed: FeedId,
		round: u32,
		value: i128,
		salt: &Salt,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> Result<RevealCheck<T>, DispatchError> {
		let open = Self::open_in(feed, round, Phase::Reveal)?;
		// Bound to its node, the current key or one retiring since the commitment: a rotation
		// between commit and reveal does not cost an honest node its value.
		let node = T::Nodes::account_of(Role::Data, key).ok_or(Error::<T>::NotADataNode)?;
		let submissions = Self::submissions(feed, &open);
		let (index, submission) = submissions
			.iter()
			.enumerate()
			.find(|(_, s)| s.node == node)
			.ok_or(Error::<T>::NotCommitted)?;
		ensure!(submission.value.is_none(), Error::<T>::AlreadyRevealed);
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		ensure!(
			commitment(&genesis, feed, round, key, value, salt) == submission.commitment,
			Error::<T>::CommitmentMismatch
		);
		let payload = reveal_payload(&genesis, feed, round, value, salt);
		ensure!(sp_io::crypto::sr25519_verify(signature, &payload, key), Error::<T>::BadSignature);
		Ok(RevealCheck { open, submissions, node, index })
	}

	/// The pool's verdict on a failed check.
	fn invalid(error: DispatchError) -> TransactionValidityError {
		let is = |e: Error<T>| error == e.into();
		if is(Error::<T>::BadSignature) {
			InvalidTransaction::BadProof
		} else if is(Error::<T>::AlreadySubmitted)
			|| is(Error::<T>::AlreadyRevealed)
			|| is(Error::<T>::WrongRound)
		{
			InvalidTransaction::Stale
		} else {
			InvalidTransaction::Call
		}
		.into()
	}

	/// A commitment's or value's validity in the pool: one per node, round and phase, until
	/// the phase (of the `open` round its checks found) ends.
	fn validity(
		prefix: &'static str,
		feed: FeedId,
		round: u32,
		key: &NodeKey,
		open: &OpenRound<BlockNumberFor<T>>,
	) -> TransactionValidityWithRefund {
		let now = frame_system::Pallet::<T>::block_number();
		let longevity: u64 = open.phase_ends.saturating_sub(now).unique_saturated_into();
		let validity = ValidTransaction {
			priority: u64::MAX / 4,
			requires: Vec::new(),
			provides: alloc::vec![pool_tag(prefix, feed, round, key)],
			longevity: longevity.max(1),
			propagate: true,
		};
		Ok((validity, Weight::zero()))
	}

	/// `#[pallet::authorize]` of [`Pallet::commit`].
	pub(crate) fn authorize_commit(
		_source: TransactionSource,
		feed: &FeedId,
		round: &u32,
		commitment: &H256,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		let checked =
			Self::check_commit(*feed, *round, commitment, key, signature).map_err(Self::invalid)?;
		Self::validity(COMMIT_POOL_TAG, *feed, *round, key, &checked.open)
	}

	/// `#[pallet::authorize]` of [`Pallet::reveal`].
	pub(crate) fn authorize_reveal(
		_source: TransactionSource,
		feed: &FeedId,
		round: &u32,
		value: &i128,
		salt: &Salt,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		let checked = Self::check_reveal(*feed, *round, *value, salt, key, signature)
			.map_err(Self::invalid)?;
		Self::validity(REVEAL_POOL_TAG, *feed, *round, key, &checked.open)
	}

	/// Closes every round whose length has passed, within `MaxHookWeight`; the weight used.
	/// A due round that does not fit stays open and closes in a later block (the first due
	/// round always closes, so the work drains; the feeds are visited from a point that moves
	/// with the block number, so none waits behind the others for long). The next round opens
	/// when it was due to, whenever the last one closed: everyone, the pool and the offchain
	/// workers included, knows each round's phases from the feed alone ([`Self::round_at`]).
	pub(crate) fn close_rounds(now: BlockNumberFor<T>) -> Weight {
		let db = T::DbWeight::get();
		let budget = T::MaxHookWeight::get();
		let mut ids = FeedIds::<T>::get().into_inner();
		let mut weight = db.reads(1);
		let block: u64 = now.unique_saturated_into();
		if let Some(start) = block.checked_rem(ids.len() as u64) {
			ids.rotate_left(start as usize);
		}
		let mut closed = 0u32;
		for feed in ids {
			weight.saturating_accrue(db.reads(2));
			let (Some(info), Some(open)) = (Feeds::<T>::get(feed), Rounds::<T>::get(feed)) else {
				continue;
			};
			let closes = open.opened.saturating_add(info.round_length);
			if closes > now {
				continue;
			}
			weight.saturating_accrue(db.reads(1));
			let submitters = Submissions::<T>::decode_len(feed).unwrap_or(0) as u32;
			let cost = T::WeightInfo::close_round(submitters);
			if closed > 0 && !weight.saturating_add(cost).all_lte(budget) {
				continue;
			}
			Self::close_round(feed, &info, open.number, now);
			Rounds::<T>::insert(
				feed,
				Round { number: open.number.saturating_add(1), opened: closes },
			);
			closed = closed.saturating_add(1);
			weight.saturating_accrue(cost);
		}
		weight
	}

	/// Closes `round` of `feed`: median, history, penalties and rewards.
	pub(crate) fn close_round(feed: FeedId, info: &FeedOf<T>, round: u32, now: BlockNumberFor<T>) {
		let submissions = Submissions::<T>::take(feed);
		let mut revealed = Vec::with_capacity(submissions.len());
		for Submission { node, value, stake, .. } in submissions {
			match value {
				Some(value) => revealed.push((node, value, stake)),
				None => Self::deposit_event(Event::NotRevealed { feed, round, node }),
			}
		}
		let submitters = revealed.len() as u32;
		let mut values: Vec<(i128, u128)> = revealed.iter().map(|(_, v, s)| (*v, *s)).collect();
		let value = match weighted_median(&mut values) {
			Some(value) if submitters >= info.min_submitters => value,
			_ => {
				Self::deposit_event(Event::RoundFailed { feed, round, submitters });
				return;
			},
		};
		History::<T>::mutate(feed, |history| {
			if history.is_full() && !history.is_empty() {
				history.remove(0);
			}
			if history.try_push(Answer { value, round, at: now }).is_err() {
				frame_support::defensive!("a full history was shortened");
			}
		});
		Self::deposit_event(Event::RoundClosed { feed, round, value, submitters });
		for (node, submitted, _) in revealed {
			if within_deviation(submitted, value, info.max_deviation_ppm) {
				let amount = T::Treasury::reward(&node, T::SubmissionReward::get());
				if !amount.is_zero() {
					Self::deposit_event(Event::Rewarded { feed, round, node, amount });
				}
			} else {
				let slashed = T::Treasury::slash(Role::Data, &node, T::DeviationSlash::get());
				Self::deposit_event(Event::Penalized {
					feed,
					round,
					node,
					value: submitted,
					slashed,
				});
			}
		}
	}

	/// The feed's latest answer, its age in blocks and whether it is stale.
	pub fn latest(feed: FeedId) -> Option<(Answer<BlockNumberFor<T>>, BlockNumberFor<T>, bool)> {
		let info = Feeds::<T>::get(feed)?;
		let answer = *History::<T>::get(feed).last()?;
		let age = frame_system::Pallet::<T>::block_number().saturating_sub(answer.at);
		Some((answer, age, age > info.max_age))
	}

	/// Up to `count` latest answers of the feed, oldest first.
	pub fn history(feed: FeedId, count: u32) -> Vec<Answer<BlockNumberFor<T>>> {
		let history = History::<T>::get(feed).into_inner();
		let skip = history.len().saturating_sub(count as usize);
		history.into_iter().skip(skip).collect()
	}
}

impl<T: Config> FeedProvider<BlockNumberFor<T>> for Pallet<T> {
	fn decimals(feed: FeedId) -> Result<u8, FeedError> {
		Feeds::<T>::get(feed).map(|f| f.decimals).ok_or(FeedError::UnknownFeed)
	}

	fn window(feed: FeedId, count: u32) -> Result<Vec<Answer<BlockNumberFor<T>>>, FeedError> {
		ensure!(Feeds::<T>::contains_key(feed), FeedError::UnknownFeed);
		let (_, _, stale) = Self::latest(feed).ok_or(FeedError::NoValue)?;
		ensure!(!stale, FeedError::Stale);
		let answers = Self::history(feed, count);
		ensure!(answers.len() as u32 == count, FeedError::NotEnoughHistory);
		Ok(answers)
	}
}
