//! The node's JSON-RPC methods beyond the ones `sc-service` provides: the system and payment
//! methods every Substrate node has, and Sibyl's dApp methods (`sibyl_*`, see `docs/rpc.md`).
//!
//! The `sibyl_*` methods only read the chain (runtime APIs at the best block) and the output
//! store, so they are safe to expose: what a caller can make the node do is bounded by one
//! runtime call per method, by the output store's fetch limits, and, for a subscription, by one
//! runtime call per imported best block until the request's settlement is final.

use std::sync::Arc;

use codec::Decode;
use futures::{FutureExt, StreamExt};
use jsonrpsee::{
	core::{async_trait, RpcResult, SubscriptionResult},
	proc_macros::rpc,
	types::ErrorObjectOwned,
	PendingSubscriptionSink, RpcModule, SubscriptionMessage, SubscriptionSink,
};
use sc_client_api::BlockchainEvents;
use sc_transaction_pool_api::TransactionPool;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sibyl_engine::json::TensorJson;
use sibyl_primitives::{
	api::{InferenceApi, ModelsApi},
	registry::VerificationLevel,
	BlockNumber, ModelId, Outcome, Request, RequestId, RequestState, Tensor,
};
use sibyl_runtime::{opaque::Block, AccountId, Balance, Nonce};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::{offchain::OffchainStorage, H256};
use sp_runtime::DispatchError;

const LOG: &str = "sibyl-rpc";

/// What the RPC methods need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// All of the node's RPC methods in one module, but for the output store's.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client).into_rpc())?;

	Ok(module)
}

/// Error codes of the `sibyl_*` methods.
pub mod codes {
	/// No request has this id (or it was pruned), or no model this id.
	pub const UNKNOWN: i32 = 4040;
	/// The request has not settled yet, or settled without an output.
	pub const NO_OUTPUT: i32 = 4041;
	/// The chain refused: the runtime's named error (`Inference.LevelNotAllowed`, …).
	pub const REFUSED: i32 = 4000;
	/// The node could not read its own state or decode what it read.
	pub const INTERNAL: i32 = 5000;
	/// Too many subscriptions are open; try again later.
	pub const BUSY: i32 = 5030;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

fn internal(what: impl std::fmt::Display) -> ErrorObjectOwned {
	error(codes::INTERNAL, what.to_string())
}

/// The name of a runtime error: `Inference.UnknownModel` for a module error, else its debug
/// form.
pub fn error_name(error: &DispatchError) -> String {
	match sibyl_runtime::RuntimeError::from_dispatch_error(*error) {
		// `Inference(UnknownModel)` → `Inference.UnknownModel`.
		Some(e) => format!("{e:?}").replacen('(', ".", 1).trim_end_matches(')').to_string(),
		None => format!("{error:?}"),
	}
}

/// A request or an output, as `sibyl_output` takes it: a request id, or an output hash.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum OutputRef {
	/// A request id.
	Id(u64),
	/// An output hash, `0x…`.
	Hash(H256),
}

/// The fee `sibyl_quote` returns.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Quote {
	/// The model.
	pub model: H256,
	/// The level quoted (`null`: the model's policy).
	pub level: Option<VerificationLevel>,
	/// The fee, in planck, as a decimal string (it does not fit a JSON number).
	pub fee: String,
	/// The best block it was quoted at.
	pub at: H256,
}

/// Sibyl's dApp methods.
#[rpc(server, namespace = "sibyl")]
pub trait SibylApi {
	/// The fee a request of `model` at `level` (`null`: the model's policy) holds now, or the
	/// runtime's named error why it would fail.
	#[method(name = "quote")]
	fn quote(&self, model: H256, level: Option<Value>) -> RpcResult<Quote>;

	/// The accepted output of a verified request (by id), or an output by hash: its hash and its
	/// tensors in the JSON form of `sibyl-node model run` (named after the model's outputs when
	/// the request is known). Outputs kept offchain are fetched from peers within the output
	/// store's limits.
	#[method(name = "output")]
	async fn output(&self, of: OutputRef) -> RpcResult<Value>;

	/// The receipt of a request that settled `Verified` or `Failed`, read at the finalized
	/// block and kept after the request is pruned: requester, model, input hash, outcome,
	/// commitment, level, checking, settlement block; with the block it was read at, its state
	/// root, and the storage key and SCALE value a light client checks with a read proof
	/// (`state_getReadProof([key], at)`) against that header's state root.
	#[method(name = "receipt")]
	fn receipt(&self, id: u64) -> RpcResult<Value>;

	/// Follows a request: one message per change of its state as best blocks are imported
	/// (`queued`, `committing` with the seats sealed, `revealing` with the seats revealed,
	/// `opening`, `settled` with the outcome and the decoded output), and a last one, `final`,
	/// once the block that settled it is finalized; then the subscription ends. An unknown id
	/// is refused at once.
	#[subscription(name = "watchRequest" => "requestStatus", unsubscribe = "unwatchRequest", item = Value)]
	async fn watch_request(&self, id: u64) -> SubscriptionResult;
}

/// Reads outputs by hash from the node's store or its peers (the output store of
/// `crate::outputs`).
#[async_trait]
pub trait OutputSource: Send + Sync + 'static {
	/// The output with `hash`, checked against it.
	async fn get(&self, hash: &H256) -> Result<Vec<u8>, String>;
}

#[async_trait]
impl<S: OffchainStorage + 'static> OutputSource for crate::outputs::Outputs<S> {
	async fn get(&self, hash: &H256) -> Result<Vec<u8>, String> {
		crate::outputs::Outputs::get(self, hash).await
	}
}

/// Most `sibyl_watchRequest` subscriptions open at once, over all connections: each makes one
/// runtime call per imported best block. Beyond, a subscription is refused as busy.
pub const MAX_WATCHERS: usize = 256;

/// The `sibyl_*` methods over a client and an output store.
pub struct Sibyl<C> {
	client: Arc<C>,
	outputs: Arc<dyn OutputSource>,
	watchers: Arc<std::sync::atomic::AtomicUsize>,
}

impl<C> Sibyl<C> {
	/// The methods over `client` and `outputs`.
	pub fn new(client: Arc<C>, outputs: Arc<dyn OutputSource>) -> Self {
		Sibyl { client, outputs, watchers: Default::default() }
	}
}

/// One open watcher, counted while it lives.
struct Watcher(Arc<std::sync::atomic::AtomicUsize>);

impl Watcher {
	/// A watcher, unless `MAX_WATCHERS` are open.
	fn take(count: &Arc<std::sync::atomic::AtomicUsize>) -> Option<Watcher> {
		use std::sync::atomic::Ordering;
		count
			.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
				(n < MAX_WATCHERS).then_some(n.saturating_add(1))
			})
			.ok()
			.map(|_| Watcher(count.clone()))
	}
}

impl Drop for Watcher {
	fn drop(&mut self) {
		self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
	}
}

type RequestOf = Request<AccountId, Balance, BlockNumber>;

/// A request's state as `sibyl_watchRequest` reports it: changes when any part changes.
fn status_of(request: &RequestOf) -> Value {
	let sealed = request.slots.iter().filter(|s| s.seal.is_some()).count();
	let revealed = request.slots.iter().filter(|s| s.output.is_some()).count();
	let seats = request.slots.len();
	match request.state {
		RequestState::Queued => json!({ "status": "queued" }),
		RequestState::Committing { deadline } => {
			json!({ "status": "committing", "seats": seats, "sealed": sealed, "deadline": deadline })
		},
		RequestState::Revealing { deadline } => {
			json!({ "status": "revealing", "seats": seats, "revealed": revealed, "deadline": deadline })
		},
		RequestState::Opening { deadline } => json!({ "status": "opening", "deadline": deadline }),
		RequestState::Settled { outcome, at } => {
			json!({ "status": "settled", "outcome": outcome_json(&outcome), "settled": at })
		},
	}
}

fn outcome_json(outcome: &Outcome) -> Value {
	match outcome {
		Outcome::Verified { output_hash } => {
			json!({ "verified": { "outputHash": format!("{output_hash:?}") } })
		},
		Outcome::Failed(error) => json!({ "failed": enum_json(error, false) }),
		Outcome::Refunded(reason) => json!({ "refunded": enum_json(reason, true) }),
		Outcome::SlashedAndRefunded(reason) => {
			json!({ "slashedAndRefunded": enum_json(reason, true) })
		},
	}
}

/// An enum in the JSON form polkadot.js gives the same value in events: a variant with data as
/// `{ "declined": "ResourceLimit" }` (the variant camelCased); a unit variant by its name
/// (`"ResourceLimit"`) when no variant has data (`has_data_variants` false), else as
/// `{ "timeout": null }`.
fn enum_json(value: &impl Serialize, has_data_variants: bool) -> Value {
	fn camel(value: Value) -> Value {
		match value {
			Value::Object(map) if map.len() == 1 => map
				.into_iter()
				.map(|(key, inner)| {
					let mut chars = key.chars();
					let key: String = chars
						.next()
						.map(|c| c.to_lowercase().chain(chars).collect())
						.unwrap_or_default();
					(key, camel(inner))
				})
				.collect(),
			other => other,
		}
	}
	match camel(serde_json::to_value(value).unwrap_or(Value::Null)) {
		Value::String(name) if has_data_variants => camel(json!({ name: null })),
		other => other,
	}
}

/// A verification level as JSON-RPC callers send it: serde's form (`"Unverified"`,
/// `{"Committee": 3}`) or polkadot.js's (`"unverified"`, `{"committee": 3}`).
fn parse_level(value: Option<Value>) -> RpcResult<Option<VerificationLevel>> {
	fn capital(text: &str) -> String {
		let mut chars = text.chars();
		chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
	}
	let value = match value {
		None | Some(Value::Null) => return Ok(None),
		Some(Value::String(name)) => Value::String(capital(&name)),
		Some(Value::Object(map)) => {
			Value::Object(map.into_iter().map(|(k, v)| (capital(&k), v)).collect())
		},
		Some(other) => other,
	};
	serde_json::from_value(value.clone()).map(Some).map_err(|_| {
		error(
			jsonrpsee::types::error::INVALID_PARAMS_CODE,
			format!(
				"level {value} is not null, \"Unverified\", {{\"Sampled\": ppm}} or \
				 {{\"Committee\": k}}"
			),
		)
	})
}

/// Sends `value` to a subscriber.
async fn send(sink: &SubscriptionSink, value: &Value) -> Result<(), String> {
	let message = SubscriptionMessage::from_json(value).map_err(|e| e.to_string())?;
	sink.send(message).await.map_err(|e| e.to_string())
}

/// Decodes SCALE `Vec<Tensor>` into the JSON form, named after `names` where given.
fn tensors_json(bytes: &[u8], names: &[String]) -> Result<Vec<TensorJson>, String> {
	let tensors = Vec::<Tensor>::decode(&mut &bytes[..])
		.map_err(|e| format!("the output is not SCALE tensors: {e}"))?;
	Ok(tensors
		.iter()
		.enumerate()
		.map(|(i, t)| TensorJson::from_tensor(names.get(i).cloned(), t))
		.collect())
}

impl<C> Sibyl<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>
		+ ModelsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn best(&self) -> H256 {
		self.client.info().best_hash
	}

	fn request(&self, at: H256, id: u64) -> RpcResult<Option<RequestOf>> {
		self.client.runtime_api().request(at, RequestId(id)).map_err(internal)
	}

	/// The names of `model`'s outputs, in order.
	fn output_names(&self, at: H256, model: ModelId) -> Vec<String> {
		self.client
			.runtime_api()
			.model(at, model)
			.ok()
			.flatten()
			.map(|m| {
				m.outputs.iter().map(|s| String::from_utf8_lossy(&s.name).into_owned()).collect()
			})
			.unwrap_or_default()
	}

	/// The accepted output of request `id` at block `at`, decoded.
	async fn output_of(&self, at: H256, id: u64) -> RpcResult<Value> {
		let request = self
			.request(at, id)?
			.ok_or_else(|| error(codes::UNKNOWN, format!("no request {id} (or it was pruned)")))?;
		let RequestState::Settled { outcome: Outcome::Verified { output_hash }, .. } =
			request.state
		else {
			return Err(error(
				codes::NO_OUTPUT,
				format!("request {id} has no output: {}", status_of(&request)),
			));
		};
		let inline = self.client.runtime_api().output(at, RequestId(id)).map_err(internal)?;
		let bytes = match inline {
			Some(bytes) => bytes,
			None => self
				.outputs
				.get(&output_hash)
				.await
				.map_err(|e| error(codes::NO_OUTPUT, format!("output {output_hash:?}: {e}")))?,
		};
		let names = self.output_names(at, request.model);
		let outputs = tensors_json(&bytes, &names).map_err(internal)?;
		Ok(json!({
			"request": id,
			"model": format!("{:?}", H256(request.model.0)),
			"outputHash": format!("{output_hash:?}"),
			"outputs": outputs,
		}))
	}
}

#[async_trait]
impl<C> SibylApiServer for Sibyl<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + BlockchainEvents<Block>,
	C: Send + Sync + 'static,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>
		+ ModelsApi<Block, AccountId, Balance, BlockNumber>,
{
	fn quote(&self, model: H256, level: Option<Value>) -> RpcResult<Quote> {
		let level = parse_level(level)?;
		let at = self.best();
		let fee = self.client.runtime_api().quote(at, ModelId(model.0), level).map_err(internal)?;
		match fee {
			Ok(fee) => Ok(Quote { model, level, fee: fee.to_string(), at }),
			Err(e) => Err(error(codes::REFUSED, error_name(&e))),
		}
	}

	fn receipt(&self, id: u64) -> RpcResult<Value> {
		use codec::Encode;
		use sp_runtime::traits::Header as _;
		let info = self.client.info();
		let at = info.finalized_hash;
		let receipt =
			self.client.runtime_api().receipt(at, RequestId(id)).map_err(internal)?.ok_or_else(
				|| {
					error(
						codes::UNKNOWN,
						format!(
							"no receipt for request {id} at the finalized block #{} (unknown, not \
						 settled and final yet, or refunded)",
							info.finalized_number
						),
					)
				},
			)?;
		let header = self
			.client
			.header(at)
			.map_err(internal)?
			.ok_or_else(|| internal("the finalized header is missing"))?;
		let key =
			pallet_inference::Receipts::<sibyl_runtime::Runtime>::hashed_key_for(RequestId(id));
		Ok(json!({
			"request": id,
			"requester": receipt.requester.to_string(),
			"model": format!("{:?}", H256(receipt.model.0)),
			"inputHash": format!("{:?}", receipt.input_hash),
			"outcome": outcome_json(&receipt.outcome),
			"commitment": format!("{:?}", receipt.commitment),
			"level": receipt.level,
			"checking": format!("{:?}", receipt.checking),
			"settled": receipt.settled,
			"at": format!("{at:?}"),
			"number": info.finalized_number,
			"stateRoot": format!("{:?}", header.state_root()),
			"storageKey": sibyl_primitives::to_hex(&key),
			"value": sibyl_primitives::to_hex(&receipt.encode()),
		}))
	}

	async fn output(&self, of: OutputRef) -> RpcResult<Value> {
		match of {
			OutputRef::Id(id) => self.output_of(self.best(), id).await,
			OutputRef::Hash(hash) => {
				let bytes = self
					.outputs
					.get(&hash)
					.await
					.map_err(|e| error(codes::NO_OUTPUT, format!("output {hash:?}: {e}")))?;
				let outputs = tensors_json(&bytes, &[]).map_err(internal)?;
				Ok(json!({ "outputHash": format!("{hash:?}"), "outputs": outputs }))
			},
		}
	}

	async fn watch_request(&self, pending: PendingSubscriptionSink, id: u64) -> SubscriptionResult {
		let Some(_watcher) = Watcher::take(&self.watchers) else {
			let busy = format!("busy: {MAX_WATCHERS} requests are being watched; try again later");
			pending.reject(error(codes::BUSY, busy)).await;
			return Ok(());
		};
		let at = self.best();
		let Some(first) = self.request(at, id)? else {
			pending
				.reject(error(codes::UNKNOWN, format!("no request {id} (or it was pruned)")))
				.await;
			return Ok(());
		};
		// Never cloned: dropping a clone of a sink ends its subscription.
		let sink = pending.accept().await?;
		let mut imports = self.client.import_notification_stream();
		let mut finality = self.client.finality_notification_stream();
		let mut last = Value::Null;
		let mut request = Some(first);
		let mut settled_at: Option<BlockNumber> = None;
		let mut at = at;
		loop {
			if let Some(r) = &request {
				let mut status = status_of(r);
				if status != last {
					last = status.clone();
					if let RequestState::Settled { outcome, at: block } = r.state {
						settled_at = Some(block);
						if matches!(outcome, Outcome::Verified { .. }) {
							if let Ok(output) = self.output_of(at, id).await {
								status["outputs"] = output["outputs"].clone();
							}
						}
					}
					status["request"] = json!(id);
					status["block"] = json!(format!("{at:?}"));
					log::debug!(target: LOG, "request {id}: {status}");
					send(&sink, &status).await?;
				}
			}
			let finalized = self.client.info().finalized_number;
			if settled_at.is_some_and(|s| finalized >= s) {
				let done = json!({ "status": "final", "request": id, "finalized": finalized });
				send(&sink, &done).await?;
				return Ok(());
			}
			if sink.is_closed() {
				log::debug!(target: LOG, "request {id}: the subscriber left");
				return Ok(());
			}
			futures::select! {
				block = imports.next().fuse() => {
					let Some(block) = block else { return Ok(()) };
					if !block.is_new_best {
						continue;
					}
					at = block.hash;
					// A request that is gone (pruned after settlement) keeps its last state.
					if let Some(r) = self.request(at, id)? {
						request = Some(r);
					}
				},
				_ = finality.next().fuse() => {},
			}
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn watchers_are_bounded_and_counted_back_when_they_end() {
		let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
		let open: Vec<Watcher> = (0..MAX_WATCHERS).filter_map(|_| Watcher::take(&count)).collect();
		assert_eq!(open.len(), MAX_WATCHERS);
		assert!(Watcher::take(&count).is_none(), "one more is refused");
		drop(open);
		assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 0);
		assert!(Watcher::take(&count).is_some());
	}

	#[test]
	fn outcomes_read_as_polkadot_js_shows_them_in_events() {
		use sibyl_primitives::{request::RefundReason, InferenceError};
		let json = |o: Outcome| outcome_json(&o).to_string();
		assert_eq!(
			json(Outcome::Refunded(RefundReason::Declined(InferenceError::ResourceLimit))),
			r#"{"refunded":{"declined":"ResourceLimit"}}"#
		);
		assert_eq!(
			json(Outcome::Refunded(RefundReason::NoVerifiers)),
			r#"{"refunded":{"noVerifiers":null}}"#
		);
		assert_eq!(
			json(Outcome::SlashedAndRefunded(RefundReason::WrongResult)),
			r#"{"slashedAndRefunded":{"wrongResult":null}}"#
		);
		assert_eq!(
			json(Outcome::Failed(InferenceError::NonFiniteOutput)),
			r#"{"failed":"NonFiniteOutput"}"#
		);
	}

	#[test]
	fn levels_are_read_in_serdes_form_and_in_polkadot_js_form() {
		use sibyl_primitives::registry::VerificationLevel as L;
		let level = |v: Option<Value>| parse_level(v).map_err(|e| e.message().to_string());
		assert_eq!(level(None), Ok(None));
		assert_eq!(level(Some(Value::Null)), Ok(None));
		assert_eq!(level(Some(json!("Unverified"))), Ok(Some(L::Unverified)));
		assert_eq!(level(Some(json!("unverified"))), Ok(Some(L::Unverified)));
		assert_eq!(level(Some(json!({"Unverified": null}))), Ok(Some(L::Unverified)));
		assert_eq!(level(Some(json!({"committee": 3}))), Ok(Some(L::Committee(3))));
		assert_eq!(level(Some(json!({"Sampled": 500}))), Ok(Some(L::Sampled(500))));
		let err = level(Some(json!({"quorum": 3}))).unwrap_err();
		assert!(err.contains("is not null"), "{err}");
	}
}
