//! Unit tests: feeds, submissions, rounds, medians, staleness, penalties, rewards, history.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
// Values are written with two decimals, as the feeds carry them: `1_000_00` is 1,000.00.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::{
	commit_payload, commitment, mock::*, reveal_payload, Error, Event, FeedIds, History, Rounds,
	Salt, Submissions,
};
use frame_support::weights::Weight;
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{Authorize, TransactionSource},
};
use sibyl_primitives::{
	oracle::{Answer, FeedError, FeedId, FeedProvider},
	Role,
};
use sp_core::{Pair, H256};
use sp_runtime::DispatchResult;
use std::cell::RefCell;

/// A feed with 2 decimals, 3 submitters needed, rounds of 2 blocks (1 to commit, 1 to reveal),
/// 1 % deviation, values usable for 5 blocks.
fn feed() -> FeedId {
	let id = crate::NextFeedId::<Test>::get();
	assert_ok!(Oracle::create_feed(
		RuntimeOrigin::root(),
		b"BTC/USD, exchange X".to_vec().try_into().unwrap(),
		2,
		3,
		2,
		10_000,
		5
	));
	id
}

fn genesis() -> H256 {
	System::block_hash(0)
}

/// Dispatches `call` the way a block does: authorization first (its pool tag checked), then
/// dispatch; both must agree.
fn authorized(call: crate::Call<Test>) -> DispatchResult {
	let validity = call.authorize(TransactionSource::External).unwrap();
	if let Ok((valid, _)) = &validity {
		assert_eq!(valid.provides, vec![call.pool_tag().unwrap()], "pool tag of {call:?}");
	}
	let origin = RuntimeOrigin::from(frame_system::RawOrigin::Authorized);
	let dispatched = match call {
		crate::Call::commit { feed, round, commitment, key, signature } => {
			Oracle::commit(origin, feed, round, commitment, key, signature)
		},
		crate::Call::reveal { feed, round, value, salt, key, signature } => {
			Oracle::reveal(origin, feed, round, value, salt, key, signature)
		},
		other => panic!("not authorized: {other:?}"),
	};
	assert_eq!(validity.is_ok(), dispatched.is_ok(), "authorize and dispatch disagree");
	dispatched
}

/// `who`'s salt for `round` in these tests.
fn salt(who: AccountId, round: u32) -> Salt {
	let mut salt = [0; 32];
	salt[..8].copy_from_slice(&who.to_le_bytes());
	salt[8..12].copy_from_slice(&round.to_le_bytes());
	salt
}

/// `who` commits to `value` (with [`salt`]).
fn commit(feed: FeedId, round: u32, value: i128, who: AccountId) -> DispatchResult {
	let hash = commitment(&genesis(), feed, round, &key(who), value, &salt(who, round));
	let signature = pair(who).sign(&commit_payload(&genesis(), feed, round, &hash));
	authorized(crate::Call::commit { feed, round, commitment: hash, key: key(who), signature })
}

/// `who` reveals `value` with `salt`, signed by `who`'s key.
fn reveal_with(
	feed: FeedId,
	round: u32,
	value: i128,
	salt: Salt,
	who: AccountId,
) -> DispatchResult {
	let signature = pair(who).sign(&reveal_payload(&genesis(), feed, round, value, &salt));
	authorized(crate::Call::reveal { feed, round, value, salt, key: key(who), signature })
}

/// `who` reveals `value` with its [`salt`].
fn reveal(feed: FeedId, round: u32, value: i128, who: AccountId) -> DispatchResult {
	reveal_with(feed, round, value, salt(who, round), who)
}

thread_local! {
	/// Commitments made by [`submit`], revealed by [`next_block`] in their reveal phase.
	static PENDING: RefCell<Vec<(FeedId, u32, i128, AccountId)>> = const { RefCell::new(Vec::new()) };
}

/// An honest data node's submission: `who` commits to `value` now, and reveals it when the
/// round's reveal phase begins ([`next_block`]).
fn submit(feed: FeedId, round: u32, value: i128, who: AccountId) -> DispatchResult {
	commit(feed, round, value, who)?;
	PENDING.with(|p| p.borrow_mut().push((feed, round, value, who)));
	Ok(())
}

/// The next block, in which every pending honest commitment whose round now reveals is
/// revealed.
fn next_block() {
	crate::mock::next_block();
	let now = System::block_number();
	let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
	for (feed, round, value, who) in pending {
		match Oracle::round_at(feed, now) {
			// Displaced: nothing to reveal.
			_ if !Submissions::<Test>::get(feed).iter().any(|s| s.node == who) => {},
			Some(open) if open.number == round && open.phase == crate::Phase::Reveal => {
				assert_ok!(reveal(feed, round, value, who));
			},
			Some(open) if open.number == round => {
				PENDING.with(|p| p.borrow_mut().push((feed, round, value, who)))
			},
			_ => {},
		}
	}
}

fn bond(who: AccountId) -> Balance {
	pallet_payments::Bonds::<Test>::get(Role::Data, who).unwrap().amount
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Oracle(e) => Some(e),
			_ => None,
		})
		.collect()
}

#[test]
fn feeds_are_created_by_root_with_sane_parameters() {
	new_test_ext().execute_with(|| {
		let desc = || b"x".to_vec().try_into().unwrap();
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::signed(1), desc(), 2, 3, 2, 0, 5),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 0, 2, 0, 5),
			Error::<Test>::NoSubmittersRequired
		);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 5, 2, 0, 5),
			Error::<Test>::TooManySubmittersRequired
		);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 3, 0, 0, 5),
			Error::<Test>::RoundTooShort
		);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 3, 1, 0, 5),
			Error::<Test>::RoundTooShort
		);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 3, 2, 0, 0),
			Error::<Test>::ZeroLength
		);
		let ids: Vec<FeedId> = (0..3).map(|_| feed()).collect();
		assert_eq!(ids, vec![0, 1, 2]);
		assert_noop!(
			Oracle::create_feed(RuntimeOrigin::root(), desc(), 2, 3, 2, 0, 5),
			Error::<Test>::TooManyFeeds
		);
		assert_eq!(Rounds::<Test>::get(1).unwrap().number, 0);
		assert_ok!(Oracle::remove_feed(RuntimeOrigin::root(), 1));
		assert_eq!(FeedIds::<Test>::get().into_inner(), vec![0, 2]);
		assert_noop!(Oracle::remove_feed(RuntimeOrigin::root(), 1), Error::<Test>::UnknownFeed);
		assert_eq!(Oracle::decimals(1), Err(FeedError::UnknownFeed));
		assert_eq!(Oracle::decimals(2), Ok(2));
	});
}

#[test]
fn bad_submissions_are_refused_by_the_pool_and_in_blocks() {
	new_test_ext().execute_with(|| {
		let f = feed();
		assert_noop!(submit(9, 0, 1, 1), Error::<Test>::UnknownFeed);
		assert_noop!(submit(f, 1, 1, 1), Error::<Test>::WrongRound);
		assert_noop!(submit(f, 0, 1, OUTSIDER), Error::<Test>::NotADataNode);
		// Signed by another key, or over another commitment, or for another chain.
		let hash = commitment(&genesis(), f, 0, &key(1), 100, &salt(1, 0));
		let signed = |signature| crate::Call::<Test>::commit {
			feed: f,
			round: 0,
			commitment: hash,
			key: key(1),
			signature,
		};
		let other = pair(2).sign(&commit_payload(&genesis(), f, 0, &hash));
		assert_noop!(authorized(signed(other)), Error::<Test>::BadSignature);
		let changed = pair(1).sign(&commit_payload(&genesis(), f, 0, &H256::repeat_byte(1)));
		assert_noop!(authorized(signed(changed)), Error::<Test>::BadSignature);
		let foreign = pair(1).sign(&commit_payload(&H256::repeat_byte(7), f, 0, &hash));
		assert_noop!(authorized(signed(foreign)), Error::<Test>::BadSignature);
		assert_ok!(submit(f, 0, 100, 1));
		assert_noop!(submit(f, 0, 100, 1), Error::<Test>::AlreadySubmitted);
		for n in 2..=4 {
			assert_ok!(submit(f, 0, 100, n));
		}
		assert_noop!(submit(f, 0, 100, 5), Error::<Test>::RoundFull);
		// An unbonding node no longer counts as a data node.
		next_block();
		next_block(); // round 0 closed, round 1 open
		assert_ok!(pallet_payments::Pallet::<Test>::unbond(RuntimeOrigin::signed(5), Role::Data));
		assert_noop!(submit(f, 1, 100, 5), Error::<Test>::NotADataNode);
		// Late: round 0 is closed.
		assert_noop!(submit(f, 0, 100, 1), Error::<Test>::WrongRound);
		assert!(Oracle::commit(
			RuntimeOrigin::signed(1),
			f,
			1,
			H256::zero(),
			key(1),
			pair(1).sign(b"x")
		)
		.is_err());
	});
}

#[test]
fn rounds_close_with_the_median_of_odd_and_even_counts() {
	new_test_ext().execute_with(|| {
		let f = feed();
		for (n, v) in [(1, 100_00), (2, 100_50), (3, 99_90)] {
			assert_ok!(submit(f, 0, v, n));
		}
		next_block(); // #2: round 0 still open (opened #1, length 2)
		assert!(Oracle::latest(f).is_none());
		next_block(); // #3: closes
		let answer = Answer { value: 100_00, round: 0, at: 3 };
		assert_eq!(Oracle::latest(f), Some((answer, 0, false)));
		assert!(events().contains(&Event::RoundClosed {
			feed: f,
			round: 0,
			value: 100_00,
			submitters: 3
		}));
		assert_eq!(Rounds::<Test>::get(f).unwrap().number, 1);
		assert!(Submissions::<Test>::get(f).is_empty());
		// Four values: the mean of the middle two, rounded down.
		for (n, v) in [(1, 100_00), (2, 100_05), (3, 99_98), (4, 100_02)] {
			assert_ok!(submit(f, 1, v, n));
		}
		next_block();
		next_block(); // #5
		assert_eq!(Oracle::latest(f).unwrap().0, Answer { value: 100_01, round: 1, at: 5 });
	});
}

#[test]
fn too_few_submissions_keep_the_last_value_until_it_goes_stale() {
	new_test_ext().execute_with(|| {
		let f = feed();
		// Nothing ever closed: no value.
		assert_eq!(Oracle::window(f, 1), Err(FeedError::NoValue));
		for n in 1..=3 {
			assert_ok!(submit(f, 0, 500, n));
		}
		next_block();
		next_block(); // #3: 500
		assert_eq!(Oracle::window(f, 1).unwrap()[0].value, 500);
		// Round 1 gets two submissions of 3 needed: it fails, the value stays.
		assert_ok!(submit(f, 1, 900, 1));
		assert_ok!(submit(f, 1, 900, 2));
		next_block();
		next_block(); // #5
		assert!(events().contains(&Event::RoundFailed { feed: f, round: 1, submitters: 2 }));
		assert_eq!(Oracle::latest(f), Some((Answer { value: 500, round: 0, at: 3 }, 2, false)));
		// Nobody submits; five blocks after #3 it is still usable, six after it is stale.
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(Oracle::latest(f).unwrap().1, 5);
		assert!(Oracle::window(f, 1).is_ok());
		next_block(); // #9
		assert!(Oracle::latest(f).unwrap().2, "stale");
		assert_eq!(Oracle::window(f, 1), Err(FeedError::Stale));
		// A fresh round makes it usable again.
		let round = Rounds::<Test>::get(f).unwrap().number;
		for n in 1..=3 {
			assert_ok!(submit(f, round, 700, n));
		}
		next_block();
		next_block();
		assert_eq!(Oracle::window(f, 1).unwrap()[0].value, 700);
	});
}

#[test]
fn outliers_are_penalized_and_timely_submitters_rewarded() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let f = feed();
		for (n, v) in [(1, 1_000_00), (2, 1_009_99), (3, 1_020_00), (4, 1_000_50)] {
			assert_ok!(submit(f, 0, v, n));
		}
		next_block();
		next_block();
		// (1,000.50 + 1,009.99) / 2, rounded down; 1 % of it is 10.05.
		assert_eq!(Oracle::latest(f).unwrap().0.value, 1_005_24);
		// 1,020.00 is 14.76 away, beyond 1 %: penalized 10 % of its bond; the rest are within.
		assert_eq!(bond(3), 900);
		for n in [1, 2, 4] {
			assert_eq!(bond(n), 1_000);
			assert_eq!(Balances::free_balance(n), 10_000 - 1_000 + 2);
		}
		assert_eq!(Balances::free_balance(3), 10_000 - 1_000);
		assert!(events().contains(&Event::Penalized {
			feed: f,
			round: 0,
			node: 3,
			value: 1_020_00,
			slashed: 100
		}));
		assert_eq!(Balances::free_balance(TREASURY), 1_000 + 100 - 6);
		assert_eq!(Balances::total_issuance(), issuance);
		// A failed round rewards and penalizes nobody.
		let before: Vec<Balance> = DATA_NODES.iter().map(Balances::free_balance).collect();
		assert_ok!(submit(f, 1, 5, 1));
		next_block();
		next_block();
		let after: Vec<Balance> = DATA_NODES.iter().map(Balances::free_balance).collect();
		assert_eq!(before, after);
		assert_eq!(bond(1), 1_000);
	});
}

#[test]
fn history_keeps_the_latest_rounds_in_order() {
	new_test_ext().execute_with(|| {
		let f = feed();
		for round in 0..5u32 {
			for n in 1..=3 {
				assert_ok!(submit(f, round, i128::from(round) * 10, n));
			}
			next_block();
			next_block();
		}
		// MaxHistory is 3: rounds 2, 3 and 4 remain, oldest first.
		let kept: Vec<(u32, i128)> =
			History::<Test>::get(f).iter().map(|a| (a.round, a.value)).collect();
		assert_eq!(kept, vec![(2, 20), (3, 30), (4, 40)]);
		assert_eq!(Oracle::history(f, 2).iter().map(|a| a.round).collect::<Vec<_>>(), vec![3, 4]);
		assert_eq!(Oracle::history(f, 10).len(), 3);
		assert_eq!(Oracle::window(f, 3).unwrap().len(), 3);
		assert_eq!(Oracle::window(f, 4), Err(FeedError::NotEnoughHistory));
	});
}

mod offchain {
	use super::*;
	use crate::fetch::{Source, SOURCES_KEY};
	use codec::{Decode, Encode};
	use sibyl_primitives::roles::{NODE_ROLES_KEY, ORACLE_KEY_TYPE};
	use sp_core::offchain::{
		testing::{PendingRequest, TestOffchainExt, TestTransactionPoolExt},
		OffchainDbExt, OffchainWorkerExt, StorageKind, TransactionPoolExt,
	};
	use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
	use std::sync::Arc;

	/// A test externality where node 1 is a data node with its `orcl` key and one source for
	/// feed 0; the HTTP server answers `body` once. Runs the offchain worker `runs` times in the
	/// same block; the values submitted.
	fn run(body: &[u8], roles: Vec<Role>, runs: usize) -> Vec<(u32, i128)> {
		let mut ext = new_test_ext();
		let (offchain, state) = TestOffchainExt::new();
		let (pool, pool_state) = TestTransactionPoolExt::new();
		let keystore = MemoryKeystore::new();
		keystore.sr25519_generate_new(ORACLE_KEY_TYPE, Some("//data1")).unwrap();
		ext.register_extension(OffchainDbExt::new(offchain.clone()));
		ext.register_extension(OffchainWorkerExt::new(offchain));
		ext.register_extension(TransactionPoolExt::new(pool));
		ext.register_extension(KeystoreExt(Arc::new(keystore)));
		let url = "http://127.0.0.1:8080/price";
		state.write().expect_request(PendingRequest {
			method: "GET".into(),
			uri: url.into(),
			response: Some(body.to_vec()),
			sent: true,
			response_headers: vec![],
			..Default::default()
		});
		ext.execute_with(|| {
			let f = feed();
			let set = |k: &[u8], v: Vec<u8>| {
				sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, k, &v)
			};
			set(NODE_ROLES_KEY, roles.encode());
			let source =
				Source { feed: f, url: url.as_bytes().to_vec(), path: b"data.usd".to_vec() };
			set(SOURCES_KEY, vec![source].encode());
			let worker = |at: u64| {
				for _ in 0..runs {
					<Oracle as frame_support::traits::Hooks<u64>>::offchain_worker(at);
				}
			};
			let sent = || -> Vec<RuntimeCall> {
				let pool = pool_state.read();
				pool.transactions
					.iter()
					.map(|tx| Extrinsic::decode(&mut &tx[..]).unwrap().function)
					.collect()
			};
			// #2 is round 0's reveal phase (round 0 opened at #1, before the worker saw the
			// feed): the worker prepares #3, where round 1 opens, and commits to its value.
			crate::mock::next_block();
			worker(2);
			let commits = sent();
			if commits.is_empty() {
				return vec![];
			}
			assert_eq!(commits.len(), 1, "one commitment per round");
			let RuntimeCall::Oracle(commit @ crate::Call::commit { round: 1, key: k, .. }) =
				commits[0].clone()
			else {
				panic!("unexpected call {:?}", commits[0]);
			};
			assert_eq!(k, key(1));
			crate::mock::next_block();
			// The commitment is one the chain accepts in #3.
			assert_ok!(authorized(commit));
			// #3's worker prepares #4, round 1's reveal phase: it reveals what it committed to,
			// without fetching again (the test server answers once).
			worker(3);
			let all = sent();
			assert_eq!(all.len(), 2, "one value per round");
			let RuntimeCall::Oracle(reveal @ crate::Call::reveal { round, value, .. }) =
				all[1].clone()
			else {
				panic!("unexpected call {:?}", all[1]);
			};
			crate::mock::next_block();
			assert_ok!(authorized(reveal));
			vec![(round, value)]
		})
	}

	#[test]
	fn a_data_node_fetches_commits_and_reveals_once_per_round() {
		// A second run in the same block neither fetches (the test server would refuse a second
		// request) nor sends again.
		let submitted = run(br#"{"data":{"usd":"64123.456"}}"#, vec![Role::Data], 2);
		assert_eq!(submitted, vec![(1, 6_412_346)]);
	}

	#[test]
	fn garbage_or_missing_values_submit_nothing() {
		assert!(run(b"<html>busy</html>", vec![Role::Data], 1).is_empty());
		assert!(run(br#"{"data":{"eur":1}}"#, vec![Role::Data], 1).is_empty());
		assert!(run(br#"{"data":{"usd":"n/a"}}"#, vec![Role::Data], 1).is_empty());
	}

	#[test]
	fn a_node_without_the_data_role_fetches_nothing() {
		let mut ext = new_test_ext();
		let (offchain, _state) = TestOffchainExt::new();
		ext.register_extension(OffchainDbExt::new(offchain.clone()));
		ext.register_extension(OffchainWorkerExt::new(offchain));
		ext.execute_with(|| {
			feed();
			// No expected request registered: a fetch would panic the test offchain ext.
			<Oracle as frame_support::traits::Hooks<u64>>::offchain_worker(1);
		});
	}
}

#[test]
fn many_small_data_nodes_can_neither_outweigh_nor_crowd_out_bonded_ones() {
	new_test_ext().execute_with(|| {
		// Honest 1 and 2 have 5,000 at stake each; Sybils 3, 4 and 5 have 1,000 each.
		for n in [1, 2] {
			assert_ok!(Payments::bond_extra(RuntimeOrigin::signed(n), Role::Data, 4_000));
		}
		let f = feed();
		// The Sybils come first, 50 % off, and take three of the round's four places.
		for n in [3, 4, 5] {
			assert_ok!(submit(f, 0, 150_00, n));
		}
		assert_ok!(submit(f, 0, 100_00, 1));
		// Full: the heavy node displaces the lightest (the latest of equals), without penalty.
		assert_ok!(submit(f, 0, 100_10, 2));
		assert!(events().contains(&Event::Displaced { feed: f, round: 0, node: 5, by: 2 }));
		// A node with no more stake than the lightest cannot get back in.
		assert_noop!(submit(f, 0, 150_00, 5), Error::<Test>::RoundFull);
		// By count the Sybils still hold half the round (a plain median would be 125.05); by
		// stake they hold 2,000 of 12,000, and the value stays in the honest range.
		next_block();
		next_block();
		let value = Oracle::latest(f).unwrap().0.value;
		assert!((100_00..=100_10).contains(&value), "median {value}");
		assert_eq!(value, 100_10, "the smallest value with half the stake at or below it");
		// The Sybils in the round are out of line and penalized; the displaced one is untouched;
		// the honest are rewarded and keep their bonds.
		assert_eq!((bond(3), bond(4), bond(5)), (900, 900, 1_000));
		assert_eq!((bond(1), bond(2)), (5_000, 5_000));
		for n in [1, 2] {
			assert!(events().contains(&Event::Rewarded { feed: f, round: 0, node: n, amount: 2 }));
		}
	});
}

#[test]
fn a_rotated_away_key_no_longer_submits_for_its_node() {
	new_test_ext().execute_with(|| {
		let f = feed();
		let new = sp_core::sr25519::Pair::from_string("//data1-new", None).unwrap();
		let payload = sibyl_primitives::roles::key_proof_payload(&genesis(), Role::Data, &1u64);
		assert_ok!(Payments::rotate_key(
			RuntimeOrigin::signed(1),
			Role::Data,
			new.public(),
			new.sign(&payload)
		));
		// The old key stays bound to node 1 while it retires, but speaks for it no more.
		assert_noop!(submit(f, 0, 100_00, 1), Error::<Test>::NotADataNode);
		let hash = commitment(&genesis(), f, 0, &new.public(), 100_00, &salt(1, 0));
		let signature = new.sign(&commit_payload(&genesis(), f, 0, &hash));
		let call = crate::Call::<Test>::commit {
			feed: f,
			round: 0,
			commitment: hash,
			key: new.public(),
			signature,
		};
		assert_ok!(authorized(call));
		// A node that rotates between its commitment and its reveal still reveals, with the
		// key it committed with.
		let newer = sp_core::sr25519::Pair::from_string("//data1-newer", None).unwrap();
		let payload = sibyl_primitives::roles::key_proof_payload(&genesis(), Role::Data, &1u64);
		next_block();
		assert_ok!(Payments::rotate_key(
			RuntimeOrigin::signed(1),
			Role::Data,
			newer.public(),
			newer.sign(&payload)
		));
		let signature = new.sign(&reveal_payload(&genesis(), f, 0, 100_00, &salt(1, 0)));
		assert_ok!(authorized(crate::Call::<Test>::reveal {
			feed: f,
			round: 0,
			value: 100_00,
			salt: salt(1, 0),
			key: new.public(),
			signature,
		}));
	});
}

#[test]
fn the_migrations_keep_submissions_made_before_them_weighted_by_stake() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		let f = feed();
		// A chain at storage version 0, with the open round's submissions in the old format.
		StorageVersion::new(0).put::<Oracle>();
		let old: crate::migrations::v1::OldSubmissions<Test> =
			vec![(1, 100_00), (2, 100_20)].try_into().unwrap();
		frame_support::storage::unhashed::put(&Submissions::<Test>::hashed_key_for(f), &old);
		assert_ok!(Payments::bond_extra(RuntimeOrigin::signed(2), Role::Data, 500));

		// A 1-block round, allowed before version 2.
		crate::Feeds::<Test>::mutate(f, |feed| feed.as_mut().unwrap().round_length = 1);
		// Both migrations, in order, as the runtime's `Migrations` runs them.
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Oracle::on_chain_storage_version(), 1);
		crate::migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Oracle::on_chain_storage_version(), 2);
		assert_eq!(
			crate::Feeds::<Test>::get(f).unwrap().round_length,
			2,
			"room to commit and reveal"
		);
		// Public values before the upgrade: revealed ones after it, with their stake.
		let stakes: Vec<_> =
			Submissions::<Test>::get(f).iter().map(|s| (s.node, s.value, s.stake)).collect();
		assert_eq!(stakes, vec![(1, Some(100_00), 1_000), (2, Some(100_20), 1_500)]);
		// Once only: a second run leaves them alone.
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		crate::migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Submissions::<Test>::get(f).len(), 2);
		assert_eq!(Submissions::<Test>::get(f)[0].value, Some(100_00));
		// The round closes with them: 1,000 at 100.00, 1,000 at 100.05, 1,500 at 100.20.
		assert_ok!(submit(f, 0, 100_05, 3));
		next_block();
		next_block();
		assert_eq!(Oracle::latest(f).unwrap().0.value, 100_05);
	});
}

#[test]
fn values_stay_hidden_until_the_commit_phase_is_over_and_must_match_their_commitment() {
	new_test_ext().execute_with(|| {
		let f = feed();
		// #1, commit phase: no value yet, nothing to reveal.
		assert_noop!(reveal(f, 0, 100, 1), Error::<Test>::WrongPhase);
		assert_ok!(commit(f, 0, 100_00, 1));
		assert_noop!(reveal(f, 0, 100_00, 1), Error::<Test>::WrongPhase);
		assert_noop!(commit(f, 0, 100_00, 1), Error::<Test>::AlreadySubmitted);
		// A copier commits to node 1's hash; it cannot reveal node 1's value with it, the hash
		// binds node 1's key.
		let copied = Submissions::<Test>::get(f)[0].commitment;
		let signature = pair(2).sign(&commit_payload(&genesis(), f, 0, &copied));
		assert_ok!(authorized(crate::Call::commit {
			feed: f,
			round: 0,
			commitment: copied,
			key: key(2),
			signature
		}));
		assert_ok!(commit(f, 0, 100_10, 3));
		assert!(events().contains(&Event::Committed { feed: f, round: 0, node: 1 }));
		crate::mock::next_block(); // #2, reveal phase
		assert_noop!(commit(f, 0, 100_00, 4), Error::<Test>::WrongPhase);
		assert_noop!(reveal_with(f, 0, 100_00, salt(1, 0), 2), Error::<Test>::CommitmentMismatch);
		assert_noop!(reveal(f, 0, 100_01, 1), Error::<Test>::CommitmentMismatch);
		assert_noop!(reveal_with(f, 0, 100_00, salt(9, 0), 1), Error::<Test>::CommitmentMismatch);
		assert_noop!(reveal(f, 0, 100_00, 4), Error::<Test>::NotCommitted);
		assert_noop!(reveal(f, 0, 100_00, OUTSIDER), Error::<Test>::NotADataNode);
		assert_noop!(reveal(f, 1, 100_00, 1), Error::<Test>::WrongRound);
		// Signed by another key.
		let signature = pair(2).sign(&reveal_payload(&genesis(), f, 0, 100_00, &salt(1, 0)));
		assert_noop!(
			authorized(crate::Call::reveal {
				feed: f,
				round: 0,
				value: 100_00,
				salt: salt(1, 0),
				key: key(1),
				signature
			}),
			Error::<Test>::BadSignature
		);
		assert_ok!(reveal(f, 0, 100_00, 1));
		assert_noop!(reveal(f, 0, 100_00, 1), Error::<Test>::AlreadyRevealed);
		assert_ok!(reveal(f, 0, 100_10, 3));
		assert!(events().contains(&Event::Revealed { feed: f, round: 0, node: 1, value: 100_00 }));
		// Late: the round closed at #3.
		crate::mock::next_block();
		assert_noop!(reveal(f, 0, 100_00, 2), Error::<Test>::WrongRound);
	});
}

#[test]
fn an_unrevealed_commitment_is_neither_rewarded_nor_penalized() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let f = feed();
		for (n, v) in [(1, 100_00), (2, 100_02), (3, 99_99)] {
			assert_ok!(submit(f, 0, v, n));
		}
		// Node 4 commits to an outlier and, seeing the others' values, keeps it to itself.
		assert_ok!(commit(f, 0, 200_00, 4));
		next_block();
		next_block();
		assert!(events().contains(&Event::NotRevealed { feed: f, round: 0, node: 4 }));
		assert!(events().contains(&Event::RoundClosed {
			feed: f,
			round: 0,
			value: 100_00,
			submitters: 3
		}));
		// Withholding only took its stake out of the median; it earns nothing, loses nothing.
		assert_eq!(bond(4), 1_000);
		assert_eq!(Balances::free_balance(4), 10_000 - 1_000);
		for n in [1, 2, 3] {
			assert_eq!(Balances::free_balance(n), 10_000 - 1_000 + 2);
		}
		assert_eq!(Balances::total_issuance(), issuance);
		// Too few values revealed: the round fails, whatever was committed.
		for n in 1..=3 {
			assert_ok!(commit(f, 1, 100_00, n));
		}
		assert_ok!(submit(f, 1, 100_00, 4));
		next_block();
		next_block();
		assert!(events().contains(&Event::RoundFailed { feed: f, round: 1, submitters: 1 }));
	});
}

#[test]
fn the_pool_takes_a_commitment_for_the_round_that_opens_in_the_next_block() {
	new_test_ext().execute_with(|| {
		let f = feed();
		next_block(); // #2: round 0 reveals; it closes at the start of #3
				// The pool validates a transaction for the next block before that block's
				// `on_initialize` (the block number is already the next one): round 1 is open there.
		System::set_block_number(3);
		assert_eq!(Rounds::<Test>::get(f).unwrap().number, 0);
		let open = Oracle::round_at(f, 3).unwrap();
		assert_eq!((open.number, open.phase, open.stored), (1, crate::Phase::Commit, false));
		let hash = commitment(&genesis(), f, 1, &key(1), 100_00, &salt(1, 1));
		let signature = pair(1).sign(&commit_payload(&genesis(), f, 1, &hash));
		let call = crate::Call::<Test>::commit {
			feed: f,
			round: 1,
			commitment: hash,
			key: key(1),
			signature,
		};
		let (valid, _) = call.authorize(TransactionSource::External).unwrap().unwrap();
		assert_eq!(valid.longevity, 1, "valid until its commit phase ends");
		let stale = crate::Call::<Test>::commit {
			feed: f,
			round: 0,
			commitment: hash,
			key: key(1),
			signature,
		};
		assert!(stale.authorize(TransactionSource::External).unwrap().is_err());
	});
}

#[test]
fn rounds_due_beyond_the_hook_budget_close_in_the_next_blocks_with_their_own_values() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| {
		let feeds: Vec<FeedId> = (0..3).map(|_| feed()).collect();
		for (i, f) in feeds.iter().enumerate() {
			for n in 1..=3 {
				assert_ok!(submit(*f, 0, 100 * (i as i128 + 1), n));
			}
		}
		next_block(); // #2: reveals
				// Room for about one round's closing a block.
		let one = <() as crate::WeightInfo>::close_round(3);
		let budget = one.saturating_add(Weight::from_parts(1, 0));
		HookBudget::set(budget);
		let closes = |block| {
			System::set_block_number(block);
			let weight = Oracle::on_initialize(block);
			assert!(weight.all_lte(budget), "#{block}: {weight:?} > {budget:?}");
			feeds.iter().filter(|f| Oracle::latest(**f).is_some()).count()
		};
		// One round closes a block; the feeds are visited from a point that moves with the
		// block, so each waits at most two blocks here.
		assert_eq!(closes(3), 1);
		// A round still in storage: a commitment for the next round waits.
		let waiting = *feeds.iter().find(|f| Oracle::latest(**f).is_none()).unwrap();
		let open = Oracle::round_at(waiting, 3).unwrap();
		assert!(!open.stored);
		// The pool takes it (it validates for a block whose start closes due rounds), the block
		// does not: the node sends it again at its next block.
		let hash = commitment(&genesis(), waiting, 1, &key(4), 5, &salt(4, 1));
		let signature = pair(4).sign(&commit_payload(&genesis(), waiting, 1, &hash));
		let call = crate::Call::<Test>::commit {
			feed: waiting,
			round: 1,
			commitment: hash,
			key: key(4),
			signature,
		};
		assert!(call.authorize(TransactionSource::External).unwrap().is_ok());
		assert_noop!(
			Oracle::commit(
				RuntimeOrigin::from(frame_system::RawOrigin::Authorized),
				waiting,
				1,
				hash,
				key(4),
				signature
			),
			Error::<Test>::WrongRound
		);
		assert_eq!(closes(4), 2);
		assert_eq!(closes(5), 3);
		// Each closed with its own values, and each next round opened when it was due (#3),
		// whenever its last one closed: the rounds' phases stay where everyone expects them.
		for (i, f) in feeds.iter().enumerate() {
			assert_eq!(Oracle::latest(*f).unwrap().0.value, 100 * (i as i128 + 1));
			let round = Rounds::<Test>::get(f).unwrap();
			assert!(round.number >= 1);
		}
		assert!(feeds.iter().all(|f| Rounds::<Test>::get(f).unwrap().opened % 2 == 1));
		Oracle::do_try_state().unwrap();
	});
}
