//! [`SeatsLeft`]: a block takes new requests only while it has seats to give them.

use super::*;
use codec::{Decode, DecodeWithMemTracking};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::IsSubType, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, Dispatchable, TransactionExtension, ValidateResult},
};

/// The runtime's call type.
type CallOf<T> = <T as frame_system::Config>::RuntimeCall;

/// A transaction extension that keeps a new request out of a block that could not seat it.
///
/// While a block is built (or imported), a `request` or `request_with_feeds` call is invalid
/// with [`InvalidTransaction::ExhaustsResources`] once the block has seated `MaxAssignPerBlock`
/// requests, or while older requests wait in the queue. The block builder then leaves it in the
/// transaction pool for a later block, exactly as for a transaction that does not fit the block's
/// weight: nothing is charged or escrowed until the request can be seated in the block that
/// includes it, so a burst waits in the pool, in priority order (tips count), rather than on
/// chain, and every included request settles two blocks after inclusion when its nodes are idle.
/// Pool validation (`TransactionSource::External` or `Local`) is not affected: a request is never
/// refused at submission for a busy chain.
///
/// A request inside another call (a `utility.batch`) is not seen here and waits in the on-chain
/// queue when it finds no seat, as before.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct SeatsLeft<T>(PhantomData<T>);

impl<T> SeatsLeft<T> {
	/// The extension (it carries no data).
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for SeatsLeft<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "SeatsLeft")
	}
}

/// Whether `call` makes a new request.
fn is_request<T: Config>(call: &CallOf<T>) -> bool
where
	CallOf<T>: IsSubType<Call<T>>,
{
	matches!(call.is_sub_type(), Some(Call::request { .. } | Call::request_with_feeds { .. }))
}

impl<T: Config + Send + Sync> TransactionExtension<CallOf<T>> for SeatsLeft<T>
where
	CallOf<T>: IsSubType<Call<T>>,
{
	const IDENTIFIER: &'static str = "SeatsLeft";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &CallOf<T>) -> Weight {
		if is_request::<T>(call) {
			T::DbWeight::get().reads(2)
		} else {
			Weight::zero()
		}
	}

	fn validate(
		&self,
		origin: <CallOf<T> as Dispatchable>::RuntimeOrigin,
		call: &CallOf<T>,
		_info: &DispatchInfoOf<CallOf<T>>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, CallOf<T>> {
		if is_request::<T>(call)
			&& source == TransactionSource::InBlock
			&& !Pallet::<T>::can_seat_now()
		{
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(CallOf<T>; prepare);
}
