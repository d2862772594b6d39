//! Benchmarks of the oracle pallet: each call and the round-closing hook at their most
//! expensive, with the components that drive them (description bytes, commitments in the
//! round).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Hooks;
use frame_system::RawOrigin;
use sibyl_primitives::roles::ORACLE_KEY_TYPE;

/// Stake of the `i`th benchmark node: all different, the first lightest.
fn stake(i: u32) -> u128 {
	1_000_000_000_000_000u128 + u128::from(i) * 1_000_000_000_000
}

/// A bonded data node with a fresh `orcl` key in the keystore.
fn data_node<T: Config>(i: u32) -> (T::AccountId, NodeKey) {
	let key = sp_io::crypto::sr25519_generate(ORACLE_KEY_TYPE, None);
	(T::BenchmarkHelper::data_node(i, key, stake(i)), key)
}

/// A feed with rounds of `length` blocks, opened now; its id.
fn feed<T: Config>(length: u32) -> FeedId {
	let id = NextFeedId::<T>::get();
	let description = vec![b'd'; T::MaxDescription::get() as usize].try_into().unwrap();
	Pallet::<T>::create_feed(
		RawOrigin::Root.into(),
		description,
		2,
		1,
		length.into(),
		10_000,
		1_000u32.into(),
	)
	.unwrap();
	id
}

fn genesis<T: Config>() -> H256 {
	frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
}

fn salt(i: u32) -> Salt {
	let mut salt = [7u8; 32];
	salt[..4].copy_from_slice(&i.to_le_bytes());
	salt
}

/// Node `i` commits to `value` in round 0 of `feed` (through dispatch).
fn commit_as<T: Config>(feed: FeedId, i: u32, key: &NodeKey, value: i128) {
	let hash = commitment(&genesis::<T>(), feed, 0, key, value, &salt(i));
	let payload = commit_payload(&genesis::<T>(), feed, 0, &hash);
	let signature = sp_io::crypto::sr25519_sign(ORACLE_KEY_TYPE, key, &payload).unwrap();
	Pallet::<T>::commit(RawOrigin::Authorized.into(), feed, 0, hash, *key, signature).unwrap();
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_feed(d: Linear<0, { T::MaxDescription::get() }>) {
		let description: BoundedVec<u8, T::MaxDescription> =
			vec![b'd'; d as usize].try_into().unwrap();
		#[extrinsic_call]
		_(RawOrigin::Root, description, 2, 1, 4u32.into(), 10_000, 8u32.into());
		assert!(Feeds::<T>::contains_key(0));
	}

	/// A feed with a full round and a full history.
	#[benchmark]
	fn remove_feed() {
		let f = feed::<T>(4);
		let full: Vec<_> = (0..T::MaxSubmitters::get())
			.map(|i| Submission {
				node: account("data", i, 0),
				stake: stake(i),
				commitment: H256::repeat_byte(1),
				value: Some(1),
			})
			.collect();
		Submissions::<T>::insert(f, BoundedVec::truncate_from(full));
		let answers: Vec<_> = (0..T::MaxHistory::get())
			.map(|round| Answer { value: 1, round, at: Zero::zero() })
			.collect();
		History::<T>::insert(f, BoundedVec::truncate_from(answers));
		#[extrinsic_call]
		_(RawOrigin::Root, f);
		assert!(!Feeds::<T>::contains_key(f));
	}

	/// A commitment into a round holding `s` (at `MaxSubmitters`, full: the newcomer, heaviest
	/// of all, displaces the lightest).
	#[benchmark]
	fn commit(s: Linear<0, { T::MaxSubmitters::get() }>) {
		let f = feed::<T>(4);
		for i in 0..s {
			let (_, key) = data_node::<T>(i);
			commit_as::<T>(f, i, &key, 100);
		}
		let (node, key) = data_node::<T>(s);
		let hash = commitment(&genesis::<T>(), f, 0, &key, 100, &salt(s));
		let payload = commit_payload(&genesis::<T>(), f, 0, &hash);
		let signature = sp_io::crypto::sr25519_sign(ORACLE_KEY_TYPE, &key, &payload).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Authorized, f, 0, hash, key, signature);
		assert!(Submissions::<T>::get(f).iter().any(|c| c.node == node));
	}

	/// The value of the last of `s` commitments.
	#[benchmark]
	fn reveal(s: Linear<1, { T::MaxSubmitters::get() }>) {
		let f = feed::<T>(4);
		let mut last = None;
		for i in 0..s {
			let (node, key) = data_node::<T>(i);
			commit_as::<T>(f, i, &key, 100);
			last = Some((i, node, key));
		}
		let (i, node, key) = last.unwrap();
		// The reveal phase: the second half of the round.
		let opened = Rounds::<T>::get(f).unwrap().opened;
		frame_system::Pallet::<T>::set_block_number(opened + 2u32.into());
		let payload = reveal_payload(&genesis::<T>(), f, 0, 100, &salt(i));
		let signature = sp_io::crypto::sr25519_sign(ORACLE_KEY_TYPE, &key, &payload).unwrap();
		#[extrinsic_call]
		_(RawOrigin::Authorized, f, 0, 100, salt(i), key, signature);
		let round = Submissions::<T>::get(f);
		assert!(round.iter().any(|c| c.node == node && c.value == Some(100)));
	}

	/// The start of a block closing one round with `s` revealed values, every other one out
	/// of line (rewards and penalties both).
	#[benchmark]
	fn close_round(s: Linear<0, { T::MaxSubmitters::get() }>) {
		let f = feed::<T>(2);
		let round: Vec<_> = (0..s)
			.map(|i| {
				let (node, _) = data_node::<T>(i);
				let value = if i % 2 == 0 { 100 } else { 1_000_000 };
				Submission { node, stake: stake(i), commitment: H256::zero(), value: Some(value) }
			})
			.collect();
		Submissions::<T>::insert(f, BoundedVec::truncate_from(round));
		let now = Rounds::<T>::get(f).unwrap().opened + 2u32.into();
		frame_system::Pallet::<T>::set_block_number(now);
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
		assert_eq!(Rounds::<T>::get(f).unwrap().number, 1);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
