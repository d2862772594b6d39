//! Verification: sealed results, how outputs are compared, and how a majority is found.
//!
//! Everything here is integer arithmetic on bits. Float outputs are never compared as floats:
//! each element is mapped to a canonical fixed-point value (parts per billion, rounded to
//! nearest) or to an order-preserving integer key, and those are compared.
//!
//! ## Commit, then reveal
//!
//! Every seat of a request (its executors and its verifiers) first commits a *seal*,
//! `blake2_256(tag ‖ genesis ‖ request ‖ key ‖ output hash ‖ salt)`, with a secret 32-byte salt;
//! only when every seat has sealed may outputs be revealed, each checked against its seal. A
//! verifier that did not compute cannot seal the right output, and a seal cannot be changed after
//! the executor's output becomes public.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_crypto_hashing::blake2_256;

use crate::{
	model::RequestId,
	registry::{Tolerance, VerificationPolicy},
	roles::{NodeKey, Role},
	tensor::{DType, Tensor},
};

/// Domain tag of seals.
pub const SEAL_TAG: &[u8; 14] = b"sibyl/seal/v1/";
/// Domain tag of the payload a seat signs when it commits.
pub const COMMIT_TAG: &[u8; 16] = b"sibyl/commit/v1/";

/// Domain tag of the payload a seat signs when it steps aside.
pub const DECLINE_TAG: &[u8; 17] = b"sibyl/decline/v1/";

/// The bytes a seat signs with its node key to step aside from `request` for `reason`.
pub fn decline_payload(
	genesis_hash: &H256,
	request: RequestId,
	reason: crate::model::InferenceError,
) -> [u8; 32] {
	(DECLINE_TAG, genesis_hash, request, reason).using_encoded(blake2_256)
}

/// Domain tag of the payload a verifier signs when it opens the outcome behind its hash.
pub const OPEN_TAG: &[u8; 14] = b"sibyl/open/v1/";

/// The bytes a verifier signs with its node key to open `outcome` (its SCALE encoding) for
/// `request`: binding the encoding, not only the hash, so that nobody can open a seat's hash in
/// another form.
pub fn open_payload(genesis_hash: &H256, request: RequestId, outcome: &[u8]) -> [u8; 32] {
	(OPEN_TAG, genesis_hash, request, blake2_256(outcome)).using_encoded(blake2_256)
}

/// What a seat commits before outputs are revealed.
pub fn seal(
	genesis_hash: &H256,
	request: RequestId,
	key: &NodeKey,
	output_hash: &H256,
	salt: &[u8; 32],
) -> H256 {
	H256((SEAL_TAG, genesis_hash, request, key, output_hash, salt).using_encoded(blake2_256))
}

/// The bytes a seat signs with its node key to commit `seal` for `request`.
pub fn commit_payload(genesis_hash: &H256, request: RequestId, seal: &H256) -> [u8; 32] {
	(COMMIT_TAG, genesis_hash, request, seal).using_encoded(blake2_256)
}

/// A seat's part in a request.
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
)]
pub enum Seat {
	/// An inference node that executes the request; its output is what the requester gets.
	Executor,
	/// A verifier node that re-runs the request and votes with its output.
	Verifier,
}

impl Seat {
	/// The bonded role that holds seats of this kind (and whose key type signs for it).
	pub const fn role(self) -> Role {
		match self {
			Seat::Executor => Role::Inference,
			Seat::Verifier => Role::Verifier,
		}
	}
}

/// One seat's revealed result, as the judge sees it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Ballot<AccountId> {
	/// The seat's account.
	pub who: AccountId,
	/// Executor or verifier.
	pub seat: Seat,
	/// The revealed output's hash; `None` if the seat sealed but never revealed.
	pub output_hash: Option<H256>,
	/// The revealed output's SCALE `Vec<Tensor>`, when it is on chain (outputs kept offchain are
	/// compared by hash only).
	pub output: Option<Vec<u8>>,
}

/// What the judge decided about a request.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decision {
	/// A majority agrees with the executor seat at this index of the ballots.
	Accepted {
		/// Index of the accepted executor's ballot.
		executor: usize,
	},
	/// A majority agrees on an output that no executor returned: the executors were wrong.
	ExecutorsWrong,
	/// No output has a majority.
	NoMajority,
}

/// A decision and, per ballot, whether that seat is in line with the majority.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Judgement {
	/// The decision.
	pub decision: Decision,
	/// Per ballot: revealed and agreeing with the majority's output.
	pub in_line: Vec<bool>,
}

/// Judges revealed ballots: the output agreed with (under `tolerance`) by more than half of
/// the voting ballots wins. Every ballot votes in a first round; in an escalated round
/// (`verifiers_decide`) only verifiers vote, since the executors' outputs were public before the
/// escalated verifiers sealed and the verifiers' were not. Ballots that never revealed count in
/// the total but support nothing. Every ballot, voting or not, is in line when it agrees with
/// the winner. Among equally supported outputs the first ballot wins, so the result does not
/// depend on anything but the ballots' order.
pub fn judge<AccountId>(
	tolerance: &Tolerance,
	ballots: &[Ballot<AccountId>],
	verifiers_decide: bool,
) -> Judgement {
	let decoded: Vec<Option<Vec<Tensor>>> = ballots
		.iter()
		.map(|b| b.output.as_ref().and_then(|bytes| Vec::<Tensor>::decode(&mut &bytes[..]).ok()))
		.collect();
	// Each output is brought into the form `tolerance` compares once, not once per pair of
	// seats: the pairs are quadratic in seats, and ranking a top-k row sorts it.
	let prepared: Vec<Option<Vec<Prepared>>> =
		decoded.iter().map(|d| d.as_ref().map(|tensors| prepare(tolerance, tensors))).collect();
	let agree = |i: usize, j: usize| -> bool {
		let (Some(a), Some(b)) = (ballots.get(i), ballots.get(j)) else { return false };
		let (Some(ha), Some(hb)) = (a.output_hash, b.output_hash) else { return false };
		if ha == hb {
			return true;
		}
		match (prepared.get(i), prepared.get(j)) {
			(Some(Some(x)), Some(Some(y))) => prepared_agree(x, y),
			_ => false,
		}
	};
	let n = ballots.len();
	let voters: Vec<usize> = (0..n)
		.filter(|i| !verifiers_decide || ballots.get(*i).is_some_and(|b| b.seat == Seat::Verifier))
		.collect();
	let mut best: Option<(usize, usize)> = None;
	for &i in &voters {
		if ballots.get(i).is_none_or(|b| b.output_hash.is_none()) {
			continue;
		}
		let support = voters.iter().filter(|j| agree(i, **j)).count();
		if best.is_none_or(|(_, s)| support > s) {
			best = Some((i, support));
		}
	}
	let Some((winner, _)) = best.filter(|(_, s)| s.saturating_mul(2) > voters.len()) else {
		return Judgement { decision: Decision::NoMajority, in_line: alloc::vec![false; n] };
	};
	let in_line: Vec<bool> = (0..n).map(|j| agree(winner, j)).collect();
	let accepted = ballots.iter().zip(&in_line).position(|(b, ok)| *ok && b.seat == Seat::Executor);
	let decision = match accepted {
		Some(executor) => Decision::Accepted { executor },
		None => Decision::ExecutorsWrong,
	};
	Judgement { decision, in_line }
}

/// Whether two outputs agree under `tolerance`: same count, dtypes and shapes, and element by
/// element (or, for [`Tolerance::TopK`], row by row) within the tolerance. Integer arithmetic only.
pub fn outputs_agree(tolerance: &Tolerance, a: &[Tensor], b: &[Tensor]) -> bool {
	prepared_agree(&prepare(tolerance, a), &prepare(tolerance, b))
}

/// A tensor in the form its tolerance compares, computed once per output ([`prepare`]).
struct Prepared<'a> {
	tensor: &'a Tensor,
	consistent: bool,
	form: Form<'a>,
}

/// What two tensors of the same dtype and shape are compared by.
enum Form<'a> {
	/// Their bytes (`Exact`, and non-float tensors under `Within`).
	Bytes(&'a [u8]),
	/// Float elements in parts per billion (`Within`), and the bounds they must be within.
	Fixed { values: Vec<i64>, abs_ppb: u32, rel_ppb: u32 },
	/// The element count and each row's top `k` indices (`TopK`); `None` for rows of length 0,
	/// which never agree.
	Ranked(Option<(usize, Vec<Vec<usize>>)>),
}

fn prepare<'a>(tolerance: &Tolerance, tensors: &'a [Tensor]) -> Vec<Prepared<'a>> {
	tensors
		.iter()
		.map(|t| {
			let form = match *tolerance {
				Tolerance::Exact => Form::Bytes(&t.data),
				Tolerance::Within { .. } if !t.dtype.is_float() => Form::Bytes(&t.data),
				Tolerance::Within { abs_ppb, rel_ppb } => {
					Form::Fixed { values: fixed_values(t), abs_ppb, rel_ppb }
				},
				Tolerance::TopK { k } => {
					let row = t.shape.last().copied().unwrap_or(1) as usize;
					let keys = order_keys(t);
					Form::Ranked(
						(row != 0)
							.then(|| (keys.len(), keys.chunks(row).map(|r| top_k(r, k)).collect())),
					)
				},
			};
			Prepared { tensor: t, consistent: t.is_consistent(), form }
		})
		.collect()
}

fn prepared_agree(a: &[Prepared], b: &[Prepared]) -> bool {
	a.len() == b.len()
		&& a.iter().zip(b).all(|(x, y)| {
			x.tensor.dtype == y.tensor.dtype
				&& x.tensor.shape == y.tensor.shape
				&& x.consistent
				&& y.consistent
				&& forms_agree(&x.form, &y.form)
		})
}

/// For tensors of the same dtype and shape, prepared under the same tolerance.
fn forms_agree(a: &Form, b: &Form) -> bool {
	match (a, b) {
		(Form::Bytes(x), Form::Bytes(y)) => x == y,
		(Form::Fixed { values: xs, abs_ppb, rel_ppb }, Form::Fixed { values: ys, .. }) => {
			xs.len() == ys.len()
				&& xs.iter().zip(ys).all(|(x, y)| within(*x, *y, *abs_ppb, *rel_ppb))
		},
		(Form::Ranked(Some((xn, xs))), Form::Ranked(Some((yn, ys)))) => xn == yn && xs == ys,
		_ => false,
	}
}

/// `|x - y| <= abs + rel * max(|x|, |y|) / 1e9`, all in parts per billion.
fn within(x: i64, y: i64, abs_ppb: u32, rel_ppb: u32) -> bool {
	let diff = i128::from(x).saturating_sub(i128::from(y)).unsigned_abs();
	let scale = i128::from(x).unsigned_abs().max(i128::from(y).unsigned_abs());
	let allowed =
		u128::from(abs_ppb).saturating_add(scale.saturating_mul(u128::from(rel_ppb)) / PPB);
	diff <= allowed
}

const PPB: u128 = 1_000_000_000;

/// Float elements as fixed-point parts per billion (see [`f32_to_ppb`]); empty for other dtypes.
fn fixed_values(t: &Tensor) -> Vec<i64> {
	match t.dtype {
		DType::F32 => t.data.chunks_exact(4).map(|c| f32_to_ppb(le32(c))).collect(),
		DType::F64 => t.data.chunks_exact(8).map(|c| f64_to_ppb(le64(c))).collect(),
		_ => Vec::new(),
	}
}

/// The index that `pick` (a hash; its first 8 bytes, little endian) draws among `len`
/// candidates; 0 when there are none.
pub fn draw_index(pick: &[u8; 32], len: usize) -> usize {
	le64(pick.get(..8).unwrap_or(&[0; 8])).checked_rem(len as u64).unwrap_or(0) as usize
}

fn le32(bytes: &[u8]) -> u32 {
	<[u8; 4]>::try_from(bytes).map(u32::from_le_bytes).unwrap_or(0)
}

fn le64(bytes: &[u8]) -> u64 {
	<[u8; 8]>::try_from(bytes).map(u64::from_le_bytes).unwrap_or(0)
}

/// The f32 with bit pattern `bits` in parts per billion, rounded to nearest (ties away from
/// zero), saturating at `i64::MIN`/`i64::MAX` (which also stand for ±∞; NaN reads as 0).
pub fn f32_to_ppb(bits: u32) -> i64 {
	let negative = bits >> 31 == 1;
	let exponent = ((bits >> 23) & 0xff) as i32;
	let fraction = u128::from(bits & 0x7f_ffff);
	if exponent == 0xff {
		return special(negative, fraction != 0);
	}
	let (mantissa, shift) = if exponent == 0 {
		(fraction, -149)
	} else {
		(fraction | 0x80_0000, exponent.saturating_sub(150))
	};
	scaled(negative, mantissa, shift)
}

/// The f64 with bit pattern `bits` in parts per billion; as [`f32_to_ppb`].
pub fn f64_to_ppb(bits: u64) -> i64 {
	let negative = bits >> 63 == 1;
	let exponent = ((bits >> 52) & 0x7ff) as i32;
	let fraction = u128::from(bits & 0xf_ffff_ffff_ffff);
	if exponent == 0x7ff {
		return special(negative, fraction != 0);
	}
	let (mantissa, shift) = if exponent == 0 {
		(fraction, -1074)
	} else {
		(fraction | 0x10_0000_0000_0000, exponent.saturating_sub(1075))
	};
	scaled(negative, mantissa, shift)
}

/// NaN reads as 0, infinities as the extremes.
fn special(negative: bool, nan: bool) -> i64 {
	match (nan, negative) {
		(true, _) => 0,
		(false, true) => i64::MIN,
		(false, false) => i64::MAX,
	}
}

/// `±round(mantissa * 2^shift * 1e9)`, saturating to `i64`.
fn scaled(negative: bool, mantissa: u128, shift: i32) -> i64 {
	// mantissa < 2^53 and 1e9 < 2^30: the product fits in u128 with room to shift left by 44.
	let product = mantissa.saturating_mul(PPB);
	let magnitude: u128 = if shift >= 0 {
		if shift > 44 {
			u128::MAX
		} else {
			product.checked_shl(shift.unsigned_abs()).unwrap_or(u128::MAX)
		}
	} else {
		let right = shift.unsigned_abs();
		if right >= 127 {
			0
		} else {
			let half = 1u128.checked_shl(right.saturating_sub(1)).unwrap_or(0);
			product.saturating_add(half).checked_shr(right).unwrap_or(0)
		}
	};
	let magnitude = i64::try_from(magnitude).unwrap_or(i64::MAX);
	if negative {
		magnitude.saturating_neg()
	} else {
		magnitude
	}
}

/// Elements as integers in the same order as their values: IEEE bits mapped so that integer
/// order is numeric order (NaN sorts above +∞), integers sign-extended.
fn order_keys(t: &Tensor) -> Vec<i64> {
	let size = t.dtype.size() as usize;
	t.data
		.chunks_exact(size)
		.map(|c| match t.dtype {
			DType::F32 => {
				let bits = le32(c) as i32;
				i64::from(if bits < 0 { bits ^ i32::MAX } else { bits })
			},
			DType::F64 => {
				let bits = le64(c) as i64;
				if bits < 0 {
					bits ^ i64::MAX
				} else {
					bits
				}
			},
			DType::I64 => le64(c) as i64,
			DType::I32 => i64::from(le32(c) as i32),
			DType::I8 => i64::from(c.first().copied().unwrap_or(0) as i8),
			DType::U8 | DType::Bool => i64::from(c.first().copied().unwrap_or(0)),
		})
		.collect()
}

/// Indices of the `k` largest keys of `row`, largest first (lower index first on ties).
fn top_k(row: &[i64], k: u8) -> Vec<usize> {
	let mut indices: Vec<usize> = (0..row.len()).collect();
	indices.sort_by(|i, j| row.get(*j).cmp(&row.get(*i)).then(i.cmp(j)));
	indices.truncate(usize::from(k.max(1)));
	indices
}

/// The randomness every draw made in a block uses (executors, verifiers, sampling).
///
/// One value for the whole block: the same in its `on_initialize`, in each of its transactions
/// and in its `on_finalize`, so no transaction's position changes it. The block's author cannot
/// choose it, and nobody else can know it before the block is published: the runtime derives it
/// from the BABE VRF output of the block's slot, which the client verifies against the author's
/// key on import. (The author itself can compute it as soon as its slot's epoch randomness is
/// known: `docs/inference.md`, "Randomness", says what that does and does not let it bias.)
pub trait BlockRandomness {
	/// This block's randomness.
	fn block_randomness() -> H256;
}

/// What `Inference` asks of `Verification`: sampling, drawing verifiers, judging ballots and
/// accounting for the seats (slashes, rewards, missed deadlines).
pub trait Verifier<AccountId, Balance> {
	/// The verification premium a request under `policy` pays into the treasury, when each
	/// verifier run is paid `compute` on top of the verification fee.
	fn premium(policy: &VerificationPolicy, compute: Balance) -> Option<Balance>;
	/// Whether request `id` is checked, drawn from `seed` (unknown when the executors sealed).
	fn sampled(id: RequestId, policy: &VerificationPolicy, seed: &H256) -> bool;
	/// Up to `count` bonded verifiers with their keys, drawn with `seed`, none in `exclude`.
	fn draw(
		id: RequestId,
		seed: &H256,
		exclude: &[AccountId],
		count: u8,
	) -> Vec<(AccountId, NodeKey)>;
	/// Judges the ballots of request `id` and accounts for the seats: when a majority decides,
	/// seats out of line with it are slashed and verifiers in line rewarded (the verification
	/// fee plus `compute`, the request's compute fee per run). `escalated` says the round was
	/// escalated: only verifiers vote ([`judge`]).
	fn judge(
		id: RequestId,
		compute: Balance,
		tolerance: &Tolerance,
		ballots: &[Ballot<AccountId>],
		escalated: bool,
	) -> Judgement;
	/// How many more verifiers to draw when a round of a request under `policy` ended without
	/// a majority, after `escalations` earlier escalations; `None` ends the request
	/// (`Refunded(NoAgreement)`). The escalated round is decided by its verifiers alone.
	fn escalation(policy: &VerificationPolicy, escalations: u8) -> Option<u8>;
	/// A sealing or reveal deadline of request `id` passed: every seat that had to answer by
	/// it, and whether it did. A silent seat is penalized only when [`silence_is_a_miss`].
	fn deadline_passed(id: RequestId, seats: &[Attendance<AccountId>]);
}

/// A seat at a deadline: whether it answered (sealed, or revealed) in time.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Attendance<AccountId> {
	/// The seat's account.
	pub who: AccountId,
	/// Executor or verifier.
	pub seat: Seat,
	/// Whether it sealed (or revealed) by the deadline.
	pub answered: bool,
}

/// Whether a seat that stayed silent through a deadline is to blame for it: only when more than
/// half of its peers (the request's other seats due by the same deadline) answered in time. When
/// they did not, the chain or the network was the obstacle, not the node; a seat with no peers
/// has nobody to show the deadline could be met, and is only replaced.
pub fn silence_is_a_miss(answered_peers: usize, peers: usize) -> bool {
	peers > 0 && answered_peers.saturating_mul(2) > peers
}

/// Whether request `id` is checked by verifiers under `policy`, given unpredictable `seed`.
pub fn sampled(policy: &VerificationPolicy, id: RequestId, seed: &H256) -> bool {
	if policy.verifiers == 0 || policy.sample_ppm == 0 {
		return false;
	}
	let draw = (b"sibyl/sample/", seed, id).using_encoded(blake2_256);
	let value = le32(draw.get(..4).unwrap_or(&[0; 4])).checked_rem(1_000_000).unwrap_or(0);
	value < policy.sample_ppm
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::arithmetic_side_effects, clippy::indexing_slicing)]
mod tests {
	use super::*;
	use alloc::vec;

	fn f32s(values: &[f32]) -> Tensor {
		let shape = vec![values.len() as u32];
		Tensor::new(DType::F32, shape, values.iter().flat_map(|v| v.to_le_bytes()).collect())
			.unwrap()
	}

	fn ballot(seat: Seat, values: Option<&[f32]>) -> Ballot<u8> {
		let output = values.map(|v| vec![f32s(v)].encode());
		Ballot { who: 0, seat, output_hash: output.as_ref().map(|o| H256(blake2_256(o))), output }
	}

	/// The pairwise comparison before outputs were prepared once per ballot, kept as the
	/// reference the prepared one must match on every input.
	fn reference_agree(tolerance: &Tolerance, a: &[Tensor], b: &[Tensor]) -> bool {
		fn tensors(tolerance: &Tolerance, a: &Tensor, b: &Tensor) -> bool {
			match *tolerance {
				Tolerance::Exact => a.data == b.data,
				Tolerance::Within { abs_ppb, rel_ppb } => {
					if !a.dtype.is_float() {
						return a.data == b.data;
					}
					let (xs, ys) = (fixed_values(a), fixed_values(b));
					xs.len() == ys.len()
						&& xs.iter().zip(&ys).all(|(x, y)| within(*x, *y, abs_ppb, rel_ppb))
				},
				Tolerance::TopK { k } => {
					let row = a.shape.last().copied().unwrap_or(1) as usize;
					let (xs, ys) = (order_keys(a), order_keys(b));
					if row == 0 || xs.len() != ys.len() {
						return false;
					}
					xs.chunks(row).zip(ys.chunks(row)).all(|(r, s)| top_k(r, k) == top_k(s, k))
				},
			}
		}
		a.len() == b.len()
			&& a.iter().zip(b).all(|(x, y)| {
				x.dtype == y.dtype
					&& x.shape == y.shape
					&& x.is_consistent()
					&& y.is_consistent()
					&& tensors(tolerance, x, y)
			})
	}

	#[test]
	fn prepared_comparison_matches_the_pairwise_reference() {
		// A deterministic mix: near and far floats, ties, NaN and infinities, integers, rows of
		// several lengths, inconsistent data, different shapes and dtypes.
		let mut state = 0x9e37_79b9_7f4a_7c15u64;
		let mut next = move || {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state
		};
		let specials = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, 1e-30, 3.5e9];
		let tolerances = [
			Tolerance::Exact,
			Tolerance::Within { abs_ppb: 1_000, rel_ppb: 10_000_000 },
			Tolerance::Within { abs_ppb: 0, rel_ppb: 0 },
			Tolerance::TopK { k: 1 },
			Tolerance::TopK { k: 3 },
		];
		let mut checked = 0;
		let mut agreed = 0;
		for _ in 0..4_000 {
			let rows = (next() % 3 + 1) as u32;
			let cols = (next() % 5) as u32;
			let dtype = if next() % 4 == 0 { DType::I32 } else { DType::F32 };
			let base: Vec<f32> = (0..rows * cols)
				.map(|_| match next() % 6 {
					0 => specials[(next() % specials.len() as u64) as usize],
					1 => 1.0,
					_ => (next() % 2_000) as f32 / 100.0 - 10.0,
				})
				.collect();
			let other: Vec<f32> = base
				.iter()
				.map(|v| match next() % 5 {
					0 => v + 1e-6,
					1 => (next() % 2_000) as f32 / 100.0 - 10.0,
					_ => *v,
				})
				.collect();
			let tensor = |values: &[f32], shape: Vec<u32>| {
				let data: Vec<u8> = match dtype {
					DType::I32 => values.iter().flat_map(|v| (*v as i32).to_le_bytes()).collect(),
					_ => values.iter().flat_map(|v| v.to_le_bytes()).collect(),
				};
				Tensor { dtype, shape: shape.try_into().unwrap(), data: data.try_into().unwrap() }
			};
			let a = vec![tensor(&base, vec![rows, cols])];
			let b = match next() % 8 {
				0 => vec![tensor(&other, vec![cols, rows])],
				1 => vec![tensor(&other[..other.len().saturating_sub(1)], vec![rows, cols])],
				2 => vec![tensor(&other, vec![rows, cols]), tensor(&base, vec![rows, cols])],
				_ => vec![tensor(&other, vec![rows, cols])],
			};
			for tolerance in &tolerances {
				let expected = reference_agree(tolerance, &a, &b);
				assert_eq!(outputs_agree(tolerance, &a, &b), expected, "{tolerance:?} {a:?} {b:?}");
				assert_eq!(outputs_agree(tolerance, &b, &a), reference_agree(tolerance, &b, &a));
				checked += 1;
				agreed += usize::from(expected);
			}
		}
		// Both answers occur often enough for the comparison to mean something.
		assert!(agreed > checked / 10 && agreed < checked * 9 / 10, "{agreed} of {checked}");
	}

	#[test]
	fn floats_map_to_the_nearest_ppb() {
		let cases: [(f32, i64); 9] = [
			(0.0, 0),
			(-0.0, 0),
			(1.0, 1_000_000_000),
			(-2.5, -2_500_000_000),
			(0.1, 100_000_001), // 0.1f32 = 0.100000001490116…
			(1e-9, 1),
			(4e-10, 0),
			(f32::MAX, i64::MAX),
			(f32::INFINITY, i64::MAX),
		];
		for (value, ppb) in cases {
			assert_eq!(f32_to_ppb(value.to_bits()), ppb, "{value}");
		}
		assert_eq!(f32_to_ppb(f32::NEG_INFINITY.to_bits()), i64::MIN);
		assert_eq!(f32_to_ppb(f32::NAN.to_bits()), 0);
		assert_eq!(f32_to_ppb(f32::MIN_POSITIVE.to_bits()), 0);
		assert_eq!(f64_to_ppb(0.1f64.to_bits()), 100_000_000);
		assert_eq!(f64_to_ppb((-1234.5678f64).to_bits()), -1_234_567_800_000);
		assert_eq!(f64_to_ppb(1e300f64.to_bits()), i64::MAX);
		// Against the float computation, on a spread of values (test code may use floats).
		for i in -2000i32..2000 {
			let value = i as f32 * 0.37 + 0.001 * i as f32 * i as f32;
			let expected = (f64::from(value) * 1e9).round() as i64;
			assert_eq!(f32_to_ppb(value.to_bits()), expected, "{value}");
		}
	}

	#[test]
	fn within_tolerance_uses_absolute_and_relative_bounds() {
		let a = vec![f32s(&[1.0, -2.0, 100.0])];
		let near = vec![f32s(&[1.000_000_5, -2.000_000_5, 100.0])];
		let far = vec![f32s(&[1.01, -2.0, 100.0])];
		let tight = Tolerance::Within { abs_ppb: 100, rel_ppb: 0 };
		let loose = Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 };
		let relative = Tolerance::Within { abs_ppb: 0, rel_ppb: 1_000_000 }; // 0.1 %
		assert!(!outputs_agree(&tight, &a, &near));
		assert!(outputs_agree(&loose, &a, &near));
		assert!(!outputs_agree(&loose, &a, &far));
		assert!(outputs_agree(&relative, &a, &near));
		assert!(!outputs_agree(&relative, &a, &far));
		assert!(!outputs_agree(&Tolerance::Exact, &a, &near));
		assert!(outputs_agree(&Tolerance::Exact, &a, &a));
		// Shapes and counts must match whatever the tolerance.
		assert!(!outputs_agree(&loose, &a, &[f32s(&[1.0, -2.0])]));
		assert!(!outputs_agree(&loose, &a, &[]));
	}

	#[test]
	fn top_k_compares_the_ranking_per_row() {
		let row = |v: &[f32]| {
			Tensor::new(DType::F32, vec![2, 3], v.iter().flat_map(|x| x.to_le_bytes()).collect())
				.unwrap()
		};
		let a = vec![row(&[0.1, 0.7, 0.2, -1.0, -3.0, -0.5])];
		let same_rank = vec![row(&[0.0, 0.9, 0.1, -2.0, -2.5, -0.1])];
		let other_second = vec![row(&[0.2, 0.7, 0.1, -1.0, -3.0, -0.5])];
		let argmax = Tolerance::TopK { k: 1 };
		let top2 = Tolerance::TopK { k: 2 };
		assert!(outputs_agree(&argmax, &a, &same_rank));
		assert!(outputs_agree(&top2, &a, &same_rank));
		assert!(outputs_agree(&argmax, &a, &other_second));
		assert!(!outputs_agree(&top2, &a, &other_second));
		let ints = |v: &[i64]| {
			Tensor::new(DType::I64, vec![3], v.iter().flat_map(|x| x.to_le_bytes()).collect())
				.unwrap()
		};
		assert!(outputs_agree(&argmax, &[ints(&[-5, 9, 3])], &[ints(&[0, 4, -1])]));
		assert!(!outputs_agree(&argmax, &[ints(&[-5, 9, 3])], &[ints(&[10, 4, -1])]));
	}

	#[test]
	fn the_majority_of_all_seats_decides() {
		let right: &[f32] = &[1.0, 2.0];
		let wrong: &[f32] = &[1.0, 3.0];
		let exact = Tolerance::Exact;
		use Seat::*;
		let j =
			judge(&exact, &[ballot(Executor, Some(right)), ballot(Verifier, Some(right))], false);
		assert_eq!(j.decision, Decision::Accepted { executor: 0 });
		assert_eq!(j.in_line, vec![true, true]);
		// One against one: nobody can tell.
		let j =
			judge(&exact, &[ballot(Executor, Some(wrong)), ballot(Verifier, Some(right))], false);
		assert_eq!(j.decision, Decision::NoMajority);
		// Two verifiers against the executor.
		let ballots = [
			ballot(Executor, Some(wrong)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, Some(right)),
		];
		let j = judge(&exact, &ballots, false);
		assert_eq!(j.decision, Decision::ExecutorsWrong);
		assert_eq!(j.in_line, vec![false, true, true]);
		// A verifier out of line is outvoted.
		let ballots = [
			ballot(Executor, Some(right)),
			ballot(Verifier, Some(wrong)),
			ballot(Verifier, Some(right)),
		];
		let j = judge(&exact, &ballots, false);
		assert_eq!(j.decision, Decision::Accepted { executor: 0 });
		assert_eq!(j.in_line, vec![true, false, true]);
		// A seat that never revealed counts in the total: 1 of 2 is no majority.
		let j = judge(&exact, &[ballot(Executor, Some(right)), ballot(Verifier, None)], false);
		assert_eq!(j.decision, Decision::NoMajority);
		// A lone executor (request not sampled) is its own majority.
		let j = judge(&exact, &[ballot(Executor, Some(right))], false);
		assert_eq!(j.decision, Decision::Accepted { executor: 0 });
		// Under a tolerance, near outputs form one majority and the first executor is accepted.
		let near: &[f32] = &[1.0, 2.000_000_2];
		let within = Tolerance::Within { abs_ppb: 1_000, rel_ppb: 0 };
		let ballots = [
			ballot(Verifier, Some(near)),
			ballot(Executor, Some(right)),
			ballot(Verifier, Some(wrong)),
		];
		let j = judge(&within, &ballots, false);
		assert_eq!(j.decision, Decision::Accepted { executor: 1 });
		assert_eq!(j.in_line, vec![true, true, false]);
		let j = judge::<u8>(&exact, &[], false);
		assert_eq!(j.decision, Decision::NoMajority);
	}

	#[test]
	fn in_an_escalated_round_the_verifiers_decide() {
		let right: &[f32] = &[1.0, 2.0];
		let wrong: &[f32] = &[1.0, 3.0];
		let exact = Tolerance::Exact;
		use Seat::*;
		// Two replicas that disagree and two of three referees who agree with neither: over all
		// seats nobody has a majority, among the verifiers two referees do, and both replicas
		// are wrong.
		let ballots = [
			ballot(Executor, Some(wrong)),
			ballot(Executor, Some(&[0.0, 0.0])),
			ballot(Verifier, Some(right)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, Some(&[5.0, 5.0])),
		];
		assert_eq!(judge(&exact, &ballots, false).decision, Decision::NoMajority);
		let j = judge(&exact, &ballots, true);
		assert_eq!(j.decision, Decision::ExecutorsWrong);
		assert_eq!(j.in_line, vec![false, false, true, true, false]);
		// Executors' ballots support nothing: a verifier that copied the executor is one vote.
		let ballots = [
			ballot(Executor, Some(wrong)),
			ballot(Verifier, Some(wrong)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, Some(right)),
		];
		assert_eq!(judge(&exact, &ballots, false).decision, Decision::NoMajority);
		let j = judge(&exact, &ballots, true);
		assert_eq!(j.decision, Decision::ExecutorsWrong);
		assert_eq!(j.in_line, vec![false, false, true, true]);
		// Executors in line with the verifiers' majority are accepted; silent verifiers count in
		// the total.
		let ballots = [
			ballot(Executor, Some(right)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, None),
			ballot(Verifier, None),
		];
		assert_eq!(judge(&exact, &ballots, true).decision, Decision::NoMajority);
		let ballots = [
			ballot(Executor, Some(right)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, Some(right)),
			ballot(Verifier, None),
		];
		let j = judge(&exact, &ballots, true);
		assert_eq!(j.decision, Decision::Accepted { executor: 0 });
		assert_eq!(j.in_line, vec![true, true, true, false]);
		// No verifiers, no vote.
		let j = judge(&exact, &[ballot(Executor, Some(right))], true);
		assert_eq!(j.decision, Decision::NoMajority);
	}

	#[test]
	fn seals_bind_every_field() {
		let g = H256([1; 32]);
		let key = NodeKey::from_raw([2; 32]);
		let out = H256([3; 32]);
		let base = seal(&g, RequestId(1), &key, &out, &[4; 32]);
		assert_ne!(base, seal(&H256([9; 32]), RequestId(1), &key, &out, &[4; 32]));
		assert_ne!(base, seal(&g, RequestId(2), &key, &out, &[4; 32]));
		assert_ne!(base, seal(&g, RequestId(1), &NodeKey::from_raw([9; 32]), &out, &[4; 32]));
		assert_ne!(base, seal(&g, RequestId(1), &key, &H256([9; 32]), &[4; 32]));
		assert_ne!(base, seal(&g, RequestId(1), &key, &out, &[9; 32]));
	}

	#[test]
	fn sampling_follows_the_rate() {
		let policy = |sample_ppm| VerificationPolicy { sample_ppm, ..Default::default() };
		let count = |ppm| {
			(0..10_000u64).filter(|i| sampled(&policy(ppm), RequestId(*i), &H256([7; 32]))).count()
		};
		assert_eq!(count(0), 0);
		assert_eq!(count(1_000_000), 10_000);
		let tenth = count(100_000);
		assert!((800..1200).contains(&tenth), "{tenth}");
		let none = VerificationPolicy { verifiers: 0, ..policy(1_000_000) };
		assert!(!sampled(&none, RequestId(0), &H256::zero()));
	}
}
