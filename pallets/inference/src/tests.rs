//! Unit tests of requests, seats, commit and reveal, verification, timeouts, refunds, slashes
//! and pruning.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::types::Job;
use crate::{
	mock::*, Assigned, ByRequester, Error, Event, Inputs, Outputs, PruneCursor, Queue, Receipts,
	Requests, ResultOutputOf, Reveals, SeatCounts, StoredOutputs,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{Authorize, TransactionSource},
	traits::fungible::{Inspect, InspectHold},
};
use pallet_payments::HoldReason;
use sibyl_primitives::{
	registry::{ModelCost, ModelStatus, Tolerance, VerificationLevel},
	request::failure_hash,
	verify::{commit_payload, decline_payload, open_payload, seal},
	Checking, DType, InferenceError, ModelId, Outcome, RefundReason, RequestId, RequestState,
	ResultOutput, Role, Seat, Tensor,
};
use sp_core::{offchain::StorageKind, Pair, H256};
use sp_runtime::DispatchResult;

fn f32_tensor(shape: &[u32], values: &[f32]) -> Tensor {
	let data = values.iter().flat_map(|v| v.to_le_bytes()).collect();
	Tensor::new(DType::F32, shape.to_vec(), data).unwrap()
}

fn input(values: [f32; 4]) -> crate::InputTensors {
	vec![f32_tensor(&[1, 4], &values)].try_into().unwrap()
}

fn output_bytes(a: f32, b: f32) -> Vec<u8> {
	vec![f32_tensor(&[1, 2], &[a, b])].encode()
}

fn inline(bytes: Vec<u8>) -> ResultOutputOf<Test> {
	ResultOutput::Inline(bytes.try_into().unwrap())
}

fn request(who: AccountId, model: ModelId) -> RequestId {
	let id = RequestId(crate::NextRequestId::<Test>::get());
	assert_ok!(Inference::request(
		RuntimeOrigin::signed(who),
		model,
		input([1.0, 2.0, 3.0, 4.0]),
		1_000,
		None
	));
	id
}

/// The seated nodes of a request with the given part.
fn seated(id: RequestId, seat: Seat) -> Vec<AccountId> {
	Requests::<Test>::get(id)
		.unwrap()
		.slots
		.iter()
		.filter(|s| s.seat == seat)
		.map(|s| s.node)
		.collect()
}

/// The executors of a request.
fn executors(id: RequestId) -> Vec<AccountId> {
	seated(id, Seat::Executor)
}

/// The verifiers of a request.
fn verifiers(id: RequestId) -> Vec<AccountId> {
	seated(id, Seat::Verifier)
}

fn state(id: RequestId) -> RequestState<u64> {
	Requests::<Test>::get(id).unwrap().state
}

/// `who`'s attestation of `output_hash` for request `id`.
fn attest(id: RequestId, who: AccountId, output_hash: H256) -> sp_core::sr25519::Signature {
	let r = Requests::<Test>::get(id).unwrap();
	let c = Inference::commitment_of(id, &r.model, &r.input_hash, &output_hash);
	pair(who).sign(c.as_bytes())
}

fn hash(bytes: &[u8]) -> H256 {
	H256(sp_io::hashing::blake2_256(bytes))
}

fn salt(who: AccountId) -> [u8; 32] {
	[who as u8; 32]
}

/// `who`'s seal of `output_hash` for request `id`, with its test salt.
fn seal_of(id: RequestId, who: AccountId, output_hash: H256) -> H256 {
	seal(&Inference::genesis_hash(), id, &key(who), &output_hash, &salt(who))
}

/// Seals a result the way a block does: authorization first, then dispatch.
fn commit(id: RequestId, who: AccountId, bytes: &[u8]) -> DispatchResult {
	commit_seal(id, who, seal_of(id, who, hash(bytes)))
}

fn commit_seal(id: RequestId, who: AccountId, sealed: H256) -> DispatchResult {
	let signature = pair(who).sign(&commit_payload(&Inference::genesis_hash(), id, &sealed));
	commit_signed(id, who, sealed, signature)
}

fn commit_signed(
	id: RequestId,
	who: AccountId,
	sealed: H256,
	signature: sp_core::sr25519::Signature,
) -> DispatchResult {
	pool_then_block(crate::Call::<Test>::commit { id, key: key(who), seal: sealed, signature })
}

/// Authorizes `call` as the pool does, then dispatches it as a block does: they must agree (a
/// call the pool refuses fails in a block too).
fn pool_then_block(call: crate::Call<Test>) -> DispatchResult {
	use frame_support::traits::UnfilteredDispatchable;
	let authorized = call.authorize(TransactionSource::External).unwrap();
	let origin = RuntimeOrigin::from(frame_system::RawOrigin::Authorized);
	let dispatched = call.clone().dispatch_bypass_filter(origin).map(|_| ()).map_err(|e| e.error);
	assert_eq!(authorized.is_ok(), dispatched.is_ok(), "authorize and dispatch disagree");
	if let Ok((valid, _)) = &authorized {
		// The node replaces a pending result transaction by one of the same slot: the slot
		// must be exactly what the pool tags.
		let slot = call.result_slot().unwrap();
		assert_eq!(valid.provides, vec![("SibylInferenceResult", slot).encode()]);
	}
	dispatched
}

/// Reveals an inline output sealed with [`commit`]: an executor the output, a verifier its hash.
fn reveal(id: RequestId, who: AccountId, bytes: Vec<u8>) -> DispatchResult {
	let sig = attest(id, who, hash(&bytes));
	let output =
		if hashes_now(id, who) { ResultOutput::Hashed(hash(&bytes)) } else { inline(bytes) };
	reveal_signed(id, who, output, salt(who), sig)
}

/// Whether `who`, seated on request `id`, reveals only a hash now (a verifier in a round that
/// may still escalate).
fn hashes_now(id: RequestId, who: AccountId) -> bool {
	let request = Requests::<Test>::get(id).unwrap();
	verifiers(id).contains(&who) && Inference::verifiers_reveal_hashes(&request)
}

/// Opens the output behind a verifier's hash-only reveal.
fn open(id: RequestId, who: AccountId, output: ResultOutputOf<Test>) -> DispatchResult {
	let payload = open_payload(&Inference::genesis_hash(), id, &output.encode());
	let signature = pair(who).sign(&payload);
	pool_then_block(crate::Call::<Test>::open { id, key: key(who), output, signature })
}

fn reveal_signed(
	id: RequestId,
	who: AccountId,
	output: ResultOutputOf<Test>,
	salt: [u8; 32],
	sig: sp_core::sr25519::Signature,
) -> DispatchResult {
	pool_then_block(crate::Call::<Test>::reveal {
		id,
		key: key(who),
		output,
		salt,
		attestation: sig,
	})
}

/// Every given seat seals, then every one reveals.
fn answer(id: RequestId, answers: &[(AccountId, Vec<u8>)]) {
	for (who, bytes) in answers {
		assert_ok!(commit(id, *who, bytes));
	}
	for (who, bytes) in answers {
		assert_ok!(reveal(id, *who, bytes.clone()));
	}
	// Under a tolerance, verifiers whose hashes disagree open their outputs when asked.
	if matches!(state(id), RequestState::Opening { .. }) {
		let request = Requests::<Test>::get(id).unwrap();
		let unopened = Inference::unopened(id, &request);
		for (who, bytes) in answers {
			let index = request.slots.iter().position(|s| s.node == *who).unwrap();
			if unopened.contains(&index) {
				assert_ok!(open(id, *who, inline(bytes.clone())));
			}
		}
	}
}

/// A request for a model checked by `verifiers` verifiers on every request, seated: its id, its
/// executor and its verifiers.
fn seated_request(verifiers: u8) -> (RequestId, AccountId, Vec<AccountId>) {
	let model = add_checked_model(1, verifiers, 1_000_000, Tolerance::Exact);
	let id = request(DAVE, model);
	next_block();
	(id, executors(id)[0], self::verifiers(id))
}

/// `who` steps aside from its seat of request `id` for `reason`.
fn decline(id: RequestId, who: AccountId, reason: InferenceError) -> DispatchResult {
	let signature = pair(who).sign(&decline_payload(&Inference::genesis_hash(), id, reason));
	pool_then_block(crate::Call::<Test>::decline { id, key: key(who), reason, signature })
}

/// Seals the failure outcome `error` for `who`.
fn commit_failure(id: RequestId, who: AccountId, error: InferenceError) -> DispatchResult {
	commit_seal(id, who, seal_of(id, who, failure_hash(error)))
}

/// Reveals the failure outcome sealed with [`commit_failure`].
fn reveal_failure(id: RequestId, who: AccountId, error: InferenceError) -> DispatchResult {
	let sig = attest(id, who, failure_hash(error));
	let output = if hashes_now(id, who) {
		ResultOutput::Hashed(failure_hash(error))
	} else {
		ResultOutput::Failed(error)
	};
	reveal_signed(id, who, output, salt(who), sig)
}

fn settled(id: RequestId) -> Option<Outcome> {
	System::events().into_iter().find_map(|r| match r.event {
		RuntimeEvent::Inference(Event::RequestSettled { id: i, outcome, .. }) if i == id => {
			Some(outcome)
		},
		_ => None,
	})
}

fn settle_count(id: RequestId) -> usize {
	System::events()
		.into_iter()
		.filter(
			|r| matches!(r.event, RuntimeEvent::Inference(Event::RequestSettled { id: i, .. }) if i == id),
		)
		.count()
}

/// What `who` has bonded, over all roles.
fn bond(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Bond.into(), &who)
}

fn escrow_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

#[test]
fn a_request_runs_and_settles_verified() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		assert_eq!(Inference::quote(&model, None), Ok(PRICE + 7));
		let id = request(DAVE, model);
		assert_eq!(escrow_held(DAVE), 27);
		assert_eq!(Balances::balance(&DAVE), 10_000 - 27);
		assert!(Inputs::<Test>::contains_key(id));
		// Seated in the block that included it.
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.state, RequestState::Committing { deadline: 3 });
		assert_eq!(r.checking, Checking::Skipped);
		let exec = executors(id);
		assert_eq!(exec.len(), 1);
		assert!(NODES.contains(&exec[0]));
		assert!(verifiers(id).is_empty());
		assert!(Assigned::<Test>::contains_key(exec[0], id));

		next_block();
		let out = output_bytes(0.5, -1.5);
		// Nothing can be revealed before every seat has sealed.
		assert_noop!(reveal(id, exec[0], out.clone()), Error::<Test>::NotRevealing);
		assert_ok!(commit(id, exec[0], &out));
		assert_eq!(state(id), RequestState::Revealing { deadline: 4 });
		assert_ok!(reveal(id, exec[0], out.clone()));
		let outcome = Outcome::Verified { output_hash: hash(&out) };
		assert_eq!(settled(id), Some(outcome));
		assert_eq!(Inference::output_of(id), Some(out.clone()));
		let receipt = Receipts::<Test>::get(id).unwrap();
		assert_eq!(
			receipt.commitment,
			Inference::commitment_of(id, &model, &r.input_hash, &hash(&out))
		);
		assert_eq!((receipt.requester, receipt.model, receipt.outcome), (DAVE, model, outcome));
		assert_eq!((receipt.input_hash, receipt.level), (r.input_hash, None));
		assert_eq!(escrow_held(DAVE), 0);
		assert_eq!(Balances::balance(&DAVE), 10_000 - 27);
		assert_eq!(Balances::balance(&OWNER), 10 + PRICE);
		assert_eq!(Balances::balance(&exec[0]), 10_000 - 100 + 7);
		assert!(!Inputs::<Test>::contains_key(id));
		assert!(!Assigned::<Test>::contains_key(exec[0], id));
		assert_eq!(Reveals::<Test>::iter_prefix(id).count(), 0);
		// Settled once; a second answer is refused.
		assert_noop!(reveal(id, exec[0], out.clone()), Error::<Test>::NotRevealing);
		assert_noop!(commit(id, exec[0], &out), Error::<Test>::NotCommitting);
		assert_eq!(settle_count(id), 1);
	});
}

#[test]
fn bad_requests_fail_with_named_errors_and_hold_nothing() {
	new_test_ext().execute_with(|| {
		let ok = add_model(1, 1, ModelStatus::Available, false);
		let uploading = add_model(2, 1, ModelStatus::Uploading, false);
		let retired = add_model(3, 1, ModelStatus::Retired, false);
		let four = add_model(4, 4, ModelStatus::Available, false);
		let go = |who, model, input: crate::InputTensors, max_fee| {
			Inference::request(RuntimeOrigin::signed(who), model, input, max_fee, None)
		};
		let good = input([1.0, 2.0, 3.0, 4.0]);
		assert_noop!(go(DAVE, ModelId([9; 32]), good.clone(), 100), Error::<Test>::UnknownModel);
		assert_noop!(go(DAVE, uploading, good.clone(), 100), Error::<Test>::ModelNotAvailable);
		assert_noop!(go(DAVE, retired, good.clone(), 100), Error::<Test>::ModelRetired);
		let two: crate::InputTensors = vec![good[0].clone(), good[0].clone()].try_into().unwrap();
		assert_noop!(go(DAVE, ok, two, 100), Error::<Test>::InputCountMismatch);
		let ints: crate::InputTensors =
			vec![Tensor::new(DType::I32, vec![1, 4], vec![0; 16]).unwrap()].try_into().unwrap();
		assert_noop!(go(DAVE, ok, ints, 100), Error::<Test>::InputTypeMismatch);
		let wide: crate::InputTensors =
			vec![f32_tensor(&[1, 3], &[1.0, 2.0, 3.0])].try_into().unwrap();
		assert_noop!(go(DAVE, ok, wide, 100), Error::<Test>::InputShapeMismatch);
		let mut short = good.clone();
		short[0].data = vec![0u8; 15].try_into().unwrap();
		assert_noop!(go(DAVE, ok, short, 100), Error::<Test>::MalformedTensor);
		assert_noop!(
			go(DAVE, ok, input([1.0, f32::NAN, 0.0, 0.0]), 100),
			Error::<Test>::NonFiniteInput
		);
		assert_noop!(
			go(DAVE, ok, input([f32::INFINITY, 0.0, 0.0, 0.0]), 100),
			Error::<Test>::NonFiniteInput
		);
		let big: crate::InputTensors = vec![f32_tensor(&[1, 80], &[0.0; 80])].try_into().unwrap();
		assert_noop!(go(DAVE, ok, big, 100), Error::<Test>::InputTooLarge);
		assert_noop!(go(DAVE, ok, good.clone(), PRICE + 6), Error::<Test>::FeeBelowPrice);
		assert_noop!(go(DAVE, four, good.clone(), 1_000), Error::<Test>::NotEnoughNodes);
		let four_verifiers = add_checked_model(5, 4, 1, Tolerance::Exact);
		assert_noop!(go(DAVE, four_verifiers, good.clone(), 1_000), Error::<Test>::NotEnoughNodes);
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, 20));
		assert_noop!(go(POOR, ok, good.clone(), 1_000), Error::<Test>::InsufficientBalance);
		// Four are seated in this block (`MaxAssignPerBlock`), four wait in the queue.
		for _ in 0..8 {
			assert_ok!(go(DAVE, ok, good.clone(), 1_000));
		}
		assert_eq!(Queue::<Test>::get().len(), 4);
		assert_noop!(go(BOB, ok, good.clone(), 1_000), Error::<Test>::QueueFull);
		assert_eq!(Balances::balance(&BOB), 9_900);
		assert_eq!(Balances::balance(&POOR), 20);
		assert_eq!(escrow_held(DAVE), 8 * 27);
		// The queue drains at the start of the next block.
		next_block();
		assert!(Queue::<Test>::get().is_empty());
		assert_ok!(go(BOB, ok, good, 1_000));
	});
}

#[test]
fn verifiers_check_every_request_and_everyone_is_paid() {
	new_test_ext().execute_with(|| {
		let model = add_checked_model(1, 2, 1_000_000, Tolerance::Exact);
		// Price, one execution (7) and two verifications (3 each) as the premium.
		assert_eq!(Inference::quote(&model, None), Ok(PRICE + 7 + 6));
		let id = request(DAVE, model);
		next_block();
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.checking, Checking::Drawn);
		assert_eq!(r.premium, 6);
		let exec = executors(id)[0];
		let checkers = verifiers(id);
		assert_eq!(checkers.len(), 2);
		assert!(checkers.iter().all(|v| VERIFIERS.contains(v)));
		let out = output_bytes(1.0, 2.0);
		assert_ok!(commit(id, exec, &out));
		assert_ok!(commit(id, checkers[0], &out));
		// One seat has not sealed: no reveals yet, for anyone.
		assert_noop!(reveal(id, exec, out.clone()), Error::<Test>::NotRevealing);
		assert_ok!(commit(id, checkers[1], &out));
		let treasury = Balances::balance(&TREASURY);
		let before: Vec<Balance> = checkers.iter().map(Balances::balance).collect();
		for who in [exec, checkers[0], checkers[1]] {
			assert_ok!(reveal(id, who, out.clone()));
		}
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		assert_eq!(Balances::balance(&DAVE), 10_000 - (PRICE + 13));
		assert_eq!(Balances::balance(&OWNER), 10 + PRICE);
		assert_eq!(Balances::balance(&exec), 10_000 - 100 + 7);
		// The premium (6) went to the treasury, which paid each verifier its fee (3).
		assert_eq!(Balances::balance(&TREASURY), treasury + 6 - 6);
		for (v, b) in checkers.iter().zip(before) {
			assert_eq!(Balances::balance(v), b + 3);
		}
	});
}

#[test]
fn each_verification_level_is_charged_and_seated_as_quoted() {
	use sibyl_primitives::registry::{LevelBounds, VerificationLevel::*};
	new_test_ext().execute_with(|| {
		// The model's policy: one executor, one verifier on every request.
		let model = add_checked_model(1, 1, 1_000_000, Tolerance::Exact);
		// (level, quote, executors, verifiers, checking): execution 7, each verification 3,
		// the premium scaled by the share checked and rounded up.
		let cases = [
			(None, PRICE + 7 + 3, 1, 1, Checking::Drawn),
			(Some(Unverified), PRICE + 7, 1, 0, Checking::Skipped),
			(Some(Sampled(0)), PRICE + 7, 1, 0, Checking::Skipped),
			(Some(Sampled(1_000_000)), PRICE + 7 + 3, 1, 1, Checking::Drawn),
			(Some(Committee(3)), PRICE + 7 + 9, 1, 3, Checking::Drawn),
		];
		for (level, fee, executor_count, verifier_count, checking) in cases {
			let quote = Inference::quote(&model, level).unwrap();
			assert_eq!(quote, fee, "{level:?}");
			let go = |max_fee| {
				Inference::request(
					RuntimeOrigin::signed(DAVE),
					model,
					input([1.0, 2.0, 3.0, 4.0]),
					max_fee,
					level,
				)
			};
			assert_noop!(go(quote - 1), Error::<Test>::FeeBelowPrice);
			let before = Balances::balance(&DAVE);
			let id = RequestId(crate::NextRequestId::<Test>::get());
			assert_ok!(go(quote));
			assert_eq!(escrow_held(DAVE), quote, "{level:?}: the quote is what is held");
			assert_eq!(Requests::<Test>::get(id).unwrap().level, level);
			next_block();
			assert_eq!(executors(id).len(), executor_count, "{level:?}");
			assert_eq!(verifiers(id).len(), verifier_count, "{level:?}");
			let out = output_bytes(1.0, 2.0);
			let seats: Vec<_> =
				executors(id).into_iter().chain(verifiers(id)).map(|w| (w, out.clone())).collect();
			answer(id, &seats);
			let event = System::events().into_iter().find_map(|r| match r.event {
				RuntimeEvent::Inference(Event::RequestSettled {
					id: i,
					outcome,
					level,
					checking,
				}) if i == id => Some((outcome, level, checking)),
				_ => None,
			});
			let verified = Outcome::Verified { output_hash: hash(&out) };
			assert_eq!(event, Some((verified, level, checking)), "{level:?}");
			assert_eq!(before - Balances::balance(&DAVE), quote, "{level:?}: paid the quote");
			assert_eq!(escrow_held(DAVE), 0);
		}
		// Malformed levels, and levels the owner does not allow: named errors, nothing held.
		let go = |level| {
			Inference::request(
				RuntimeOrigin::signed(DAVE),
				model,
				input([1.0, 2.0, 3.0, 4.0]),
				1_000,
				Some(level),
			)
		};
		assert_noop!(go(Committee(0)), Error::<Test>::BadLevel);
		assert_noop!(go(Committee(17)), Error::<Test>::BadLevel);
		assert_noop!(go(Sampled(1_000_001)), Error::<Test>::BadLevel);
		set_levels(model, LevelBounds { min_sample_ppm: 1_000_000, max_verifiers: 2 });
		assert_noop!(go(Unverified), Error::<Test>::LevelNotAllowed);
		assert_noop!(go(Sampled(999_999)), Error::<Test>::LevelNotAllowed);
		assert_noop!(go(Committee(3)), Error::<Test>::LevelNotAllowed);
		assert_eq!(
			Inference::quote(&model, Some(Unverified)),
			Err(Error::<Test>::LevelNotAllowed.into())
		);
		assert_ok!(go(Committee(2)));
		// A committee larger than the bonded verifiers cannot be seated.
		set_levels(model, LevelBounds::default());
		assert_noop!(go(Committee(4)), Error::<Test>::NotEnoughNodes);
		// A dApp's quote says so; the schedules' quote (a schedule outlives a moment without
		// nodes) does not.
		assert_eq!(
			Inference::quote_now(&model, Some(Committee(4))),
			Err(Error::<Test>::NotEnoughNodes.into())
		);
		assert!(Inference::quote(&model, Some(Committee(4))).is_ok());
		assert_eq!(
			Inference::quote_now(&model, Some(Committee(2))),
			Inference::quote(&model, Some(Committee(2)))
		);
	});
}

#[test]
fn the_fee_charges_the_declared_cost_per_run_and_pays_it_to_every_run() {
	new_test_ext().execute_with(|| {
		ComputeFeePerMegaOp::set(2);
		let cheap = add_checked_model(1, 2, 1_000_000, Tolerance::Exact);
		let costly = add_checked_model(2, 2, 1_000_000, Tolerance::Exact);
		set_cost(cheap, ModelCost { ops: 1_000_000, memory: 1 << 20 });
		set_cost(costly, ModelCost { ops: 1_000_000_000, memory: 1 << 20 });
		// Price, one execution (7) and two verifications (3 each), each run plus 2 per million
		// declared ops.
		let quote = |m| Inference::quote(&m, None).unwrap();
		assert_eq!(quote(cheap), PRICE + (7 + 2) + 2 * (3 + 2));
		assert_eq!(quote(costly), PRICE + (7 + 2_000) + 2 * (3 + 2_000));
		// 1,000× the ops: 1,000× the cost component.
		let flat = PRICE + 7 + 2 * 3;
		assert_eq!(quote(costly) - flat, 1_000 * (quote(cheap) - flat));
		// Less than one million ops is charged as one unit, never as zero.
		let tiny = add_checked_model(3, 2, 1_000_000, Tolerance::Exact);
		set_cost(tiny, ModelCost { ops: 1, memory: 1 });
		assert_eq!(quote(tiny), quote(cheap));

		// Everyone who ran it is paid for the work: the executor 7 + 2,000, each verifier
		// 3 + 2,000 from the treasury, which the premium refilled exactly.
		let id = RequestId(crate::NextRequestId::<Test>::get());
		assert_noop!(
			Inference::request(
				RuntimeOrigin::signed(DAVE),
				costly,
				input([1.0, 2.0, 3.0, 4.0]),
				quote(costly) - 1,
				None
			),
			Error::<Test>::FeeBelowPrice
		);
		assert_ok!(Inference::request(
			RuntimeOrigin::signed(DAVE),
			costly,
			input([1.0, 2.0, 3.0, 4.0]),
			quote(costly),
			None
		));
		assert_eq!(Requests::<Test>::get(id).unwrap().fee, quote(costly));
		next_block();
		let exec = executors(id)[0];
		let checkers = verifiers(id);
		let out = output_bytes(1.0, 2.0);
		for who in [exec, checkers[0], checkers[1]] {
			assert_ok!(commit(id, who, &out));
		}
		// Verifiers are rewarded as the judgement is made, before the premium arrives: the
		// treasury pays from its float.
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
			&TREASURY, 10_000
		));
		let treasury = Balances::balance(&TREASURY);
		let before: Vec<Balance> = checkers.iter().map(Balances::balance).collect();
		for who in [exec, checkers[0], checkers[1]] {
			assert_ok!(reveal(id, who, out.clone()));
		}
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		assert_eq!(Balances::balance(&DAVE), 10_000 - quote(costly));
		assert_eq!(Balances::balance(&exec), 10_000 - 100 + 7 + 2_000);
		assert_eq!(Balances::balance(&TREASURY), treasury);
		for (v, b) in checkers.iter().zip(before) {
			assert_eq!(Balances::balance(v), b + 3 + 2_000);
		}
	});
}

#[test]
fn a_wrong_executor_is_slashed_and_the_requester_made_whole() {
	new_test_ext().execute_with(|| {
		let (id, exec, checkers) = seated_request(2);
		let right = output_bytes(1.0, 2.0);
		let wrong = output_bytes(1.0, 2.5);
		let treasury = Balances::balance(&TREASURY);
		answer(id, &[(exec, wrong), (checkers[0], right.clone()), (checkers[1], right)]);
		assert_eq!(settled(id), Some(Outcome::SlashedAndRefunded(RefundReason::WrongResult)));
		assert_eq!(Balances::balance(&DAVE), 10_000);
		assert_eq!(escrow_held(DAVE), 0);
		// Half the executor's bond (100) went to the treasury, which paid both verifiers.
		let bond = pallet_payments::Bonds::<Test>::get(Role::Inference, exec).unwrap();
		assert_eq!(bond.amount, 50);
		assert_eq!(Balances::balance(&TREASURY), treasury + 50 - 6);
		// Below the minimum bond: the executor gets no more work.
		assert!(!pallet_payments::Active::<Test>::get(Role::Inference).contains(&exec));
		assert!(Outputs::<Test>::get(id).is_none());
		assert!(Receipts::<Test>::get(id).is_none());
	});
}

#[test]
fn a_lazy_verifier_cannot_copy_a_revealed_output() {
	new_test_ext().execute_with(|| {
		let (id, exec, checkers) = seated_request(2);
		let (honest, lazy) = (checkers[0], checkers[1]);
		let out = output_bytes(1.0, 2.0);
		assert_ok!(commit(id, exec, &out));
		assert_ok!(commit(id, honest, &out));
		// The lazy verifier has computed nothing, so it seals a guess.
		assert_ok!(commit_seal(id, lazy, H256::repeat_byte(0xaa)));
		assert_ok!(reveal(id, exec, out.clone()));
		// It copies the executor's revealed output: the seal does not match, with any salt.
		assert_noop!(reveal(id, lazy, out.clone()), Error::<Test>::SealMismatch);
		assert_noop!(
			reveal_signed(
				id,
				lazy,
				ResultOutput::Hashed(hash(&out)),
				salt(exec),
				attest(id, lazy, hash(&out))
			),
			Error::<Test>::SealMismatch
		);
		assert_ok!(reveal(id, honest, out.clone()));
		assert_eq!(settled(id), None);
		// At the reveal deadline the two that revealed agree, but only one verifier stands
		// behind the output where the policy asks for two: not verified. The silent verifier
		// gets a miss (its peers revealed in time) and earns nothing.
		let before = Balances::balance(&lazy);
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::NoVerifiers)));
		assert_eq!(pallet_payments::Bonds::<Test>::get(Role::Verifier, lazy).unwrap().amount, 100);
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, lazy).misses, 1);
		assert_eq!(Balances::balance(&lazy), before);
	});
}

#[test]
fn sampling_is_drawn_in_the_block_of_the_last_seal() {
	new_test_ext().execute_with(|| {
		let model = add_checked_model(1, 1, 500_000, Tolerance::Exact);
		// Half the verification fee is the premium (1.5, rounded up).
		assert_eq!(Inference::quote(&model, None), Ok(PRICE + 7 + 2));
		let (mut checked, mut unchecked) = (0, 0);
		for _ in 0..12 {
			let id = request(DAVE, model);
			next_block();
			assert_eq!(Requests::<Test>::get(id).unwrap().checking, Checking::Pending);
			assert!(verifiers(id).is_empty(), "nobody knows yet whether it is checked");
			let exec = executors(id)[0];
			let out = output_bytes(1.0, 2.0);
			assert_ok!(commit(id, exec, &out));
			// Drawn in the block of the seal, from that block's randomness.
			let r = Requests::<Test>::get(id).unwrap();
			if r.checking == Checking::Drawn {
				checked += 1;
				assert!(matches!(r.state, RequestState::Committing { .. }));
				let v = verifiers(id)[0];
				assert_ne!(v, exec);
				answer(id, &[(v, out.clone())]);
				assert_ok!(reveal(id, exec, out.clone()));
			} else {
				unchecked += 1;
				assert_eq!(r.checking, Checking::Skipped);
				assert!(matches!(r.state, RequestState::Revealing { .. }));
				assert_ok!(reveal(id, exec, out.clone()));
			}
			assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		}
		assert!(checked > 0 && unchecked > 0, "{checked} checked, {unchecked} not");
	});
}

#[test]
fn bad_commits_and_reveals_are_refused_by_the_pool_and_in_blocks() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		MaxAssignPerBlock::set(&3);
		let id = request(DAVE, model);
		let other = request(DAVE, model);
		let third = request(DAVE, model);
		let queued = request(DAVE, model);
		let out = output_bytes(1.0, 2.0);
		// Not yet assigned; unknown.
		assert_eq!(state(queued), RequestState::Queued);
		assert_noop!(commit(queued, ALICE, &out), Error::<Test>::NotCommitting);
		assert_noop!(commit(RequestId(99), ALICE, &out), Error::<Test>::UnknownRequest);
		next_block();
		let exec = executors(id)[0];
		let outsider = *NODES.iter().find(|n| **n != exec).unwrap();
		// A bonded key that is not seated; a key that is not bonded at all; a verifier.
		assert_noop!(commit(id, outsider, &out), Error::<Test>::NotAssigned);
		assert_noop!(commit(id, DAVE, &out), Error::<Test>::NotAssigned);
		assert_noop!(commit(id, VERIFIERS[0], &out), Error::<Test>::NotAssigned);
		// Forged: signed by someone else, or over another seal, or for another request.
		let sealed = seal_of(id, exec, hash(&out));
		let payload = commit_payload(&Inference::genesis_hash(), id, &sealed);
		assert_noop!(
			commit_signed(id, exec, sealed, pair(outsider).sign(&payload)),
			Error::<Test>::BadAttestation
		);
		let elsewhere = commit_payload(&Inference::genesis_hash(), other, &sealed);
		assert_noop!(
			commit_signed(id, exec, sealed, pair(exec).sign(&elsewhere)),
			Error::<Test>::BadAttestation
		);
		let foreign = commit_payload(&H256::repeat_byte(7), id, &sealed);
		assert_noop!(
			commit_signed(id, exec, sealed, pair(exec).sign(&foreign)),
			Error::<Test>::BadAttestation
		);
		assert_ok!(commit(id, exec, &out));
		assert_noop!(commit(id, exec, &out), Error::<Test>::NotCommitting);
		// Reveals: only what was sealed, signed over the commitment, fitting the schema.
		assert_noop!(reveal(id, outsider, out.clone()), Error::<Test>::NotAssigned);
		assert_noop!(reveal(id, exec, output_bytes(9.0, 9.0)), Error::<Test>::SealMismatch);
		assert_noop!(
			reveal_signed(id, exec, inline(out.clone()), [0; 32], attest(id, exec, hash(&out))),
			Error::<Test>::SealMismatch
		);
		assert_noop!(
			reveal_signed(
				id,
				exec,
				inline(out.clone()),
				salt(exec),
				attest(id, outsider, hash(&out))
			),
			Error::<Test>::BadAttestation
		);
		let r = Requests::<Test>::get(id).unwrap();
		let foreign = sibyl_primitives::commitment(
			&sibyl_primitives::CommitmentDomain::Request {
				genesis_hash: H256::repeat_byte(7),
				request_id: id,
			},
			&model,
			&r.input_hash,
			&hash(&out),
		);
		assert_noop!(
			reveal_signed(
				id,
				exec,
				inline(out.clone()),
				salt(exec),
				pair(exec).sign(foreign.as_bytes())
			),
			Error::<Test>::BadAttestation
		);
		let small = ResultOutput::Stored { hash: hash(&out), len: 10 };
		assert_noop!(
			reveal_signed(id, exec, small, salt(exec), attest(id, exec, hash(&out))),
			Error::<Test>::OutputShouldBeInline
		);
		// The real answer lands; a duplicate is refused.
		assert_ok!(reveal(id, exec, out.clone()));
		assert_noop!(reveal(id, exec, out), Error::<Test>::NotRevealing);
		assert_eq!(settle_count(id), 1);
		// An output outside the schema is refused at reveal, whatever it sealed.
		next_block();
		let id = other;
		let exec = executors(id)[0];
		let junk = vec![1u8, 2, 3];
		assert_ok!(commit(id, exec, &junk));
		assert_noop!(reveal(id, exec, junk), Error::<Test>::OutputMismatch);
		let narrow = vec![f32_tensor(&[1, 3], &[1.0, 2.0, 3.0])].encode();
		let exec = executors(third)[0];
		assert_ok!(commit(third, exec, &narrow));
		assert_noop!(reveal(third, exec, narrow), Error::<Test>::OutputMismatch);
	});
}

#[test]
fn silence_is_reassigned_then_refunded() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model); // #1: attempt 1, deadline #3
		let first = executors(id)[0];
		next_block();
		next_block();
		assert_eq!(Requests::<Test>::get(id).unwrap().attempts, 1);
		next_block(); // #4: expired → attempt 2, preferring another node
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.attempts, 2);
		assert_eq!(r.state, RequestState::Committing { deadline: 6 });
		let second = executors(id)[0];
		assert_ne!(first, second);
		assert!(!Assigned::<Test>::contains_key(first, id));
		// A lone seat has no peer to show the deadline could be met: replaced, not blamed.
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Inference, first).misses, 0);
		// The replaced executor can no longer answer.
		assert_noop!(commit(id, first, &output_bytes(1.0, 1.0)), Error::<Test>::NotAssigned);
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(Requests::<Test>::get(id).unwrap().attempts, 3);
		assert_eq!(settled(id), None);
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::Timeout)));
		assert_eq!(Balances::balance(&DAVE), 10_000);
		assert_eq!(escrow_held(DAVE), 0);
		for n in NODES {
			assert!(!Assigned::<Test>::contains_key(n, id));
		}
	});
}

#[test]
fn a_silent_verifier_is_replaced_and_a_sealed_executor_keeps_its_seal() {
	new_test_ext().execute_with(|| {
		let (id, exec, checkers) = seated_request(2);
		let (v0, v1) = (checkers[0], checkers[1]);
		let out = output_bytes(1.0, 2.0);
		assert_ok!(commit(id, exec, &out));
		assert_ok!(commit(id, v0, &out));
		for _ in 0..3 {
			next_block();
		}
		// v1 missed sealing while its peers sealed: a miss, and a fresh verifier takes its seat
		// (a verified request always got the checking its policy promised).
		let replaced = verifiers(id);
		assert_eq!(replaced.len(), 2);
		assert!(replaced.contains(&v0) && !replaced.contains(&v1));
		let v2 = *replaced.iter().find(|v| **v != v0).unwrap();
		assert!(!Assigned::<Test>::contains_key(v1, id));
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, v1).misses, 1);
		assert!(matches!(state(id), RequestState::Committing { .. }));
		assert_ok!(commit(id, v2, &out));
		assert!(matches!(state(id), RequestState::Revealing { .. }));
		assert_ok!(reveal(id, exec, out.clone()));
		assert_ok!(reveal(id, v0, out.clone()));
		assert_ok!(reveal(id, v2, out.clone()));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		// A verifier that cannot run the model steps aside without penalty and is replaced.
		let (id, exec, checkers) = seated_request(2);
		let (v0, v1) = (checkers[0], checkers[1]);
		assert_ok!(decline(id, v1, InferenceError::ModelNotFound));
		let now = verifiers(id);
		assert_eq!(now.len(), 2);
		assert!(now.contains(&v0) && !now.contains(&v1));
		let v2 = *now.iter().find(|v| **v != v0).unwrap();
		answer(id, &[(exec, out.clone()), (v0, out.clone()), (v2, out.clone())]);
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, v1).misses, 0);
	});
}

#[test]
fn a_verifier_seated_after_a_decline_gets_a_full_phase_to_seal() {
	new_test_ext().execute_with(|| {
		let (id, exec, checkers) = seated_request(2);
		let (v0, v1) = (checkers[0], checkers[1]);
		let RequestState::Committing { deadline } = state(id) else { panic!("sealing") };
		while System::block_number() < deadline {
			next_block();
		}
		let out = output_bytes(1.0, 2.0);
		assert_ok!(commit(id, exec, &out));
		assert_ok!(commit(id, v0, &out));
		// v1 steps aside in the last block of the phase: its replacement gets a whole phase.
		assert_ok!(decline(id, v1, InferenceError::ModelNotFound));
		let v2 = *verifiers(id).iter().find(|v| **v != v0).unwrap();
		assert_eq!(
			state(id),
			RequestState::Committing { deadline: deadline + ResultTimeout::get() - 1 }
		);
		next_block();
		assert_ok!(commit(id, v2, &out));
		for who in [exec, v0, v2] {
			assert_ok!(reveal(id, who, out.clone()));
		}
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Verification(pallet_verification::Event::Missed { .. })
		)));
	});
}

#[test]
fn declines_reassign_without_penalty_then_refund() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		next_block();
		let bonds: Vec<Balance> = NODES.iter().map(|n| bond(*n)).collect();
		for attempt in 1..=3u8 {
			assert_eq!(Requests::<Test>::get(id).unwrap().attempts, attempt);
			let exec = executors(id)[0];
			assert_ok!(decline(id, exec, InferenceError::ModelNotFound));
		}
		assert_eq!(
			settled(id),
			Some(Outcome::Refunded(RefundReason::Declined(InferenceError::ModelNotFound)))
		);
		assert_eq!(Balances::balance(&DAVE), 10_000);
		assert_eq!(NODES.iter().map(|n| bond(*n)).collect::<Vec<_>>(), bonds);
		for n in NODES {
			assert_eq!(pallet_verification::Records::<Test>::get(Role::Inference, n).misses, 0);
		}
		let id = request(DAVE, model);
		next_block();
		let exec = executors(id)[0];
		// An outcome of the request cannot be declined: it is sealed and revealed.
		assert_noop!(
			decline(id, exec, InferenceError::NonFiniteOutput),
			Error::<Test>::ReasonIsAnOutcome
		);
		// A forged step aside is refused.
		let sig =
			pair(exec).sign(&decline_payload(&Inference::genesis_hash(), id, InferenceError::Busy));
		assert_noop!(
			Inference::decline(
				RuntimeOrigin::from(frame_system::RawOrigin::Authorized),
				id,
				key(exec),
				InferenceError::ModelNotFound,
				sig
			),
			Error::<Test>::BadAttestation
		);
		// Signed calls cannot use the authorized path.
		assert!(Inference::decline(
			RuntimeOrigin::signed(exec),
			id,
			key(exec),
			InferenceError::Busy,
			sig
		)
		.is_err());
		// No step aside once sealed.
		assert_ok!(commit(id, exec, &output_bytes(1.0, 1.0)));
		assert_noop!(decline(id, exec, InferenceError::Busy), Error::<Test>::NotCommitting);
	});
}

#[test]
fn an_agreed_failure_settles_as_failed_pays_the_work_and_penalizes_nobody() {
	new_test_ext().execute_with(|| {
		let (id, exec, checkers) = seated_request(2);
		let fee = Requests::<Test>::get(id).unwrap().fee;
		let before =
			(Balances::balance(&DAVE), Balances::balance(&exec), Balances::balance(&OWNER));
		let bonds: Vec<Balance> = NODES.iter().chain(&VERIFIERS).map(|n| bond(*n)).collect();
		let error = InferenceError::NonFiniteOutput;
		for who in [exec, checkers[0], checkers[1]] {
			assert_ok!(commit_failure(id, who, error));
		}
		for who in [exec, checkers[0], checkers[1]] {
			assert_ok!(reveal_failure(id, who, error));
		}
		assert_eq!(settled(id), Some(Outcome::Failed(error)));
		// The requester paid the execution and the verification, not the model's price.
		assert_eq!(Balances::balance(&DAVE), before.0 + PRICE);
		assert!(fee > PRICE);
		assert_eq!(Balances::balance(&exec), before.1 + ExecutionFee::get());
		assert_eq!(escrow_held(DAVE), 0);
		assert_eq!(Balances::balance(&OWNER), before.2);
		for v in &checkers {
			assert!(System::events().iter().any(|r| matches!(
				&r.event,
				RuntimeEvent::Verification(pallet_verification::Event::Rewarded { who, .. })
					if who == v
			)));
		}
		// Nobody lost a unit of bond, and nobody got a miss.
		assert_eq!(NODES.iter().chain(&VERIFIERS).map(|n| bond(*n)).collect::<Vec<_>>(), bonds);
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Verification(pallet_verification::Event::Slashed { .. })
				| RuntimeEvent::Verification(pallet_verification::Event::Missed { .. })
		)));
		// The failure is committed to like an output.
		let r = Requests::<Test>::get(id).unwrap();
		let receipt = Receipts::<Test>::get(id).unwrap();
		assert_eq!(
			receipt.commitment,
			Inference::commitment_of(id, &r.model, &r.input_hash, &failure_hash(error))
		);
		assert_eq!(receipt.outcome, Outcome::Failed(error));
	});
}

#[test]
fn a_failure_outvoted_by_an_output_is_slashed_and_an_output_outvoted_by_a_failure_too() {
	new_test_ext().execute_with(|| {
		let out = output_bytes(1.0, 2.0);
		let error = InferenceError::ExecutionFailed;
		// A lazy executor claims a failure; both verifiers computed the output.
		let (id, exec, checkers) = seated_request(2);
		let bond_before = bond(exec);
		assert_ok!(commit_failure(id, exec, error));
		assert_ok!(commit(id, checkers[0], &out));
		assert_ok!(commit(id, checkers[1], &out));
		assert_ok!(reveal_failure(id, exec, error));
		assert_ok!(reveal(id, checkers[0], out.clone()));
		assert_ok!(reveal(id, checkers[1], out.clone()));
		assert_eq!(settled(id), Some(Outcome::SlashedAndRefunded(RefundReason::WrongResult)));
		assert!(bond(exec) < bond_before);
		// The model fails on the input; a verifier that made an output up is outvoted.
		let (id, exec, checkers) = seated_request(2);
		let (v0, v1) = (checkers[0], checkers[1]);
		let (exec_bond, v1_bond) = (bond(exec), bond(v1));
		assert_ok!(commit_failure(id, exec, error));
		assert_ok!(commit_failure(id, v0, error));
		assert_ok!(commit(id, v1, &out));
		assert_ok!(reveal_failure(id, exec, error));
		assert_ok!(reveal_failure(id, v0, error));
		assert_ok!(reveal(id, v1, out.clone()));
		assert_eq!(settled(id), Some(Outcome::Failed(error)));
		assert_eq!(bond(exec), exec_bond);
		assert!(bond(v1) < v1_bond);
		// Mixed failures (different errors) without a majority escalate, as outputs do.
		let (id, exec, checkers) = seated_request(2);
		assert_ok!(commit_failure(id, exec, error));
		assert_ok!(commit_failure(id, checkers[0], InferenceError::NonFiniteOutput));
		assert_ok!(commit(id, checkers[1], &out));
		assert_ok!(reveal_failure(id, exec, error));
		assert_ok!(reveal_failure(id, checkers[0], InferenceError::NonFiniteOutput));
		assert_ok!(reveal(id, checkers[1], out.clone()));
		// The verifier slashed above fell below its minimum bond, so no verifier is left to
		// escalate to: refunded for want of agreement, and nobody is penalized for it.
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::NoAgreement)));
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Verification(pallet_verification::Event::Slashed { id: i, .. }) if i == id
		)));
		// A node's own reason is not an outcome: it cannot be revealed as one.
		let (id, exec, checkers) = seated_request(1);
		assert_ok!(commit_failure(id, exec, InferenceError::Busy));
		assert_ok!(commit(id, checkers[0], &out));
		assert_noop!(reveal_failure(id, exec, InferenceError::Busy), Error::<Test>::NotAnOutcome);
	});
}

#[test]
fn a_late_reveal_is_a_miss_not_a_slash_and_silence_without_a_majority_costs_nothing() {
	new_test_ext().execute_with(|| {
		let out = output_bytes(1.0, 2.0);
		// Executor and one verifier reveal; the other verifier sealed but is late: no slash,
		// one miss; the request is not verified with less checking than promised.
		let (id, exec, checkers) = seated_request(2);
		let (v0, v1) = (checkers[0], checkers[1]);
		let v1_bond = bond(v1);
		for who in [exec, v0, v1] {
			assert_ok!(commit(id, who, &out));
		}
		assert_ok!(reveal(id, exec, out.clone()));
		assert_ok!(reveal(id, v0, out.clone()));
		for _ in 0..3 {
			next_block();
		}
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::NoVerifiers)));
		assert_eq!(bond(v1), v1_bond);
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, v1).misses, 1);
		// Everyone silent at the seal deadline (a stalled network): nobody gets a miss.
		let (id, _, _) = seated_request(2);
		for _ in 0..3 {
			next_block();
		}
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Verification(pallet_verification::Event::Missed { id: i, .. }) if i == id
		)));
		assert!(settled(id).is_some() || Requests::<Test>::get(id).unwrap().attempts == 2);
	});
}

/// The registry never purges a model a request still needs (next test), so this is the
/// defensive path: should a model be gone anyway (the mock registry allows it), the request that
/// waits for it is refunded and no node is blamed.
#[test]
fn a_request_whose_model_is_purged_while_it_waits_is_refunded_and_nobody_is_blamed() {
	new_test_ext().execute_with(|| {
		MaxSeatsPerNode::set(&1);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let ids: Vec<RequestId> = (0..4).map(|_| request(DAVE, model)).collect();
		next_block();
		let waiting = ids[3];
		assert_eq!(Queue::<Test>::get().into_inner(), vec![waiting]);
		let first = ids[0];
		let exec = executors(first)[0];
		let out = output_bytes(1.0, 1.0);
		answer(first, &[(exec, out.clone())]);
		// The model is retired and, its grace over, purged while the request still waits.
		set_status(model, ModelStatus::Retired);
		purge_model(model);
		next_block();
		// The seat that freed up is not handed out for a model no node can fetch any more.
		assert_eq!(settled(waiting), Some(Outcome::Refunded(RefundReason::ModelPurged)));
		assert!(executors(waiting).is_empty());
		assert_eq!(SeatCounts::<Test>::get(exec), 0);
		assert!(escrow_held(DAVE) > 0, "the two seated requests still hold theirs");
		for n in NODES {
			assert_eq!(pallet_verification::Records::<Test>::get(Role::Inference, n).misses, 0);
		}
		MaxSeatsPerNode::set(&64);
	});
}

/// Issue 22: `OpenRequests` counts a model's unsettled requests (queued, seated, judged) and is
/// what the registry asks before a purge: a retired model whose grace is over but whose request
/// still waits in the queue is not purgeable until that request has settled.
#[test]
fn a_models_open_requests_are_counted_until_they_settle_and_keep_it_from_a_purge() {
	use sibyl_primitives::registry::ModelUsage;
	new_test_ext().execute_with(|| {
		MaxSeatsPerNode::set(&1);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let other = add_model(2, 1, ModelStatus::Available, false);
		let ids: Vec<RequestId> = (0..3).map(|_| request(DAVE, model)).collect();
		let last = request(DAVE, other);
		assert_eq!(Inference::open_requests(&model), 3);
		assert_eq!(Inference::open_requests(&other), 1);
		next_block();
		// Three nodes, one seat each: `last` waits in the queue.
		assert_eq!(Queue::<Test>::get().into_inner(), vec![last]);
		// The model is retired: its requests still run, and still count.
		set_status(model, ModelStatus::Retired);
		let out = output_bytes(1.0, 1.0);
		for (n, id) in ids.iter().enumerate() {
			let exec = executors(*id)[0];
			answer(*id, &[(exec, out.clone())]);
			assert_eq!(settled(*id), Some(Outcome::Verified { output_hash: hash(&out) }));
			assert_eq!(Inference::open_requests(&model), 2 - n as u32);
		}
		// The last settled request leaves no zero entry behind.
		assert!(!crate::OpenRequests::<Test>::contains_key(model));
		// A queued request counts like a seated one.
		assert_eq!(Inference::open_requests(&other), 1);
		next_block();
		let exec = executors(last)[0];
		answer(last, &[(exec, out.clone())]);
		assert_eq!(Inference::open_requests(&other), 0);
		Inference::do_try_state().unwrap();
		MaxSeatsPerNode::set(&64);
	});
}

/// A request that finds no node with room is refunded once it has waited `MaxQueueWait` blocks,
/// instead of being requeued forever: its fee comes back whole, no node is blamed, and the
/// model it was for is no longer held open by it.
#[test]
fn a_request_that_waits_max_queue_wait_for_room_is_refunded() {
	new_test_ext().execute_with(|| {
		MaxSeatsPerNode::set(&1);
		MaxQueueWait::set(&4);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let free = Balances::balance(&DAVE);
		let ids: Vec<RequestId> = (0..4).map(|_| request(DAVE, model)).collect();
		let waiting = ids[3];
		let fee = Requests::<Test>::get(waiting).unwrap().fee;
		// The three seated requests' nodes stay silent while they are reassigned among
		// themselves: no seat frees up for `waiting` until it has waited `MaxQueueWait`.
		let made = System::block_number();
		while settled(waiting).is_none() {
			assert_eq!(state(waiting), RequestState::Queued, "never seated");
			assert!(System::block_number() <= made + 5, "still waiting");
			next_block();
		}
		assert_eq!(settled(waiting), Some(Outcome::Refunded(RefundReason::Overloaded)));
		assert!(System::block_number() >= made + 4);
		assert!(!Queue::<Test>::get().contains(&waiting));
		assert!(ids[..3].iter().all(|id| settled(*id).is_none()), "the others still run");
		let still_held: Balance =
			ids[..3].iter().map(|id| Requests::<Test>::get(id).unwrap().fee).sum();
		assert!(fee > 0);
		assert_eq!(escrow_held(DAVE), still_held, "the waiting request's fee is released");
		assert_eq!(Balances::balance(&DAVE), free - still_held, "and comes back whole");
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Verification(pallet_verification::Event::Missed { id, .. }) if id == waiting
		)));
		assert_eq!(crate::OpenRequests::<Test>::get(model), 3);
		Inference::do_try_state().unwrap();
		MaxSeatsPerNode::set(&64);
	});
}

/// The version-1 migration counts a version-0 chain's unsettled requests per model (settled
/// ones kept for `Retention` do not count) and sets the storage version; run again, it does
/// nothing.
#[test]
fn the_v1_migration_counts_the_open_requests_of_a_version_0_chain() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let other = add_model(2, 1, ModelStatus::Available, false);
		let done = request(DAVE, model);
		next_block();
		let exec = executors(done)[0];
		answer(done, &[(exec, output_bytes(1.0, 1.0))]);
		let open = [request(DAVE, model), request(DAVE, model), request(DAVE, other)];
		next_block();
		assert!(open.iter().all(|id| settled(*id).is_none()));
		// What a version-0 chain has: the requests, no counts (and a stray count the
		// migration must not trust).
		let _ = crate::OpenRequests::<Test>::clear(u32::MAX, None);
		crate::OpenRequests::<Test>::insert(ModelId([9; 32]), 5);
		StorageVersion::new(0).put::<Inference>();
		assert!(Inference::do_try_state().is_err(), "counts missing");
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Inference::on_chain_storage_version(), 1);
		assert_eq!(crate::OpenRequests::<Test>::get(model), 2);
		assert_eq!(crate::OpenRequests::<Test>::get(other), 1);
		assert!(!crate::OpenRequests::<Test>::contains_key(ModelId([9; 32])));
		Inference::do_try_state().unwrap();
		// At version 1 it is a no-op.
		crate::OpenRequests::<Test>::insert(other, 7);
		crate::migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(crate::OpenRequests::<Test>::get(other), 7);
	});
}

#[test]
fn a_node_is_never_seated_beyond_max_seats_per_node_and_requests_wait_in_the_queue() {
	new_test_ext().execute_with(|| {
		MaxSeatsPerNode::set(&1);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let ids: Vec<RequestId> = (0..4).map(|_| request(DAVE, model)).collect();
		next_block();
		// Three inference nodes with room for one seat each: three seated, one waits.
		let seated: Vec<RequestId> =
			ids.iter().copied().filter(|id| !executors(*id).is_empty()).collect();
		assert_eq!(seated.len(), 3);
		for n in NODES {
			assert_eq!(SeatCounts::<Test>::get(n), 1);
		}
		let waiting = ids[3];
		assert_eq!(state(waiting), RequestState::Queued);
		assert_eq!(Queue::<Test>::get().into_inner(), vec![waiting]);
		// One settles; its executor has room again and the waiting request gets it.
		let out = output_bytes(1.0, 1.0);
		let first = seated[0];
		let exec = executors(first)[0];
		answer(first, &[(exec, out.clone())]);
		assert_eq!(settled(first), Some(Outcome::Verified { output_hash: hash(&out) }));
		assert_eq!(SeatCounts::<Test>::get(exec), 0);
		next_block();
		assert_eq!(executors(waiting), vec![exec]);
		assert_eq!(settled(waiting), None);
		for n in NODES {
			assert!(SeatCounts::<Test>::get(n) <= 1);
		}
		MaxSeatsPerNode::set(&64);
	});
}

#[test]
fn disagreeing_replicas_escalate_to_verifiers_once() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 2, ModelStatus::Available, false);
		assert_eq!(Inference::quote(&model, None), Ok(PRICE + 14));
		let agree = request(DAVE, model);
		let differ = request(DAVE, model);
		let stalemate = request(DAVE, model);
		next_block();
		let pair_a = executors(agree);
		assert_eq!(pair_a.len(), 2);
		assert_ne!(pair_a[0], pair_a[1]);
		let before: Vec<Balance> = NODES.iter().map(Balances::balance).collect();
		let out = output_bytes(3.0, 4.0);
		let other = output_bytes(3.0, 4.5);
		answer(agree, &[(pair_a[0], out.clone()), (pair_a[1], out.clone())]);
		assert_eq!(settled(agree), Some(Outcome::Verified { output_hash: hash(&out) }));
		for (n, b) in NODES.iter().zip(before) {
			let paid = if pair_a.contains(n) { 7 } else { 0 };
			assert_eq!(Balances::balance(n), b + paid);
		}
		// One against one: no majority, so one more verifier than the policy's (0) is drawn.
		let pair_b = executors(differ);
		answer(differ, &[(pair_b[0], out.clone()), (pair_b[1], other.clone())]);
		assert_eq!(settled(differ), None);
		let r = Requests::<Test>::get(differ).unwrap();
		assert_eq!(r.checking, Checking::Escalated);
		assert!(matches!(r.state, RequestState::Committing { .. }));
		// Three referees: the escalated round is the verifiers' alone, never a lone referee's.
		let referees = verifiers(differ);
		assert_eq!(referees.len(), 3);
		answer(differ, &referees.iter().map(|r| (*r, out.clone())).collect::<Vec<_>>());
		assert_eq!(settled(differ), Some(Outcome::Verified { output_hash: hash(&out) }));
		// The outvoted replica is slashed and unpaid; the other paid.
		assert_eq!(
			pallet_payments::Bonds::<Test>::get(Role::Inference, pair_b[1]).unwrap().amount,
			50
		);
		// Still no majority after escalating: refunded, nobody slashed.
		let pair_c = executors(stalemate);
		let bonds = |who: &[AccountId]| -> Vec<Balance> {
			who.iter()
				.map(|n| {
					pallet_payments::Bonds::<Test>::get(Role::Inference, n)
						.or(pallet_payments::Bonds::<Test>::get(Role::Verifier, n))
						.unwrap()
						.amount
				})
				.collect()
		};
		let before = bonds(&pair_c);
		answer(stalemate, &[(pair_c[0], out.clone()), (pair_c[1], other.clone())]);
		let referees = verifiers(stalemate);
		answer(
			stalemate,
			&[
				(referees[0], output_bytes(0.0, 0.0)),
				(referees[1], out.clone()),
				(referees[2], other.clone()),
			],
		);
		assert_eq!(settled(stalemate), Some(Outcome::Refunded(RefundReason::NoAgreement)));
		assert_eq!(bonds(&pair_c), before);
		assert!(Receipts::<Test>::get(stalemate).is_none());
	});
}

/// A request for a model judged within 1e-6, whose executor and first verifier reveal one
/// output and whose second verifier another CPU's last bits of it (2e-7 apart, a different
/// hash): its id, executor, verifiers and the two outputs.
fn near_outputs_revealed() -> (RequestId, AccountId, Vec<AccountId>, Vec<u8>, Vec<u8>) {
	let within = Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 };
	let model = add_checked_model(1, 2, 1_000_000, within);
	let id = request(DAVE, model);
	next_block();
	let (exec, v) = (executors(id)[0], verifiers(id));
	let here = output_bytes(0.5, 2.0);
	let there = output_bytes(0.5, 2.000_000_2);
	for (who, bytes) in [(exec, &here), (v[0], &here), (v[1], &there)] {
		assert_ok!(commit(id, who, bytes));
	}
	for (who, bytes) in [(exec, &here), (v[0], &here), (v[1], &there)] {
		assert_ok!(reveal(id, who, bytes.clone()));
	}
	(id, exec, v, here, there)
}

#[test]
fn outputs_are_judged_under_the_models_tolerance() {
	new_test_ext().execute_with(|| {
		let (id, exec, v, here, there) = near_outputs_revealed();
		// The hashes disagree and the tolerance needs values: the verifier whose hash no revealed
		// output explains opens its output (the one matching the executor's need not).
		assert!(matches!(state(id), RequestState::Opening { .. }));
		assert_noop!(open(id, v[0], inline(here.clone())), Error::<Test>::NothingToOpen);
		assert_noop!(open(id, exec, inline(here.clone())), Error::<Test>::NothingToOpen);
		assert_noop!(open(id, v[1], inline(here.clone())), Error::<Test>::OpeningMismatch);
		assert_noop!(
			open(id, v[1], ResultOutput::Hashed(hash(&there))),
			Error::<Test>::WrongRevealForm
		);
		// Only the seat opens its hash, and only in the form the output schema fixes: a hash
		// presented as a large output is refused, as is an opening signed by anyone else.
		let stored = ResultOutput::Stored { hash: hash(&there), len: 65 };
		assert_noop!(open(id, v[1], stored), Error::<Test>::OutputShouldBeInline);
		let output = inline(there.clone());
		let forged =
			pair(exec).sign(&open_payload(&Inference::genesis_hash(), id, &output.encode()));
		assert_noop!(
			pool_then_block(crate::Call::<Test>::open {
				id,
				key: key(v[1]),
				output,
				signature: forged
			}),
			Error::<Test>::BadAttestation
		);
		assert_ok!(open(id, v[1], inline(there.clone())));
		assert_noop!(open(id, v[1], inline(there.clone())), Error::<Test>::NotOpening);
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&here) }));
		assert_eq!(Inference::output_of(id), Some(here.clone()));
		// Within the tolerance is in line: nobody is slashed.
		for who in v.iter().chain([&exec]) {
			assert!(pallet_payments::Bonds::<Test>::get(Role::Verifier, who)
				.or(pallet_payments::Bonds::<Test>::get(Role::Inference, who))
				.is_some_and(|b| b.amount == 100));
		}
		// Under `TopK`, different hashes without a majority escalate before any verifier
		// opens its output; then every unexplained hash is opened and the verifiers decide.
		let argmax = add_checked_model(2, 1, 1_000_000, Tolerance::TopK { k: 1 });
		let id = request(DAVE, argmax);
		next_block();
		let (exec, v) = (executors(id)[0], verifiers(id)[0]);
		answer(id, &[(exec, output_bytes(0.1, 0.9)), (v, output_bytes(0.3, 0.7))]);
		assert_eq!(Requests::<Test>::get(id).unwrap().checking, Checking::Escalated);
		assert!(matches!(Reveals::<Test>::get(id, key(v)), Some(ResultOutput::Hashed(_))));
		let newcomers: Vec<AccountId> = verifiers(id).into_iter().filter(|n| *n != v).collect();
		assert_eq!(newcomers.len(), 2);
		answer(
			id,
			&[(newcomers[0], output_bytes(0.4, 0.6)), (newcomers[1], output_bytes(0.1, 0.9))],
		);
		assert!(matches!(state(id), RequestState::Opening { .. }));
		assert_eq!(settled(id), None);
		assert_ok!(open(id, v, inline(output_bytes(0.3, 0.7))));
		assert!(matches!(settled(id), Some(Outcome::Verified { .. })));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Inference(Event::Opened { id: i, node }) if i == id && node == v
		)));
	});
}

#[test]
fn a_verifier_that_does_not_open_gets_a_miss_not_a_slash_and_nothing_is_verified() {
	new_test_ext().execute_with(|| {
		let (id, _, v, _, _) = near_outputs_revealed();
		assert!(matches!(state(id), RequestState::Opening { .. }));
		for _ in 0..4 {
			next_block();
		}
		// Its hash alone cannot show it was out of tolerance: silent, so a miss. And one
		// verifier short of the policy, the request is not verified with less checking.
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::NoVerifiers)));
		assert_eq!(pallet_payments::Bonds::<Test>::get(Role::Verifier, v[1]).unwrap().amount, 100);
		assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, v[1]).misses, 1);
	});
}

#[test]
fn verifiers_reveal_hashes_and_an_escalated_round_is_decided_by_verifiers() {
	new_test_ext().execute_with(|| {
		let (id, exec, first) = seated_request(1);
		let right = output_bytes(1.0, 2.0);
		let wrong = output_bytes(6.0, 6.0);
		assert_ok!(commit(id, exec, &wrong));
		assert_ok!(commit(id, first[0], &right));
		// Executors reveal outputs and verifiers hashes, nothing else.
		let hashed = ResultOutput::Hashed(hash(&wrong));
		assert_noop!(
			reveal_signed(id, exec, hashed, salt(exec), attest(id, exec, hash(&wrong))),
			Error::<Test>::WrongRevealForm
		);
		assert_noop!(
			reveal_signed(
				id,
				first[0],
				inline(right.clone()),
				salt(first[0]),
				attest(id, first[0], hash(&right))
			),
			Error::<Test>::WrongRevealForm
		);
		assert_ok!(reveal(id, exec, wrong.clone()));
		assert_ok!(reveal(id, first[0], right.clone()));
		// One against one: escalated. What the newcomers can read of the first verifier is a
		// hash: nothing they could reveal without computing.
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.checking, Checking::Escalated);
		assert_eq!(
			Reveals::<Test>::get(id, key(first[0])),
			Some(ResultOutput::Hashed(hash(&right)))
		);
		let newcomers: Vec<AccountId> =
			verifiers(id).into_iter().filter(|n| *n != first[0]).collect();
		assert_eq!(newcomers.len(), 2);
		let (lazy, honest) = (newcomers[0], newcomers[1]);
		// The lazy newcomer copies the only output it can read, the executor's.
		let treasury = Balances::balance(&TREASURY);
		answer(id, &[(lazy, wrong.clone()), (honest, right.clone())]);
		// The verifiers decide (2 of 3), where all seats would have tied 2 to 2: the executor and
		// the copier are slashed, the honest verifiers paid.
		assert_eq!(settled(id), Some(Outcome::SlashedAndRefunded(RefundReason::WrongResult)));
		assert_eq!(pallet_payments::Bonds::<Test>::get(Role::Inference, exec).unwrap().amount, 50);
		assert_eq!(pallet_payments::Bonds::<Test>::get(Role::Verifier, lazy).unwrap().amount, 80);
		for who in [first[0], honest] {
			assert_eq!(
				pallet_payments::Bonds::<Test>::get(Role::Verifier, who).unwrap().amount,
				100
			);
			assert_eq!(pallet_verification::Records::<Test>::get(Role::Verifier, who).in_line, 1);
		}
		assert!(Balances::balance(&TREASURY) > treasury);
	});
}

#[test]
fn an_escalated_verifier_cannot_reveal_a_copied_hash() {
	new_test_ext().execute_with(|| {
		let (id, exec, first) = seated_request(1);
		let right = output_bytes(1.0, 2.0);
		let wrong = output_bytes(6.0, 6.0);
		answer(id, &[(exec, wrong.clone()), (first[0], right.clone())]);
		assert_eq!(Requests::<Test>::get(id).unwrap().checking, Checking::Escalated);
		let newcomers: Vec<AccountId> =
			verifiers(id).into_iter().filter(|n| *n != first[0]).collect();
		let (copier, honest) = (newcomers[0], newcomers[1]);
		// The copier seals the first verifier's public hash without computing anything. In the
		// last round verifiers reveal outcomes, not hashes: it has nothing it can reveal.
		assert_ok!(commit(id, copier, &right));
		assert_ok!(commit(id, honest, &right));
		let copied = ResultOutput::Hashed(hash(&right));
		assert_noop!(
			reveal_signed(id, copier, copied, salt(copier), attest(id, copier, hash(&right))),
			Error::<Test>::WrongRevealForm
		);
		assert_ok!(reveal(id, honest, right.clone()));
		for _ in 0..4 {
			next_block();
		}
		// The honest verifiers decide 2 of 3 without it; its silence is a miss, unpaid.
		assert_eq!(settled(id), Some(Outcome::SlashedAndRefunded(RefundReason::WrongResult)));
		let record = pallet_verification::Records::<Test>::get(Role::Verifier, copier);
		assert_eq!((record.in_line, record.misses), (0, 1));
		assert_eq!(
			pallet_payments::Bonds::<Test>::get(Role::Verifier, honest).unwrap().amount,
			100
		);
	});
}

#[test]
fn an_escalation_that_cannot_seat_all_its_verifiers_refunds() {
	new_test_ext().execute_with(|| {
		// Two verifiers on the first round leave one of the three an escalation needs.
		let model = add_checked_model(1, 2, 1_000_000, Tolerance::Exact);
		let id = request(DAVE, model);
		next_block();
		let (exec, v) = (executors(id)[0], verifiers(id));
		answer(
			id,
			&[
				(exec, output_bytes(1.0, 1.0)),
				(v[0], output_bytes(2.0, 2.0)),
				(v[1], output_bytes(3.0, 3.0)),
			],
		);
		assert_eq!(settled(id), Some(Outcome::Refunded(RefundReason::NoAgreement)));
		for who in v.iter().chain([&exec]) {
			assert!(pallet_payments::Bonds::<Test>::get(Role::Verifier, who)
				.or(pallet_payments::Bonds::<Test>::get(Role::Inference, who))
				.is_some_and(|b| b.amount == 100));
		}
	});
}

#[test]
fn large_outputs_keep_only_their_hash() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, true);
		let id = request(DAVE, model);
		next_block();
		let exec = executors(id)[0];
		let bytes = vec![f32_tensor(&[1, 32], &[0.25; 32])].encode();
		assert!(bytes.len() > 64);
		let h = hash(&bytes);
		assert_ok!(commit_seal(id, exec, seal_of(id, exec, h)));
		// The schema fixes the length: a hash presented with another one is refused.
		let wrong_len = ResultOutput::Stored { hash: h, len: bytes.len() as u32 + 1 };
		assert_noop!(
			reveal_signed(id, exec, wrong_len, salt(exec), attest(id, exec, h)),
			Error::<Test>::OutputMismatch
		);
		let stored = ResultOutput::Stored { hash: h, len: bytes.len() as u32 };
		assert_ok!(reveal_signed(id, exec, stored, salt(exec), attest(id, exec, h)));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: h }));
		assert_eq!(StoredOutputs::<Test>::get(id), Some((h, bytes.len() as u32)));
		assert!(Outputs::<Test>::get(id).is_none());
	});
}

#[test]
fn settled_requests_are_pruned_after_retention() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let ids: Vec<RequestId> = (0..3).map(|_| request(DAVE, model)).collect();
		next_block(); // #2
		for id in &ids {
			answer(*id, &[(executors(*id)[0], output_bytes(1.0, 2.0))]);
		}
		assert_eq!(Inference::requests_of(&DAVE, None, 10), ids);
		assert_eq!(Inference::requests_of(&DAVE, Some(ids[0]), 1), vec![ids[1]]);
		for _ in 0..4 {
			next_block(); // through #6: retention (5) not over
		}
		assert!(ids.iter().all(Requests::<Test>::contains_key));
		next_block(); // #7: two pruned (MaxPrunePerBlock)
		assert_eq!(ids.iter().filter(|id| Requests::<Test>::contains_key(id)).count(), 1);
		next_block(); // #8: the last
		for id in &ids {
			assert!(!Requests::<Test>::contains_key(id));
			assert!(Outputs::<Test>::get(id).is_none());
			assert!(!ByRequester::<Test>::contains_key(DAVE, id));
			assert!(Receipts::<Test>::get(id).is_some(), "the receipt is kept");
		}
		assert_eq!(PruneCursor::<Test>::get(), (3, 3));
		assert!(Inference::requests_of(&DAVE, None, 10).is_empty());
	});
}

/// Both pallets' invariants (what `try_state` checks on a live chain).
fn try_state(seed: u64) {
	if let Err(e) = Inference::do_try_state() {
		panic!("seed {seed}, block {}: Inference: {e:?}", System::block_number());
	}
	if let Err(e) = pallet_payments::Pallet::<Test>::do_try_state() {
		panic!("seed {seed}, block {}: Payments: {e:?}", System::block_number());
	}
}

/// A small deterministic generator for the property test.
struct Lcg(u64);
impl Lcg {
	fn next(&mut self, bound: u64) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) % bound
	}
}

/// In an `Opening` request, the first verifier whose hash is unexplained opens its output.
fn open_one(
	id: RequestId,
	request: &crate::RequestOf<Test>,
	sealed: &std::collections::BTreeMap<(RequestId, AccountId), Vec<u8>>,
) {
	if !matches!(request.state, RequestState::Opening { .. }) {
		return;
	}
	let unopened = Inference::unopened(id, request);
	let Some(slot) = unopened.first().and_then(|i| request.slots.get(*i)) else { return };
	if let Some(out) = sealed.get(&(id, slot.node)) {
		assert_ok!(open(id, slot.node, inline(out.clone())));
	}
}

#[test]
fn money_is_conserved_over_random_requests_votes_timeouts_and_slashes() {
	let mut outcomes = std::collections::BTreeSet::new();
	let mut slashes = 0;
	let mut openings = 0;
	for seed in 0..16u64 {
		new_test_ext().execute_with(|| {
			let models = [
				add_model(1, 1, ModelStatus::Available, false),
				add_model(2, 2, ModelStatus::Available, false),
				add_checked_model(3, 2, 1_000_000, Tolerance::Exact),
				add_checked_model(4, 1, 500_000, Tolerance::Exact),
				add_checked_model(
					5,
					2,
					1_000_000,
					Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 },
				),
			];
			// Bonds well above the minimum, so that a slash or two does not empty the roles.
			for who in NODES.into_iter().chain(VERIFIERS) {
				let role = if NODES.contains(&who) { Role::Inference } else { Role::Verifier };
				let origin = RuntimeOrigin::signed(who);
				assert_ok!(pallet_payments::Pallet::<Test>::bond_extra(origin, role, 900));
			}
			let requesters = [DAVE, POOR, DAVE];
			let mut accounts = vec![ALICE, BOB, CHARLIE, DAVE, OWNER, POOR, TREASURY];
			accounts.extend(VERIFIERS);
			let issuance = Balances::total_issuance();
			let start: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			let mut rng = Lcg(seed);
			let mut deposits: Balance = 0;
			let mut made = Vec::new();
			let mut sealed: std::collections::BTreeMap<(RequestId, AccountId), Vec<u8>> =
				Default::default();
			let mut failed: std::collections::BTreeSet<(RequestId, AccountId)> = Default::default();
			// Some runs give each node room for only two seats: requests wait in the queue.
			MaxSeatsPerNode::set(&if seed % 2 == 0 { 2 } else { 64 });
			for _ in 0..80 {
				let pick = |rng: &mut Lcg, made: &Vec<RequestId>| {
					made.get(rng.next(made.len().max(1) as u64) as usize).copied()
				};
				match rng.next(9) {
					0 | 1 => {
						let who = requesters[rng.next(3) as usize];
						let model = models[rng.next(5) as usize];
						let id = RequestId(crate::NextRequestId::<Test>::get());
						// Any verification level: the model's, none, sampled or a committee.
						let level = [
							None,
							Some(VerificationLevel::Unverified),
							Some(VerificationLevel::Sampled(rng.next(1_000_001) as u32)),
							Some(VerificationLevel::Committee(1 + rng.next(3) as u8)),
						][rng.next(4) as usize];
						let Ok(fee) = Inference::quote(&model, level) else { continue };
						if Inference::request(
							RuntimeOrigin::signed(who),
							model,
							input([1.0, 0.0, 0.0, 0.0]),
							1_000,
							level,
						)
						.is_ok()
						{
							deposits += fee;
							made.push(id);
						}
					},
					2 | 3 => {
						// A seat seals an output: mostly the right one, sometimes not.
						if let Some(id) = pick(&mut rng, &made) {
							if let Some(r) = Requests::<Test>::get(id) {
								if let Some(slot) = r.slots.iter().find(|s| s.seal.is_none()) {
									if rng.next(6) == 0 {
										// The model fails on the input (an outcome, sealed).
										let error = InferenceError::NonFiniteOutput;
										if commit_failure(id, slot.node, error).is_ok() {
											failed.insert((id, slot.node));
										}
									} else {
										// Now and then another CPU's last bits: within the
										// tolerance model's bounds, a different hash.
										let v = match rng.next(8) {
											0 | 1 => 2.0,
											2 => 1.000_000_2,
											_ => 1.0,
										};
										let out = output_bytes(v, 1.0);
										if commit(id, slot.node, &out).is_ok() {
											sealed.insert((id, slot.node), out);
										}
									}
								}
							}
						}
					},
					4 | 5 => {
						// A sealed seat reveals or opens (or, now and then, stays silent).
						if let Some(id) = pick(&mut rng, &made) {
							if let Some(r) = Requests::<Test>::get(id) {
								open_one(id, &r, &sealed);
								let slot =
									r.slots.iter().find(|s| s.seal.is_some() && s.output.is_none());
								if let Some(slot) = slot {
									if failed.contains(&(id, slot.node)) {
										let error = InferenceError::NonFiniteOutput;
										let _ = reveal_failure(id, slot.node, error);
									} else if let Some(out) = sealed.get(&(id, slot.node)) {
										let _ = reveal(id, slot.node, out.clone());
									}
								}
							}
						}
					},
					6 => {
						if let Some(id) = pick(&mut rng, &made) {
							if let Some(r) = Requests::<Test>::get(id) {
								if let Some(slot) = r.slots.iter().find(|s| s.seal.is_none()) {
									let _ = decline(id, slot.node, InferenceError::Busy);
								}
							}
						}
					},
					7 => {
						// Bonds change: a node adds to its bond, or (rarely) leaves its role.
						let nodes = [ALICE, BOB, CHARLIE, VERIFIERS[0], VERIFIERS[1], VERIFIERS[2]];
						let who = nodes[rng.next(6) as usize];
						let role =
							if NODES.contains(&who) { Role::Inference } else { Role::Verifier };
						let origin = RuntimeOrigin::signed(who);
						if rng.next(32) == 0 {
							let _ = pallet_payments::Pallet::<Test>::unbond(origin, role);
						} else {
							let _ = pallet_payments::Pallet::<Test>::bond_extra(origin, role, 10);
						}
					},
					_ => next_block(),
				}
				// Held escrow always equals the open escrows; nothing is minted or burned.
				let held: Balance = accounts.iter().map(|a| escrow_held(*a)).sum();
				assert_eq!(held, pallet_payments::Pallet::<Test>::total_escrowed());
				assert_eq!(Balances::total_issuance(), issuance);
				try_state(seed);
			}
			// Let everything end: in most blocks every open seat seals (right or wrong) or reveals,
			// in some nobody answers.
			for _ in 0..40 {
				if rng.next(4) != 0 {
					for id in &made {
						let Some(r) = Requests::<Test>::get(id) else { continue };
						if matches!(r.state, RequestState::Settled { .. }) {
							continue;
						}
						open_one(*id, &r, &sealed);
						for slot in r.slots.iter() {
							if slot.seal.is_none() {
								let v = if rng.next(4) == 0 { 2.0 } else { 1.0 };
								let out = output_bytes(v, 1.0);
								if commit(*id, slot.node, &out).is_ok() {
									sealed.insert((*id, slot.node), out);
								}
							} else if slot.output.is_none() {
								if failed.contains(&(*id, slot.node)) {
									let error = InferenceError::NonFiniteOutput;
									let _ = reveal_failure(*id, slot.node, error);
								} else if let Some(out) = sealed.get(&(*id, slot.node)) {
									let _ = reveal(*id, slot.node, out.clone());
								}
							}
						}
					}
				}
				next_block();
				try_state(seed);
			}
			let mut paid: Balance = 0;
			let mut refunded: Balance = 0;
			for id in &made {
				assert_eq!(settle_count(*id), 1, "seed {seed}: request {id:?} settled once");
				let fee = System::events()
					.iter()
					.find_map(|r| match &r.event {
						RuntimeEvent::Inference(Event::Requested { id: i, fee, .. }) if i == id => {
							Some(*fee)
						},
						_ => None,
					})
					.unwrap();
				// Its escrow ended once: paid out + refunded = the fee, and only a verified
				// request pays out anything (less than the fee when a replica was outvoted).
				let ends: Vec<(Balance, Balance)> = System::events()
					.iter()
					.filter_map(|r| match &r.event {
						RuntimeEvent::Payments(pallet_payments::Event::EscrowSettled {
							request,
							paid,
							refunded,
						}) if request == id => Some((*paid, *refunded)),
						_ => None,
					})
					.collect();
				assert_eq!(ends.len(), 1, "seed {seed}: {id:?}");
				let (out, back) = ends[0];
				assert_eq!(out + back, fee, "seed {seed}: {id:?}");
				match settled(*id).unwrap() {
					Outcome::Verified { .. } | Outcome::Failed(_) => assert!(out > 0),
					_ => assert_eq!(out, 0, "seed {seed}: {id:?} refunded in full"),
				}
				paid += out;
				refunded += back;
			}
			assert_eq!(pallet_payments::Pallet::<Test>::total_escrowed(), 0);
			assert_eq!(deposits, paid + refunded, "seed {seed}");
			// Money only moved between these accounts (free + held): requesters lost exactly
			// what the escrows paid out; nodes, the owner and the treasury gained exactly that,
			// slashes and rewards moving funds among them.
			let end: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			assert_eq!(start.iter().sum::<Balance>(), end.iter().sum::<Balance>(), "seed {seed}");
			let spent = (start[3] - end[3]) + (start[5] - end[5]);
			assert_eq!(spent, paid, "seed {seed}: requesters paid what was paid out only");
			let others: i128 =
				[0, 1, 2, 4, 6, 7, 8, 9].iter().map(|i| end[*i] as i128 - start[*i] as i128).sum();
			assert_eq!(others, paid as i128, "seed {seed}: what was paid went to the others");
			assert!(Queue::<Test>::get().is_empty());
			assert!(Reveals::<Test>::iter().next().is_none(), "no reveal outlives its request");
			for id in &made {
				outcomes.insert(format!("{:?}", settled(*id).unwrap()));
			}
			slashes += System::events()
				.iter()
				.filter(|r| {
					matches!(
						r.event,
						RuntimeEvent::Verification(pallet_verification::Event::Slashed { .. })
					)
				})
				.count();
			openings += System::events()
				.iter()
				.filter(|r| matches!(r.event, RuntimeEvent::Inference(Event::Opened { .. })))
				.count();
		});
	}
	// The sequences reached the paths that move money in unusual ways.
	assert!(slashes > 0, "no slash in any sequence");
	assert!(openings > 0, "no verifier opened its output in any sequence");
	for expected in ["Verified", "SlashedAndRefunded(WrongResult)", "Refunded(Timeout)"] {
		assert!(outcomes.iter().any(|o| o.starts_with(expected)), "{expected}: {outcomes:?}");
	}
}

#[test]
fn retiring_a_model_lets_running_requests_finish() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		set_status(model, ModelStatus::Retired);
		assert_eq!(Inference::quote(&model, None), Err(Error::<Test>::ModelRetired.into()));
		next_block();
		let out = output_bytes(1.0, 2.0);
		answer(id, &[(executors(id)[0], out.clone())]);
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
	});
}

#[test]
fn a_node_forgets_its_sealed_outputs_once_the_request_ends() {
	use sp_core::offchain::{testing::TestOffchainExt, OffchainDbExt, OffchainWorkerExt};
	let mut ext = new_test_ext();
	let (offchain, _state) = TestOffchainExt::new();
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let (id, other) = (request(DAVE, model), request(DAVE, model));
		next_block();
		let out = output_bytes(1.0, 2.0);
		let records = |id: RequestId| {
			let exec = executors(id)[0];
			let pending = (b"sibyl/inference/pending/", id, key(exec)).encode();
			let claim = (b"sibyl/inference/claim/", id, 1u8, key(exec), 0u8).encode();
			(exec, pending, claim)
		};
		for id in [id, other] {
			let (exec, pending, claim) = records(id);
			sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &pending, b"sealed");
			sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &claim, b"claimed");
			Inference::track_seats(Some((id, key(exec))));
		}
		let get = |k: &[u8]| sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, k);
		answer(id, &[(executors(id)[0], out)]);
		assert!(settled(id).is_some());
		Inference::forget_ended();
		let (_, pending, claim) = records(other);
		assert!(get(&pending).is_some() && get(&claim).is_some(), "a running request keeps them");
		let exec = Requests::<Test>::get(id).unwrap().slots[0].node;
		let gone = (b"sibyl/inference/pending/", id, key(exec)).encode();
		assert_eq!(get(&gone), None, "an ended request's sealed output is forgotten");
		let claim = (b"sibyl/inference/claim/", id, 1u8, key(exec), 0u8).encode();
		assert_eq!(get(&claim), None);

		// An output kept offchain stays while its request is kept (dApps read it), and goes
		// once the request is pruned.
		let stored = H256::repeat_byte(7);
		let stored_key = sibyl_primitives::request::stored_output_key(&stored);
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &stored_key, b"big output");
		Inference::track_stored_output(id, stored);
		Inference::forget_ended();
		assert!(get(&stored_key).is_some(), "kept while the request is");
		for _ in 0..8 {
			next_block();
		}
		assert!(Requests::<Test>::get(id).is_none(), "pruned after Retention");
		Inference::forget_ended();
		assert_eq!(get(&stored_key), None, "deleted once the request is pruned");
	});
}

fn bind(feed: u32, rounds: u32, tensor: u32, offset: u32) -> sibyl_primitives::oracle::FeedBinding {
	sibyl_primitives::oracle::FeedBinding { feed, rounds, tensor, offset }
}

fn bindings(
	list: &[sibyl_primitives::oracle::FeedBinding],
) -> sibyl_primitives::oracle::FeedBindings {
	list.to_vec().try_into().unwrap()
}

fn stored_input(id: RequestId) -> Vec<f32> {
	let encoded = Inputs::<Test>::get(id).unwrap();
	let tensors = <crate::InputTensors as codec::Decode>::decode(&mut &encoded[..]).unwrap();
	tensors[0].data.chunks(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect()
}

#[test]
fn feed_values_are_written_into_the_stored_input_at_request_time() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		set_feed(0, 2, &[10_000, 10_550], false); // 100.00, 105.50
		set_feed(7, 0, &[3, 5, 7], false);
		let id = RequestId(crate::NextRequestId::<Test>::get());
		assert_ok!(Inference::request_with_feeds(
			RuntimeOrigin::signed(DAVE),
			model,
			input([0.0, 0.0, 0.0, 9.0]),
			bindings(&[bind(0, 2, 0, 0), bind(7, 1, 0, 2)]),
			1_000,
			None
		));
		// Feed 0's last two rounds, oldest first; feed 7's latest; the unbound element kept.
		assert_eq!(stored_input(id), vec![100.0, 105.5, 7.0, 9.0]);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.input_hash, hash(&Inputs::<Test>::get(id).unwrap()));
		assert_eq!(escrow_held(DAVE), 27);
		System::assert_has_event(Event::InputFromFeeds { id, rounds: vec![(0, 2), (7, 3)] }.into());

		// Later feed values do not change a request already made.
		set_feed(0, 2, &[10_000, 10_550, 20_000], false);
		next_block();
		assert_eq!(stored_input(id), vec![100.0, 105.5, 7.0, 9.0]);
		// It runs and settles like any request.
		let exec = executors(id);
		let out = output_bytes(1.0, 2.0);
		assert_ok!(commit(id, exec[0], &out));
		assert_ok!(reveal(id, exec[0], out.clone()));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
	});
}

#[test]
fn unusable_feeds_and_bad_bindings_fail_the_request_and_hold_nothing() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		set_feed(0, 2, &[10_000, 10_550], false);
		set_feed(1, 2, &[10_000], true);
		set_feed(2, 2, &[], false);
		set_feed(3, 39, &[1], false);
		let go = |list: &[sibyl_primitives::oracle::FeedBinding]| {
			Inference::request_with_feeds(
				RuntimeOrigin::signed(DAVE),
				model,
				input([0.0; 4]),
				bindings(list),
				1_000,
				None,
			)
		};
		assert_noop!(go(&[bind(9, 1, 0, 0)]), Error::<Test>::UnknownFeed);
		assert_noop!(go(&[bind(1, 1, 0, 0)]), Error::<Test>::FeedStale);
		assert_noop!(go(&[bind(2, 1, 0, 0)]), Error::<Test>::FeedHasNoValue);
		assert_noop!(go(&[bind(0, 3, 0, 0)]), Error::<Test>::FeedHistoryTooShort);
		assert_noop!(go(&[bind(0, 0, 0, 0)]), Error::<Test>::BadFeedWindow);
		assert_noop!(go(&[bind(0, 33, 0, 0)]), Error::<Test>::BadFeedWindow);
		assert_noop!(go(&[bind(0, 1, 1, 0)]), Error::<Test>::BindingOutOfBounds);
		assert_noop!(go(&[bind(0, 2, 0, 3)]), Error::<Test>::BindingOutOfBounds);
		assert_noop!(go(&[bind(0, 1, 0, u32::MAX)]), Error::<Test>::BindingOutOfBounds);
		assert_noop!(go(&[bind(0, 2, 0, 0), bind(0, 1, 0, 1)]), Error::<Test>::BindingsOverlap);
		assert_noop!(go(&[bind(0, 1, 0, 2), bind(0, 2, 0, 1)]), Error::<Test>::BindingsOverlap);
		assert_noop!(go(&[bind(3, 1, 0, 0)]), Error::<Test>::FeedValueOutOfRange);
		// A stale feed anywhere fails the whole request, even after good bindings.
		assert_noop!(go(&[bind(0, 1, 0, 0), bind(1, 1, 0, 1)]), Error::<Test>::FeedStale);
		// The usual request checks still apply to the resolved input.
		assert_noop!(
			Inference::request_with_feeds(
				RuntimeOrigin::signed(DAVE),
				model,
				input([0.0; 4]),
				bindings(&[bind(0, 1, 0, 0)]),
				PRICE,
				None
			),
			Error::<Test>::FeeBelowPrice
		);
		assert_eq!(escrow_held(DAVE), 0);
		assert_eq!(Balances::balance(&DAVE), 10_000);
		// Adjacent bindings are fine.
		assert_ok!(go(&[bind(0, 2, 0, 0), bind(0, 1, 0, 2)]));
	});
}

/// A reveal is weighed for judging the most seats a request can have; what it did not use is
/// refunded: a reveal others still follow pays for its checks only, the last one for judging
/// the request's actual seats.
#[test]
fn reveals_refund_the_weight_of_judgements_they_did_not_make() {
	use crate::WeightInfo;
	use frame_support::{dispatch::GetDispatchInfo, traits::UnfilteredDispatchable};
	new_test_ext().execute_with(|| {
		let model = add_checked_model(1, 1, 1_000_000, Tolerance::Exact);
		let id = request(DAVE, model);
		next_block();
		let out = output_bytes(1.0, 2.0);
		let seats = [executors(id)[0], verifiers(id)[0]];
		for who in seats {
			assert_ok!(commit(id, who, &out));
		}
		let bytes = inline(out.clone()).encoded_size() as u32;
		let hashed = ResultOutput::Hashed(hash(&out));
		let reveal_weight = |who: AccountId, output: ResultOutputOf<Test>| {
			let call = crate::Call::<Test>::reveal {
				id,
				key: key(who),
				output,
				salt: salt(who),
				attestation: attest(id, who, hash(&out)),
			};
			let declared = call.get_dispatch_info().call_weight;
			let origin = RuntimeOrigin::from(frame_system::RawOrigin::Authorized);
			let post = call.dispatch_bypass_filter(origin).unwrap();
			(declared, post.actual_weight.unwrap())
		};
		let (declared, first) = reveal_weight(seats[0], inline(out.clone()));
		assert_eq!(declared, Inference::reveal_weight(bytes));
		assert_eq!(first, <() as WeightInfo>::reveal_unjudged(bytes));
		// The verifier's reveal is a hash, but the judgement it makes reads every seat's output:
		// weighed at the largest inline output, not at the size of the call.
		let small = hashed.encoded_size() as u32;
		let (declared, last) = reveal_weight(seats[1], hashed);
		assert_eq!(last, <() as WeightInfo>::reveal_unjudged(small) + <() as WeightInfo>::judge(2));
		assert!(first.all_lt(last) && last.all_lte(declared));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
	});
}

/// A block gives seats to at most `MaxAssignPerBlock` queued requests, oldest first; the rest
/// wait in the queue (which keeps its bound: a full queue refuses new requests).
#[test]
fn a_block_seats_at_most_max_assign_per_block_requests_oldest_first() {
	new_test_ext().execute_with(|| {
		MaxAssignPerBlock::set(&2);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let ids: Vec<RequestId> = (0..6).map(|_| request(DAVE, model)).collect();
		// The first two are seated in the block that includes them; the rest wait.
		assert!(matches!(state(ids[0]), RequestState::Committing { .. }));
		assert!(matches!(state(ids[1]), RequestState::Committing { .. }));
		assert_eq!(state(ids[2]), RequestState::Queued);
		assert_eq!(Queue::<Test>::get().into_inner(), ids[2..].to_vec());
		assert_noop!(
			Inference::request(RuntimeOrigin::signed(DAVE), model, input([0.0; 4]), 1_000, None),
			Error::<Test>::QueueFull
		);
		next_block();
		assert!(matches!(state(ids[2]), RequestState::Committing { .. }));
		assert!(matches!(state(ids[3]), RequestState::Committing { .. }));
		assert_eq!(Queue::<Test>::get().into_inner(), vec![ids[4], ids[5]]);
		// The queue took this block's seats: a new request joins its end, not ahead of it.
		let late = request(DAVE, model);
		assert_eq!(Queue::<Test>::get().into_inner(), vec![ids[4], ids[5], late]);
		next_block();
		assert!(matches!(state(ids[5]), RequestState::Committing { .. }));
		assert_eq!(Queue::<Test>::get().into_inner(), vec![late]);
		next_block();
		assert!(matches!(state(late), RequestState::Committing { .. }));
		assert!(Queue::<Test>::get().is_empty());
		// An empty queue and seats left in the block: seated at once again.
		let now = request(DAVE, model);
		assert!(matches!(state(now), RequestState::Committing { .. }));
	});
}

/// Every seat of each request and whether it was checked, after a scenario that reaches every
/// draw site: first seats, an always-checked request's verifiers, a declining executor's and a
/// declining verifier's replacements, the sample draw after the last seal, an escalation, and a
/// reassignment after a missed deadline.
///
/// Each block's randomness is `blake2(vrf_salt, block)`; each parent hash is `block ^ parent_salt`;
/// the requester and its input values are its own; `later` adds transactions after each one that
/// makes a draw, in the same block.
fn draws(
	vrf_salt: u8,
	parent_salt: u64,
	requester: AccountId,
	values: [f32; 4],
	later: bool,
) -> Vec<(Vec<(AccountId, Seat)>, Checking)> {
	new_test_ext().execute_with(|| {
		let block = || {
			let n = System::block_number();
			set_vrf(H256(sp_io::hashing::blake2_256(&(vrf_salt, n).encode())));
			System::set_parent_hash(H256::from_low_u64_le(n ^ parent_salt));
		};
		MaxAssignPerBlock::set(&64);
		MaxQueue::set(&64);
		let other = |model| {
			if later {
				assert_ok!(Inference::request(
					RuntimeOrigin::signed(VERIFIERS[0]),
					model,
					input([9.0; 4]),
					1_000,
					None
				));
			}
		};
		block();
		let sampled = add_checked_model(1, 1, 500_000, Tolerance::Exact);
		let always = add_checked_model(2, 1, 1_000_000, Tolerance::Exact);
		let pair = add_model(3, 2, ModelStatus::Available, false);
		let ask = |model| {
			let id = RequestId(crate::NextRequestId::<Test>::get());
			assert_ok!(Inference::request(
				RuntimeOrigin::signed(requester),
				model,
				input(values),
				1_000,
				None
			));
			id
		};
		let ids = [ask(sampled), ask(always), ask(pair), ask(sampled), ask(sampled)];
		other(always);
		let [a, b, c, d, e] = ids;
		next_block();
		block();
		// A declining executor and a declining verifier are replaced.
		assert_ok!(decline(a, executors(a)[0], InferenceError::ModelNotFound));
		assert_ok!(decline(b, verifiers(b)[0], InferenceError::ModelNotFound));
		// The replicas disagree: escalation.
		let (x, y) = (executors(c)[0], executors(c)[1]);
		answer(c, &[(x, output_bytes(1.0, 1.0)), (y, output_bytes(2.0, 2.0))]);
		// The last seals: sample draws.
		assert_ok!(commit(e, executors(e)[0], &output_bytes(1.0, 1.0)));
		other(pair);
		next_block();
		block();
		assert_ok!(commit(a, executors(a)[0], &output_bytes(1.0, 1.0)));
		other(pair);
		// `d` is never answered: reassigned at its deadline.
		for _ in 0..3 {
			next_block();
			block();
			other(sampled);
		}
		assert_eq!(Requests::<Test>::get(d).unwrap().attempts, 2);
		ids.iter()
			.map(|id| {
				let r = Requests::<Test>::get(id).unwrap();
				(r.slots.iter().map(|s| (s.node, s.seat)).collect(), r.checking)
			})
			.collect()
	})
}

/// Acceptance (issue 18): every draw comes from the block's randomness alone. Neither what the
/// requester controls (who it is, its input), nor the parent hash, nor transactions after the
/// one that makes a draw change any seat or any sample decision; the randomness does.
#[test]
fn every_draw_depends_on_the_block_randomness_alone() {
	let base = draws(1, 0, DAVE, [1.0, 2.0, 3.0, 4.0], false);
	assert!(base.iter().any(|(_, checking)| *checking == Checking::Escalated));
	assert_eq!(base, draws(1, 0x5eed, DAVE, [1.0, 2.0, 3.0, 4.0], false), "parent hash");
	assert_eq!(base, draws(1, 0, ALICE, [4.0, -3.0, 2.0, 0.5], false), "requester and input");
	assert_eq!(base, draws(1, 0, DAVE, [1.0, 2.0, 3.0, 4.0], true), "later transactions");
	let differ = (2..12).filter(|salt| draws(*salt, 0, DAVE, [1.0, 2.0, 3.0, 4.0], false) != base);
	assert!(differ.count() >= 5, "the randomness decides the draws");
}

/// Acceptance (issue 18): the sample draw of a request is made in the block of its last seal,
/// from that block's randomness, which no executor knew when it signed its seal.
#[test]
fn the_sample_draw_uses_the_randomness_of_the_seal_block() {
	new_test_ext().execute_with(|| {
		let model = add_checked_model(1, 1, 500_000, Tolerance::Exact);
		for round in 0u8..16 {
			let id = request(DAVE, model);
			next_block();
			let vrf = H256::repeat_byte(round);
			set_vrf(vrf);
			let policy = Requests::<Test>::get(id).unwrap().policy;
			let (exec, out) = (executors(id)[0], output_bytes(1.0, 2.0));
			assert_ok!(commit(id, exec, &out));
			let drawn = Requests::<Test>::get(id).unwrap().checking == Checking::Drawn;
			assert_eq!(drawn, sibyl_primitives::verify::sampled(&policy, id, &vrf));
			if drawn {
				answer(id, &[(verifiers(id)[0], out.clone())]);
			}
			assert_ok!(reveal(id, exec, out.clone()));
			assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
		}
	});
}

/// Acceptance (issue 18): while a block is built, a new request that the block could not seat
/// is left in the pool (`ExhaustsResources`, as for a full block), so an included request is
/// seated at once; the pool itself never refuses one for a busy chain.
#[test]
fn a_block_takes_new_requests_only_while_it_has_seats() {
	use crate::SeatsLeft;
	use frame_support::dispatch::DispatchInfo;
	use sp_runtime::{
		traits::DispatchTransaction,
		transaction_validity::{
			InvalidTransaction, TransactionSource::*, TransactionValidityError,
		},
	};
	new_test_ext().execute_with(|| {
		MaxAssignPerBlock::set(&2);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let call: RuntimeCall = crate::Call::<Test>::request {
			model,
			input: input([1.0; 4]),
			max_fee: 1_000,
			level: None,
		}
		.into();
		let other: RuntimeCall = frame_system::Call::<Test>::remark { remark: vec![] }.into();
		let check = |call: &RuntimeCall, source| {
			SeatsLeft::<Test>::new().validate_only(
				RuntimeOrigin::signed(DAVE),
				call,
				&DispatchInfo::default(),
				0,
				source,
				0,
			)
		};
		let full = TransactionValidityError::from(InvalidTransaction::ExhaustsResources);
		assert!(check(&call, InBlock).is_ok());
		request(DAVE, model);
		assert!(check(&call, InBlock).is_ok());
		request(DAVE, model);
		// Two seated: the block has no seat left.
		assert_eq!(check(&call, InBlock).unwrap_err(), full);
		assert!(check(&call, External).is_ok() && check(&call, Local).is_ok());
		assert!(check(&other, InBlock).is_ok());
		// Requests that get in anyway (inside a batch) wait in the queue; while they wait, no new
		// one is taken, even in a block with seats left.
		let queued = request(DAVE, model);
		assert_eq!(state(queued), RequestState::Queued);
		next_block();
		assert!(matches!(state(queued), RequestState::Committing { .. }));
		assert!(check(&call, InBlock).is_ok());
		MaxAssignPerBlock::set(&1);
		assert_eq!(check(&call, InBlock).unwrap_err(), full);
		next_block();
		request(DAVE, model);
		request(DAVE, model);
		next_block();
		// The second waited; the queue seats it first, and the block has no seat left after it.
		assert!(Queue::<Test>::get().is_empty());
		assert_eq!(check(&call, InBlock).unwrap_err(), full);
	});
}

/// Runs `test` with an offchain worker's extensions: offchain storage, a keystore holding the
/// node keys of `nodes` for `role`, and a transaction pool; `test` gets a function that takes
/// the inference calls submitted since it was last called.
fn with_offchain_worker(
	role: Role,
	nodes: &[AccountId],
	test: impl FnOnce(&dyn Fn() -> Vec<crate::Call<Test>>),
) {
	use sp_core::offchain::{
		testing::{TestOffchainExt, TestTransactionPoolExt},
		OffchainDbExt, OffchainWorkerExt, TransactionPoolExt,
	};
	use sp_keystore::{testing::MemoryKeystore, Keystore, KeystoreExt};
	let mut ext = new_test_ext();
	let (offchain, _state) = TestOffchainExt::new();
	let (pool, pool_state) = TestTransactionPoolExt::new();
	let keystore = MemoryKeystore::new();
	for node in nodes {
		let public = AsRef::<[u8]>::as_ref(&key(*node)).to_vec();
		keystore.insert(role.key_type(), &format!("//node{node}"), &public).unwrap();
	}
	ext.register_extension(OffchainDbExt::new(offchain.clone()));
	ext.register_extension(OffchainWorkerExt::new(offchain));
	ext.register_extension(TransactionPoolExt::new(pool));
	ext.register_extension(KeystoreExt::new(keystore));
	ext.execute_with(|| {
		let submitted = || -> Vec<crate::Call<Test>> {
			pool_state
				.write()
				.transactions
				.drain(..)
				.map(|tx| {
					match <Extrinsic as codec::Decode>::decode(&mut &tx[..]).unwrap().function {
						RuntimeCall::Inference(call) => call,
						other => panic!("not an inference call: {other:?}"),
					}
				})
				.collect()
		};
		test(&submitted)
	});
}

/// A seat sealed before (an offchain-worker run that overlapped one still submitting, or a
/// resubmission) seals again with the same outcome and salt, so whichever copy lands, the node
/// can open it: a new salt would leave it unable to reveal, and it would miss.
#[test]
fn sealing_again_submits_the_same_seal() {
	with_offchain_worker(Role::Inference, &NODES, |submitted| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		let exec = executors(id)[0];
		let out = output_bytes(1.0, 2.0);
		let salt = salt(exec);
		let pending = (b"sibyl/inference/pending/", id, key(exec)).encode();
		sp_io::offchain::local_storage_set(
			StorageKind::PERSISTENT,
			&pending,
			&(salt, inline(out.clone())).encode(),
		);
		let request = Requests::<Test>::get(id).unwrap();
		for _ in 0..2 {
			assert!(Inference::seal_job(id, &request, Seat::Executor, &key(exec), &pending, 1));
		}
		let seals: Vec<H256> = submitted()
			.into_iter()
			.map(|call| match call {
				crate::Call::commit { seal, .. } => seal,
				other => panic!("not a commit: {other:?}"),
			})
			.collect();
		assert_eq!(seals, vec![seal_of(id, exec, hash(&out)); 2], "the same seal, twice");
		let kept = sp_io::offchain::local_storage_get(StorageKind::PERSISTENT, &pending);
		assert_eq!(kept, Some((salt, inline(out)).encode()), "the salt is kept");
	});
}

#[test]
fn a_verifiers_worker_reveals_a_hash_and_opens_only_when_asked() {
	with_offchain_worker(Role::Verifier, &VERIFIERS, |submitted| {
		let within = Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 };
		let model = add_checked_model(1, 2, 1_000_000, within);
		let id = request(DAVE, model);
		let (exec, v) = (executors(id)[0], verifiers(id));
		let here = output_bytes(0.5, 2.0);
		let there = output_bytes(0.5, 2.000_000_2);
		let pending = (b"sibyl/inference/pending/", id, key(v[1])).encode();
		let kept = (salt(v[1]), inline(there.clone())).encode();
		sp_io::offchain::local_storage_set(StorageKind::PERSISTENT, &pending, &kept);
		for (who, bytes) in [(exec, &here), (v[0], &here), (v[1], &there)] {
			assert_ok!(commit(id, who, bytes));
		}
		assert_ok!(reveal(id, exec, here.clone()));
		assert_ok!(reveal(id, v[0], here.clone()));
		let now = System::block_number();
		assert!(matches!(Inference::run_job(id, Role::Verifier, &key(v[1]), now), Job::Acted));
		let calls = submitted();
		let [call @ crate::Call::reveal { output: ResultOutput::Hashed(h), .. }] = &calls[..]
		else {
			panic!("one hash-only reveal, not {calls:?}");
		};
		assert_eq!(*h, hash(&there));
		assert_ok!(pool_then_block(call.clone()));
		assert!(matches!(state(id), RequestState::Opening { .. }));
		// The verifier whose hash the executor's output explains has nothing to open.
		assert!(matches!(Inference::run_job(id, Role::Verifier, &key(v[0]), now), Job::Idle));
		assert!(matches!(Inference::run_job(id, Role::Verifier, &key(v[1]), now), Job::Acted));
		let calls = submitted();
		let [call @ crate::Call::open { output, .. }] = &calls[..] else {
			panic!("one opening, not {calls:?}");
		};
		assert_eq!(*output, inline(there.clone()));
		assert_ok!(pool_then_block(call.clone()));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&here) }));
	});
}

/// Starts the next block as `mock::next_block` does; the weight `on_initialize` declared.
fn next_block_weight() -> frame_support::weights::Weight {
	use frame_support::traits::Hooks;
	let n = System::block_number();
	Inference::on_finalize(n);
	System::set_block_number(n + 1);
	System::set_parent_hash(H256::from_low_u64_le(n));
	Inference::on_initialize(n + 1)
}

#[test]
fn a_block_with_every_queue_full_stays_within_its_hook_budget_and_carries_the_rest() {
	use crate::weights::WeightInfo;
	new_test_ext().execute_with(|| {
		MaxQueue::set(&8);
		MaxAssignPerBlock::set(&8);
		let model = add_model(1, 1, ModelStatus::Available, false);
		let requesters = [DAVE, VERIFIERS[0], VERIFIERS[1], VERIFIERS[2]];
		let start: Vec<Balance> = requesters.iter().map(Balances::balance).collect();
		let bonds: Vec<Balance> = NODES.iter().map(|n| bond(*n)).collect();
		// #1: eight requests seated (their deadlines all pass at the start of #4), eight more
		// queued: every list at its bound.
		let ids: Vec<RequestId> = (0..16).map(|i| request(requesters[i % 4], model)).collect();
		assert_eq!(crate::Queue::<Test>::get().len(), 8);
		assert_eq!(crate::Deadlines::<Test>::get(4).len(), 8);

		// Room for the block's base work and three expiries, nothing more.
		let expiry = <() as WeightInfo>::expire_one(NODES.len() as u32);
		let budget =
			<() as WeightInfo>::on_initialize_base().saturating_add(expiry.saturating_mul(3));
		HookBudget::set(budget);
		let mut carried = 0;
		let mut blocks = 0;
		while ids.iter().any(|id| settled(*id).is_none()) {
			let weight = next_block_weight();
			blocks += 1;
			assert!(
				weight.all_lte(budget),
				"block #{}: {weight:?} > {budget:?}",
				System::block_number()
			);
			let (head, tail) = crate::OverdueCursor::<Test>::get();
			carried = carried.max(tail - head);
			Inference::do_try_state().unwrap();
			pallet_payments::Pallet::<Test>::do_try_state().unwrap();
			assert!(blocks < 200, "the work does not drain");
		}
		// Deadlines were carried over (five of the eight at #4), and all was done in the end:
		// every request refunded after its attempts, in order, nothing lost.
		assert!(carried >= 5, "carried {carried}");
		for id in &ids {
			assert_eq!(settled(*id), Some(Outcome::Refunded(RefundReason::Timeout)));
		}
		let end: Vec<Balance> = requesters.iter().map(Balances::balance).collect();
		assert_eq!(start, end, "every requester made whole");
		for r in requesters {
			assert_eq!(escrow_held(r), 0);
		}
		// Silent nodes with no peer that answered are replaced, not blamed.
		assert_eq!(NODES.iter().map(|n| bond(*n)).collect::<Vec<_>>(), bonds);
	});
}
