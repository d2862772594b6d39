//! Scheduled inference: a model run every few blocks over fresh feed data, paid from a budget
//! held up front. The `Schedules` pallet owns these records; dApps read them through
//! [`crate::api::SchedulesApi`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::DispatchError;

use crate::{
	model::{ModelId, RequestId},
	oracle::FeedBindings,
	registry::VerificationLevel,
	request::Outcome,
};

/// The id of a schedule.
pub type ScheduleId = u64;

/// A schedule: `model` on `input` with `bindings` written in, every `every` blocks, until
/// `max_runs` runs have been made.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Schedule<AccountId, Balance, BlockNumber, Input> {
	/// Who created it and pays for its runs.
	pub owner: AccountId,
	/// The model run.
	pub model: ModelId,
	/// The SCALE input tensors each run starts from, before its feed values are written in
	/// (emptied when the schedule ends).
	pub input: Input,
	/// Feed windows written into each run's input, bound in the block of the run.
	pub bindings: FeedBindings,
	/// The verification level of each run (`None`: the model's policy).
	pub level: Option<VerificationLevel>,
	/// Blocks between runs.
	pub every: BlockNumber,
	/// Runs the budget pays for.
	pub max_runs: u32,
	/// Runs made so far (skipped ones do not count).
	pub runs: u32,
	/// Periods skipped so far (a stale feed, too few nodes, a full queue, a price above
	/// `max_fee_per_run`).
	pub skipped: u32,
	/// Periods skipped since the last run was made; the schedule ends at the pallet's
	/// `MaxConsecutiveSkips`.
	pub skipped_in_a_row: u32,
	/// The most one run may cost.
	pub max_fee_per_run: Balance,
	/// What is still held of the budget (`max_runs × max_fee_per_run` at creation, less what
	/// each run's request escrowed).
	pub budget: Balance,
	/// The block the next run is due (it may be carried to later blocks when many are due).
	pub next: BlockNumber,
	/// Running, or ended.
	pub state: ScheduleState<BlockNumber>,
}

/// Whether a schedule still runs.
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
pub enum ScheduleState<BlockNumber> {
	/// Runs are made as they come due.
	Active,
	/// No more runs; its budget was released. Its record, history and latest output stay
	/// readable until the pallet's `EndedRetention` blocks have passed or its owner removes them
	/// with `cancel`.
	Ended {
		/// Why it ended.
		reason: EndReason,
		/// The block it ended in.
		at: BlockNumber,
	},
}

/// Why a schedule ended.
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
pub enum EndReason {
	/// Every run the budget paid for was made (what the runs did not spend was released).
	BudgetSpent,
	/// A run was refused for a reason that will not pass (the model retired, a feed removed, a
	/// level no longer allowed): the inference pallet's error.
	Unrunnable(DispatchError),
	/// The pallet's `MaxConsecutiveSkips` periods in a row were skipped (a feed stale for long, a
	/// level the bonded nodes cannot serve): the last error.
	Skipped(DispatchError),
}

/// One run of a schedule.
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
pub struct Run<BlockNumber> {
	/// Its number: 0 for the schedule's first run.
	pub index: u32,
	/// The request it made.
	pub request: RequestId,
	/// The block it was made in (its feed values are those of this block).
	pub at: BlockNumber,
	/// How the request ended, once it has.
	pub outcome: Option<Outcome>,
}

/// The latest verified output of a schedule.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct LatestOutput<BlockNumber, Output> {
	/// The run's number.
	pub run: u32,
	/// Its request.
	pub request: RequestId,
	/// The block it settled in.
	pub settled: BlockNumber,
	/// `blake2_256` of the output (SCALE `Vec<Tensor>`).
	pub output_hash: H256,
	/// The output itself when it is small enough to be inline on chain; a larger one is served
	/// by nodes under its hash.
	pub output: Option<Output>,
}
