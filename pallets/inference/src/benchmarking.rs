//! Benchmarks of the inference pallet: one per [`WeightInfo`] function, each at the worst case
//! its weight covers, with the components that drive it (input and output bytes, seats, bonded
//! inference nodes, pruned requests).
//!
//! Models, bonded nodes, funds and feeds come from [`Config::BenchmarkHelper`]. Every node a
//! benchmark bonds has its role key in the keystore, so seats sign as their offchain workers
//! would; active nodes the benchmark did not bond (genesis nodes) are made busy
//! (`MaxSeatsPerNode` open seats), so no seat goes to them.
//!
//! Where a verifier draw is part of the cost, every bonded verifier but those the draw needs is
//! busy: the draw then excludes the most nodes, its most expensive case. Judgements use
//! [`Tolerance::TopK`] (the costliest comparison: both rows are sorted per pair of seats) on
//! outputs that differ in every seat, so that no pair is settled by equal hashes, with the
//! largest minority out of line (each such seat slashed below its minimum bond, which rewrites
//! its role's active list).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use alloc::{vec, vec::Vec};
use codec::{Compact, CompactLen};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use sibyl_primitives::{
	oracle::{FeedBinding, MAX_FEED_WINDOW},
	registry::{TensorSpec, MAX_REPLICAS},
	request::MAX_SEATS,
	DType,
};

/// The most executors (or verifiers) of a policy.
const REPLICAS: u32 = MAX_REPLICAS as u32;

/// Executors and verifiers silent at the sealing deadline of `expire_one`: together as many as
/// may miss while more than half of each one's peers sealed (15 of 32 seats).
const SILENT_EXECUTORS: u32 = 8;
const SILENT_VERIFIERS: u32 = 7;

/// The tolerance of judged models: the costliest comparison.
const TOLERANCE: Tolerance = Tolerance::TopK { k: u8::MAX };

fn compact_len(n: u32) -> u32 {
	<Compact<u32> as CompactLen<u32>>::compact_len(&n) as u32
}

/// The encoded length of one f32 tensor of `n` elements (shape `[n]`) as a SCALE `Vec<Tensor>`:
/// an input, or an inline output.
fn payload_len(n: u32) -> u32 {
	let data = n * DType::F32.size();
	// The tensor count, the dtype, the shape (its length and one dimension), the data (its
	// length and bytes).
	1 + 1 + 1 + 4 + compact_len(data) + data
}

/// The encoded length of the inline reveal (`ResultOutput::Inline`) of such an output.
fn reveal_len(n: u32) -> u32 {
	let payload = payload_len(n);
	1 + compact_len(payload) + payload
}

/// The most elements (at least one) whose `len` fits in `bytes`.
fn elements(bytes: u32, len: impl Fn(u32) -> u32) -> u32 {
	let mut n = bytes / DType::F32.size();
	while n > 1 && len(n) > bytes {
		n -= 1;
	}
	n.max(1)
}

/// Elements of the largest inline output.
fn max_elements<T: Config>() -> u32 {
	elements(T::MaxInlineOutput::get(), payload_len)
}

/// The encoded length of the largest inline reveal.
fn max_reveal_len<T: Config>() -> u32 {
	reveal_len(max_elements::<T>())
}

fn schema(n: u32) -> Schema {
	let spec = TensorSpec {
		name: b"t".to_vec().try_into().unwrap(),
		dtype: DType::F32,
		shape: vec![n].try_into().unwrap(),
	};
	vec![spec].try_into().unwrap()
}

fn f32_tensor(values: impl Iterator<Item = f32>) -> Tensor {
	let data: Vec<u8> = values.flat_map(f32::to_le_bytes).collect();
	let n = (data.len() / 4) as u32;
	Tensor::new(DType::F32, vec![n], data).unwrap()
}

/// An input of one f32 tensor of `n` finite elements.
fn input_of(n: u32) -> InputTensors {
	vec![f32_tensor((0..n).map(|i| i as f32))].try_into().unwrap()
}

/// The inline output of seat `j`: `n` f32 values in a pseudo-random order (`good`) or the
/// reverse one, each offset by the seat so that every seat's bytes differ while all outputs
/// of one order agree under [`TOLERANCE`]. Unordered rows are the slowest to sort.
fn output_of<T: Config>(n: u32, j: u32, good: bool) -> ResultOutputOf<T> {
	const SPREAD: u32 = 65_521;
	let rank = |e: u32| {
		let key = (e.wrapping_mul(40_503).wrapping_add(7)) % SPREAD;
		if good {
			key
		} else {
			SPREAD - key
		}
	};
	// Below 2^24: exact in f32, and the offset never reorders (seats < 64).
	let tensors = vec![f32_tensor((0..n).map(|e| (rank(e) * 64 + j) as f32))];
	ResultOutput::Inline(tensors.encode().try_into().unwrap())
}

fn policy(
	replicas: u32,
	verifiers: u32,
	sample_ppm: u32,
	tolerance: Tolerance,
) -> VerificationPolicy {
	VerificationPolicy {
		replicas: replicas as u8,
		verifiers: verifiers as u8,
		sample_ppm,
		tolerance,
	}
}

fn max_nodes<T: Config>() -> u32 {
	T::BenchmarkHelper::max_nodes()
}

/// Makes `who` hold `MaxSeatsPerNode` open seats: it is never drawn.
fn busy<T: Config>(who: &T::AccountId) {
	SeatCounts::<T>::insert(who, T::MaxSeatsPerNode::get());
}

/// Bonds nodes of `role` until `total` are active and at least `ours` of them are the
/// benchmark's (each with its key in the keystore); active nodes the benchmark did not bond are
/// made busy. The benchmark's nodes.
fn nodes<T: Config>(role: Role, total: u32, ours: u32) -> Vec<T::AccountId> {
	let mut made: Vec<T::AccountId> = Vec::new();
	while (T::Nodes::active(role).len() as u32) < total || (made.len() as u32) < ours {
		let key = sp_io::crypto::sr25519_generate(role.key_type(), None);
		made.push(T::BenchmarkHelper::node(role, made.len() as u32, key));
	}
	for who in T::Nodes::active(role) {
		if !made.contains(&who) {
			busy::<T>(&who);
		}
	}
	made
}

/// Makes every active node of `role` but `free` busy.
fn crowd<T: Config>(role: Role, free: &[T::AccountId]) {
	for who in T::Nodes::active(role) {
		if !free.contains(&who) {
			busy::<T>(&who);
		}
	}
}

/// A funded requester of `model` and the fee of a call of it.
fn requester<T: Config>(model: &ModelId) -> (T::AccountId, T::Balance) {
	let who: T::AccountId = account("requester", 0, 0);
	let fee = Pallet::<T>::quote(model, None).unwrap();
	T::BenchmarkHelper::fund(&who, fee.saturating_mul(10u32.into()));
	// Verifier rewards come out of the treasury.
	T::BenchmarkHelper::fund(&T::Treasury::account(), fee.saturating_mul(100u32.into()));
	(who, fee)
}

/// A request of `model` on `input`, made (and seated or queued) now, and its record.
fn requested<T: Config>(model: ModelId, input: InputTensors) -> (RequestId, RequestOf<T>) {
	let (who, fee) = requester::<T>(&model);
	let id = Pallet::<T>::do_request(who, model, input, None, fee).unwrap();
	(id, Requests::<T>::get(id).unwrap())
}

fn salt(j: u32) -> [u8; 32] {
	let mut salt = [7u8; 32];
	salt[..4].copy_from_slice(&j.to_le_bytes());
	salt
}

/// `slot`'s signature over `payload` with its role key.
fn sign<T: Config>(slot: &Slot<T::AccountId>, payload: &[u8]) -> NodeSignature {
	sp_io::crypto::sr25519_sign(slot.seat.role().key_type(), &slot.key, payload).unwrap()
}

/// The seal of seat `j` (holding `slot`) of request `id` on some output, and its signature.
fn sealed<T: Config>(id: RequestId, slot: &Slot<T::AccountId>, j: u32) -> (H256, NodeSignature) {
	let genesis = Pallet::<T>::genesis_hash();
	let hash = H256::repeat_byte(j as u8);
	let seal = seal(&genesis, id, &slot.key, &hash, &salt(j));
	(seal, sign::<T>(slot, &commit_payload(&genesis, id, &seal)))
}

/// Marks every seat of request `id` but those `silent` selects as sealed.
fn seal_all_but<T: Config>(id: RequestId, silent: impl Fn(usize, &Slot<T::AccountId>) -> bool) {
	Requests::<T>::mutate(id, |request| {
		for (j, slot) in request.as_mut().unwrap().slots.iter_mut().enumerate() {
			if !silent(j, slot) {
				slot.seal = Some(H256::repeat_byte(j as u8));
			}
		}
	});
}

/// A request of the most executors and verifiers (every request checked), seated now among
/// `inference` bonded inference nodes; the verifier nodes (the most bonded) are all busy but
/// `spare` beyond those seated.
fn full_request<T: Config>(inference: u32, spare: u32) -> (RequestId, RequestOf<T>) {
	nodes::<T>(Role::Inference, inference, REPLICAS);
	let verifiers = nodes::<T>(Role::Verifier, max_nodes::<T>(), REPLICAS + spare);
	crowd::<T>(Role::Verifier, &verifiers[..(REPLICAS + spare) as usize]);
	let policy = policy(REPLICAS, REPLICAS, SAMPLE_RATE_ALWAYS, Tolerance::Exact);
	let model = T::BenchmarkHelper::model(0, schema(1), schema(1), policy);
	requested::<T>(model, input_of(1))
}

/// Executors, verifiers and escalation verifiers of a judged request of `seats` seats: up to
/// twice `MAX_REPLICAS` a first round (half verifiers); beyond, an escalated round.
fn composition(seats: u32) -> (u32, u32, u32) {
	if seats <= 2 * REPLICAS {
		let verifiers = seats / 2;
		(seats - verifiers, verifiers, 0)
	} else {
		let verifiers = REPLICAS.min((seats - 2) / 2);
		let more = verifiers + 1;
		(seats - verifiers - more, verifiers, more)
	}
}

/// A request being judged, and each seat's revealed outcome.
struct Judging<T: Config> {
	id: RequestId,
	request: RequestOf<T>,
	outcomes: Vec<ResultOutputOf<T>>,
	/// Seats out of line with the majority (each slashed below its minimum bond once judged).
	out_of_line: u32,
	/// Active inference and verifier nodes before the judgement.
	active: usize,
}

/// A request of `seats` seats ([`composition`]) whose outputs have `n` elements, all sealed and
/// all but the last `pending` revealed; stored.
///
/// A first round (`seats` up to twice `MAX_REPLICAS`) is `Opening` with every verifier's output
/// opened: every seat votes. An escalated round is `Revealing`: the first verifiers revealed the
/// hash of an executor's output (which explains it), the escalation's verifiers their outputs,
/// and only verifiers vote. Every output differs; a bare majority of the voters agrees with the
/// first executor, every other seat is out of line (in an escalated round, every executor but
/// the first too).
fn judging<T: Config>(seats: u32, n: u32, pending: u32) -> Judging<T> {
	let (executors, verifiers, more) = composition(seats);
	nodes::<T>(Role::Inference, max_nodes::<T>(), executors);
	nodes::<T>(Role::Verifier, max_nodes::<T>(), verifiers + more);
	let sample = if verifiers == 0 { 0 } else { SAMPLE_RATE_ALWAYS };
	let policy = policy(executors, verifiers, sample, TOLERANCE);
	let model = T::BenchmarkHelper::model(0, schema(1), schema(n), policy);
	let (id, mut request) = requested::<T>(model, input_of(1));
	assert_eq!(request.slots.len() as u32, executors + verifiers);
	if more > 0 {
		let seed = Pallet::<T>::block_seed();
		let added = Pallet::<T>::seat_verifiers(id, &mut request, seed, more as u8, &[]);
		assert_eq!(added as u32, more);
		request.checking = Checking::Escalated;
	}
	let voters = if more > 0 { verifiers + more } else { seats };
	let majority = voters / 2 + 1;
	// Escalated: the first verifiers follow the executor whose hash they revealed.
	let following_first = (0..verifiers).filter(|i| i % executors.max(1) == 0).count() as u32;
	let escalation_in_line = majority.saturating_sub(following_first);
	let mut outcomes: Vec<ResultOutputOf<T>> = Vec::new();
	let genesis = Pallet::<T>::genesis_hash();
	for j in 0..seats {
		let outcome = if more == 0 {
			output_of::<T>(n, j, j == 0 || j > voters - majority)
		} else if j < executors {
			output_of::<T>(n, j, j == 0)
		} else if j < executors + verifiers {
			let followed = &outcomes[((j - executors) % executors) as usize];
			ResultOutput::Hashed(output_hash_of::<T>(followed))
		} else {
			output_of::<T>(n, j, j - executors - verifiers < escalation_in_line)
		};
		let hash = output_hash_of::<T>(&outcome);
		let slot = &mut request.slots[j as usize];
		slot.seal = Some(seal(&genesis, id, &slot.key, &hash, &salt(j)));
		if j < seats - pending {
			slot.output = Some(hash);
			Reveals::<T>::insert(id, slot.key, outcome.clone());
		}
		outcomes.push(outcome);
	}
	let now = frame_system::Pallet::<T>::block_number();
	let deadline = now + T::ResultTimeout::get();
	request.state = if more == 0 && pending == 0 {
		RequestState::Opening { deadline }
	} else {
		RequestState::Revealing { deadline }
	};
	Requests::<T>::insert(id, &request);
	// A single element ranks the same in every output: nobody is out of line.
	let out_of_line = if n < 2 {
		0
	} else if more == 0 {
		voters - majority
	} else {
		(executors - 1)
			+ (verifiers - following_first.min(verifiers))
			+ (more - escalation_in_line.min(more))
	};
	Judging { id, request, outcomes, out_of_line, active: active::<T>() }
}

/// Seat `j`'s reveal of its outcome in `judging`: key, output, salt and attestation.
fn reveal_of<T: Config>(
	judging: &Judging<T>,
	j: u32,
) -> (NodeKey, ResultOutputOf<T>, [u8; 32], NodeSignature) {
	let slot = &judging.request.slots[j as usize];
	let output = judging.outcomes[j as usize].clone();
	let hash = output_hash_of::<T>(&output);
	let commitment = Pallet::<T>::commitment_of(
		judging.id,
		&judging.request.model,
		&judging.request.input_hash,
		&hash,
	);
	(slot.key, output, salt(j), sign::<T>(slot, commitment.as_bytes()))
}

/// Active inference and verifier nodes.
fn active<T: Config>() -> usize {
	T::Nodes::active(Role::Inference).len() + T::Nodes::active(Role::Verifier).len()
}

/// Asserts that `judging`'s request was verified, every seat out of line slashed out of the
/// active nodes.
fn assert_judged<T: Config>(id: RequestId, out_of_line: u32, active_before: usize) {
	assert_verified::<T>(id);
	assert_eq!(active::<T>() + out_of_line as usize, active_before);
}

fn assert_verified<T: Config>(id: RequestId) {
	let state = Requests::<T>::get(id).unwrap().state;
	assert!(
		matches!(state, RequestState::Settled { outcome: Outcome::Verified { .. }, .. }),
		"{state:?}"
	);
}

/// A settled request of the most seats, as pruning reads it.
fn settled<T: Config>(at: BlockNumberFor<T>) -> RequestOf<T> {
	let slots: Vec<Slot<T::AccountId>> = (0..MAX_SEATS)
		.map(|j| Slot {
			node: account("seat", j, 0),
			key: NodeKey::from_raw([j as u8; 32]),
			seat: Seat::Verifier,
			seal: Some(H256::repeat_byte(1)),
			output: Some(H256::repeat_byte(2)),
		})
		.collect();
	Request {
		requester: account("requester", 0, 0),
		model: ModelId([1; 32]),
		input_hash: H256::repeat_byte(3),
		fee: Zero::zero(),
		premium: Zero::zero(),
		owner: account("owner", 0, 0),
		royalty: Zero::zero(),
		compute: Zero::zero(),
		created: at,
		level: Some(VerificationLevel::Committee(MAX_REPLICAS)),
		policy: VerificationPolicy::default(),
		attempts: 1,
		checking: Checking::Escalated,
		slots: slots.try_into().unwrap(),
		state: RequestState::Settled {
			outcome: Outcome::Verified { output_hash: H256::repeat_byte(2) },
			at,
		},
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A request with an input of `b` encoded bytes (one f32 tensor: every element checked
	/// finite), seated at once: the most executors drawn among the most inference nodes, and
	/// the most verifiers (every request checked) among the most verifier nodes, all busy but
	/// those drawn.
	#[benchmark]
	fn request(b: Linear<{ payload_len(1) }, { T::MaxInputBytes::get() }>) {
		let max = max_nodes::<T>();
		nodes::<T>(Role::Inference, max, REPLICAS);
		let verifiers = nodes::<T>(Role::Verifier, max, REPLICAS);
		crowd::<T>(Role::Verifier, &verifiers[..REPLICAS as usize]);
		let n = elements(b, payload_len);
		let input = input_of(n);
		let policy = policy(REPLICAS, REPLICAS, SAMPLE_RATE_ALWAYS, Tolerance::Exact);
		let model = T::BenchmarkHelper::model(0, schema(n), schema(1), policy);
		let (who, fee) = requester::<T>(&model);
		let id = RequestId(NextRequestId::<T>::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(who), model, input, fee, None);

		let record = Requests::<T>::get(id).unwrap();
		assert!(matches!(record.state, RequestState::Committing { .. }));
		assert_eq!(record.slots.len() as u32, 2 * REPLICAS);
	}

	/// One binding of the longest window of a feed into an f32 tensor.
	#[benchmark]
	fn bind_feed() {
		let feed = T::BenchmarkHelper::feed(0, MAX_FEED_WINDOW);
		let input = input_of(MAX_FEED_WINDOW);
		let bindings: FeedBindings =
			vec![FeedBinding { feed, rounds: MAX_FEED_WINDOW, tensor: 0, offset: 0 }]
				.try_into()
				.unwrap();
		let bound;

		#[block]
		{
			bound = Pallet::<T>::bind_feeds(input, &bindings);
		}

		let (input, rounds) = bound.unwrap();
		assert_eq!(rounds.len(), 1);
		assert_ne!(input, input_of(MAX_FEED_WINDOW));
	}

	/// The last executor seal of a sampled request of the most executors: it draws the sample
	/// and seats the most verifiers among the most verifier nodes (all busy but those drawn),
	/// and opens sealing for them.
	#[benchmark]
	fn commit() {
		nodes::<T>(Role::Inference, REPLICAS, REPLICAS);
		let verifiers = nodes::<T>(Role::Verifier, max_nodes::<T>(), REPLICAS);
		crowd::<T>(Role::Verifier, &verifiers[..REPLICAS as usize]);
		// Sampled at the last seal, but for one draw in a million.
		let policy = policy(REPLICAS, REPLICAS, SAMPLE_RATE_ALWAYS - 1, Tolerance::Exact);
		let model = T::BenchmarkHelper::model(0, schema(1), schema(1), policy);
		let (id, record) = requested::<T>(model, input_of(1));
		assert_eq!(record.checking, Checking::Pending);
		let (last, rest) = record.slots.split_last().unwrap();
		for (j, slot) in rest.iter().enumerate() {
			let (seal, signature) = sealed::<T>(id, slot, j as u32);
			Pallet::<T>::commit(RawOrigin::Authorized.into(), id, slot.key, seal, signature)
				.unwrap();
		}
		let (seal, signature) = sealed::<T>(id, last, rest.len() as u32);

		#[extrinsic_call]
		_(RawOrigin::Authorized, id, last.key, seal, signature);

		let record = Requests::<T>::get(id).unwrap();
		assert_eq!(record.checking, Checking::Drawn);
		assert_eq!(record.slots.len() as u32, 2 * REPLICAS);
		assert!(matches!(record.state, RequestState::Committing { .. }));
	}

	/// The last reveal of a request of the most seats (an escalated round), outputs of `b`
	/// encoded bytes: it judges every seat and settles.
	#[benchmark]
	fn reveal(b: Linear<{ reveal_len(1) }, { max_reveal_len::<T>() }>) {
		let judging = judging::<T>(MAX_SEATS, elements(b, reveal_len), 1);
		let (key, output, salt, attestation) = reveal_of(&judging, MAX_SEATS - 1);
		assert_eq!(output.encoded_size() as u32, reveal_len(elements(b, reveal_len)));
		let Judging { id, out_of_line, active, .. } = judging;

		#[extrinsic_call]
		_(RawOrigin::Authorized, id, key, output, salt, attestation);

		assert_judged::<T>(id, out_of_line, active);
	}

	/// A reveal of `b` encoded bytes into a request of the most seats that others have still
	/// to reveal: checked and recorded, nothing judged.
	#[benchmark]
	fn reveal_unjudged(b: Linear<{ reveal_len(1) }, { max_reveal_len::<T>() }>) {
		let judging = judging::<T>(MAX_SEATS, elements(b, reveal_len), 2);
		let (key, output, salt, attestation) = reveal_of(&judging, MAX_SEATS - 2);
		let id = judging.id;

		#[extrinsic_call]
		reveal(RawOrigin::Authorized, id, key, output, salt, attestation);

		assert!(Reveals::<T>::contains_key(id, key));
		let state = Requests::<T>::get(id).unwrap().state;
		assert!(matches!(state, RequestState::Revealing { .. }));
	}

	/// Judging `s` seats' outputs, each of the largest inline size, and settling ([`judging`]:
	/// every seat's output differs, all compared under top-k, the largest minority slashed).
	/// Every caller weighs a judgement at the largest output, so output size is not a
	/// component: the cost grows with seats times bytes, which a fit over both would
	/// underestimate where it is used, at the largest output.
	#[benchmark]
	fn judge(s: Linear<1, { MAX_SEATS }>) {
		let Judging { id, request: record, out_of_line, active, .. } =
			judging::<T>(s, max_elements::<T>(), 0);
		let now = frame_system::Pallet::<T>::block_number();

		#[block]
		{
			Pallet::<T>::conclude(id, record, now);
		}

		assert_judged::<T>(id, out_of_line, active);
	}

	/// The authorization of the last reveal of `b` encoded bytes into a request of the most
	/// seats: every check of the reveal (seal, attestation, output schema).
	#[benchmark]
	fn authorize_result(b: Linear<{ reveal_len(1) }, { max_reveal_len::<T>() }>) {
		let judging = judging::<T>(MAX_SEATS, elements(b, reveal_len), 1);
		let (key, output, salt, attestation) = reveal_of(&judging, MAX_SEATS - 1);
		let id = judging.id;
		let valid;

		#[block]
		{
			valid = Pallet::<T>::authorize_reveal(
				TransactionSource::External,
				&id,
				&key,
				&output,
				&salt,
				&attestation,
			);
		}

		assert!(valid.is_ok());
	}

	/// A verifier of a request of the most seats (all others sealed) steps aside: a fresh one is
	/// drawn among the most verifier nodes (all busy but one) and sealing reopens.
	#[benchmark]
	fn decline() {
		let (id, record) = full_request::<T>(REPLICAS, 1);
		let slot = record.slots.iter().find(|s| s.seat == Seat::Verifier).unwrap().clone();
		seal_all_but::<T>(id, |_, s| s.key == slot.key);
		let reason = InferenceError::ModelNotFound;
		let signature =
			sign::<T>(&slot, &decline_payload(&Pallet::<T>::genesis_hash(), id, reason));

		#[extrinsic_call]
		_(RawOrigin::Authorized, id, slot.key, reason, signature);

		let record = Requests::<T>::get(id).unwrap();
		assert!(!record.slots.iter().any(|s| s.key == slot.key));
		assert_eq!(record.slots.len() as u32, 2 * REPLICAS);
		assert!(matches!(record.state, RequestState::Committing { .. }));
	}

	/// The start of a block with nothing to do, among the most inference nodes.
	#[benchmark]
	fn on_initialize_base() {
		nodes::<T>(Role::Inference, max_nodes::<T>(), 0);
		let now = frame_system::Pallet::<T>::block_number() + One::one();
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::begin_block(now);
		}

		assert_eq!(OverdueCursor::<T>::get(), (0, 0));
		assert!(Queue::<T>::get().is_empty());
	}

	/// The sealing deadline of a request of the most seats with as many silent seats as may
	/// miss: each counted a miss, the silent verifiers replaced (drawn among the most verifier
	/// nodes, all busy but those needed) and the silent executors reassigned among `n` inference
	/// nodes.
	#[benchmark]
	fn expire_one(n: Linear<{ REPLICAS }, { max_nodes::<T>() }>) {
		let (id, record) = full_request::<T>(n, SILENT_VERIFIERS);
		let silent_verifier = |j: usize| j >= REPLICAS as usize;
		seal_all_but::<T>(id, |j, _| {
			j < SILENT_EXECUTORS as usize
				|| (silent_verifier(j) && j < (REPLICAS + SILENT_VERIFIERS) as usize)
		});
		let RequestState::Committing { deadline } = record.state else { panic!() };
		let now = deadline + One::one();
		frame_system::Pallet::<T>::set_block_number(now);
		let nodes = T::Nodes::active(Role::Inference);
		let seed = Pallet::<T>::block_seed();

		#[block]
		{
			let record = Requests::<T>::get(id);
			Pallet::<T>::expire(id, record, now, &nodes, seed);
		}

		let after = Requests::<T>::get(id).unwrap();
		assert_eq!(after.attempts, 2);
		assert_eq!(after.slots.len() as u32, 2 * REPLICAS);
		// Every silent seat was replaced (an executor perhaps by itself, among few nodes).
		let fresh = |s: &Slot<T::AccountId>| !record.slots.iter().any(|o| o.key == s.key);
		assert_eq!(
			after.slots.iter().filter(|s| s.seal.is_none()).count() as u32,
			SILENT_EXECUTORS + SILENT_VERIFIERS
		);
		assert_eq!(
			after.slots.iter().filter(|s| s.seat == Seat::Verifier && fresh(s)).count() as u32,
			SILENT_VERIFIERS
		);
		assert!(matches!(after.state, RequestState::Committing { deadline } if deadline >= now));
	}

	/// Seating a queued request of the most executors among `n` inference nodes, and (every
	/// request checked) the most verifiers among the most verifier nodes, all busy but those
	/// drawn.
	#[benchmark]
	fn assign_one(n: Linear<{ REPLICAS }, { max_nodes::<T>() }>) {
		nodes::<T>(Role::Inference, n, REPLICAS);
		let verifiers = nodes::<T>(Role::Verifier, max_nodes::<T>(), REPLICAS);
		crowd::<T>(Role::Verifier, &verifiers[..REPLICAS as usize]);
		let policy = policy(REPLICAS, REPLICAS, SAMPLE_RATE_ALWAYS, Tolerance::Exact);
		let model = T::BenchmarkHelper::model(0, schema(1), schema(1), policy);
		// The block has seated all it may: the request waits in the queue.
		SeatedThisBlock::<T>::put(T::MaxAssignPerBlock::get());
		let (id, record) = requested::<T>(model, input_of(1));
		assert_eq!(record.state, RequestState::Queued);
		let now = frame_system::Pallet::<T>::block_number();
		let nodes = T::Nodes::active(Role::Inference);
		let seed = Pallet::<T>::block_seed();

		#[block]
		{
			let record = Requests::<T>::get(id).unwrap();
			Pallet::<T>::assign(id, record, now, &nodes, seed, |s| s.seal.is_none());
		}

		let record = Requests::<T>::get(id).unwrap();
		assert!(matches!(record.state, RequestState::Committing { .. }));
		assert_eq!(record.slots.len() as u32, 2 * REPLICAS);
	}

	/// Pruning `n` requests of the most seats, each with the largest inline output.
	#[benchmark]
	fn prune(n: Linear<0, { T::MaxPrunePerBlock::get() }>) {
		let at = frame_system::Pallet::<T>::block_number();
		let record = settled::<T>(at);
		let output: InlineOutputOf<T> =
			vec![1u8; T::MaxInlineOutput::get() as usize].try_into().unwrap();
		for i in 0..n {
			let id = RequestId(u64::from(i));
			Requests::<T>::insert(id, &record);
			Outputs::<T>::insert(id, output.clone());
			ByRequester::<T>::insert(&record.requester, id, ());
			PruneLog::<T>::insert(u64::from(i), (id, at));
		}
		PruneCursor::<T>::put((0, u64::from(n)));
		let now = at + T::Retention::get();

		#[block]
		{
			Pallet::<T>::prune(now, n);
		}

		assert_eq!(PruneCursor::<T>::get(), (u64::from(n), u64::from(n)));
		assert_eq!(Requests::<T>::iter().count(), 0);
		assert_eq!(Outputs::<T>::iter().count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_bench_ext(), crate::mock::Test);
}
