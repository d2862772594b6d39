//! # Oracle pallet
//!
//! External data on chain under the same bond-and-slash rules as inference: bonded data nodes
//! submit fixed-point integer values for feeds, rounds close with the stake-weighted median, stale
//! feeds say so, and submissions far from the median are penalized through `Payments`.
//!
//! ## Feeds and rounds
//!
//! - [`Pallet::create_feed`] (root): a description, fixed-point decimals, the minimum number of
//!   submitters a round needs, the round length in blocks, the largest deviation from the median
//!   a submission may have (parts per million), and the largest age of a usable value.
//! - Each feed has one open round. Data nodes submit once per round with [`Pallet::submit`], an
//!   authorized general transaction (no fee) signed with the node's `orcl` key over
//!   `(tag, genesis, feed, round, value)`: only the open round, only bonded, active data nodes
//!   (with their current key), once each. A round holds at most `MaxSubmitters`; when full, a
//!   node with more stake than the lightest submission displaces it (no reward, no penalty).
//! - At the start of the block in which a round's length has passed, it closes: with at least
//!   the minimum number of submissions the feed's value becomes their median weighted by each
//!   node's bond ([`weighted_median`]: the smallest value at or below which half the submitted
//!   stake lies), so Sybils holding less than half the stake cannot move it outside the values
//!   of the rest, however many they are. Submitters within the deviation bound are
//!   rewarded from the treasury and those beyond it lose `DeviationSlash` of their bond. With too
//!   few, the feed keeps its last value. Either way the next round opens.
//! - A value older than the feed's maximum age is *stale*: the runtime API says so, and
//!   [`FeedProvider::window`] refuses it, so nothing downstream silently uses an old value.
//!
//! ## Data nodes
//!
//! A data node (`Payments.bond(Data, …)` with its `orcl` key) runs the offchain worker here: for
//! each source the node was given ([`fetch::SOURCES_KEY`], written by `sibyl-node`), while the
//! feed's round is open and the node has not submitted, it fetches the URL with a deadline
//! ([`fetch::FETCH_DEADLINE_MS`]), reads the number at the JSON path, converts its decimal digits
//! to the feed's fixed point (integers only), signs and submits. A source that is down, slow or
//! answers garbage gives no submission and a log line, never a value.
//!
//! ## Why not polkadot-sdk's `pallet-oracle`
//!
//! It keeps, per operator account, the last value it fed (signed, fee-paying `feed_values`, with
//! operators from `SortedMembers`) and combines them on read by a median over timestamped values.
//! Sibyl needs what it does not have: operators that are bonded data nodes with session-like
//! node keys submitting fee-free from offchain workers, numbered rounds so that each node counts
//! once per round and late values are refused, a minimum quorum per round, penalties for
//! outliers and rewards for timely submitters, and a bounded history for model inputs. Wrapping
//! it would have left each of those to be added around storage it owns, so this pallet keeps its
//! own; its median is weighted by stake where that pallet counts operators.
//!
//! Not yet: submissions are public before the round closes (no commit-reveal), so a node can
//! copy the current median instead of fetching; stake weighting keeps such copies from moving
//! the value, but a copier is rewarded like a fetcher.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

pub mod migrations;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::tokens::Balance as BalanceT};
use frame_system::{
	offchain::{CreateAuthorizedTransaction, SubmitTransaction},
	pallet_prelude::BlockNumberFor,
};
use sibyl_primitives::{
	oracle::{weighted_median, within_deviation, Answer, FeedError, FeedId, FeedProvider},
	roles::{NodeRegistry, Treasury, NODE_ROLES_KEY, ORACLE_KEY_TYPE},
	NodeKey, NodeSignature, Role,
};
use sp_core::H256;
use sp_runtime::{
	traits::{Saturating, UniqueSaturatedInto, Zero},
	transaction_validity::{InvalidTransaction, TransactionSource, ValidTransaction},
	Perbill,
};

pub mod fetch;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet (and its offchain worker).
pub const LOG_TARGET: &str = "sibyl::oracle";

/// Domain tag of what a data node signs.
pub const SUBMISSION_TAG: &[u8; 16] = b"sibyl/oracle/v1/";

/// The bytes a data node signs to submit `value` for `round` of `feed`.
pub fn submission_payload(genesis: &H256, feed: FeedId, round: u32, value: i128) -> [u8; 32] {
	(SUBMISSION_TAG, genesis, feed, round, value).using_encoded(sp_io::hashing::blake2_256)
}

/// A feed's parameters.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
#[scale_info(skip_type_params(MaxDescription))]
pub struct Feed<BlockNumber, MaxDescription: Get<u32>> {
	/// What the feed measures and where from, for people.
	pub description: BoundedVec<u8, MaxDescription>,
	/// Fixed-point decimals of its values.
	pub decimals: u8,
	/// Submissions a round needs to close with a value.
	pub min_submitters: u32,
	/// Blocks a round is open.
	pub round_length: BlockNumber,
	/// Largest distance from the median a submission may have, parts per million of the median.
	pub max_deviation_ppm: u32,
	/// Blocks after which the feed's value is stale.
	pub max_age: BlockNumber,
}

/// The open round of a feed.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Default,
)]
pub struct Round<BlockNumber> {
	/// Its number (the first round is 0).
	pub number: u32,
	/// The block it opened in.
	pub opened: BlockNumber,
}

/// A data node's value in the open round of a feed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Submission<AccountId> {
	/// The data node.
	pub node: AccountId,
	/// Its value.
	pub value: i128,
	/// Its bond when it submitted (planck): its weight in the round's median, and its rank when
	/// the round is full.
	pub stake: u128,
}

/// A feed in this runtime.
pub type FeedOf<T> = Feed<BlockNumberFor<T>, <T as Config>::MaxDescription>;

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the oracle pallet.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>, Hash = H256>
		+ CreateAuthorizedTransaction<Call<Self>>
	{
		/// The balance type of rewards.
		type Balance: BalanceT;
		/// Bonded data nodes and their `orcl` keys.
		type Nodes: NodeRegistry<Self::AccountId>;
		/// Rewards and penalties.
		type Treasury: Treasury<Self::AccountId, Self::Balance>;
		/// Paid from the treasury to each submitter within the deviation bound of a closed round.
		#[pallet::constant]
		type SubmissionReward: Get<Self::Balance>;
		/// Share of a data node's bond slashed for a submission beyond the deviation bound.
		#[pallet::constant]
		type DeviationSlash: Get<Perbill>;
		/// Most feeds.
		#[pallet::constant]
		type MaxFeeds: Get<u32>;
		/// Most submissions in one round.
		#[pallet::constant]
		type MaxSubmitters: Get<u32>;
		/// Closed rounds kept per feed.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// Longest feed description, in bytes.
		#[pallet::constant]
		type MaxDescription: Get<u32>;
	}

	/// The storage version: 1 since submissions record their node's stake
	/// ([`migrations::v1`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Id of the next feed.
	#[pallet::storage]
	pub type NextFeedId<T> = StorageValue<_, FeedId, ValueQuery>;

	/// Feeds by id.
	#[pallet::storage]
	pub type Feeds<T: Config> = StorageMap<_, Twox64Concat, FeedId, FeedOf<T>>;

	/// Ids of the feeds, for the start-of-block round check.
	#[pallet::storage]
	pub type FeedIds<T: Config> = StorageValue<_, BoundedVec<FeedId, T::MaxFeeds>, ValueQuery>;

	/// The open round of each feed.
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Twox64Concat, FeedId, Round<BlockNumberFor<T>>>;

	/// Submissions to the open round of each feed, at most `MaxSubmitters`: when full, the one
	/// with the least stake gives way to a submitter with more.
	#[pallet::storage]
	pub type Submissions<T: Config> = StorageMap<
		_,
		Twox64Concat,
		FeedId,
		BoundedVec<Submission<T::AccountId>, T::MaxSubmitters>,
		ValueQuery,
	>;

	/// The latest closed rounds of each feed, oldest first; the last is the feed's value.
	#[pallet::storage]
	pub type History<T: Config> = StorageMap<
		_,
		Twox64Concat,
		FeedId,
		BoundedVec<Answer<BlockNumberFor<T>>, T::MaxHistory>,
		ValueQuery,
	>;

	/// Events of the oracle pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// A feed was created; its round 0 is open.
		FeedCreated { feed: FeedId },
		/// A feed was removed.
		FeedRemoved { feed: FeedId },
		/// A data node submitted a value.
		Submitted { feed: FeedId, round: u32, node: T::AccountId, value: i128 },
		/// A full round's lightest submission gave way to a submitter with more stake; it is
		/// neither rewarded nor penalized.
		Displaced { feed: FeedId, round: u32, node: T::AccountId, by: T::AccountId },
		/// A round closed with the stake-weighted median of `submitters` submissions.
		RoundClosed { feed: FeedId, round: u32, value: i128, submitters: u32 },
		/// A round closed with too few submissions; the feed keeps its last value.
		RoundFailed { feed: FeedId, round: u32, submitters: u32 },
		/// A submission beyond the deviation bound cost its node `slashed`.
		Penalized { feed: FeedId, round: u32, node: T::AccountId, value: i128, slashed: T::Balance },
		/// A timely submission within the bound was rewarded.
		Rewarded { feed: FeedId, round: u32, node: T::AccountId, amount: T::Balance },
	}

	/// Errors of the oracle pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// No feed has this id.
		UnknownFeed,
		/// The chain has the most feeds it can take.
		TooManyFeeds,
		/// A round needs at least one submitter.
		NoSubmittersRequired,
		/// The minimum number of submitters is more than a round can hold.
		TooManySubmittersRequired,
		/// A round lasts at least one block, and a value lives at least one block.
		ZeroLength,
		/// The round is not the feed's open round (too late, or too early).
		WrongRound,
		/// The key is not bound to a bonded, active data node.
		NotADataNode,
		/// This node already submitted in this round.
		AlreadySubmitted,
		/// The round has the most submissions it can hold, each with at least this node's stake.
		RoundFull,
		/// The signature is not the key's over this submission.
		BadSignature,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Pallet::<T>::close_rounds(now)
		}

		fn offchain_worker(now: BlockNumberFor<T>) {
			Pallet::<T>::run_offchain(now);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}

		fn integrity_test() {
			assert!(T::MaxHistory::get() >= 1, "MaxHistory must be at least 1");
			assert!(T::MaxSubmitters::get() >= 1, "MaxSubmitters must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a feed (root). Its round 0 opens now.
		#[pallet::call_index(0)]
		#[pallet::weight(T::DbWeight::get().reads_writes(2, 4).saturating_add(Weight::from_parts(20_000_000, 2_000)))]
		pub fn create_feed(
			origin: OriginFor<T>,
			description: BoundedVec<u8, T::MaxDescription>,
			decimals: u8,
			min_submitters: u32,
			round_length: BlockNumberFor<T>,
			max_deviation_ppm: u32,
			max_age: BlockNumberFor<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(min_submitters > 0, Error::<T>::NoSubmittersRequired);
			ensure!(
				min_submitters <= T::MaxSubmitters::get(),
				Error::<T>::TooManySubmittersRequired
			);
			ensure!(!round_length.is_zero() && !max_age.is_zero(), Error::<T>::ZeroLength);
			let feed = NextFeedId::<T>::get();
			FeedIds::<T>::try_append(feed).map_err(|_| Error::<T>::TooManyFeeds)?;
			NextFeedId::<T>::put(feed.saturating_add(1));
			let info = Feed {
				description,
				decimals,
				min_submitters,
				round_length,
				max_deviation_ppm,
				max_age,
			};
			Feeds::<T>::insert(feed, info);
			let opened = frame_system::Pallet::<T>::block_number();
			Rounds::<T>::insert(feed, Round { number: 0, opened });
			Self::deposit_event(Event::FeedCreated { feed });
			Ok(())
		}

		/// Removes a feed (root), with its open round and history.
		#[pallet::call_index(1)]
		#[pallet::weight(T::DbWeight::get().reads_writes(2, 5).saturating_add(Weight::from_parts(20_000_000, 2_000)))]
		pub fn remove_feed(origin: OriginFor<T>, feed: FeedId) -> DispatchResult {
			ensure_root(origin)?;
			ensure!(Feeds::<T>::take(feed).is_some(), Error::<T>::UnknownFeed);
			FeedIds::<T>::mutate(|ids| ids.retain(|id| *id != feed));
			Rounds::<T>::remove(feed);
			Submissions::<T>::remove(feed);
			History::<T>::remove(feed);
			Self::deposit_event(Event::FeedRemoved { feed });
			Ok(())
		}

		/// A data node's value for the open `round` of `feed`. Authorized (no fee) when `key` is
		/// the current `orcl` key of a bonded, active data node that has not submitted in this
		/// round, and `signature` is its signature over [`submission_payload`].
		///
		/// The value counts in the round's median with the node's bond as weight. A full round
		/// takes it only from a node with more stake than its lightest submission, which gives
		/// way (`Displaced`): many cheap nodes can neither outweigh nor crowd out bonded ones.
		///
		/// Errors: `UnknownFeed`, `WrongRound`, `NotADataNode` (also for a key rotated away),
		/// `AlreadySubmitted`, `RoundFull`, `BadSignature`. Emits `Submitted` (after
		/// `Displaced` when it displaced one). Complexity: O(`MaxSubmitters`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::DbWeight::get().reads_writes(5, 1).saturating_add(Weight::from_parts(80_000_000, 4_000)))]
		#[pallet::authorize(Pallet::<T>::authorize_submit)]
		#[pallet::weight_of_authorize(T::DbWeight::get().reads(5).saturating_add(Weight::from_parts(70_000_000, 4_000)))]
		pub fn submit(
			origin: OriginFor<T>,
			feed: FeedId,
			round: u32,
			value: i128,
			key: NodeKey,
			signature: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let (node, stake, displaced) =
				Self::check_submission(feed, round, value, &key, &signature)?;
			let mut submissions = Submissions::<T>::get(feed);
			if let Some(index) = displaced {
				if index < submissions.len() {
					let gone = submissions.remove(index);
					Self::deposit_event(Event::Displaced {
						feed,
						round,
						node: gone.node,
						by: node.clone(),
					});
				}
			}
			submissions
				.try_push(Submission { node: node.clone(), value, stake })
				.map_err(|_| Error::<T>::RoundFull)?;
			Submissions::<T>::insert(feed, submissions);
			Self::deposit_event(Event::Submitted { feed, round, node, value });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The data node whose current `orcl` key is `key`, if it is active: a key rotated away (still
	/// bound to its account while retiring) no longer speaks for it.
	fn data_node(key: &NodeKey) -> Option<T::AccountId> {
		let node = T::Nodes::account_of(Role::Data, key)?;
		(T::Nodes::key_of(Role::Data, &node) == Some(*key)
			&& T::Nodes::active(Role::Data).contains(&node))
		.then_some(node)
	}

	/// Checks a submission: the submitting data node, its stake, and the index of the
	/// submission it displaces when the round is full.
	fn check_submission(
		feed: FeedId,
		round: u32,
		value: i128,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> Result<(T::AccountId, u128, Option<usize>), DispatchError> {
		ensure!(Feeds::<T>::contains_key(feed), Error::<T>::UnknownFeed);
		let open = Rounds::<T>::get(feed).ok_or(Error::<T>::UnknownFeed)?;
		ensure!(open.number == round, Error::<T>::WrongRound);
		let node = Self::data_node(key).ok_or(Error::<T>::NotADataNode)?;
		let stake = T::Nodes::stake(Role::Data, &node);
		let submissions = Submissions::<T>::get(feed);
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
		let payload = submission_payload(&genesis, feed, round, value);
		ensure!(sp_io::crypto::sr25519_verify(signature, &payload, key), Error::<T>::BadSignature);
		Ok((node, stake, displaced))
	}

	/// `#[pallet::authorize]` of [`Pallet::submit`].
	fn authorize_submit(
		_source: TransactionSource,
		feed: &FeedId,
		round: &u32,
		value: &i128,
		key: &NodeKey,
		signature: &NodeSignature,
	) -> TransactionValidityWithRefund {
		Self::check_submission(*feed, *round, *value, key, signature).map_err(|e| {
			if e == Error::<T>::BadSignature.into() {
				InvalidTransaction::BadProof
			} else if e == Error::<T>::AlreadySubmitted.into() || e == Error::<T>::WrongRound.into()
			{
				InvalidTransaction::Stale
			} else {
				InvalidTransaction::Call
			}
		})?;
		let length = Feeds::<T>::get(feed).map(|f| f.round_length).unwrap_or_default();
		let longevity: u64 = length.unique_saturated_into();
		let validity = ValidTransaction::with_tag_prefix("SibylOracleSubmission")
			.priority(u64::MAX / 4)
			.and_provides((feed, round, key))
			.longevity(longevity.max(1))
			.propagate(true)
			.build()?;
		Ok((validity, Weight::zero()))
	}

	/// Closes every round whose length has passed; the weight used.
	fn close_rounds(now: BlockNumberFor<T>) -> Weight {
		let db = T::DbWeight::get();
		let ids = FeedIds::<T>::get();
		let mut weight = db.reads(1);
		for feed in ids {
			weight.saturating_accrue(db.reads(2));
			let (Some(info), Some(open)) = (Feeds::<T>::get(feed), Rounds::<T>::get(feed)) else {
				continue;
			};
			if open.opened.saturating_add(info.round_length) > now {
				continue;
			}
			let submitters = Self::close_round(feed, &info, open.number, now);
			Rounds::<T>::insert(feed, Round { number: open.number.saturating_add(1), opened: now });
			// Per submitter: the bond and treasury accounts it touches.
			weight.saturating_accrue(
				db.reads_writes(4, 5)
					.saturating_add(db.reads_writes(3, 3).saturating_mul(u64::from(submitters))),
			);
		}
		weight
	}

	/// Closes `round` of `feed`: median, history, penalties and rewards; how many submitted.
	fn close_round(feed: FeedId, info: &FeedOf<T>, round: u32, now: BlockNumberFor<T>) -> u32 {
		let submissions = Submissions::<T>::take(feed);
		let submitters = submissions.len() as u32;
		let mut values: Vec<(i128, u128)> =
			submissions.iter().map(|s| (s.value, s.stake)).collect();
		let value = match weighted_median(&mut values) {
			Some(value) if submitters >= info.min_submitters => value,
			_ => {
				Self::deposit_event(Event::RoundFailed { feed, round, submitters });
				return submitters;
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
		for Submission { node, value: submitted, .. } in submissions {
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
		submitters
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

impl<T: Config> Pallet<T> {
	/// The offchain worker of a data node: one submission per source and open round.
	fn run_offchain(now: BlockNumberFor<T>) {
		use sp_core::offchain::StorageKind::PERSISTENT;
		let read = |key: &[u8]| sp_io::offchain::local_storage_get(PERSISTENT, key);
		let roles = read(NODE_ROLES_KEY)
			.and_then(|b| Vec::<Role>::decode(&mut &b[..]).ok())
			.unwrap_or_default();
		if !roles.contains(&Role::Data) {
			return;
		}
		let sources = read(fetch::SOURCES_KEY)
			.and_then(|b| Vec::<fetch::Source>::decode(&mut &b[..]).ok())
			.unwrap_or_default();
		for key in sp_io::crypto::sr25519_public_keys(ORACLE_KEY_TYPE) {
			let Some(node) = Self::data_node(&key) else { continue };
			for source in &sources {
				Self::serve(source, &node, &key, now);
			}
		}
	}

	/// Fetches and submits `source`'s value for its feed's open round, once.
	fn serve(source: &fetch::Source, node: &T::AccountId, key: &NodeKey, now: BlockNumberFor<T>) {
		use sp_runtime::offchain::storage::StorageValueRef;
		let feed = source.feed;
		let (Some(info), Some(open)) = (Feeds::<T>::get(feed), Rounds::<T>::get(feed)) else {
			log::warn!(target: LOG_TARGET, "feed {feed} does not exist: check --oracle-feeds");
			return;
		};
		if Submissions::<T>::get(feed).iter().any(|s| &s.node == node) {
			return;
		}
		// One submission per round and key; a failed fetch is retried at the next block.
		let claim_key = (b"sibyl/oracle/claim/", feed, open.number, key).encode();
		let claimed = StorageValueRef::persistent(&claim_key).mutate(
			|last: Result<Option<BlockNumberFor<T>>, _>| match last {
				Ok(Some(at)) if at.saturating_add(info.round_length) > now => Err(()),
				_ => Ok(now),
			},
		);
		if claimed.is_err() {
			return;
		}
		let value = match fetch::fetch(&source.url, &source.path, info.decimals) {
			Ok(value) => value,
			Err(error) => {
				StorageValueRef::persistent(&claim_key).clear();
				let _ = StorageValueRef::persistent(fetch::FETCH_FAILURES_KEY).mutate(
					|count: Result<Option<u64>, _>| {
						Ok::<_, ()>(count.ok().flatten().unwrap_or(0).saturating_add(1))
					},
				);
				log::warn!(
					target: LOG_TARGET,
					"feed {feed}: source {} gave no value ({error:?}); not submitting",
					alloc::string::String::from_utf8_lossy(&source.url)
				);
				return;
			},
		};
		let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let payload = submission_payload(&genesis, feed, open.number, value);
		let Some(signature) = sp_io::crypto::sr25519_sign(ORACLE_KEY_TYPE, key, &payload) else {
			log::error!(target: LOG_TARGET, "the keystore cannot sign with orcl key {key:?}");
			return;
		};
		log::info!(target: LOG_TARGET, "📈 feed {feed} round {}: submitting {value}", open.number);
		let call = Call::<T>::submit { feed, round: open.number, value, key: *key, signature };
		let xt = T::create_authorized_transaction(call.into());
		if SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_err() {
			log::warn!(target: LOG_TARGET, "feed {feed}: the pool refused the submission");
		}
	}
}
