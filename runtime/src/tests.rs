//! The runtime's validator set: session keys and set changes take effect two sessions after they
//! are made, through BABE and GRANDPA, and only root changes the set.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use serde_json::Value;
use sp_consensus_babe::AuthorityId as BabeId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_keyring::Sr25519Keyring;

fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The `local_testnet` preset (validators Alice, Bob, Charlie) built as the node builds it.
fn local_chain() -> sp_io::TestExternalities {
	chain_from(genesis_config_presets::local_config_genesis())
}

fn chain_from(patch: Value) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext: sp_io::TestExternalities = config.build_storage().unwrap().into();
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Ends the session as a block does: after BABE's per-block initialization.
fn next_session() {
	pallet_babe::Initialized::<Runtime>::put(None::<sp_consensus_babe::digests::PreDigest>);
	Session::rotate_session();
}

fn babe_authorities() -> Vec<BabeId> {
	Babe::authorities().into_iter().map(|(id, _)| id).collect()
}

fn next_grandpa_authorities() -> Vec<GrandpaId> {
	Grandpa::pending_change()
		.map(|change| change.next_authorities.into_iter().map(|(id, _)| id).collect())
		.unwrap_or_default()
}

/// Dave's fresh session keys from the keystore, with the proof that Dave's account owns them:
/// what `author_rotateKeysWithOwner` returns.
fn dave_keys() -> (SessionKeys, Vec<u8>) {
	let dave = Sr25519Keyring::Dave.to_account_id();
	let generated = SessionKeys::generate(dave.as_ref(), None);
	(generated.keys, generated.proof.encode())
}

#[test]
fn a_new_validator_and_its_keys_take_effect_two_sessions_later() {
	local_chain().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let mut names: Vec<AccountId> =
			[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
				.iter()
				.map(|k| k.to_account_id())
				.collect();
		names.sort();
		assert_eq!(Session::validators(), names);
		assert_eq!(babe_authorities().len(), 3);

		let (keys, proof) = dave_keys();
		// Keys registered by an account that does not hold them are refused.
		let eve = RuntimeOrigin::signed(Sr25519Keyring::Eve.to_account_id());
		assert_noop!(
			Session::set_keys(eve, keys.clone(), proof.clone()),
			pallet_session::Error::<Runtime>::InvalidProof
		);
		// Only root changes the set, and only for an account with keys.
		assert!(CollatorSelection::add_invulnerable(
			RuntimeOrigin::signed(dave.clone()),
			dave.clone()
		)
		.is_err());
		assert_noop!(
			CollatorSelection::add_invulnerable(RuntimeOrigin::root(), dave.clone()),
			pallet_collator_selection::Error::<Runtime>::ValidatorNotRegistered
		);
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(dave.clone()), keys.clone(), proof));
		assert_ok!(CollatorSelection::add_invulnerable(RuntimeOrigin::root(), dave.clone()));

		// Next session: queued, not yet validating.
		next_session();
		assert!(!Session::validators().contains(&dave));
		assert!(Session::queued_keys().iter().any(|(who, k)| *who == dave && *k == keys));
		assert!(!babe_authorities().contains(&keys.babe));

		// The one after: Dave authors (BABE) and votes on finality (GRANDPA's next set).
		next_session();
		assert!(Session::validators().contains(&dave));
		assert!(babe_authorities().contains(&keys.babe));
		assert!(next_grandpa_authorities().contains(&keys.grandpa));
	});
}

#[test]
fn rotated_keys_replace_the_old_ones_at_the_second_session_and_a_removed_validator_leaves() {
	local_chain().execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let charlie = Sr25519Keyring::Charlie.to_account_id();
		let old = Session::load_keys(&alice).unwrap();
		// Alice rotates: new keys from the keystore, registered with their proof.
		let generated = SessionKeys::generate(alice.as_ref(), None);
		let new = generated.keys;
		assert_ok!(Session::set_keys(
			RuntimeOrigin::signed(alice.clone()),
			new.clone(),
			generated.proof.encode()
		));
		assert_ok!(CollatorSelection::remove_invulnerable(RuntimeOrigin::root(), charlie.clone()));

		next_session();
		assert!(babe_authorities().contains(&old.babe), "the old key authors until then");
		assert!(Session::validators().contains(&charlie));

		next_session();
		let babe = babe_authorities();
		assert!(babe.contains(&new.babe) && !babe.contains(&old.babe));
		assert!(next_grandpa_authorities().contains(&new.grandpa));
		assert!(!Session::validators().contains(&charlie));
		assert_eq!(babe.len(), 2);
		// The set cannot be emptied: the last validators stay.
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_ok!(CollatorSelection::remove_invulnerable(RuntimeOrigin::root(), bob));
		assert_noop!(
			CollatorSelection::remove_invulnerable(RuntimeOrigin::root(), alice),
			pallet_collator_selection::Error::<Runtime>::TooFewEligibleCollators
		);
	});
}

/// `who`'s two signed prevotes for different blocks in one round of the current set.
fn prevote_equivocation(
	who: sp_keyring::Ed25519Keyring,
) -> sp_consensus_grandpa::EquivocationProof<Hash, BlockNumber> {
	let set_id = Grandpa::current_set_id();
	let round = 1;
	let signed = |target: Hash| {
		let prevote = finality_grandpa::Prevote { target_hash: target, target_number: 1 };
		let message = finality_grandpa::Message::<Hash, BlockNumber>::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(round, set_id, &message);
		(prevote, who.sign(&payload).into())
	};
	let equivocation = finality_grandpa::Equivocation {
		round_number: round,
		identity: who.public().into(),
		first: signed(Hash::repeat_byte(1)),
		second: signed(Hash::repeat_byte(2)),
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(equivocation),
	)
}

#[test]
fn a_grandpa_equivocation_is_reported_with_a_membership_proof_and_recorded_as_an_offence() {
	use frame_support::traits::KeyOwnerProofSystem;
	local_chain().execute_with(|| {
		let alice: GrandpaId = sp_keyring::Ed25519Keyring::Alice.public().into();
		let proof = prevote_equivocation(sp_keyring::Ed25519Keyring::Alice);
		let key_owner_proof =
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, alice.clone())).unwrap();
		// The pool takes the report from a node that saw it (an unsigned transaction)…
		let call = pallet_grandpa::Call::<Runtime>::report_equivocation_unsigned {
			equivocation_proof: Box::new(proof.clone()),
			key_owner_proof: key_owner_proof.clone(),
		};
		assert!(Grandpa::validate_unsigned(
			sp_runtime::transaction_validity::TransactionSource::Local,
			&call
		)
		.is_ok());
		// …and the block records the offence of the validator who owns the key.
		assert_ok!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(proof.clone()),
			key_owner_proof.clone()
		));
		let offences: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Offences(pallet_offences::Event::Offence { kind, .. }) => Some(kind),
				_ => None,
			})
			.collect();
		assert_eq!(offences, vec![*b"grandpa:equivoca"]);
		// The same report again is a duplicate.
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(proof),
			key_owner_proof
		)
		.is_err());
		// A key outside the set has no membership to prove: its "equivocation" is refused.
		let dave: GrandpaId = sp_keyring::Ed25519Keyring::Dave.public().into();
		let not_a_member = Historical::prove((sp_consensus_grandpa::KEY_TYPE, dave)).unwrap();
		assert!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(prevote_equivocation(sp_keyring::Ed25519Keyring::Dave)),
			not_a_member
		)
		.is_err());
		assert_eq!(pallet_offences::Reports::<Runtime>::iter().count(), 1);
	});
}

#[test]
fn a_genesis_without_invulnerables_keeps_the_validators_of_its_session_keys() {
	// What zombienet writes: its own session keys, and no invulnerables.
	let mut patch = genesis_config_presets::local_config_genesis();
	patch["collatorSelection"]["invulnerables"] = serde_json::json!([]);
	chain_from(patch).execute_with(|| {
		assert_eq!(Session::validators().len(), 3);
		assert_eq!(babe_authorities().len(), 3);
		// An empty set is never enacted.
		next_session();
		next_session();
		assert_eq!(Session::validators().len(), 3);
		assert_eq!(babe_authorities().len(), 3);
	});
}

/// The runtime's `Inference` hook budget seats a full block of queued requests (on the weights
/// the runtime uses, with every role at its most nodes) with room for deadlines and pruning,
/// and a block's worst hook work leaves room for transactions.
#[test]
fn the_inference_hook_budget_seats_a_full_block_and_leaves_room_for_transactions() {
	use frame_support::weights::Weight;
	use pallet_inference::WeightInfo;
	type W = pallet_inference::weights::SubstrateWeight<Runtime>;
	let nodes = configs::MaxNodesPerRole::get();
	let budget = configs::InferenceHookWeight::get();
	let seating = W::on_initialize_base().saturating_add(
		W::assign_one(nodes).saturating_mul(u64::from(configs::MaxAssignPerBlock::get())),
	);
	let prune = W::prune(configs::MaxPrunePerBlock::get());
	let max_block = configs::RuntimeBlockWeights::get().max_block;
	println!(
		"budget {budget:?}, full seating {seating:?}, full pruning {prune:?}, max block {max_block:?}"
	);
	assert!(seating.saturating_add(prune).all_lte(budget), "a full block's seating is throttled");
	// One worst-case expiry over the budget at most (a judgement of the most seats at the
	// largest output) still leaves half the block.
	let worst = W::expire_one(nodes).saturating_add(W::judge(sibyl_primitives::request::MAX_SEATS));
	let hooks: Weight = budget.saturating_add(worst);
	println!("worst expiry {worst:?}");
	assert!(hooks.saturating_mul(2).all_lte(max_block), "hooks {hooks:?} of {max_block:?}");
}

/// A retired model's grace outlasts, ten times over, the longest a request seated before the
/// retirement can stay open: `MaxAttempts` attempts of at most eight `ResultTimeout` phases
/// (executors seal and reveal, verifiers seal and reveal, an escalation round's seal and reveal,
/// an opening). The grace is what the owner waits in the common case; what keeps a model from
/// being purged under a request that still needs it is `Usage` (the next test), which holds
/// whatever the timings.
#[test]
fn a_retired_models_grace_outlasts_every_request_seated_before_it() {
	let seated_lifetime = u32::from(configs::MaxAttempts::get())
		.saturating_mul(8)
		.saturating_mul(configs::ResultTimeout::get());
	let grace = configs::ModelRetireGrace::get();
	println!("grace {grace} blocks, longest seated request {seated_lifetime} blocks");
	assert!(grace >= seated_lifetime.saturating_mul(10));
}

/// The runtime's models pallet asks the inference pallet's count of open requests before a
/// purge: a retired model past its grace stays while a request of it is open (its nodes would
/// fail to run or reveal it and be blamed), and is purged, its deposit released, once none is.
#[test]
fn a_model_is_not_purged_while_the_inference_pallet_has_open_requests_of_it() {
	use pallet_models::ModelMetaOf;
	use sibyl_primitives::{
		registry::{ModelCost, TensorSpec, VerificationPolicy},
		DType, ModelId,
	};
	local_chain().execute_with(|| {
		let owner: AccountId = Sr25519Keyring::Ferdie.to_account_id();
		let bytes: Vec<u8> = (0..64u8).collect();
		let id = ModelId::of(&bytes);
		let spec = |name: &str, shape: &[u32]| TensorSpec {
			name: name.as_bytes().to_vec().try_into().unwrap(),
			dtype: DType::F32,
			shape: shape.to_vec().try_into().unwrap(),
		};
		let meta = ModelMetaOf::<Runtime> {
			id,
			size: bytes.len() as u32,
			chunk_hashes: vec![sp_core::H256(sp_io::hashing::blake2_256(&bytes))]
				.try_into()
				.unwrap(),
			name: b"in-use".to_vec().try_into().unwrap(),
			version: 1,
			inputs: vec![spec("x", &[1, 4])].try_into().unwrap(),
			outputs: vec![spec("y", &[1, 2])].try_into().unwrap(),
			price: 0,
			policy: VerificationPolicy::default(),
			levels: Default::default(),
			cost: ModelCost { ops: 1_000, memory: 4_096 },
		};
		let signed = || RuntimeOrigin::signed(owner.clone());
		assert_ok!(Models::register(signed(), Box::new(meta)));
		assert_ok!(Models::upload_chunk(signed(), id, 0, bytes.clone().try_into().unwrap()));
		assert_ok!(Models::retire(signed(), id));
		System::set_block_number(1 + configs::ModelRetireGrace::get());
		pallet_inference::OpenRequests::<Runtime>::insert(id, 1);
		assert_noop!(Models::purge(signed(), id), pallet_models::Error::<Runtime>::InUse);
		pallet_inference::OpenRequests::<Runtime>::remove(id);
		assert_ok!(Models::purge(signed(), id));
		assert!(Models::model(&id).is_none());
	});
}

/// Every pallet of the runtime declares its storage version, and a new chain starts at it (the
/// `VersionedMigration`s in `Migrations` run only on chains behind it).
#[test]
fn every_sibyl_pallet_declares_its_storage_version_and_genesis_is_at_it() {
	use frame_support::traits::GetStorageVersion;
	local_chain().execute_with(|| {
		macro_rules! at_code_version {
			($($pallet:ty),*) => {$(
				let (code, chain) =
					(<$pallet>::in_code_storage_version(), <$pallet>::on_chain_storage_version());
				assert_eq!(code, chain, "{}", stringify!($pallet));
			)*};
		}
		at_code_version!(Models, Payments, Inference, Verification, Oracle, Schedules, BlockTime);
		assert_eq!(Oracle::on_chain_storage_version(), 2);
		assert_eq!(Inference::on_chain_storage_version(), 1);
	});
}
