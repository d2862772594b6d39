//! # Payments pallet
//!
//! Money for Sibyl's roles: bonds that make a node accountable, and the escrow of request fees.
//!
//! ## Bonds
//!
//! - [`Pallet::bond`]: hold at least the role's minimum from the caller and bind a node key (the
//!   sr25519 key the node keeps in its keystore under the role's key type, e.g. `infr`) to the
//!   account, with the key's proof of possession (its signature over
//!   [`sibyl_primitives::key_proof_payload`]: this chain, the role and the caller; `sibyl-node
//!   key prove` makes it). A key serves one account per role, and only its holder can bond it.
//! - [`Pallet::rotate_key`]: bind a new node key (with its proof) to an active bond. New work goes
//!   to the new key at once; the old key stays bound to the account for `UnbondingPeriod`
//!   blocks, so the seats it was given before the rotation can still be sealed and revealed
//!   with it (keep it in the keystore until then); after that it is released at the account's
//!   next rotation or withdrawal (not before: see the known limits in `docs/running-a-node.md`).
//! - [`Pallet::bond_extra`]: add to an active bond.
//! - [`Pallet::unbond`]: leave the role. The node stops being assigned work at once; the bond stays
//!   held (and slashable) for `UnbondingPeriod` blocks.
//! - [`Pallet::withdraw_unbonded`]: after that, release the bond and free the key.
//!
//! Other pallets see bonds through [`NodeRegistry`].
//!
//! ## Escrow
//!
//! Request fees are held from the requester under [`HoldReason::Escrow`] and recorded per
//! request; [`Escrow::settle`] pays the payees from the hold and returns what is left,
//! [`Escrow::refund`] returns all of it. Each escrow ends exactly once.
//!
//! ## Treasury, slashes and rewards
//!
//! Through [`Treasury`], `Verification` slashes a share of a bond for proven misbehaviour (a
//! wrong result, a vote out of line with the majority, missed deadlines beyond a threshold):
//! the slashed funds move, still accounted, to the treasury account. A bond left below the
//! role's minimum starts unbonding, so the node gets no more work. The treasury also receives
//! the verification premium of every verified request and pays verifiers their reward. Nothing
//! is minted or burned: funds only move between free balances, holds and the treasury. See
//! `docs/verification.md`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

use alloc::vec::Vec;
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, InspectHold, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sibyl_primitives::{
	key_proof_payload,
	roles::{Escrow, NodeRegistry, OnNodeWithdrawn, Settlement, Treasury},
	NodeKey, NodeSignature, RequestId, Role,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, Perbill,
};

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
mod try_state;
pub mod weights;
pub use weights::WeightInfo;

/// The balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// A bond for one role.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Bond<Balance, BlockNumber> {
	/// Held from the bonding account.
	pub amount: Balance,
	/// The node key bound to the account for this role.
	pub key: NodeKey,
	/// Set by `unbond`: the first block in which the bond can be withdrawn.
	pub unlocks_at: Option<BlockNumber>,
}

/// A fee held for a request.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct EscrowRecord<AccountId, Balance> {
	/// Who pays.
	pub payer: AccountId,
	/// What is held.
	pub amount: Balance,
}

// FRAME's pallet macros expand to `expect` calls (pallet-info lookups) that clippy attributes
// to this module. Logic lives outside it, where the workspace lints apply in full.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_system::pallet_prelude::*;

	/// Configuration of the payments pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency bonds and fees are held in.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ InspectHold<Self::AccountId>;
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;
		/// Smallest bond of an inference node.
		#[pallet::constant]
		type MinInferenceBond: Get<BalanceOf<Self>>;
		/// Smallest bond of a verifier.
		#[pallet::constant]
		type MinVerifierBond: Get<BalanceOf<Self>>;
		/// Smallest bond of a data node.
		#[pallet::constant]
		type MinDataBond: Get<BalanceOf<Self>>;
		/// Blocks an unbonding bond stays held (and slashable).
		#[pallet::constant]
		type UnbondingPeriod: Get<BlockNumberFor<Self>>;
		/// Most active nodes per role.
		#[pallet::constant]
		type MaxNodes: Get<u32>;
		/// The treasury's account: receives slashes and verification premiums, pays verifiers.
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;
		/// Told when a bond is withdrawn, so that the pallets keeping records of the node drop
		/// them (`Verification`'s node records).
		type OnWithdrawn: OnNodeWithdrawn<Self::AccountId>;
		/// Weights of the calls (`weights.rs`, generated from `benchmarking.rs`).
		type WeightInfo: WeightInfo;
	}

	/// The storage version: bumped with each change of a stored item's layout, with its
	/// migration in `migrations` (none so far).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A node's role bond.
		Bond,
		/// A request's fee, until the request ends.
		Escrow,
	}

	/// Bonds by role and account.
	#[pallet::storage]
	pub type Bonds<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Role,
		Blake2_128Concat,
		T::AccountId,
		Bond<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// The account each node key is bound to, by role.
	#[pallet::storage]
	pub type KeyOwners<T: Config> =
		StorageDoubleMap<_, Twox64Concat, Role, Blake2_128Concat, NodeKey, T::AccountId>;

	/// Keys an account rotated away from, by role, with the block from which they are released:
	/// until then they stay in [`KeyOwners`] so the seats given to them can still be served.
	#[pallet::storage]
	pub type RetiringKeys<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		Role,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<(NodeKey, BlockNumberFor<T>), ConstU32<MAX_RETIRING_KEYS>>,
		ValueQuery,
	>;

	/// Accounts bonded for each role and not unbonding, in bonding order.
	#[pallet::storage]
	pub type Active<T: Config> =
		StorageMap<_, Twox64Concat, Role, BoundedVec<T::AccountId, T::MaxNodes>, ValueQuery>;

	/// Fees held for requests.
	#[pallet::storage]
	pub type Escrows<T: Config> =
		StorageMap<_, Twox64Concat, RequestId, EscrowRecord<T::AccountId, BalanceOf<T>>>;

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_now: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// Bonds made in genesis (for development chains).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, role, amount, node key)`.
		pub bonds: Vec<(T::AccountId, Role, BalanceOf<T>, NodeKey)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, role, amount, key) in &self.bonds {
				if let Err(e) = Pallet::<T>::do_bond(who, *role, *amount, *key) {
					panic!("genesis bond of {who:?} for {role:?} failed: {e:?}");
				}
			}
		}
	}

	/// Events of the payments pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	#[allow(missing_docs)]
	pub enum Event<T: Config> {
		/// `who` bonded `amount` for `role` with node key `key`.
		Bonded { who: T::AccountId, role: Role, amount: BalanceOf<T>, key: NodeKey },
		/// `who` bound node key `new` to its bond for `role` in place of `old`, which stays
		/// bound to it for its seats until block `old_released_at`.
		KeyRotated {
			who: T::AccountId,
			role: Role,
			old: NodeKey,
			new: NodeKey,
			old_released_at: BlockNumberFor<T>,
		},
		/// `who` added `amount` to its bond for `role`.
		BondedExtra { who: T::AccountId, role: Role, amount: BalanceOf<T> },
		/// `who` left `role`; the bond can be withdrawn from block `unlocks_at`.
		Unbonding { who: T::AccountId, role: Role, unlocks_at: BlockNumberFor<T> },
		/// `who` withdrew its bond of `amount` for `role`.
		Withdrawn { who: T::AccountId, role: Role, amount: BalanceOf<T> },
		/// `amount` was held from `payer` for `request`.
		Escrowed { request: RequestId, payer: T::AccountId, amount: BalanceOf<T> },
		/// The escrow of `request` ended: `paid` to payees, `refunded` to the payer.
		EscrowSettled { request: RequestId, paid: BalanceOf<T>, refunded: BalanceOf<T> },
		/// `amount` of `who`'s bond for `role` went to the treasury.
		Slashed { who: T::AccountId, role: Role, amount: BalanceOf<T> },
		/// The treasury paid `who` `amount`.
		Rewarded { who: T::AccountId, amount: BalanceOf<T> },
	}

	/// Errors of the payments pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// The amount is below the role's minimum bond.
		BondTooSmall,
		/// The account is already bonded (or still unbonding) for this role.
		AlreadyBonded,
		/// The account is not bonded for this role.
		NotBonded,
		/// The node key is bound to another account for this role, or (rotating) already to this
		/// one.
		KeyInUse,
		/// The proof is not the node key's signature over this chain, role and account
		/// (`sibyl_primitives::key_proof_payload`).
		BadKeyProof,
		/// The account rotated its key for this role too often within `UnbondingPeriod`.
		TooManyRotations,
		/// The role already has the most nodes it can take.
		TooManyNodes,
		/// The account cannot pay the amount (free balance above the existential deposit).
		InsufficientBalance,
		/// The bond is unbonding; it cannot grow or unbond again.
		Unbonding,
		/// The unbonding period has not ended yet.
		StillLocked,
		/// The amount is zero.
		ZeroAmount,
		/// The request already has an escrow.
		EscrowExists,
		/// The request has no escrow.
		NoEscrow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Bonds `amount` for `role`, binding node key `key` to the caller.
		///
		/// The origin must be _Signed_; `amount` is held from it.
		///
		/// - `role`: the role to take.
		/// - `amount`: at least the role's minimum bond.
		/// - `key`: the node's sr25519 key for the role (in its keystore under the role's key
		///   type).
		/// - `proof`: `key`'s signature over `key_proof_payload(genesis hash, role, caller)`
		///   (`sibyl-node key prove` prints it).
		///
		/// Errors: `BadKeyProof`, `BondTooSmall`, `AlreadyBonded`, `KeyInUse`, `TooManyNodes`,
		/// `InsufficientBalance`; nothing is held then.
		///
		/// Emits `Bonded`.
		///
		/// ## Complexity
		/// `O(N)` for the `N` active nodes of the role (bounded by `MaxNodes`), plus one sr25519
		/// verification.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::bond())]
		pub fn bond(
			origin: OriginFor<T>,
			role: Role,
			amount: BalanceOf<T>,
			key: NodeKey,
			proof: NodeSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::check_key_proof(&who, role, &key, &proof)?;
			Self::do_bond(&who, role, amount, key)
		}

		/// Adds `amount` to the caller's active bond for `role`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::bond_extra())]
		pub fn bond_extra(
			origin: OriginFor<T>,
			role: Role,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Bonds::<T>::try_mutate(role, &who, |bond| {
				let bond = bond.as_mut().ok_or(Error::<T>::NotBonded)?;
				ensure!(bond.unlocks_at.is_none(), Error::<T>::Unbonding);
				T::Currency::hold(&HoldReason::Bond.into(), &who, amount)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
				bond.amount = bond.amount.saturating_add(amount);
				Self::deposit_event(Event::BondedExtra { who: who.clone(), role, amount });
				Ok(())
			})
		}

		/// Leaves `role`: no new work from now on; the bond is held for `UnbondingPeriod` more.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::unbond())]
		pub fn unbond(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let unlocks_at =
				frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
			Bonds::<T>::try_mutate(role, &who, |bond| {
				let bond = bond.as_mut().ok_or(Error::<T>::NotBonded)?;
				ensure!(bond.unlocks_at.is_none(), Error::<T>::Unbonding);
				bond.unlocks_at = Some(unlocks_at);
				Ok::<_, DispatchError>(())
			})?;
			Active::<T>::mutate(role, |nodes| nodes.retain(|n| n != &who));
			Self::deposit_event(Event::Unbonding { who, role, unlocks_at });
			Ok(())
		}

		/// Releases the caller's bond for `role` once its unbonding period is over.
		///
		/// The origin must be _Signed_ by a node whose bond for `role` is unbonding.
		///
		/// - `role`: the unbonding role.
		///
		/// The bond's node keys (the current one and any retiring) are released, and the
		/// pallets that keep records of the node drop them (`OnWithdrawn`: its verification
		/// record and last miss). A later bond starts afresh.
		///
		/// Errors: `NotBonded` (no bond, or not unbonding), `StillLocked`. Emits `Withdrawn`.
		///
		/// ## Complexity
		/// `O(1)`: at most 4 retiring keys released.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded().saturating_add(T::OnWithdrawn::weight()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>, role: Role) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let bond = Bonds::<T>::get(role, &who).ok_or(Error::<T>::NotBonded)?;
			let unlocks_at = bond.unlocks_at.ok_or(Error::<T>::NotBonded)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() >= unlocks_at,
				Error::<T>::StillLocked
			);
			let released = T::Currency::release(
				&HoldReason::Bond.into(),
				&who,
				bond.amount,
				Precision::BestEffort,
			)?;
			Bonds::<T>::remove(role, &who);
			KeyOwners::<T>::remove(role, bond.key);
			for (old, _) in RetiringKeys::<T>::take(role, &who) {
				KeyOwners::<T>::remove(role, old);
			}
			T::OnWithdrawn::on_withdrawn(role, &who);
			Self::deposit_event(Event::Withdrawn { who, role, amount: released });
			Ok(())
		}

		/// Binds node key `key` to the caller's active bond for `role` in place of its current
		/// key, without unbonding.
		///
		/// The origin must be _Signed_ and bonded for `role` (not unbonding).
		///
		/// - `role`: the bonded role.
		/// - `key`: the new node key, bound to no account for `role`.
		/// - `proof`: `key`'s signature over `key_proof_payload(genesis hash, role, caller)`.
		///
		/// New seats go to `key` at once. The old key stays bound to the caller for
		/// `UnbondingPeriod` blocks, so seats it already holds can still be sealed and revealed
		/// with it (keep it in the node's keystore until then); after that it is released (at
		/// the next rotation or withdrawal). At most 4 keys can be retiring at once.
		///
		/// Errors: `BadKeyProof`, `NotBonded`, `Unbonding`, `KeyInUse`, `TooManyRotations`.
		///
		/// Emits `KeyRotated`.
		///
		/// ## Complexity
		/// `O(1)`: one sr25519 verification, at most 4 retiring keys released.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::rotate_key())]
		pub fn rotate_key(
			origin: OriginFor<T>,
			role: Role,
			key: NodeKey,
			proof: NodeSignature,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::check_key_proof(&who, role, &key, &proof)?;
			let mut bond = Bonds::<T>::get(role, &who).ok_or(Error::<T>::NotBonded)?;
			ensure!(bond.unlocks_at.is_none(), Error::<T>::Unbonding);
			ensure!(!KeyOwners::<T>::contains_key(role, key), Error::<T>::KeyInUse);
			let now = frame_system::Pallet::<T>::block_number();
			let released_at = now.saturating_add(T::UnbondingPeriod::get());
			let mut retiring = RetiringKeys::<T>::get(role, &who);
			let (done, kept): (Vec<_>, Vec<_>) =
				retiring.into_iter().partition(|(_, at)| *at <= now);
			retiring = BoundedVec::truncate_from(kept);
			retiring.try_push((bond.key, released_at)).map_err(|_| Error::<T>::TooManyRotations)?;
			for (old, _) in done {
				KeyOwners::<T>::remove(role, old);
			}
			let old = core::mem::replace(&mut bond.key, key);
			KeyOwners::<T>::insert(role, key, who.clone());
			Bonds::<T>::insert(role, &who, bond);
			RetiringKeys::<T>::insert(role, &who, retiring);
			Self::deposit_event(Event::KeyRotated {
				who,
				role,
				old,
				new: key,
				old_released_at: released_at,
			});
			Ok(())
		}
	}
}

/// Most keys an account can have retiring for one role ([`Pallet::rotate_key`]).
pub const MAX_RETIRING_KEYS: u32 = 4;

impl<T: Config> Pallet<T> {
	/// The smallest bond `role` takes.
	pub fn min_bond(role: Role) -> BalanceOf<T> {
		match role {
			Role::Inference => T::MinInferenceBond::get(),
			Role::Verifier => T::MinVerifierBond::get(),
			Role::Data => T::MinDataBond::get(),
		}
	}

	/// `Ok` if `proof` is `key`'s signature over this chain's proof payload for `role` and
	/// `who`.
	pub fn check_key_proof(
		who: &T::AccountId,
		role: Role,
		key: &NodeKey,
		proof: &NodeSignature,
	) -> DispatchResult {
		let genesis = frame_system::Pallet::<T>::block_hash(
			frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
		);
		let payload = key_proof_payload(&genesis, role, who);
		ensure!(sp_io::crypto::sr25519_verify(proof, &payload, key), Error::<T>::BadKeyProof);
		Ok(())
	}

	/// Bonds `who` for `role` with `key` without the key's proof of possession: for other
	/// pallets' benchmarks only (`bond` requires the proof).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn bond_unproven(
		who: &T::AccountId,
		role: Role,
		amount: BalanceOf<T>,
		key: NodeKey,
	) -> DispatchResult {
		Self::do_bond(who, role, amount, key)
	}

	fn do_bond(
		who: &T::AccountId,
		role: Role,
		amount: BalanceOf<T>,
		key: NodeKey,
	) -> DispatchResult {
		ensure!(amount >= Self::min_bond(role) && !amount.is_zero(), Error::<T>::BondTooSmall);
		ensure!(!Bonds::<T>::contains_key(role, who), Error::<T>::AlreadyBonded);
		ensure!(!KeyOwners::<T>::contains_key(role, key), Error::<T>::KeyInUse);
		let mut active = Active::<T>::get(role);
		active.try_push(who.clone()).map_err(|_| Error::<T>::TooManyNodes)?;
		T::Currency::hold(&HoldReason::Bond.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		Active::<T>::insert(role, active);
		Bonds::<T>::insert(role, who, Bond { amount, key, unlocks_at: None });
		KeyOwners::<T>::insert(role, key, who.clone());
		Self::deposit_event(Event::Bonded { who: who.clone(), role, amount, key });
		Ok(())
	}

	/// Sum of all fees held in escrow (for invariant checks).
	pub fn total_escrowed() -> BalanceOf<T> {
		Escrows::<T>::iter_values().fold(Zero::zero(), |acc, e| acc.saturating_add(e.amount))
	}
}

impl<T: Config> NodeRegistry<T::AccountId> for Pallet<T> {
	fn active(role: Role) -> Vec<T::AccountId> {
		Active::<T>::get(role).into_inner()
	}

	fn key_of(role: Role, who: &T::AccountId) -> Option<NodeKey> {
		Bonds::<T>::get(role, who).map(|b| b.key)
	}

	fn account_of(role: Role, key: &NodeKey) -> Option<T::AccountId> {
		KeyOwners::<T>::get(role, key)
	}

	fn stake(role: Role, who: &T::AccountId) -> u128 {
		Bonds::<T>::get(role, who)
			.filter(|b| b.unlocks_at.is_none())
			.map_or(0, |b| sp_runtime::SaturatedConversion::saturated_into(b.amount))
	}
}

impl<T: Config> Escrow<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn escrow(request: RequestId, payer: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!Escrows::<T>::contains_key(request), Error::<T>::EscrowExists);
		if !amount.is_zero() {
			T::Currency::hold(&HoldReason::Escrow.into(), payer, amount)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		Escrows::<T>::insert(request, EscrowRecord { payer: payer.clone(), amount });
		Self::deposit_event(Event::Escrowed { request, payer: payer.clone(), amount });
		Ok(())
	}

	fn settle(
		request: RequestId,
		payees: &[(T::AccountId, BalanceOf<T>)],
	) -> Result<Settlement<BalanceOf<T>>, DispatchError> {
		let record = Escrows::<T>::take(request).ok_or(Error::<T>::NoEscrow)?;
		let reason = HoldReason::Escrow.into();
		let mut left = record.amount;
		let mut paid = BalanceOf::<T>::zero();
		for (payee, share) in payees {
			let share = (*share).min(left);
			if share.is_zero() {
				continue;
			}
			if payee == &record.payer {
				// Paying oneself is releasing: it is counted with the refund below.
				continue;
			}
			// A payee that cannot receive (e.g. a new account below the existential deposit)
			// leaves its share to the payer: the escrow never loses funds.
			if let Ok(moved) = T::Currency::transfer_on_hold(
				&reason,
				&record.payer,
				payee,
				share,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			) {
				left = left.saturating_sub(moved);
				paid = paid.saturating_add(moved);
			}
		}
		let refunded = if left.is_zero() {
			left
		} else {
			T::Currency::release(&reason, &record.payer, left, Precision::BestEffort)?
		};
		Self::deposit_event(Event::EscrowSettled { request, paid, refunded });
		Ok(Settlement { paid, refunded })
	}

	fn refund(request: RequestId) -> Result<BalanceOf<T>, DispatchError> {
		Self::settle(request, &[]).map(|s| s.refunded)
	}

	fn escrowed(request: RequestId) -> Option<BalanceOf<T>> {
		Escrows::<T>::get(request).map(|e| e.amount)
	}
}

impl<T: Config> Treasury<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn account() -> T::AccountId {
		T::TreasuryAccount::get()
	}

	fn slash(role: Role, who: &T::AccountId, fraction: Perbill) -> BalanceOf<T> {
		let Some(mut bond) = Bonds::<T>::get(role, who) else { return Zero::zero() };
		let amount = fraction.mul_floor(bond.amount);
		if amount.is_zero() {
			return amount;
		}
		let moved = T::Currency::transfer_on_hold(
			&HoldReason::Bond.into(),
			who,
			&T::TreasuryAccount::get(),
			amount,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_else(|_| Zero::zero());
		bond.amount = bond.amount.saturating_sub(moved);
		if bond.amount < Self::min_bond(role) && bond.unlocks_at.is_none() {
			let unlocks_at =
				frame_system::Pallet::<T>::block_number().saturating_add(T::UnbondingPeriod::get());
			bond.unlocks_at = Some(unlocks_at);
			Active::<T>::mutate(role, |nodes| nodes.retain(|n| n != who));
			Self::deposit_event(Event::Unbonding { who: who.clone(), role, unlocks_at });
		}
		Bonds::<T>::insert(role, who, bond);
		Self::deposit_event(Event::Slashed { who: who.clone(), role, amount: moved });
		moved
	}

	fn reward(who: &T::AccountId, amount: BalanceOf<T>) -> BalanceOf<T> {
		let treasury = T::TreasuryAccount::get();
		let spare =
			T::Currency::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite);
		let amount = amount.min(spare);
		if amount.is_zero() || who == &treasury {
			return Zero::zero();
		}
		match T::Currency::transfer(&treasury, who, amount, Preservation::Preserve) {
			Ok(paid) => {
				Self::deposit_event(Event::Rewarded { who: who.clone(), amount: paid });
				paid
			},
			Err(_) => Zero::zero(),
		}
	}
}
