//! What a data node's offchain worker does with a source: fetch JSON over HTTP with a deadline,
//! find the value at a path, and turn its decimal digits into the feed's fixed-point integer.
//! No floating point: the digits are read as integers.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use lite_json::{JsonValue, NumberValue};
use scale_info::TypeInfo;
use sibyl_primitives::oracle::FeedId;

/// Offchain (persistent) storage key under which the node lists its sources: SCALE
/// `Vec<Source>`, written by `sibyl-node --oracle-feeds FILE`.
pub const SOURCES_KEY: &[u8] = b"sibyl/oracle/sources";

/// Offchain (persistent) storage key of the number of source fetches that gave no value on this
/// node, SCALE `u64`: the data role's offchain worker counts them, the node's metrics read them
/// (`sibyl_oracle_fetch_failures_total`).
pub const FETCH_FAILURES_KEY: &[u8] = b"sibyl/oracle/fetch-failures";

/// How long a fetch may take, in milliseconds.
pub const FETCH_DEADLINE_MS: u64 = 2_000;

/// Largest response body read, in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// Where a data node reads a feed's value.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Debug)]
pub struct Source {
	/// The feed.
	pub feed: FeedId,
	/// An `http://` or `https://` URL answering JSON.
	pub url: Vec<u8>,
	/// Where the value is: object keys and array indices separated by dots, e.g.
	/// `data.prices.0.usd`. Empty for a bare number.
	pub path: Vec<u8>,
}

/// Why a source gave no value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FetchError {
	/// The request could not be made or timed out.
	Unreachable,
	/// The server answered with this HTTP status.
	Status(u16),
	/// The body is larger than [`MAX_BODY`] or not UTF-8.
	Body,
	/// The body is not JSON.
	NotJson,
	/// Nothing is at the path.
	NoSuchPath,
	/// The value at the path is not a number (or a string holding a decimal number).
	NotANumber,
	/// The number does not fit the feed's fixed-point range.
	OutOfRange,
}

/// Fetches `url` and reads the value at `path` as a fixed-point integer with `decimals`.
pub fn fetch(url: &[u8], path: &[u8], decimals: u8) -> Result<i128, FetchError> {
	use sp_runtime::offchain::{http, Duration};
	let url = core::str::from_utf8(url).map_err(|_| FetchError::Unreachable)?;
	let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(FETCH_DEADLINE_MS));
	let pending =
		http::Request::get(url).deadline(deadline).send().map_err(|_| FetchError::Unreachable)?;
	let response = pending
		.try_wait(deadline)
		.map_err(|_| FetchError::Unreachable)?
		.map_err(|_| FetchError::Unreachable)?;
	if response.code != 200 {
		return Err(FetchError::Status(response.code));
	}
	// The body has the same deadline as the headers: a source that stalls after its headers
	// must not hold an offchain-worker thread forever.
	let mut reader = response.body();
	reader.deadline(deadline);
	let mut body = Vec::new();
	for byte in &mut reader {
		if body.len() >= MAX_BODY {
			return Err(FetchError::Body);
		}
		body.push(byte);
	}
	if reader.error().is_some() {
		return Err(FetchError::Unreachable);
	}
	value_at(&body, path, decimals)
}

/// The value at `path` in the JSON `body`, as a fixed-point integer with `decimals`.
pub fn value_at(body: &[u8], path: &[u8], decimals: u8) -> Result<i128, FetchError> {
	let text = core::str::from_utf8(body).map_err(|_| FetchError::Body)?;
	let json = lite_json::parse_json(text).map_err(|_| FetchError::NotJson)?;
	let path = core::str::from_utf8(path).map_err(|_| FetchError::NoSuchPath)?;
	let mut at = &json;
	for step in path.split('.').filter(|s| !s.is_empty()) {
		at = match at {
			JsonValue::Object(fields) => fields
				.iter()
				.find(|(k, _)| k.iter().copied().eq(step.chars()))
				.map(|(_, v)| v)
				.ok_or(FetchError::NoSuchPath)?,
			JsonValue::Array(items) => step
				.parse::<usize>()
				.ok()
				.and_then(|i| items.get(i))
				.ok_or(FetchError::NoSuchPath)?,
			_ => return Err(FetchError::NoSuchPath),
		};
	}
	match at {
		JsonValue::Number(n) => number_to_fixed(n, decimals),
		JsonValue::String(chars) => {
			let text: alloc::string::String = chars.iter().collect();
			decimal_to_fixed(&text, decimals)
		},
		_ => Err(FetchError::NotANumber),
	}
}

/// A JSON number as a fixed-point integer with `decimals`, rounded half away from zero.
pub fn number_to_fixed(n: &NumberValue, decimals: u8) -> Result<i128, FetchError> {
	let scale = pow10(n.fraction_length).ok_or(FetchError::OutOfRange)?;
	let digits = u128::from(n.integer)
		.checked_mul(scale)
		.and_then(|d| d.checked_add(u128::from(n.fraction)))
		.ok_or(FetchError::OutOfRange)?;
	let shift = i64::from(n.exponent)
		.saturating_add(i64::from(decimals))
		.saturating_sub(i64::from(n.fraction_length));
	scale_digits(n.negative, digits, shift)
}

/// A decimal string (`-12.345`, `0.5`, `7`) as a fixed-point integer with `decimals`.
pub fn decimal_to_fixed(text: &str, decimals: u8) -> Result<i128, FetchError> {
	let text = text.trim();
	let (negative, unsigned) = match text.strip_prefix('-') {
		Some(rest) => (true, rest),
		None => (false, text.strip_prefix('+').unwrap_or(text)),
	};
	let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
	if whole.is_empty() && fraction.is_empty() {
		return Err(FetchError::NotANumber);
	}
	let mut digits: u128 = 0;
	for c in whole.chars().chain(fraction.chars()) {
		let d = c.to_digit(10).ok_or(FetchError::NotANumber)?;
		digits = digits
			.checked_mul(10)
			.and_then(|x| x.checked_add(u128::from(d)))
			.ok_or(FetchError::OutOfRange)?;
	}
	let shift = i64::from(decimals).saturating_sub(fraction.len() as i64);
	scale_digits(negative, digits, shift)
}

/// `±digits × 10^shift`, rounded half away from zero, as an `i128`.
fn scale_digits(negative: bool, digits: u128, shift: i64) -> Result<i128, FetchError> {
	let magnitude = if shift >= 0 {
		let factor = pow10(u32::try_from(shift).map_err(|_| FetchError::OutOfRange)?)
			.ok_or(FetchError::OutOfRange)?;
		digits.checked_mul(factor).ok_or(FetchError::OutOfRange)?
	} else {
		match pow10(u32::try_from(shift.unsigned_abs()).unwrap_or(u32::MAX)) {
			// Dividing by more than 10^38 leaves nothing.
			None => 0,
			Some(divisor) => {
				let quotient = digits.checked_div(divisor).unwrap_or(0);
				let rest = digits.checked_rem(divisor).unwrap_or(0);
				let up = rest.saturating_mul(2) >= divisor;
				quotient.saturating_add(u128::from(up))
			},
		}
	};
	let value = i128::try_from(magnitude).map_err(|_| FetchError::OutOfRange)?;
	Ok(if negative { value.saturating_neg() } else { value })
}

fn pow10(exponent: u32) -> Option<u128> {
	10u128.checked_pow(exponent)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	#[test]
	fn decimals_become_fixed_point_without_floats() {
		assert_eq!(decimal_to_fixed("123.456", 2), Ok(12_346));
		assert_eq!(decimal_to_fixed("123.454", 2), Ok(12_345));
		assert_eq!(decimal_to_fixed("-0.005", 2), Ok(-1));
		assert_eq!(decimal_to_fixed("7", 3), Ok(7_000));
		assert_eq!(decimal_to_fixed(" .5 ", 1), Ok(5));
		assert_eq!(decimal_to_fixed("1.", 0), Ok(1));
		assert_eq!(decimal_to_fixed("abc", 2), Err(FetchError::NotANumber));
		assert_eq!(decimal_to_fixed("1.2.3", 2), Err(FetchError::NotANumber));
		assert_eq!(decimal_to_fixed("", 2), Err(FetchError::NotANumber));
		assert_eq!(decimal_to_fixed("1e5", 2), Err(FetchError::NotANumber));
		let huge = "9".repeat(40);
		assert_eq!(decimal_to_fixed(&huge, 0), Err(FetchError::OutOfRange));
	}

	#[test]
	fn json_paths_and_numbers() {
		let body = br#"{"data":{"prices":[{"usd":64123.456789},{"usd":"1.5"}],"n":-2e3,"s":"x"}}"#;
		assert_eq!(value_at(body, b"data.prices.0.usd", 2), Ok(6_412_346));
		assert_eq!(value_at(body, b"data.prices.0.usd", 8), Ok(6_412_345_678_900));
		assert_eq!(value_at(body, b"data.prices.1.usd", 3), Ok(1_500));
		assert_eq!(value_at(body, b"data.n", 1), Ok(-20_000));
		assert_eq!(value_at(body, b"data.s", 1), Err(FetchError::NotANumber));
		assert_eq!(value_at(body, b"data.prices.2.usd", 1), Err(FetchError::NoSuchPath));
		assert_eq!(value_at(body, b"data.missing", 1), Err(FetchError::NoSuchPath));
		assert_eq!(value_at(body, b"data", 1), Err(FetchError::NotANumber));
		assert_eq!(value_at(b"42.25", b"", 1), Ok(423));
		assert_eq!(value_at(b"<html>", b"", 1), Err(FetchError::NotJson));
		assert_eq!(value_at(&[0xff, 0xfe], b"", 1), Err(FetchError::Body));
		assert_eq!(value_at(b"1e40", b"", 0), Err(FetchError::OutOfRange));
		assert_eq!(value_at(b"1e-40", b"", 0), Ok(0));
	}
}
