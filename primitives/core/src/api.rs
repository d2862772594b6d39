//! Runtime APIs that read Sibyl's registries: used by the node (model sync) and by dApps
//! (`state_call`, or polkadot.js `api.call.modelsApi.*`).

use alloc::vec::Vec;
use codec::Codec;
use sp_core::H256;

use sp_runtime::DispatchError;

use crate::{
	model::{ModelId, RequestId},
	oracle::{Answer, FeedId},
	registry::{ModelInfo, ModelStatus, VerificationLevel},
	request::{Receipt, Request},
	schedule::{LatestOutput, Run, Schedule, ScheduleId},
};

sp_api::decl_runtime_apis! {
	/// Reads the model registry.
	pub trait ModelsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A model's record: owner, schema, price, policy, status.
		fn model(id: ModelId) -> Option<ModelInfo<AccountId, Balance, BlockNumber>>;
		/// A model's chunk hashes, in order.
		fn chunk_hashes(id: ModelId) -> Option<Vec<H256>>;
		/// Up to `limit` (at most 1000) models with their status, starting after `after`.
		fn models(after: Option<ModelId>, limit: u32) -> Vec<(ModelId, ModelStatus)>;
		/// The model a family name and version stand for.
		fn model_by_version(name: Vec<u8>, version: u32) -> Option<ModelId>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads inference requests: for dApps (`api.call.inferenceApi.*`) and the node's RPC.
	pub trait InferenceApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A request, while it is kept (until its retention window after settlement ends).
		fn request(id: RequestId) -> Option<Request<AccountId, Balance, BlockNumber>>;
		/// The inline output of a verified request: SCALE `Vec<Tensor>`.
		fn output(id: RequestId) -> Option<Vec<u8>>;
		/// The commitment of a verified request; kept after the request is pruned.
		fn commitment(id: RequestId) -> Option<H256>;
		/// The receipt of a request that settled `Verified` or `Failed`: requester, model, input
		/// hash, outcome, commitment, level; kept after the request is pruned.
		fn receipt(id: RequestId) -> Option<Receipt<AccountId, BlockNumber>>;
		/// Up to `limit` (at most 1000) of `who`'s kept requests, ids above `after`, ascending.
		fn requests_of(who: AccountId, after: Option<RequestId>, limit: u32) -> Vec<RequestId>;
		/// The fee a call of `model` at `level` (`None`: the model's policy) costs now, or the
		/// named error a request would fail with (`UnknownModel`, `ModelNotAvailable`,
		/// `ModelRetired`, `LevelNotAllowed`, `BadLevel`, `FeeOverflow`, `NotEnoughNodes`).
		fn quote(model: ModelId, level: Option<VerificationLevel>) -> Result<Balance, DispatchError>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads oracle feeds: for dApps (`api.call.oracleApi.*`) and data nodes.
	pub trait OracleApi<BlockNumber>
	where
		BlockNumber: Codec,
	{
		/// The ids of the feeds.
		fn feeds() -> Vec<FeedId>;
		/// A feed's latest answer, its age in blocks, and whether it is stale.
		fn latest(feed: FeedId) -> Option<(Answer<BlockNumber>, BlockNumber, bool)>;
		/// Up to `count` latest answers of a feed, oldest first.
		fn history(feed: FeedId, count: u32) -> Vec<Answer<BlockNumber>>;
	}
}

sp_api::decl_runtime_apis! {
	/// Reads schedules: for dApps (`api.call.schedulesApi.*`).
	pub trait SchedulesApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A schedule, until its owner removes it (`input`: its SCALE input template).
		fn schedule(id: ScheduleId) -> Option<Schedule<AccountId, Balance, BlockNumber, Vec<u8>>>;
		/// Its latest runs, oldest first (at most the pallet's `MaxHistory`).
		fn runs(id: ScheduleId) -> Vec<Run<BlockNumber>>;
		/// Its latest verified output (SCALE `Vec<Tensor>` when inline).
		fn latest(id: ScheduleId) -> Option<LatestOutput<BlockNumber, Vec<u8>>>;
		/// The schedules `who` owns, ascending.
		fn schedules_of(who: AccountId) -> Vec<ScheduleId>;
	}
}
