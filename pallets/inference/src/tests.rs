//! Unit tests of requests, assignment, results, timeouts, refunds and pruning.

#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use crate::{
	mock::*, Assigned, ByRequester, Commitments, Deadlines, Error, Event, Inputs, Outputs,
	PruneCursor, Queue, Requests, ResultOutputOf, StoredOutputs,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	pallet_prelude::{Authorize, TransactionSource},
	traits::fungible::{Inspect, InspectHold},
};
use pallet_payments::HoldReason;
use sibyl_primitives::{
	registry::ModelStatus, request::failure_hash, DType, InferenceError, ModelId, Outcome,
	RefundReason, RequestId, RequestState, ResultOutput, Tensor,
};
use sp_core::{Pair, H256};
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
		1_000
	));
	id
}

/// The executors of a running request.
fn executors(id: RequestId) -> Vec<AccountId> {
	Requests::<Test>::get(id).unwrap().slots.iter().map(|s| s.executor).collect()
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

/// Submits a result the way a block does: authorization first, then dispatch.
fn submit(id: RequestId, who: AccountId, bytes: Vec<u8>) -> DispatchResult {
	let sig = attest(id, who, hash(&bytes));
	submit_signed(id, who, inline(bytes), sig)
}

fn submit_signed(
	id: RequestId,
	who: AccountId,
	output: ResultOutputOf<Test>,
	sig: sp_core::sr25519::Signature,
) -> DispatchResult {
	let call = crate::Call::<Test>::submit_result {
		id,
		key: key(who),
		output: output.clone(),
		attestation: sig,
	};
	let authorized = call.authorize(TransactionSource::External).unwrap();
	let dispatched = Inference::submit_result(
		RuntimeOrigin::from(frame_system::RawOrigin::Authorized),
		id,
		key(who),
		output,
		sig,
	);
	// The pool and the block agree: a call the pool refuses fails in a block too.
	assert_eq!(authorized.is_ok(), dispatched.is_ok(), "authorize and dispatch disagree");
	dispatched
}

fn report(id: RequestId, who: AccountId, error: InferenceError) -> DispatchResult {
	let sig = attest(id, who, failure_hash(error));
	let call = crate::Call::<Test>::report_failure { id, key: key(who), error, attestation: sig };
	assert!(call.authorize(TransactionSource::External).unwrap().is_ok());
	Inference::report_failure(
		RuntimeOrigin::from(frame_system::RawOrigin::Authorized),
		id,
		key(who),
		error,
		sig,
	)
}

fn settled(id: RequestId) -> Option<Outcome> {
	System::events().into_iter().find_map(|r| match r.event {
		RuntimeEvent::Inference(Event::RequestSettled { id: i, outcome }) if i == id => {
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

fn escrow_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Escrow.into(), &who)
}

#[test]
fn a_request_runs_and_settles_verified() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		assert_eq!(Inference::quote(&model), Some(PRICE + 7));
		let id = request(DAVE, model);
		assert_eq!(escrow_held(DAVE), 27);
		assert_eq!(Balances::balance(&DAVE), 10_000 - 27);
		assert_eq!(Requests::<Test>::get(id).unwrap().state, RequestState::Queued);
		assert!(Inputs::<Test>::contains_key(id));

		next_block();
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.state, RequestState::Running { deadline: 4 });
		let exec = executors(id);
		assert_eq!(exec.len(), 1);
		assert!(NODES.contains(&exec[0]));
		assert!(Assigned::<Test>::contains_key(exec[0], id));

		let out = output_bytes(0.5, -1.5);
		assert_ok!(submit(id, exec[0], out.clone()));
		let outcome = Outcome::Verified { output_hash: hash(&out) };
		assert_eq!(settled(id), Some(outcome));
		assert_eq!(Inference::output_of(id), Some(out.clone()));
		assert_eq!(
			Commitments::<Test>::get(id),
			Some(Inference::commitment_of(id, &model, &r.input_hash, &hash(&out)))
		);
		assert_eq!(escrow_held(DAVE), 0);
		assert_eq!(Balances::balance(&DAVE), 10_000 - 27);
		assert_eq!(Balances::balance(&OWNER), 10 + PRICE);
		assert_eq!(Balances::balance(&exec[0]), 10_000 - 100 + 7);
		assert!(!Inputs::<Test>::contains_key(id));
		assert!(!Assigned::<Test>::contains_key(exec[0], id));
		// Settled once; a second answer is refused.
		assert_noop!(submit(id, exec[0], out), Error::<Test>::NotRunning);
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
			Inference::request(RuntimeOrigin::signed(who), model, input, max_fee)
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
		assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), POOR, 20));
		assert_noop!(go(POOR, ok, good.clone(), 1_000), Error::<Test>::InsufficientBalance);
		for _ in 0..4 {
			assert_ok!(go(DAVE, ok, good.clone(), 1_000));
		}
		assert_noop!(go(BOB, ok, good.clone(), 1_000), Error::<Test>::QueueFull);
		assert_eq!(Balances::balance(&BOB), 9_900);
		assert_eq!(Balances::balance(&POOR), 20);
		assert_eq!(escrow_held(DAVE), 4 * 27);
		// The queue drains at the start of the next block.
		next_block();
		assert!(Queue::<Test>::get().is_empty());
		assert_ok!(go(BOB, ok, good, 1_000));
	});
}

#[test]
fn bad_results_are_refused_by_the_pool_and_in_blocks() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		let other = request(DAVE, model);
		let out = output_bytes(1.0, 2.0);
		// Not yet assigned.
		assert_noop!(submit(id, ALICE, out.clone()), Error::<Test>::NotRunning);
		let sig = pair(ALICE).sign(&[0u8; 32]);
		assert_noop!(
			submit_signed(RequestId(99), ALICE, inline(out.clone()), sig),
			Error::<Test>::UnknownRequest
		);
		next_block();
		let exec = executors(id)[0];
		let outsider = *NODES.iter().find(|n| **n != exec).unwrap();
		// A bonded key that is not assigned; a key that is not bonded at all.
		assert_noop!(submit(id, outsider, out.clone()), Error::<Test>::NotAssigned);
		assert_noop!(submit(id, DAVE, out.clone()), Error::<Test>::NotAssigned);
		// Forged: signed by someone else, or over another output.
		let forged = attest(id, outsider, hash(&out));
		assert_noop!(
			submit_signed(id, exec, inline(out.clone()), forged),
			Error::<Test>::BadAttestation
		);
		let other_output = attest(id, exec, hash(&output_bytes(9.0, 9.0)));
		assert_noop!(
			submit_signed(id, exec, inline(out.clone()), other_output),
			Error::<Test>::BadAttestation
		);
		// Replayed: a valid attestation for another request, or for another chain.
		if executors(other)[0] == exec {
			let replay = attest(other, exec, hash(&out));
			assert_noop!(
				submit_signed(id, exec, inline(out.clone()), replay),
				Error::<Test>::BadAttestation
			);
		}
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
		let foreign = pair(exec).sign(foreign.as_bytes());
		assert_noop!(
			submit_signed(id, exec, inline(out.clone()), foreign),
			Error::<Test>::BadAttestation
		);
		// Outputs that do not fit the schema, or belong inline.
		assert_noop!(submit(id, exec, vec![1, 2, 3]), Error::<Test>::OutputMismatch);
		assert_noop!(
			submit(id, exec, vec![f32_tensor(&[1, 3], &[1.0, 2.0, 3.0])].encode()),
			Error::<Test>::OutputMismatch
		);
		let small = ResultOutput::Stored { hash: hash(&out), len: 10 };
		assert_noop!(
			submit_signed(id, exec, small, attest(id, exec, hash(&out))),
			Error::<Test>::OutputShouldBeInline
		);
		// The real answer lands; a duplicate is refused.
		assert_ok!(submit(id, exec, out.clone()));
		assert_noop!(submit(id, exec, out), Error::<Test>::NotRunning);
		assert_eq!(settle_count(id), 1);
	});
}

#[test]
fn silence_is_reassigned_then_refunded() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		next_block(); // #2: attempt 1, deadline #4
		let first = executors(id)[0];
		next_block();
		next_block();
		assert_eq!(Requests::<Test>::get(id).unwrap().attempts, 1);
		next_block(); // #5: expired → attempt 2, preferring another node
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(r.attempts, 2);
		assert_eq!(r.state, RequestState::Running { deadline: 7 });
		let second = executors(id)[0];
		assert_ne!(first, second);
		assert!(!Assigned::<Test>::contains_key(first, id));
		// The replaced executor can no longer answer.
		assert_noop!(submit(id, first, output_bytes(1.0, 1.0)), Error::<Test>::NotAssigned);
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
		assert!(
			Deadlines::<Test>::iter().all(|(_, ids)| !ids.contains(&id)) || settle_count(id) == 1
		);
		for n in NODES {
			assert!(!Assigned::<Test>::contains_key(n, id));
		}
	});
}

#[test]
fn failure_reports_reassign_then_refund() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		next_block();
		for attempt in 1..=3u8 {
			assert_eq!(Requests::<Test>::get(id).unwrap().attempts, attempt);
			let exec = executors(id)[0];
			assert_ok!(report(id, exec, InferenceError::UnsupportedOperator));
		}
		assert_eq!(
			settled(id),
			Some(Outcome::Refunded(RefundReason::ExecutionFailed(
				InferenceError::UnsupportedOperator
			)))
		);
		assert_eq!(Balances::balance(&DAVE), 10_000);
		// A forged report is refused.
		let id = request(DAVE, model);
		next_block();
		let exec = executors(id)[0];
		let sig = attest(id, exec, failure_hash(InferenceError::ModelNotFound));
		assert_noop!(
			Inference::report_failure(
				RuntimeOrigin::from(frame_system::RawOrigin::Authorized),
				id,
				key(exec),
				InferenceError::InvalidModel,
				sig
			),
			Error::<Test>::BadAttestation
		);
		// Signed calls cannot use the authorized path.
		assert!(Inference::report_failure(
			RuntimeOrigin::signed(exec),
			id,
			key(exec),
			InferenceError::ModelNotFound,
			sig
		)
		.is_err());
	});
}

#[test]
fn replicas_must_agree() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 2, ModelStatus::Available, false);
		assert_eq!(Inference::quote(&model), Some(PRICE + 14));
		let agree = request(DAVE, model);
		let differ = request(DAVE, model);
		next_block();
		let pair_a = executors(agree);
		assert_eq!(pair_a.len(), 2);
		assert_ne!(pair_a[0], pair_a[1]);
		let before: Vec<Balance> = NODES.iter().map(Balances::balance).collect();
		let out = output_bytes(3.0, 4.0);
		assert_ok!(submit(agree, pair_a[0], out.clone()));
		assert_eq!(settled(agree), None);
		assert_ok!(submit(agree, pair_a[1], out.clone()));
		assert_eq!(settled(agree), Some(Outcome::Verified { output_hash: hash(&out) }));
		for (n, b) in NODES.iter().zip(before) {
			let paid = if pair_a.contains(n) { 7 } else { 0 };
			assert_eq!(Balances::balance(n), b + paid);
		}
		let pair_b = executors(differ);
		assert_ok!(submit(differ, pair_b[0], out));
		assert_ok!(submit(differ, pair_b[1], output_bytes(3.0, 4.5)));
		assert_eq!(settled(differ), Some(Outcome::Refunded(RefundReason::NoAgreement)));
		assert_eq!(Balances::balance(&DAVE), 10_000 - (PRICE + 14));
		assert!(Commitments::<Test>::get(differ).is_none());
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
		let stored = ResultOutput::Stored { hash: h, len: bytes.len() as u32 };
		assert_ok!(submit_signed(id, exec, stored, attest(id, exec, h)));
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
			assert_ok!(submit(*id, executors(*id)[0], output_bytes(1.0, 2.0)));
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
			assert!(Commitments::<Test>::get(id).is_some(), "the commitment is kept");
		}
		assert_eq!(PruneCursor::<Test>::get(), (3, 3));
		assert!(Inference::requests_of(&DAVE, None, 10).is_empty());
	});
}

/// A small deterministic generator for the property test.
struct Lcg(u64);
impl Lcg {
	fn next(&mut self, bound: u64) -> u64 {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) % bound
	}
}

#[test]
fn escrow_payouts_and_refunds_add_up_after_random_sequences() {
	for seed in 0..12u64 {
		new_test_ext().execute_with(|| {
			let models = [
				add_model(1, 1, ModelStatus::Available, false),
				add_model(2, 2, ModelStatus::Available, false),
			];
			let requesters = [DAVE, POOR, DAVE];
			let accounts = [ALICE, BOB, CHARLIE, DAVE, OWNER, POOR];
			let issuance = Balances::total_issuance();
			let start: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			let mut rng = Lcg(seed);
			let mut deposits: Balance = 0;
			let mut made = Vec::new();
			for _ in 0..60 {
				match rng.next(6) {
					0 | 1 => {
						let who = requesters[rng.next(3) as usize];
						let model = models[rng.next(2) as usize];
						let id = RequestId(crate::NextRequestId::<Test>::get());
						let fee = Inference::quote(&model).unwrap();
						if Inference::request(
							RuntimeOrigin::signed(who),
							model,
							input([1.0, 0.0, 0.0, 0.0]),
							1_000,
						)
						.is_ok()
						{
							deposits += fee;
							made.push(id);
						}
					},
					2 | 3 => {
						// Some running request's executor answers (maybe differently).
						if let Some(id) = made.get(rng.next(made.len().max(1) as u64) as usize) {
							if let Some(r) = Requests::<Test>::get(id) {
								if let Some(slot) = r.slots.iter().find(|s| s.output.is_none()) {
									let v = rng.next(2) as f32;
									let _ = submit(*id, slot.executor, output_bytes(v, 1.0));
								}
							}
						}
					},
					4 => {
						if let Some(id) = made.get(rng.next(made.len().max(1) as u64) as usize) {
							if let Some(r) = Requests::<Test>::get(id) {
								if let Some(slot) = r.slots.iter().find(|s| s.output.is_none()) {
									let _ = report(*id, slot.executor, InferenceError::Busy);
								}
							}
						}
					},
					_ => next_block(),
				}
				// Held escrow always equals the open escrows.
				let held: Balance = accounts.iter().map(|a| escrow_held(*a)).sum();
				assert_eq!(held, pallet_payments::Pallet::<Test>::total_escrowed());
				assert_eq!(Balances::total_issuance(), issuance);
			}
			// Let everything end.
			for _ in 0..20 {
				next_block();
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
				match settled(*id).unwrap() {
					Outcome::Verified { .. } => paid += fee,
					_ => refunded += fee,
				}
			}
			assert_eq!(pallet_payments::Pallet::<Test>::total_escrowed(), 0);
			assert_eq!(deposits, paid + refunded, "seed {seed}");
			// Money only moved between these accounts: requesters lost exactly the fees of
			// verified requests, and executors and the owner gained exactly that.
			let end: Vec<Balance> = accounts.iter().map(Balances::total_balance).collect();
			assert_eq!(start.iter().sum::<Balance>(), end.iter().sum::<Balance>());
			let earned: Balance = (0..3).map(|i| end[i] - start[i]).sum();
			let royalties = end[4] - start[4];
			let spent = (start[3] - end[3]) + (start[5] - end[5]);
			assert_eq!(spent, paid, "seed {seed}: requesters paid the verified fees only");
			assert_eq!(earned + royalties, paid, "seed {seed}: payouts equal the verified fees");
			assert!(Queue::<Test>::get().is_empty());
		});
	}
}

#[test]
fn retiring_a_model_lets_running_requests_finish() {
	new_test_ext().execute_with(|| {
		let model = add_model(1, 1, ModelStatus::Available, false);
		let id = request(DAVE, model);
		set_status(model, ModelStatus::Retired);
		assert_eq!(Inference::quote(&model), None);
		next_block();
		let out = output_bytes(1.0, 2.0);
		assert_ok!(submit(id, executors(id)[0], out.clone()));
		assert_eq!(settled(id), Some(Outcome::Verified { output_hash: hash(&out) }));
	});
}
