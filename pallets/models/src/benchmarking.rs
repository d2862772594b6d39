//! Benchmarks of the models pallet: each call at its most expensive.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use super::*;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sibyl_primitives::{
	registry::{ModelCost, TensorSpec, VerificationPolicy},
	DType,
};

fn funded<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	let amount = Pallet::<T>::deposit_for(T::MaxModelBytes::get())
		.saturating_mul(4u32.into())
		.saturating_add(T::Currency::minimum_balance());
	T::Currency::set_balance(&who, amount);
	who
}

/// Chunk `index` of the benchmark model of `size` bytes and pattern `seed`. Chunks are made one
/// at a time: a whole model of the largest size does not fit in the runtime's heap.
fn chunk<T: Config>(size: u32, seed: u8, index: u32) -> Vec<u8> {
	let length = T::ChunkSize::get();
	let start = index.saturating_mul(length);
	let end = start.saturating_add(length).min(size);
	(start..end).map(|i| (i as u8).wrapping_add(seed)).collect()
}

/// The metadata of the benchmark model of `size` bytes (a repeating pattern shifted by `seed`).
fn model<T: Config>(size: u32, seed: u8) -> ModelMetaOf<T> {
	let hashes: Vec<H256> = (0..size.div_ceil(T::ChunkSize::get()))
		.map(|i| H256(sp_io::hashing::blake2_256(&chunk::<T>(size, seed, i))))
		.collect();
	let spec = |name: &[u8]| TensorSpec {
		name: name.to_vec().try_into().unwrap(),
		dtype: DType::F32,
		shape: vec![1u32, 64].try_into().unwrap(),
	};
	let schema: Schema = (0..T::MaxSchemaTensors::get())
		.map(|i| spec(&[b'x', b'0' + (i % 10) as u8, b'0' + (i / 10) as u8]))
		.collect::<Vec<_>>()
		.try_into()
		.unwrap();
	ModelMeta {
		// Any id serves: the pallet checks chunks against their hashes, not the id.
		id: ModelId::of(&(size, seed, &hashes).encode()),
		size,
		chunk_hashes: hashes.try_into().unwrap(),
		name: vec![b'n'; sibyl_primitives::registry::MAX_MODEL_NAME as usize].try_into().unwrap(),
		version: u32::from(seed),
		inputs: schema.clone(),
		outputs: schema,
		price: 1u32.into(),
		policy: VerificationPolicy::default(),
		levels: Default::default(),
		cost: ModelCost { ops: 1, memory: 1 },
	}
}

/// A size that cuts into exactly `c` chunks (at least one), within the model limit.
fn size_for<T: Config>(c: u32) -> u32 {
	let chunk = T::ChunkSize::get();
	(c.max(1).saturating_sub(1).saturating_mul(chunk).saturating_add(1))
		.min(T::MaxModelBytes::get())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register(c: Linear<1, { T::MaxChunks::get() }>) {
		let who = funded::<T>();
		let meta = model::<T>(size_for::<T>(c), 1);
		let id = meta.id;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), Box::new(meta));
		assert!(Models::<T>::contains_key(id));
	}

	/// The last chunk of a one-chunk model of `b` bytes: hashing, indexing and completion.
	#[benchmark]
	fn upload_chunk(b: Linear<1, { T::ChunkSize::get() }>) {
		let who = funded::<T>();
		let meta = model::<T>(b, 2);
		let id = meta.id;
		Pallet::<T>::register(RawOrigin::Signed(who.clone()).into(), Box::new(meta)).unwrap();
		let bytes = chunk::<T>(b, 2, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 0, bytes.try_into().unwrap());
		assert_eq!(Models::<T>::get(id).unwrap().status, ModelStatus::Available);
	}

	/// Abandoning an upload with `c` chunks received.
	#[benchmark]
	fn retire(c: Linear<0, { T::MaxChunks::get().saturating_sub(1) }>) {
		let who = funded::<T>();
		let size = size_for::<T>(T::MaxChunks::get());
		let meta = model::<T>(size, 3);
		let id = meta.id;
		Pallet::<T>::register(RawOrigin::Signed(who.clone()).into(), Box::new(meta)).unwrap();
		for index in 0..c {
			Pallet::<T>::upload_chunk(
				RawOrigin::Signed(who.clone()).into(),
				id,
				index,
				chunk::<T>(size, 3, index).try_into().unwrap(),
			)
			.unwrap();
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id);
		assert!(!Models::<T>::contains_key(id));
	}

	/// Purging a retired model of `c` chunks by another account once its grace has passed.
	#[benchmark]
	fn purge(c: Linear<1, { T::MaxChunks::get() }>) {
		let who = funded::<T>();
		let meta = model::<T>(size_for::<T>(c), 5);
		let id = meta.id;
		Pallet::<T>::register(RawOrigin::Signed(who).into(), Box::new(meta)).unwrap();
		// Retired after it was available (the uploads are not what is measured).
		Models::<T>::mutate(id, |m| m.as_mut().unwrap().status = ModelStatus::Retired);
		PurgeAfter::<T>::insert(id, frame_system::Pallet::<T>::block_number());
		let anyone: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id);
		assert!(!Models::<T>::contains_key(id));
	}

	/// New level bounds for an available model (one record read and written).
	#[benchmark]
	fn set_levels() {
		let who = funded::<T>();
		let meta = model::<T>(1, 4);
		let id = meta.id;
		// The model's own policy as the only level (valid for it, not the default).
		let levels = LevelBounds {
			min_sample_ppm: meta.policy.sample_ppm.max(1),
			max_verifiers: meta.policy.verifiers,
		};
		Pallet::<T>::register(RawOrigin::Signed(who.clone()).into(), Box::new(meta)).unwrap();
		Pallet::<T>::upload_chunk(
			RawOrigin::Signed(who.clone()).into(),
			id,
			0,
			chunk::<T>(1, 4, 0).try_into().unwrap(),
		)
		.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, levels);
		assert_eq!(Models::<T>::get(id).unwrap().levels, levels);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
