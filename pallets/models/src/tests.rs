#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use crate::{
	mock::*, ChunkHashes, ChunkReceived, Error, Event, Families, HoldReason, ModelMetaOf,
	PurgeAfter,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sibyl_primitives::{
	registry::{
		chunk_index_key, ModelCost, ModelRegistry, ModelStatus, TensorSpec, Tolerance,
		VerificationPolicy,
	},
	DType, ModelId,
};
use sp_core::H256;

fn bytes_of(len: u32, seed: u8) -> Vec<u8> {
	(0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

fn spec(name: &str, dtype: DType, shape: &[u32]) -> TensorSpec {
	TensorSpec {
		name: name.as_bytes().to_vec().try_into().unwrap(),
		dtype,
		shape: shape.to_vec().try_into().unwrap(),
	}
}

fn meta_for(bytes: &[u8], name: &str, version: u32) -> ModelMetaOf<Test> {
	let hashes: Vec<H256> =
		bytes.chunks(CHUNK as usize).map(|c| H256(sp_io::hashing::blake2_256(c))).collect();
	ModelMetaOf::<Test> {
		id: ModelId::of(bytes),
		size: bytes.len() as u32,
		chunk_hashes: hashes.try_into().unwrap(),
		name: name.as_bytes().to_vec().try_into().unwrap(),
		version,
		inputs: vec![spec("x", DType::F32, &[1, 4])].try_into().unwrap(),
		outputs: vec![spec("y", DType::F32, &[1, 2])].try_into().unwrap(),
		price: 5,
		policy: VerificationPolicy {
			replicas: 1,
			verifiers: 2,
			sample_ppm: 500_000,
			tolerance: Tolerance::Within { abs_ppb: 1_000, rel_ppb: 100 },
		},
		levels: Default::default(),
		cost: ModelCost { ops: 5_000, memory: 4_096 },
	}
}

fn register(who: AccountId, meta: &ModelMetaOf<Test>) -> frame_support::dispatch::DispatchResult {
	Models::register(RuntimeOrigin::signed(who), Box::new(meta.clone()))
}

fn upload(
	who: AccountId,
	bytes: &[u8],
	id: ModelId,
	index: u32,
) -> frame_support::dispatch::DispatchResult {
	let chunk = bytes.chunks(CHUNK as usize).nth(index as usize).unwrap_or(&[]);
	Models::upload_chunk(RuntimeOrigin::signed(who), id, index, chunk.to_vec().try_into().unwrap())
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Models(e) = r.event { Some(e) } else { None })
		.collect()
}

#[test]
fn register_upload_and_retire() {
	let mut ext = new_test_ext();
	let bytes = bytes_of(40, 7); // chunks of 16, 16, 8
	let meta = meta_for(&bytes, "digits", 1);
	let id = meta.id;
	ext.execute_with(|| {
		let free_before = Balances::balance(&ALICE);
		assert_ok!(register(ALICE, &meta));
		let deposit = BASE + PER_BYTE * 40;
		assert_eq!(held(ALICE), deposit);
		assert_eq!(Balances::balance(&ALICE), free_before - deposit);
		let model = Models::model(&id).unwrap();
		assert_eq!(model.status, ModelStatus::Uploading);
		assert_eq!((model.chunk_count, model.chunk_size, model.size), (3, CHUNK, 40));
		assert!(!<Models as ModelRegistry<_, _, _>>::accepts_requests(&id));

		// Out of order is fine.
		assert_ok!(upload(ALICE, &bytes, id, 2));
		assert_ok!(upload(ALICE, &bytes, id, 0));
		assert_eq!(Models::model(&id).unwrap().chunks_received, 2);
		assert!(ChunkReceived::<Test>::contains_key(id, 0));
		assert_ok!(upload(ALICE, &bytes, id, 1));

		let model = Models::model(&id).unwrap();
		assert_eq!(model.status, ModelStatus::Available);
		assert_eq!(ChunkReceived::<Test>::iter_prefix(id).count(), 0, "markers cleared");
		assert!(<Models as ModelRegistry<_, _, _>>::accepts_requests(&id));
		assert_eq!(
			events(),
			vec![
				Event::Registered {
					id,
					owner: ALICE,
					name: meta.name.clone(),
					version: 1,
					size: 40,
					chunks: 3,
					deposit,
					cost: meta.cost,
				},
				Event::ChunkUploaded { id, index: 2 },
				Event::ChunkUploaded { id, index: 0 },
				Event::ChunkUploaded { id, index: 1 },
				Event::ModelAvailable { id },
			]
		);

		// Retired: no new requests, but the deposit stays held until the model is purged.
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(held(ALICE), deposit);
		let model = Models::model(&id).unwrap();
		assert_eq!((model.status, model.deposit), (ModelStatus::Retired, deposit));
		assert!(!<Models as ModelRegistry<_, _, _>>::accepts_requests(&id));
		assert_eq!(events().last(), Some(&Event::Retired { id, purge_after: 1 + GRACE }));
		assert_eq!(Balances::balance(&ALICE), free_before - deposit);
	});

	// The chunks went to offchain indexing, byte for byte; state holds none of them.
	ext.persist_offchain_overlay();
	let db = ext.offchain_db();
	let mut assembled = Vec::new();
	for index in 0..3 {
		assembled.extend(db.get(&chunk_index_key(&id, index)).unwrap());
	}
	assert_eq!(assembled, bytes);
	assert_eq!(ModelId::of(&assembled), id);
	assert!(db.get(&chunk_index_key(&id, 3)).is_none());
}

#[test]
fn versions_of_a_family() {
	new_test_ext().execute_with(|| {
		let v1 = bytes_of(20, 1);
		let v2 = bytes_of(20, 2);
		assert_ok!(register(ALICE, &meta_for(&v1, "ocr", 1)));
		// The same version never names another model, even for its owner.
		assert_noop!(register(ALICE, &meta_for(&v2, "ocr", 1)), Error::<Test>::VersionTaken);
		// Only the family owner adds versions.
		assert_noop!(register(BOB, &meta_for(&v2, "ocr", 2)), Error::<Test>::NotFamilyOwner);
		assert_ok!(register(ALICE, &meta_for(&v2, "ocr", 2)));
		assert_eq!(Families::<Test>::get(meta_for(&v1, "ocr", 1).name), Some(ALICE));
		// A retired version stays taken.
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), ModelId::of(&v1)));
		let v3 = bytes_of(20, 3);
		assert_noop!(register(ALICE, &meta_for(&v3, "ocr", 1)), Error::<Test>::VersionTaken);
		// Another account starts its own family.
		assert_ok!(register(BOB, &meta_for(&v3, "bob-ocr", 1)));
	});
}

#[test]
fn register_rejects_bad_metadata() {
	new_test_ext().execute_with(|| {
		let bytes = bytes_of(40, 9);
		let good = meta_for(&bytes, "m", 1);
		let check = |meta: ModelMetaOf<Test>, err: Error<Test>| {
			assert_noop!(register(ALICE, &meta), err);
		};

		check(ModelMetaOf::<Test> { name: Default::default(), ..good.clone() }, Error::EmptyName);
		check(
			ModelMetaOf::<Test> { size: 0, chunk_hashes: Default::default(), ..good.clone() },
			Error::EmptyModel,
		);
		check(ModelMetaOf::<Test> { size: MAX_BYTES + 1, ..good.clone() }, Error::ModelTooLarge);
		// 40 bytes are three chunks, not two or four.
		let mut two = good.clone();
		two.chunk_hashes.pop();
		check(two, Error::ChunkCountMismatch);
		let mut four = good.clone();
		four.chunk_hashes.try_push(H256::zero()).unwrap();
		check(four, Error::ChunkCountMismatch);
		check(ModelMetaOf::<Test> { size: 32, ..good.clone() }, Error::ChunkCountMismatch);

		let many: Vec<_> = (0..5).map(|i| spec(&format!("x{i}"), DType::U8, &[1])).collect();
		check(
			ModelMetaOf::<Test> { inputs: many.try_into().unwrap(), ..good.clone() },
			Error::SchemaTooLarge,
		);
		let bad_schemas = [
			vec![],
			vec![spec("", DType::F32, &[1])],
			vec![spec("x", DType::F32, &[1, 0])],
			vec![spec("x", DType::F32, &[1]), spec("x", DType::I64, &[1])],
			// 4 × 2^22 × 2 bytes: 32 MiB, above the engine's 16 MiB tensor limit.
			vec![spec("x", DType::F32, &[4_194_304, 2])],
		];
		for schema in bad_schemas {
			check(
				ModelMetaOf::<Test> { outputs: schema.try_into().unwrap(), ..good.clone() },
				Error::InvalidSchema,
			);
		}
		let bad_policies = [
			VerificationPolicy { replicas: 0, ..good.policy },
			VerificationPolicy { replicas: 17, ..good.policy },
			VerificationPolicy { verifiers: 17, ..good.policy },
			VerificationPolicy { sample_ppm: 1_000_001, ..good.policy },
			VerificationPolicy { verifiers: 0, sample_ppm: 1, ..good.policy },
		];
		for policy in bad_policies {
			check(ModelMetaOf::<Test> { policy, ..good.clone() }, Error::InvalidPolicy);
		}
		// A declared cost must be positive and within MaxModelOps and MaxModelMemory.
		let bad_costs = [
			ModelCost { ops: 0, memory: 1 },
			ModelCost { ops: 1, memory: 0 },
			ModelCost { ops: MaxModelOps::get() + 1, memory: 1 },
			ModelCost { ops: 1, memory: MaxModelMemory::get() + 1 },
		];
		for cost in bad_costs {
			check(ModelMetaOf::<Test> { cost, ..good.clone() }, Error::CostOutOfBounds);
		}

		// The deposit (10 + 2 × 40 = 90) is more than POOR's 20.
		assert_noop!(register(POOR, &good), Error::<Test>::InsufficientBalance);

		assert_ok!(register(ALICE, &good));
		assert_noop!(
			register(ALICE, &ModelMetaOf::<Test> { version: 2, ..good.clone() }),
			Error::<Test>::AlreadyRegistered
		);
		assert_eq!(held(ALICE), BASE + PER_BYTE * 40, "one deposit, held once");
		let at_bounds = ModelCost { ops: MaxModelOps::get(), memory: MaxModelMemory::get() };
		let edge = ModelMetaOf::<Test> { cost: at_bounds, ..meta_for(&[7; 9], "b", 1) };
		assert_ok!(register(ALICE, &edge));
		assert_eq!(Models::model(&ModelId::of(&[7; 9])).unwrap().cost, at_bounds);
	});
}

#[test]
fn upload_rejects_bad_chunks() {
	let mut ext = new_test_ext();
	let bytes = bytes_of(40, 3);
	let meta = meta_for(&bytes, "m", 1);
	let id = meta.id;
	ext.execute_with(|| {
		assert_noop!(upload(ALICE, &bytes, id, 0), Error::<Test>::UnknownModel);
		assert_ok!(register(ALICE, &meta));
		assert_noop!(upload(BOB, &bytes, id, 0), Error::<Test>::NotOwner);
		assert_noop!(upload(ALICE, &bytes, id, 3), Error::<Test>::ChunkIndexOutOfRange);
		assert_noop!(upload(ALICE, &bytes, id, u32::MAX), Error::<Test>::ChunkIndexOutOfRange);

		// Wrong length for the index: a full chunk where the 8-byte tail belongs.
		let full = bytes[..16].to_vec().try_into().unwrap();
		assert_noop!(
			Models::upload_chunk(RuntimeOrigin::signed(ALICE), id, 2, full),
			Error::<Test>::ChunkSizeMismatch
		);
		// Right length, wrong bytes.
		let mut flipped = bytes[..16].to_vec();
		flipped[5] ^= 1;
		assert_noop!(
			Models::upload_chunk(RuntimeOrigin::signed(ALICE), id, 0, flipped.try_into().unwrap()),
			Error::<Test>::ChunkHashMismatch
		);
		// Chunk 1 in slot 0: right length, hash of another slot.
		let other = bytes[16..32].to_vec().try_into().unwrap();
		assert_noop!(
			Models::upload_chunk(RuntimeOrigin::signed(ALICE), id, 0, other),
			Error::<Test>::ChunkHashMismatch
		);

		assert_ok!(upload(ALICE, &bytes, id, 0));
		assert_noop!(upload(ALICE, &bytes, id, 0), Error::<Test>::ChunkAlreadyUploaded);
		assert_ok!(upload(ALICE, &bytes, id, 1));
		assert_ok!(upload(ALICE, &bytes, id, 2));
		assert_noop!(upload(ALICE, &bytes, id, 0), Error::<Test>::NotUploading);
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(upload(ALICE, &bytes, id, 0), Error::<Test>::NotUploading);
	});
	// Rejected chunks left nothing in the offchain index but the accepted ones.
	ext.persist_offchain_overlay();
	let db = ext.offchain_db();
	assert_eq!(db.get(&chunk_index_key(&id, 0)).as_deref(), Some(&bytes[..16]));
	assert_eq!(db.get(&chunk_index_key(&id, 2)).as_deref(), Some(&bytes[32..]));
}

#[test]
fn retire_rules_and_abandoned_uploads() {
	new_test_ext().execute_with(|| {
		let bytes = bytes_of(40, 5);
		let meta = meta_for(&bytes, "m", 1);
		let id = meta.id;
		assert_noop!(Models::retire(RuntimeOrigin::signed(ALICE), id), Error::<Test>::UnknownModel);
		let free_before = Balances::balance(&ALICE);
		assert_ok!(register(ALICE, &meta));
		assert_ok!(upload(ALICE, &bytes, id, 1));
		assert_noop!(Models::retire(RuntimeOrigin::signed(BOB), id), Error::<Test>::NotOwner);

		// Abandoning an upload purges it at once (no request can use it): the deposit is
		// released, the chunk markers and records cleared.
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(ChunkReceived::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), free_before);
		assert!(!ChunkHashes::<Test>::contains_key(id));
		assert!(Models::model(&id).is_none());
		assert_eq!(
			events()[events().len() - 2..],
			[
				Event::Retired { id, purge_after: 1 },
				Event::Purged { id, owner: ALICE, deposit: BASE + PER_BYTE * 40 }
			]
		);
		assert_noop!(Models::retire(RuntimeOrigin::signed(ALICE), id), Error::<Test>::UnknownModel);
		// Its version stays taken.
		assert_noop!(register(ALICE, &meta), Error::<Test>::VersionTaken);
	});
}

#[test]
fn purge_after_the_grace_removes_records_chunks_and_releases_the_deposit() {
	let mut ext = new_test_ext();
	let bytes = bytes_of(40, 11);
	let meta = meta_for(&bytes, "purged", 1);
	let id = meta.id;
	let deposit = BASE + PER_BYTE * 40;
	ext.execute_with(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(register(ALICE, &meta));
		for index in 0..3 {
			assert_ok!(upload(ALICE, &bytes, id, index));
		}
		let purge = |who| Models::purge(RuntimeOrigin::signed(who), id);
		assert_noop!(purge(BOB), Error::<Test>::NotRetired);
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), id));
		// Requests made before the retirement get the grace to finish: no purge before it.
		System::set_block_number(GRACE);
		assert_noop!(purge(BOB), Error::<Test>::GraceNotOver);
		assert_eq!(held(ALICE), deposit);
		System::set_block_number(1 + GRACE);
		// A request made before the retirement still open (queued behind busy nodes, or
		// seated): its nodes need the model, so it stays until the request settles.
		set_open_requests(id, 1);
		assert_noop!(purge(BOB), Error::<Test>::InUse);
		set_open_requests(id, 0);
		// Anyone may purge; the deposit goes to the owner.
		assert_ok!(purge(BOB));
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::balance(&ALICE), 10_000);
		assert_eq!(Balances::total_issuance(), issuance, "deposits neither mint nor burn");
		assert_eq!(events().last(), Some(&Event::Purged { id, owner: ALICE, deposit }));
		assert!(Models::model(&id).is_none());
		assert!(!ChunkHashes::<Test>::contains_key(id));
		assert!(!PurgeAfter::<Test>::contains_key(id));
		assert_eq!(Models::models_page(None, 10), vec![]);
		assert_noop!(purge(BOB), Error::<Test>::UnknownModel);
		// The version stays taken (versions are never reused), and the family stays Alice's.
		assert_noop!(register(ALICE, &meta), Error::<Test>::VersionTaken);
		assert_noop!(
			register(BOB, &meta_for(&bytes_of(8, 1), "purged", 2)),
			Error::<Test>::NotFamilyOwner
		);
		// The same bytes may be registered again, under a new version and a new deposit.
		assert_ok!(register(ALICE, &meta_for(&bytes, "purged", 2)));
	});
	// The chunks left the offchain index with the model.
	ext.persist_offchain_overlay();
	let db = ext.offchain_db();
	for index in 0..3 {
		assert!(db.get(&chunk_index_key(&id, index)).is_none(), "chunk {index} purged");
	}
}

#[test]
fn a_model_retired_before_purging_existed_is_purged_at_once() {
	new_test_ext().execute_with(|| {
		let bytes = bytes_of(16, 3);
		let meta = meta_for(&bytes, "old", 1);
		let id = meta.id;
		assert_ok!(register(ALICE, &meta));
		assert_ok!(upload(ALICE, &bytes, id, 0));
		// What retirement used to leave: the deposit released, no purge block.
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&HoldReason::ModelDeposit.into(),
			&ALICE,
			BASE + PER_BYTE * 16,
			frame_support::traits::tokens::Precision::Exact,
		));
		crate::Models::<Test>::mutate(id, |m| {
			let m = m.as_mut().unwrap();
			m.status = ModelStatus::Retired;
			m.deposit = 0;
		});
		assert_ok!(Models::purge(RuntimeOrigin::signed(BOB), id));
		assert_eq!(events().last(), Some(&Event::Purged { id, owner: ALICE, deposit: 0 }));
		assert_eq!(Balances::balance(&ALICE), 10_000);
	});
}

#[test]
fn deposits_add_up_across_models() {
	new_test_ext().execute_with(|| {
		let total = Balances::total_issuance();
		let a = bytes_of(100, 1);
		let b = bytes_of(1, 2);
		assert_ok!(register(ALICE, &meta_for(&a, "a", 1)));
		assert_ok!(register(ALICE, &meta_for(&b, "b", 1)));
		assert_eq!(held(ALICE), (BASE + PER_BYTE * 100) + (BASE + PER_BYTE));
		assert_ok!(Models::retire(RuntimeOrigin::signed(ALICE), ModelId::of(&a)));
		assert_eq!(held(ALICE), BASE + PER_BYTE);
		assert_eq!(Balances::total_issuance(), total, "deposits neither mint nor burn");
		assert_eq!(Balances::balance(&ALICE) + held(ALICE), 10_000);
	});
}

#[test]
fn models_page_walks_every_model() {
	new_test_ext().execute_with(|| {
		let mut ids: Vec<ModelId> = (0..5u8)
			.map(|i| {
				let meta = meta_for(&bytes_of(10, i), &format!("m{i}"), 1);
				assert_ok!(register(ALICE, &meta));
				meta.id
			})
			.collect();
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Models::models_page(after, 2);
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 2);
			after = page.last().map(|(id, _)| *id);
			seen.extend(page.into_iter().map(|(id, status)| {
				assert_eq!(status, ModelStatus::Uploading);
				id
			}));
		}
		ids.sort();
		seen.sort();
		assert_eq!(seen, ids);
	});
}

#[test]
fn storage_limits_are_consistent() {
	use frame_support::traits::Hooks;
	new_test_ext().execute_with(|| {
		<Models as Hooks<u64>>::integrity_test();
		let _: BoundedVec<u8, ChunkSize> = vec![0u8; CHUNK as usize].try_into().unwrap();
	});
}
