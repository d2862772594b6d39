//! Oracle feeds as other pallets read them: fixed-point integer values closed in rounds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::ConstU32;
use sp_runtime::BoundedVec;

use crate::tensor::{DType, Tensor};

/// The id of an oracle feed.
pub type FeedId = u32;

/// A feed's value as closed at the end of a round.
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
pub struct Answer<BlockNumber> {
	/// The median of the round's submissions, fixed point with the feed's decimals.
	pub value: i128,
	/// The round it closed.
	pub round: u32,
	/// The block in which the round closed.
	pub at: BlockNumber,
}

/// Why a feed value cannot be used.
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
pub enum FeedError {
	/// No feed has this id.
	UnknownFeed,
	/// The feed has never closed a round.
	NoValue,
	/// The feed's last value is older than its maximum age.
	Stale,
	/// Fewer closed rounds are kept than were asked for.
	NotEnoughHistory,
}

/// Read access to oracle feeds for other pallets (implemented by `Oracle`).
pub trait FeedProvider<BlockNumber> {
	/// The feed's fixed-point decimals.
	fn decimals(feed: FeedId) -> Result<u8, FeedError>;
	/// The latest `count` answers of the feed, oldest first, if the newest is fresh.
	fn window(feed: FeedId, count: u32) -> Result<Vec<Answer<BlockNumber>>, FeedError>;
}

/// The median of `values` (sorted in place): the middle value, or for an even count the mean of
/// the two middle values rounded toward negative infinity. `None` if empty.
pub fn median(values: &mut [i128]) -> Option<i128> {
	values.sort_unstable();
	let n = values.len();
	let half = n.checked_div(2)?;
	let upper = *values.get(half)?;
	if n.checked_rem(2)? == 1 {
		return Some(upper);
	}
	let lower = *values.get(half.checked_sub(1)?)?;
	Some(mean_down(lower, upper))
}

/// The stake-weighted median of `(value, stake)` pairs (sorted in place by value): the smallest
/// value at or below which half the total stake lies; when exactly half lies at or below it,
/// the mean of it and the next value (rounded toward negative infinity), so that equal stakes
/// give [`median`]. `None` if empty or without stake.
///
/// Whoever holds more than half the stake that submitted decides it: values held by less than
/// half the stake, however many submitters hold them, cannot move it outside the range of the
/// values held by the rest. Cheap submitters (Sybils) buy no weight beyond their bonds.
pub fn weighted_median(values: &mut [(i128, u128)]) -> Option<i128> {
	values.sort_unstable();
	let total = values.iter().fold(0u128, |sum, (_, stake)| sum.saturating_add(*stake));
	if total == 0 {
		return None;
	}
	let mut below = 0u128;
	let mut rest = values.iter().filter(|(_, stake)| *stake > 0).peekable();
	while let Some((value, stake)) = rest.next() {
		below = below.saturating_add(*stake);
		let above = total.saturating_sub(below);
		if below == above {
			let next = rest.peek().map_or(*value, |(next, _)| *next);
			return Some(mean_down(*value, next));
		}
		if below > above {
			return Some(*value);
		}
	}
	values.last().map(|(value, _)| *value)
}

/// ⌊(a + b) / 2⌋ without overflowing i128.
fn mean_down(a: i128, b: i128) -> i128 {
	let carry = i128::from(a.rem_euclid(2) == 1 && b.rem_euclid(2) == 1);
	a.div_euclid(2).saturating_add(b.div_euclid(2)).saturating_add(carry)
}

/// Whether `value` lies within `max_deviation_ppm` (parts per million) of `median`, measured
/// relative to `|median|` (at least one unit of the last decimal).
pub fn within_deviation(value: i128, median: i128, max_deviation_ppm: u32) -> bool {
	const PPM: u128 = 1_000_000;
	let diff = value.abs_diff(median);
	let scale = median.unsigned_abs().max(1);
	let ppm = u128::from(max_deviation_ppm);
	// diff ≤ ⌊scale × ppm / 10⁶⌋, computed without overflow; where it would overflow the bound
	// exceeds every u128, so saturating is exact.
	let whole = scale.checked_div(PPM).unwrap_or(0).saturating_mul(ppm);
	let part =
		scale.checked_rem(PPM).unwrap_or(0).saturating_mul(ppm).checked_div(PPM).unwrap_or(0);
	diff <= whole.saturating_add(part)
}

/// Most feed bindings in one request.
pub const MAX_FEED_BINDINGS: u32 = 16;
/// Most rounds one binding may take.
pub const MAX_FEED_WINDOW: u32 = 32;

/// Where a request's input takes feed values: the latest `rounds` answers of `feed`, oldest
/// first, written into consecutive elements of input tensor `tensor` from element `offset`
/// (row-major).
///
/// Integer tensors receive the fixed-point value as is (a feed with 2 decimals holding 105.50
/// writes 10550); float tensors receive the value itself (105.5), the nearest float to
/// `value / 10^decimals` computed with integers only.
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
pub struct FeedBinding {
	/// The feed read.
	pub feed: FeedId,
	/// How many of its latest rounds (1 = the latest value only), at most [`MAX_FEED_WINDOW`].
	pub rounds: u32,
	/// The index of the input tensor written.
	pub tensor: u32,
	/// The first element written.
	pub offset: u32,
}

/// The feed bindings of one request.
pub type FeedBindings = BoundedVec<FeedBinding, ConstU32<MAX_FEED_BINDINGS>>;

/// Why feed values cannot be written into a tensor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BindError {
	/// The elements written lie outside the tensor.
	OutOfBounds,
	/// The tensor's dtype cannot hold feed values (`bool`).
	UnsupportedType,
	/// A value does not fit the tensor's dtype (or has more than 38 decimals, or is too small for
	/// a normal float).
	ValueOutOfRange,
}

/// Writes `values` (fixed point with `decimals`) into `tensor` from element `offset`.
pub fn write_values(
	tensor: &mut Tensor,
	offset: u32,
	values: &[i128],
	decimals: u8,
) -> Result<(), BindError> {
	let size = tensor.dtype.size() as usize;
	let start = (offset as usize).checked_mul(size).ok_or(BindError::OutOfBounds)?;
	let len = values.len().checked_mul(size).ok_or(BindError::OutOfBounds)?;
	let end = start.checked_add(len).ok_or(BindError::OutOfBounds)?;
	let dtype = tensor.dtype;
	let bytes = tensor.data.get_mut(start..end).ok_or(BindError::OutOfBounds)?;
	for (value, out) in values.iter().zip(bytes.chunks_exact_mut(size)) {
		let range = BindError::ValueOutOfRange;
		match dtype {
			DType::I64 => {
				out.copy_from_slice(&i64::try_from(*value).map_err(|_| range)?.to_le_bytes())
			},
			DType::I32 => {
				out.copy_from_slice(&i32::try_from(*value).map_err(|_| range)?.to_le_bytes())
			},
			DType::I8 => {
				out.copy_from_slice(&i8::try_from(*value).map_err(|_| range)?.to_le_bytes())
			},
			DType::U8 => {
				out.copy_from_slice(&u8::try_from(*value).map_err(|_| range)?.to_le_bytes())
			},
			DType::F32 => {
				let bits = fixed_to_float_bits(*value, decimals, Float::F32).ok_or(range)?;
				out.copy_from_slice(&u32::try_from(bits).map_err(|_| range)?.to_le_bytes())
			},
			DType::F64 => {
				let bits = fixed_to_float_bits(*value, decimals, Float::F64).ok_or(range)?;
				out.copy_from_slice(&bits.to_le_bytes())
			},
			DType::Bool => return Err(BindError::UnsupportedType),
		}
	}
	Ok(())
}

/// An IEEE-754 binary format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Float {
	/// binary32.
	F32,
	/// binary64.
	F64,
}

impl Float {
	/// Stored fraction bits and exponent bits.
	const fn bits(self) -> (u32, u32) {
		match self {
			Float::F32 => (23, 8),
			Float::F64 => (52, 11),
		}
	}
}

/// The bits of the float of `format` nearest to `value / 10^decimals`, ties to even, computed
/// with integer arithmetic only (so consensus code may call it). `None` if `decimals > 38`, or
/// if the result would be infinite or below the smallest normal float (only binary32 with more
/// than 37 decimals can get there).
pub fn fixed_to_float_bits(value: i128, decimals: u8, format: Float) -> Option<u64> {
	let (fraction_bits, exponent_bits) = format.bits();
	let sign = u64::from(value < 0) << fraction_bits.checked_add(exponent_bits)?;
	let n = value.unsigned_abs();
	if n == 0 {
		return Some(sign);
	}
	let d = 10u128.checked_pow(u32::from(decimals))?;
	// A significand of one bit more than the format's precision p (the last one the rounding
	// bit) and its binary exponent: n / d = (sig + rest) × 2^exp with 0 ≤ rest < 1.
	let precision = fraction_bits.checked_add(1)?;
	let (q, mut r) = (n.checked_div(d)?, n.checked_rem(d)?);
	let q_bits = 128u32.checked_sub(q.leading_zeros())?;
	let (mut sig, mut exp, sticky) = if q_bits > precision {
		let shift = q_bits.checked_sub(precision)?.checked_sub(1)?;
		let dropped = q & (1u128 << shift).checked_sub(1)?;
		(q >> shift, i32::try_from(shift).ok()?, dropped != 0 || r != 0)
	} else {
		// Long division for the fraction bits: r < d ≤ 10^38 < 2^127, so 2r never overflows;
		// n ≥ 1 bounds the loop (at most 127 leading zero bits, then p + 1 bits).
		let mut sig = q;
		let mut exp = 0i32;
		while sig < (1u128 << precision) {
			r = r.checked_mul(2)?;
			let bit = r >= d;
			if bit {
				r = r.checked_sub(d)?;
			}
			sig = (sig << 1) | u128::from(bit);
			exp = exp.checked_sub(1)?;
		}
		(sig, exp, r != 0)
	};
	// Round to p bits, ties to even.
	let round = sig & 1 == 1;
	sig >>= 1;
	exp = exp.checked_add(1)?;
	if round && (sticky || sig & 1 == 1) {
		sig = sig.checked_add(1)?;
		if sig == 1u128 << precision {
			sig >>= 1;
			exp = exp.checked_add(1)?;
		}
	}
	// n / d ≈ sig × 2^exp with sig in [2^(p-1), 2^p): the unbiased exponent is exp + p - 1.
	let bias = (1i32 << exponent_bits.checked_sub(1)?).checked_sub(1)?;
	let biased = exp.checked_add(i32::try_from(fraction_bits).ok()?)?.checked_add(bias)?;
	let infinite = (1i32 << exponent_bits).checked_sub(1)?;
	if biased <= 0 || biased >= infinite {
		return None;
	}
	let fraction = u64::try_from(sig & (1u128 << fraction_bits).checked_sub(1)?).ok()?;
	let biased = u64::try_from(biased).ok()?;
	Some(sign | (biased << fraction_bits) | fraction)
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects, clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
	use super::*;

	#[test]
	fn medians_of_odd_and_even_counts() {
		assert_eq!(median(&mut []), None);
		assert_eq!(median(&mut [5]), Some(5));
		assert_eq!(median(&mut [9, 1, 5]), Some(5));
		assert_eq!(median(&mut [4, 1, 3, 2]), Some(2)); // (2 + 3) / 2 rounded down
		assert_eq!(median(&mut [-3, -2]), Some(-3)); // -2.5 rounded toward −∞
		assert_eq!(median(&mut [10, 20]), Some(15));
		assert_eq!(median(&mut [i128::MAX, i128::MAX]), Some(i128::MAX));
		assert_eq!(median(&mut [i128::MIN, i128::MIN]), Some(i128::MIN));
		assert_eq!(median(&mut [i128::MIN, i128::MAX]), Some(-1));
	}

	#[test]
	fn weighted_medians_follow_the_stake_not_the_count() {
		assert_eq!(weighted_median(&mut []), None);
		assert_eq!(weighted_median(&mut [(5, 0), (7, 0)]), None);
		assert_eq!(weighted_median(&mut [(5, 1)]), Some(5));
		// Equal stakes: the plain median.
		assert_eq!(weighted_median(&mut [(9, 1), (1, 1), (5, 1)]), Some(5));
		assert_eq!(weighted_median(&mut [(4, 7), (1, 7), (3, 7), (2, 7)]), Some(2));
		assert_eq!(weighted_median(&mut [(10, 3), (20, 3)]), Some(15));
		assert_eq!(weighted_median(&mut [(i128::MIN, 1), (i128::MAX, 1)]), Some(-1));
		// A stakeless value is not the next value of a split.
		assert_eq!(weighted_median(&mut [(10, 3), (12, 0), (20, 3)]), Some(15));
		// One heavy submitter outweighs many light ones.
		assert_eq!(weighted_median(&mut [(1, 10), (2, 1), (3, 1), (4, 1)]), Some(1));
		let big = u128::MAX / 4;
		assert_eq!(weighted_median(&mut [(0, big), (6, big), (8, 1)]), Some(6));
	}

	#[test]
	fn sybils_holding_less_than_half_the_stake_cannot_leave_the_honest_range() {
		// Honest stake H spread over values 100..=104; any number of Sybils, of any values,
		// with total stake below H: the median stays within 100..=104.
		let honest: Vec<(i128, u128)> = (0..5).map(|i| (100 + i, 1_000)).collect();
		for sybils in [1u32, 10, 64, 400] {
			for value in [i128::MIN, -5, 0, 99, 105, 1_000_000, i128::MAX] {
				let stake_each = 4_999 / u128::from(sybils);
				let mut all = honest.clone();
				all.extend((0..sybils).map(|_| (value, stake_each)));
				let m = weighted_median(&mut all).unwrap();
				assert!((100..=104).contains(&m), "{sybils} sybils at {value}: median {m}");
			}
		}
		// With more than half the stake, they do move it: the property is exactly the bound.
		let mut all = honest.clone();
		all.push((1_000_000, 5_001));
		assert_eq!(weighted_median(&mut all), Some(1_000_000));
	}

	#[test]
	fn deviation_is_relative_to_the_median() {
		// 1 % of 1,000,000 is 10,000.
		assert!(within_deviation(1_010_000, 1_000_000, 10_000));
		assert!(!within_deviation(1_010_001, 1_000_000, 10_000));
		assert!(within_deviation(-990_000, -1_000_000, 10_000));
		assert!(!within_deviation(1_000_000, -1_000_000, 10_000));
		// Around zero the scale is one unit.
		assert!(within_deviation(0, 0, 0));
		assert!(!within_deviation(1, 0, 999_999));
		assert!(within_deviation(1, 0, 1_000_000));
		// Far out of range, without overflow: 100 % of |MAX| does not reach from MIN to MAX,
		// 4,294 × does.
		assert!(!within_deviation(i128::MIN, i128::MAX, 1_000_000));
		assert!(within_deviation(i128::MIN, i128::MAX, u32::MAX));
		assert!(!within_deviation(i128::MAX, 1, u32::MAX));
	}

	/// xorshift64*, for spread-out test values.
	fn values(seed: u64, count: usize) -> Vec<i128> {
		let mut x = seed;
		(0..count)
			.map(|i| {
				x ^= x >> 12;
				x ^= x << 25;
				x ^= x >> 27;
				let r = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
				let wide = (i128::from(r) << 64) | i128::from(r.rotate_left(17));
				// Every magnitude from 1 bit to 127 bits, both signs.
				let v = wide >> (i % 127);
				if i % 2 == 0 {
					v
				} else {
					-v
				}
			})
			.collect()
	}

	#[test]
	fn integers_become_the_nearest_float_as_rust_casts_them() {
		for v in values(7, 20_000).into_iter().chain([0, 1, -1, i128::MAX, i128::MIN + 1]) {
			assert_eq!(
				fixed_to_float_bits(v, 0, Float::F32),
				Some(u64::from((v as f32).to_bits())),
				"{v}"
			);
			assert_eq!(fixed_to_float_bits(v, 0, Float::F64), Some((v as f64).to_bits()), "{v}");
		}
		// Ties go to even: 2^24 + 1 lies halfway between two f32s.
		assert_eq!(
			fixed_to_float_bits((1 << 24) + 1, 0, Float::F32),
			Some(u64::from(16_777_216f32.to_bits()))
		);
		assert_eq!(
			fixed_to_float_bits((1 << 24) + 3, 0, Float::F32),
			Some(u64::from(16_777_220f32.to_bits()))
		);
	}

	#[test]
	fn fixed_point_values_become_the_nearest_float() {
		// f64: IEEE division of two exactly representable numbers is correctly rounded, so
		// n as f64 / 10^d as f64 is the exact answer for |n| < 2^53 and d ≤ 22.
		let mut checked = 0;
		for (i, v) in values(11, 30_000).into_iter().enumerate() {
			let v = v % (1 << 53); // |v| < 2^53, every magnitude
			let d = (i % 23) as u8;
			let expected = (v as f64) / (10u128.pow(u32::from(d)) as f64);
			assert_eq!(fixed_to_float_bits(v, d, Float::F64), Some(expected.to_bits()), "{v}e-{d}");
			// f32: rounding that f64 once more is exact unless it lies exactly halfway between
			// two f32s (double rounding); those are skipped.
			let wide = expected.to_bits();
			if v != 0 && wide & ((1 << 29) - 1) != 1 << 28 {
				let narrow = fixed_to_float_bits(v, d, Float::F32).unwrap();
				assert_eq!(narrow, u64::from((expected as f32).to_bits()), "{v}e-{d}");
				checked += 1;
			}
		}
		assert!(checked > 29_000, "{checked}");
		assert_eq!(fixed_to_float_bits(10_550, 2, Float::F32), Some(u64::from(105.5f32.to_bits())));
		assert_eq!(fixed_to_float_bits(1, 1, Float::F32), Some(u64::from(0.1f32.to_bits())));
		assert_eq!(fixed_to_float_bits(-1, 1, Float::F64), Some((-0.1f64).to_bits()));
		assert_eq!(fixed_to_float_bits(0, 30, Float::F64), Some(0));
		assert_eq!(
			fixed_to_float_bits(i128::MAX, 38, Float::F64),
			Some((i128::MAX as f64 / 1e38).to_bits())
		);
		// Out of range: more than 38 decimals, below the smallest normal f32.
		assert_eq!(fixed_to_float_bits(1, 39, Float::F64), None);
		assert_eq!(fixed_to_float_bits(1, 38, Float::F32), None);
		assert!(fixed_to_float_bits(1, 38, Float::F64).is_some());
	}

	#[test]
	fn values_are_written_into_tensors_in_their_dtype() {
		let tensor = |dtype: DType, n: u32| {
			Tensor::new(dtype, vec![1, n], vec![0; (n * dtype.size()) as usize]).unwrap()
		};
		let mut t = tensor(DType::I64, 4);
		write_values(&mut t, 1, &[10_550, -3], 2).unwrap();
		let got: Vec<i64> =
			t.data.chunks(8).map(|b| i64::from_le_bytes(b.try_into().unwrap())).collect();
		assert_eq!(got, vec![0, 10_550, -3, 0]);

		let mut t = tensor(DType::F32, 3);
		write_values(&mut t, 0, &[10_550, 25, -1], 2).unwrap();
		let got: Vec<f32> =
			t.data.chunks(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect();
		assert_eq!(got, vec![105.5, 0.25, -0.01]);

		let mut t = tensor(DType::F64, 1);
		write_values(&mut t, 0, &[-123_456_789], 3).unwrap();
		assert_eq!(f64::from_le_bytes(t.data[..].try_into().unwrap()), -123_456.789);

		// Nothing written past the end; values that do not fit; bools.
		let mut t = tensor(DType::I32, 2);
		assert_eq!(write_values(&mut t, 1, &[1, 2], 0), Err(BindError::OutOfBounds));
		assert_eq!(write_values(&mut t, u32::MAX, &[1], 0), Err(BindError::OutOfBounds));
		assert_eq!(write_values(&mut t, 0, &[1 << 31], 0), Err(BindError::ValueOutOfRange));
		assert_eq!(
			write_values(&mut tensor(DType::U8, 1), 0, &[-1], 0),
			Err(BindError::ValueOutOfRange)
		);
		assert_eq!(write_values(&mut tensor(DType::I8, 1), 0, &[-128], 0), Ok(()));
		assert_eq!(
			write_values(&mut tensor(DType::Bool, 1), 0, &[1], 0),
			Err(BindError::UnsupportedType)
		);
		assert_eq!(
			write_values(&mut tensor(DType::F32, 1), 0, &[1], 38),
			Err(BindError::ValueOutOfRange)
		);
	}
}
