//! Oracle feeds as other pallets read them: fixed-point integer values closed in rounds.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

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
	// lower/2 + upper/2 (+1 when both are odd), without overflowing i128.
	let carry = i128::from(lower.rem_euclid(2) == 1 && upper.rem_euclid(2) == 1);
	Some(lower.div_euclid(2).saturating_add(upper.div_euclid(2)).saturating_add(carry))
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

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)]
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
}
