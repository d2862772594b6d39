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
//! - Each feed has one open round, in two phases: for the first half of its blocks (rounded up)
//!   bonded, active data nodes **commit** to a value without showing it ([`Pallet::commit`]: a
//!   hash of the value, a secret salt and the node's key), for the rest they **reveal** it
//!   ([`Pallet::reveal`]: value and salt, checked against the commitment). Both are authorized
//!   general transactions (no fee) signed with the node's `orcl` key. Nobody sees a value before
//!   every value is fixed, so a node can neither copy the others nor aim its value at theirs. A
//!   round holds at most `MaxSubmitters` commitments; when full, a node with more stake than the
//!   lightest one displaces it (no reward, no penalty).
//! - At the start of the block in which a round's length has passed, it closes: with at least
//!   the minimum number of revealed values the feed's value becomes their median weighted by
//!   each node's bond ([`weighted_median`]: the smallest value at or below which half the
//!   revealed stake lies), so Sybils holding less than half the stake cannot move it outside the
//!   values of the rest, however many they are. Revealers within the deviation bound are
//!   rewarded from the treasury and those beyond it lose `DeviationSlash` of their bond. A
//!   commitment never revealed earns nothing and costs nothing (`NotRevealed`): an honest node
//!   that restarted or was slow is not punished, and withholding a value only takes its stake
//!   out of the median. With too few values, the feed keeps its last value. Either way the next
//!   round opens.
//! - A value older than the feed's maximum age is *stale*: the runtime API says so, and
//!   [`FeedProvider::window`] refuses it, so nothing downstream silently uses an old value.
//!
//! ## Data nodes
//!
//! A data node (`Payments.bond(Data, …)` with its `orcl` key) runs the offchain worker in
//! [`offchain`]: for each source the node was given ([`fetch::SOURCES_KEY`], written by
//! `sibyl-node`), in the commit phase it fetches the URL with a deadline
//! ([`fetch::FETCH_DEADLINE_MS`]), reads the number at the JSON path, converts its decimal digits
//! to the feed's fixed point (integers only), keeps value and a random salt in the node's
//! persistent offchain storage and commits; in the reveal phase it reveals them. A source that
//! is down, slow or answers garbage gives no commitment and a log line, never a value.

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
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub(crate) mod functions;
pub use functions::{pool_tag, OpenRound, COMMIT_POOL_TAG, REVEAL_POOL_TAG};
pub mod migrations;
pub mod offchain;
pub mod weights;
pub use weights::WeightInfo;
#[cfg(any(test, feature = "try-runtime"))]
mod try_state;

use alloc::vec::Vec;
use codec::Encode;
use frame_support::{pallet_prelude::*, traits::tokens::Balance as BalanceT};
use frame_system::{offchain::CreateAuthorizedTransaction, pallet_prelude::BlockNumberFor};
#[cfg(doc)]
use sibyl_primitives::oracle::weighted_median;
use sibyl_primitives::{
	oracle::{Answer, FeedId},
	roles::{NodeRegistry, Treasury},
	NodeKey, NodeSignature,
};
use sp_core::H256;
use sp_runtime::{traits::Zero, Perbill};

pub mod fetch;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

/// Log target of this pallet (and its offchain worker).
pub const LOG_TARGET: &str = "sibyl::oracle";

/// Domain tag of the hash a data node commits to.
pub const VALUE_TAG: &[u8; 16] = b"sibyl/oracle/hv/";
/// Domain tag of what a data node signs to commit.
pub const COMMIT_TAG: &[u8; 16] = b"sibyl/oracle/cm/";
/// Domain tag of what a data node signs to reveal.
pub const REVEAL_TAG: &[u8; 16] = b"sibyl/oracle/rv/";

/// A data node's secret salt for one commitment.
pub type Salt = [u8; 32];

/// What a data node with `key` commits to for `round` of `feed`: the hash of its `value` and
/// `salt`. The key is in it so that another node cannot commit to the same hash and reveal the
/// same value once it is public.
pub fn commitment(
	genesis: &H256,
	feed: FeedId,
	round: u32,
	key: &NodeKey,
	value: i128,
	salt: &Salt,
) -> H256 {
	H256(
		(VALUE_TAG, genesis, feed, round, key, value, salt)
			.using_encoded(sp_io::hashing::blake2_256),
	)
}

/// The bytes a data node signs to commit to `commitment` for `round` of `feed`.
pub fn commit_payload(genesis: &H256, feed: FeedId, round: u32, commitment: &H256) -> [u8; 32] {
	(COMMIT_TAG, genesis, feed, round, commitment).using_encoded(sp_io::hashing::blake2_256)
}

/// The bytes a data node signs to reveal `value` and `salt` for `round` of `feed`.
pub fn reveal_payload(
	genesis: &H256,
	feed: FeedId,
	round: u32,
	value: i128,
	salt: &Salt,
) -> [u8; 32] {
	(REVEAL_TAG, genesis, feed, round, value, salt).using_encoded(sp_io::hashing::blake2_256)
}

/// The phase of a round: commitments first, then their values.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, Debug)]
pub enum Phase {
	/// Data nodes commit to hidden values.
	Commit,
	/// Data nodes reveal the values they committed to.
	Reveal,
}

/// Blocks of a round of `length` blocks in which data nodes commit: the first half, rounded
/// up (at least 1 of a 2-block round); the rest is the reveal phase.
pub fn commit_blocks(length: u32) -> u32 {
	length.saturating_sub(length / 2)
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

/// A data node's commitment in the open round of a feed, and its value once revealed.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Submission<AccountId> {
	/// The data node.
	pub node: AccountId,
	/// Its bond when it committed (planck): its weight in the round's median, and its rank when
	/// the round is full.
	pub stake: u128,
	/// The hash it committed to ([`commitment`]).
	pub commitment: H256,
	/// Its value, once revealed.
	pub value: Option<i128>,
}

/// Makes what the benchmarks need that this pallet does not own.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A bonded, active data node (the `i`th of a benchmark) with `key` as its `orcl` key and
	/// `stake` planck at stake.
	fn data_node(i: u32, key: NodeKey, stake: u128) -> AccountId;
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
		/// Most weight `on_initialize` spends closing rounds; a due round beyond it closes in a
		/// later block (a block may exceed it by one round's worst case, so the work drains).
		#[pallet::constant]
		type MaxHookWeight: Get<Weight>;
		/// Weights of this pallet's calls and hook.
		type WeightInfo: WeightInfo;
		/// Makes bonded data nodes for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The storage version: 2 since rounds are committed, then revealed ([`migrations::v2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

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

	/// Commitments (and, once revealed, values) in the open round of each feed, at most
	/// `MaxSubmitters`: when full, the one with the least stake gives way to a node with more.
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
	pub enum Event<T: Config> {
		/// A feed was created; its round 0 is open.
		FeedCreated {
			/// The new feed's id.
			feed: FeedId,
		},
		/// A feed was removed, with its open round and history.
		FeedRemoved {
			/// The removed feed.
			feed: FeedId,
		},
		/// A data node committed to a hidden value.
		Committed {
			/// The feed.
			feed: FeedId,
			/// The open round.
			round: u32,
			/// The data node (its bonding account).
			node: T::AccountId,
		},
		/// A data node revealed the value it committed to.
		Revealed {
			/// The feed.
			feed: FeedId,
			/// The open round.
			round: u32,
			/// The data node.
			node: T::AccountId,
			/// Its value, in the feed's fixed point.
			value: i128,
		},
		/// A full round's lightest commitment gave way to a node with more stake; it is neither
		/// rewarded nor penalized.
		Displaced {
			/// The feed.
			feed: FeedId,
			/// The open round.
			round: u32,
			/// The data node whose commitment was dropped.
			node: T::AccountId,
			/// The data node that took its place.
			by: T::AccountId,
		},
		/// A round closed with the stake-weighted median of `submitters` revealed values.
		RoundClosed {
			/// The feed.
			feed: FeedId,
			/// The closed round.
			round: u32,
			/// The feed's new value.
			value: i128,
			/// How many values were revealed.
			submitters: u32,
		},
		/// A round closed with too few revealed values; the feed keeps its last value.
		RoundFailed {
			/// The feed.
			feed: FeedId,
			/// The closed round.
			round: u32,
			/// How many values were revealed.
			submitters: u32,
		},
		/// A data node committed but did not reveal: no reward, no penalty.
		NotRevealed {
			/// The feed.
			feed: FeedId,
			/// The closed round.
			round: u32,
			/// The data node.
			node: T::AccountId,
		},
		/// A value beyond the deviation bound cost its node `slashed`.
		Penalized {
			/// The feed.
			feed: FeedId,
			/// The closed round.
			round: u32,
			/// The data node.
			node: T::AccountId,
			/// Its value.
			value: i128,
			/// What it lost of its bond (to the treasury).
			slashed: T::Balance,
		},
		/// A value within the bound was rewarded.
		Rewarded {
			/// The feed.
			feed: FeedId,
			/// The closed round.
			round: u32,
			/// The data node.
			node: T::AccountId,
			/// What the treasury paid it.
			amount: T::Balance,
		},
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
		/// A value lives at least one block.
		ZeroLength,
		/// A round lasts at least 2 blocks: one to commit, one to reveal.
		RoundTooShort,
		/// The round is not the feed's open round (too late, or too early).
		WrongRound,
		/// The round is open, but not in this phase: a commitment after its commit phase, or a
		/// value before its reveal phase.
		WrongPhase,
		/// The key is not bound to a bonded, active data node.
		NotADataNode,
		/// This node already committed in this round.
		AlreadySubmitted,
		/// The round has the most commitments it can hold, each with at least this node's
		/// stake.
		RoundFull,
		/// The signature is not the key's over this commitment or value.
		BadSignature,
		/// This node has no commitment in this round (never made, or displaced).
		NotCommitted,
		/// This node already revealed its value in this round.
		AlreadyRevealed,
		/// Value and salt do not hash to the node's commitment.
		CommitmentMismatch,
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
		/// Creates a feed. Its round 0 opens now.
		///
		/// - `origin`: root.
		/// - `description`: what the feed measures and where from, for people.
		/// - `decimals`: fixed-point decimals of its values.
		/// - `min_submitters`: revealed values a round needs to close with a value (1 to
		///   `MaxSubmitters`).
		/// - `round_length`: blocks a round lasts (at least 2): the first half (rounded up) to
		///   commit, the rest to reveal.
		/// - `max_deviation_ppm`: largest distance from the median a value may have and be
		///   rewarded rather than penalized, parts per million of the median.
		/// - `max_age`: blocks after which the feed's value is stale (at least 1).
		///
		/// Errors: `BadOrigin`, `NoSubmittersRequired`, `TooManySubmittersRequired`,
		/// `RoundTooShort`, `ZeroLength`, `TooManyFeeds`. Emits `FeedCreated`. Complexity: O(1)
		/// (the feed list is bounded by `MaxFeeds`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_feed(description.len() as u32))]
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
			ensure!(round_length >= 2u32.into(), Error::<T>::RoundTooShort);
			ensure!(!max_age.is_zero(), Error::<T>::ZeroLength);
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

		/// Removes a feed, with its open round and history.
		///
		/// - `origin`: root.
		/// - `feed`: the feed.
		///
		/// Errors: `BadOrigin`, `UnknownFeed`. Emits `FeedRemoved`. Complexity: O(`MaxFeeds`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_feed())]
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

		/// A data node's commitment to a hidden value for the open `round` of `feed`, in the
		/// round's commit phase.
		///
		/// - `origin`: authorized (no fee): `key` is the current `orcl` key of a bonded, active
		///   data node that has not committed in this round, and `signature` is its signature
		///   over [`commit_payload`].
		/// - `commitment`: [`commitment`] of the node's value and a secret salt.
		///
		/// The value counts in the round's median, with the node's bond now as its weight, once
		/// revealed. A full round takes a commitment only from a node with more stake than its
		/// lightest one, which gives way (`Displaced`): many cheap nodes can neither outweigh nor
		/// crowd out bonded ones.
		///
		/// Errors: `UnknownFeed`, `WrongRound` (also in a block whose start could not close the
		/// last round within `MaxHookWeight`), `WrongPhase`, `NotADataNode` (also for a key
		/// rotated away), `AlreadySubmitted`, `RoundFull`, `BadSignature`. Emits `Committed`
		/// (after `Displaced` when it displaced one). Complexity: O(`MaxSubmitters`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::commit(T::MaxSubmitters::get()))]
		#[pallet::authorize(Pallet::<T>::authorize_commit)]
		#[pallet::weight_of_authorize(T::WeightInfo::commit(T::MaxSubmitters::get()))]
		pub fn commit(
			origin: OriginFor<T>,
			feed: FeedId,
			round: u32,
			commitment: H256,
			key: NodeKey,
			signature: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let functions::CommitCheck { open, mut submissions, node, stake, displaced } =
				Self::check_commit(feed, round, &commitment, &key, &signature)?;
			// The pool takes a commitment for the round the next block opens; in a block that
			// could not close the last round within `MaxHookWeight`, it is not open yet.
			ensure!(open.stored, Error::<T>::WrongRound);
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
				.try_push(Submission { node: node.clone(), stake, commitment, value: None })
				.map_err(|_| Error::<T>::RoundFull)?;
			Submissions::<T>::insert(feed, submissions);
			Self::deposit_event(Event::Committed { feed, round, node });
			Ok(())
		}

		/// A data node's value for the open `round` of `feed`, in the round's reveal phase: the
		/// value and salt it committed to.
		///
		/// - `origin`: authorized (no fee): `key` is bound to a data node (its current key, or
		///   one it rotated away from since it committed) with an unrevealed commitment in this
		///   round that [`commitment`] of `key`, `value` and `salt` matches, and `signature` is
		///   the key's over [`reveal_payload`].
		///
		/// Errors: `UnknownFeed`, `WrongRound`, `WrongPhase`, `NotADataNode`, `NotCommitted`,
		/// `AlreadyRevealed`, `CommitmentMismatch`, `BadSignature`. Emits `Revealed`.
		/// Complexity: O(`MaxSubmitters`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reveal(T::MaxSubmitters::get()))]
		#[pallet::authorize(Pallet::<T>::authorize_reveal)]
		#[pallet::weight_of_authorize(T::WeightInfo::reveal(T::MaxSubmitters::get()))]
		pub fn reveal(
			origin: OriginFor<T>,
			feed: FeedId,
			round: u32,
			value: i128,
			salt: Salt,
			key: NodeKey,
			signature: NodeSignature,
		) -> DispatchResult {
			ensure_authorized(origin)?;
			let functions::RevealCheck { mut submissions, node, index, .. } =
				Self::check_reveal(feed, round, value, &salt, &key, &signature)?;
			let submission = submissions.get_mut(index).ok_or(Error::<T>::NotCommitted)?;
			submission.value = Some(value);
			Submissions::<T>::insert(feed, submissions);
			Self::deposit_event(Event::Revealed { feed, round, node, value });
			Ok(())
		}
	}
}
