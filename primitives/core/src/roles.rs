//! Node roles, their keys, and the traits through which pallets meet the bonds and escrow
//! kept by `Payments`.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::crypto::KeyTypeId;
use sp_runtime::{DispatchError, DispatchResult, Perbill, Weight};

use crate::model::RequestId;

/// Keystore type of the inference role's key (`sibyl-node key insert --key-type infr`).
pub const INFERENCE_KEY_TYPE: KeyTypeId = KeyTypeId(*b"infr");
/// Keystore type of the verifier role's key.
pub const VERIFIER_KEY_TYPE: KeyTypeId = KeyTypeId(*b"vrfy");
/// Keystore type of the data (oracle) role's key.
pub const ORACLE_KEY_TYPE: KeyTypeId = KeyTypeId(*b"orcl");

/// Offchain (persistent) storage key under which a node lists the roles it takes, SCALE
/// `Vec<Role>`: `sibyl-node` writes it from `--inference` / `--verify`, and the runtime's
/// offchain worker acts only for those roles.
pub const NODE_ROLES_KEY: &[u8] = b"sibyl/roles";

/// A node's role key: sr25519, kept in the node's keystore, bound on chain to a bonded account.
pub type NodeKey = sp_core::sr25519::Public;
/// A signature made with a [`NodeKey`].
pub type NodeSignature = sp_core::sr25519::Signature;

/// A role a bonded node takes.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Runs assigned requests and submits attested results.
	Inference,
	/// Re-runs sampled requests and votes.
	Verifier,
	/// Brings external data for oracle feeds.
	Data,
}

impl Role {
	/// Every role.
	pub const ALL: [Role; 3] = [Role::Inference, Role::Verifier, Role::Data];

	/// The keystore type of this role's key.
	pub const fn key_type(self) -> KeyTypeId {
		match self {
			Role::Inference => INFERENCE_KEY_TYPE,
			Role::Verifier => VERIFIER_KEY_TYPE,
			Role::Data => ORACLE_KEY_TYPE,
		}
	}
}

/// The domain that opens every role key proof ([`key_proof_payload`]).
pub const KEY_PROOF_DOMAIN: &[u8; 18] = b"sibyl/key-proof/v1";

/// What a role key signs to prove that whoever bonds it holds it: the domain, the chain's
/// genesis hash, the role (one byte: its SCALE index) and the bonding account's SCALE encoding
/// (32 bytes for an `AccountId32`), concatenated. A proof made for one account, one role or one
/// chain is worth nothing for another, so nobody can bond (or front-run) a key they do not hold.
/// `Payments.bond` and `Payments.rotate_key` check it; `sibyl-node key prove` and the clients
/// make it.
pub fn key_proof_payload<AccountId: Encode>(
	genesis: &impl AsRef<[u8]>,
	role: Role,
	account: &AccountId,
) -> Vec<u8> {
	let mut payload = Vec::with_capacity(83);
	payload.extend_from_slice(KEY_PROOF_DOMAIN);
	payload.extend_from_slice(genesis.as_ref());
	role.encode_to(&mut payload);
	account.encode_to(&mut payload);
	payload
}

/// Which accounts are bonded for a role, and with which node key.
pub trait NodeRegistry<AccountId> {
	/// Accounts bonded for `role` and not unbonding, in a stable order.
	fn active(role: Role) -> Vec<AccountId>;
	/// The node key `who` bonded for `role` with (also while unbonding).
	fn key_of(role: Role, who: &AccountId) -> Option<NodeKey>;
	/// The account that bonded `key` for `role` (also while unbonding).
	fn account_of(role: Role, key: &NodeKey) -> Option<AccountId>;
	/// What `who` has at stake in `role`: its bond, in planck; 0 when not bonded or unbonding.
	fn stake(role: Role, who: &AccountId) -> u128;
}

/// Told when a node's bond for a role is gone (withdrawn after its unbonding period), so that
/// the pallets that keep records of the node drop them: what a node leaves behind is never kept
/// for free.
pub trait OnNodeWithdrawn<AccountId> {
	/// `who`'s bond for `role` was withdrawn.
	fn on_withdrawn(role: Role, who: &AccountId);
	/// The most one `on_withdrawn` costs.
	fn weight() -> Weight;
}

impl<AccountId> OnNodeWithdrawn<AccountId> for () {
	fn on_withdrawn(_: Role, _: &AccountId) {}
	fn weight() -> Weight {
		Weight::zero()
	}
}

/// What a settlement paid out.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Settlement<Balance> {
	/// Paid to the payees.
	pub paid: Balance,
	/// Returned to the payer (left over, or a payee that could not receive).
	pub refunded: Balance,
}

/// Fee escrow for requests: funds held from the payer until the request ends.
pub trait Escrow<AccountId, Balance> {
	/// Holds `amount` from `payer` for `request`. Fails, holding nothing, if it cannot.
	fn escrow(request: RequestId, payer: &AccountId, amount: Balance) -> DispatchResult;
	/// Pays each payee its share from the escrow of `request` and returns the rest to the payer.
	/// Shares that would exceed the escrow, or that a payee cannot receive, go back to the payer.
	fn settle(
		request: RequestId,
		payees: &[(AccountId, Balance)],
	) -> Result<Settlement<Balance>, DispatchError>;
	/// Returns the whole escrow of `request` to its payer; the amount returned.
	fn refund(request: RequestId) -> Result<Balance, DispatchError>;
	/// What is held for `request`, if anything.
	fn escrowed(request: RequestId) -> Option<Balance>;
}

/// Penalties and rewards on bonds, and the treasury that collects slashes and verification
/// premiums and pays verifiers.
pub trait Treasury<AccountId, Balance> {
	/// The treasury's account.
	fn account() -> AccountId;
	/// Moves `fraction` of `who`'s bond for `role` to the treasury; the amount moved. A bond
	/// left below the role's minimum stops taking work (it starts unbonding).
	fn slash(role: Role, who: &AccountId, fraction: Perbill) -> Balance;
	/// Pays `amount` from the treasury to `who`, or as much as the treasury can spare; the
	/// amount paid.
	fn reward(who: &AccountId, amount: Balance) -> Balance;
}
