//! Types shared by the Sibyl runtime, its pallets and the node.
//!
//! Everything here is `no_std` and free of floating point: it is what consensus code and the
//! node agree on. Chain-wide aliases live at the top; domain types (models, requests, tensors)
//! live in their own modules.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod api;
pub mod model;
pub mod oracle;
pub mod registry;
pub mod request;
pub mod roles;
pub mod schedule;
pub mod tensor;
pub mod verify;

pub use model::{commitment, tensors_hash, CommitmentDomain, InferenceError, ModelId, RequestId};
pub use request::{
	Checking, Outcome, Receipt, RefundReason, Request, RequestState, ResultOutput, Slot,
};
pub use roles::{key_proof_payload, NodeKey, NodeSignature, Role};
pub use tensor::{DType, Shape, Tensor, TensorError};
pub use verify::Seat;

/// The engine every inference and verifier node must run for outputs to be bit-identical: the
/// tract release and the kernel set the engine pins (x86-64 with AVX2 and FMA, nothing above it). Offchain
/// workers compare the host's identity with this one and step aside (without penalty) on a
/// mismatch, so a node upgrade can never silently put honest nodes out of line; changing it is a
/// runtime upgrade.
pub const ENGINE_IDENTITY: &str = "tract 0.23.9; x86_64,avx,avx2,fma";

/// `blake2_256` of [`ENGINE_IDENTITY`], as the host interface reports an engine's identity.
pub fn engine_identity_hash(identity: &str) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(identity.as_bytes())
}

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account id: the public key of the transaction signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance, in the chain's smallest unit (see [`currency`]).
pub type Balance = u128;

/// The count of transactions an account has sent.
pub type Nonce = u32;

/// A hash of block data.
pub type Hash = sp_core::H256;

mod token;

/// Units of the native token.
pub mod currency {
	use super::Balance;

	pub use crate::token::{DECIMALS, SYMBOL};
	/// One whole token.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// A thousandth of a token.
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	/// A millionth of a token.
	pub const MICRO_UNIT: Balance = 1_000_000;
	/// The smallest balance an account may hold.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
}

/// Block times the runtime accepts, in milliseconds, and the length of a BABE epoch.
pub mod time {
	/// Slots in a BABE epoch: 40 s at the dev block time, 2 min on the testnet.
	pub const EPOCH_DURATION_SLOTS: u64 = 20;
	/// Block time of the public testnet.
	pub const TESTNET_BLOCK_TIME_MS: u64 = 6_000;
	/// Block time of chains built from the `development` and `local_testnet` presets.
	pub const DEV_BLOCK_TIME_MS: u64 = 2_000;
	/// The shortest block time genesis may choose (block times are even: a BABE slot is twice
	/// the timestamp's minimum period).
	pub const MIN_BLOCK_TIME_MS: u64 = 500;
	/// The longest block time genesis may choose.
	pub const MAX_BLOCK_TIME_MS: u64 = 60_000;
}

/// `0x`-prefixed lower-case hex of `bytes`.
#[cfg(feature = "std")]
pub fn to_hex(bytes: &[u8]) -> String {
	let mut out = String::with_capacity(bytes.len().saturating_mul(2).saturating_add(2));
	out.push_str("0x");
	const DIGITS: &[u8; 16] = b"0123456789abcdef";
	let digit = |nibble: u8| char::from(DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'));
	for byte in bytes {
		out.push(digit(byte >> 4));
		out.push(digit(byte & 0x0f));
	}
	out
}

/// Bytes of `0x`-prefixed (or bare) hex; `None` if it is not hex.
#[cfg(feature = "std")]
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
	let text = text.strip_prefix("0x").unwrap_or(text);
	if !text.len().is_multiple_of(2) {
		return None;
	}
	(0..text.len())
		.step_by(2)
		.map(|i| text.get(i..i.checked_add(2)?).and_then(|pair| u8::from_str_radix(pair, 16).ok()))
		.collect()
}
