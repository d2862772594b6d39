//! Runtime APIs that read Sibyl's registries: used by the node (model sync) and by dApps
//! (`state_call`, or polkadot.js `api.call.modelsApi.*`).

use alloc::vec::Vec;
use codec::Codec;
use sp_core::H256;

use crate::{
	model::ModelId,
	registry::{ModelInfo, ModelStatus},
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
