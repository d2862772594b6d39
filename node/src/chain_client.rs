//! The node's one client of a Sibyl chain over WebSocket JSON-RPC (`sibyl-node model upload`
//! is its user): it signs and submits calls, follows them into a block, names a failed call's
//! error, reads storage and calls runtime APIs.
//!
//! Nothing here is hand-built. Calls, events and storage keys are the runtime's own types
//! (`RuntimeCall`, `RuntimeEvent`, each pallet's storage items' `hashed_key_for`), and the
//! transaction extensions come from [`sibyl_runtime::tx_extension`], the runtime's single
//! definition of them. Those types are compiled into this binary, so before it signs anything
//! [`Chain::connect_signed`] checks them against the chain's own metadata: the same transaction
//! version and the same transaction extensions, in the same order. A chain that upgraded its
//! runtime in a way that changes how transactions are built is refused in one line, instead of
//! receiving transactions that fail with a bad signature.

use std::{
	collections::HashMap,
	sync::{
		atomic::{AtomicU32, Ordering},
		Arc,
	},
};

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sibyl_primitives::{to_hex, AccountId};
use sibyl_runtime::{
	Address, Runtime, RuntimeCall, RuntimeEvent, SignedPayload, UncheckedExtrinsic,
};
use sp_core::{crypto::Ss58Codec, sr25519, Pair, H256};
use sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner};

/// The metadata version whose transaction extension list [`check_compatible`] compares.
const METADATA_VERSION: u32 = 15;

/// A client of one chain; it signs when connected with [`Chain::connect_signed`].
pub struct Chain {
	client: WsClient,
	genesis: H256,
	spec_version: u32,
	tx_version: u32,
	signer: Option<Signer>,
	/// Extrinsic hashes and decoded events of blocks already looked at: several transactions
	/// share a block, and each block is fetched once.
	blocks: tokio::sync::Mutex<HashMap<H256, Arc<BlockRecord>>>,
}

/// The account a [`Chain`] signs with, and its next nonce.
struct Signer {
	pair: sr25519::Pair,
	account: AccountId,
	nonce: AtomicU32,
}

/// What [`Chain::outcome`] needs of a block.
struct BlockRecord {
	extrinsics: Vec<H256>,
	/// `None` when this binary cannot decode the chain's events (another runtime).
	events: Option<Vec<frame_system::EventRecord<RuntimeEvent, H256>>>,
}

/// How watching a submitted transaction ended, when not in a block.
enum Watched {
	/// The pool dropped it without including it: worth submitting again.
	Dropped(String),
	/// Anything else, with the reason.
	Failed(String),
}

fn rpc_err(what: &str) -> impl Fn(jsonrpsee::core::ClientError) -> String + '_ {
	move |e| format!("{what}: {e}")
}

fn unhex(text: &str) -> Result<Vec<u8>, String> {
	sibyl_primitives::from_hex(text).ok_or_else(|| format!("the node sent bad hex `{text}`"))
}

/// The storage key of `System::Events`, which frame-system keeps private: FRAME's prefix of the
/// storage item under the runtime's name for the pallet.
pub fn system_events_key() -> [u8; 32] {
	let system = <frame_system::Pallet<Runtime> as frame_support::traits::PalletInfoAccess>::name();
	frame_support::storage::storage_prefix(system.as_bytes(), b"Events")
}

/// How a runtime builds transactions: what a signer must agree on with the chain.
#[derive(Debug, PartialEq, Eq)]
pub struct TxFormat {
	/// `RuntimeVersion::transaction_version`: bumped whenever a call's index or parameters
	/// change.
	pub transaction_version: u32,
	/// The transaction extensions' identifiers, in the order they are encoded.
	pub extensions: Vec<String>,
}

impl TxFormat {
	/// The format of the runtime compiled into this binary.
	pub fn compiled() -> TxFormat {
		use sp_runtime::traits::TransactionExtension;
		TxFormat {
			transaction_version: sibyl_runtime::VERSION.transaction_version,
			extensions:
				<sibyl_runtime::TxExtension as TransactionExtension<RuntimeCall>>::metadata()
					.into_iter()
					.map(|e| e.identifier.to_string())
					.collect(),
		}
	}
}

/// The transaction extension identifiers of SCALE `RuntimeMetadataPrefixed` bytes (V15).
fn extension_identifiers(metadata: &[u8]) -> Result<Vec<String>, String> {
	use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &metadata[..])
		.map_err(|e| format!("cannot decode the runtime metadata: {e}"))?;
	match prefixed.1 {
		RuntimeMetadata::V15(v15) => {
			Ok(v15.extrinsic.signed_extensions.into_iter().map(|e| e.identifier).collect())
		},
		other => Err(format!("expected metadata V15, got V{}", other.version())),
	}
}

/// `Ok` if a signer built for `ours` can sign for a chain whose runtime has format `theirs`.
pub fn check_compatible(ours: &TxFormat, theirs: &TxFormat) -> Result<(), String> {
	if ours == theirs {
		return Ok(());
	}
	Err(format!(
		"the chain builds transactions differently from this sibyl-node (transaction version {} \
		 with extensions [{}]; this binary has version {} with [{}]): use the sibyl-node release \
		 that matches the chain's runtime",
		theirs.transaction_version,
		theirs.extensions.join(", "),
		ours.transaction_version,
		ours.extensions.join(", "),
	))
}

impl Chain {
	/// Connects to the node at `url` to read the chain.
	pub async fn connect(url: &str) -> Result<Chain, String> {
		let client = WsClientBuilder::default()
			.max_request_size(16 * 1024 * 1024)
			.max_response_size(64 * 1024 * 1024)
			.build(url)
			.await
			.map_err(|e| format!("cannot connect to {url}: {e}"))?;
		let genesis: H256 = client
			.request("chain_getBlockHash", rpc_params![0])
			.await
			.map_err(rpc_err("chain_getBlockHash"))?;
		let version: serde_json::Value = client
			.request("state_getRuntimeVersion", rpc_params![])
			.await
			.map_err(rpc_err("state_getRuntimeVersion"))?;
		let field = |name: &str| {
			version
				.get(name)
				.and_then(|v| v.as_u64())
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| format!("runtime version lacks {name}"))
		};
		let (spec_version, tx_version) = (field("specVersion")?, field("transactionVersion")?);
		let spec_name = version.get("specName").and_then(|v| v.as_str()).unwrap_or_default();
		if spec_name != sibyl_runtime::VERSION.spec_name {
			return Err(format!("{url} serves a `{spec_name}` chain, not a Sibyl chain"));
		}
		Ok(Chain {
			client,
			genesis,
			spec_version,
			tx_version,
			signer: None,
			blocks: Default::default(),
		})
	}

	/// Connects to the node at `url` to sign and submit as the sr25519 account of `suri`, once
	/// the chain's metadata shows this binary builds its transactions as it expects
	/// ([`check_compatible`]).
	pub async fn connect_signed(url: &str, suri: &str) -> Result<Chain, String> {
		let pair = sr25519::Pair::from_string(suri, None)
			.map_err(|e| format!("--suri is not a valid secret URI: {e:?}"))?;
		let mut chain = Chain::connect(url).await?;
		let metadata: Option<Vec<u8>> =
			chain.runtime_api("Metadata_metadata_at_version", METADATA_VERSION).await?;
		let theirs = TxFormat {
			transaction_version: chain.tx_version,
			extensions: extension_identifiers(
				&metadata.ok_or("the chain serves no metadata V15")?,
			)?,
		};
		check_compatible(&TxFormat::compiled(), &theirs)?;
		let account: AccountId = MultiSigner::from(pair.public()).into_account();
		let nonce: u32 = chain
			.client
			.request("system_accountNextIndex", rpc_params![account.to_ss58check()])
			.await
			.map_err(rpc_err("system_accountNextIndex"))?;
		chain.signer = Some(Signer { pair, account, nonce: AtomicU32::new(nonce) });
		Ok(chain)
	}

	/// The chain's genesis hash.
	pub fn genesis(&self) -> H256 {
		self.genesis
	}

	/// The signing account, if any.
	pub fn account(&self) -> Option<&AccountId> {
		self.signer.as_ref().map(|s| &s.account)
	}

	fn signer(&self) -> Result<&Signer, String> {
		self.signer.as_ref().ok_or_else(|| "this client was connected without a key".into())
	}

	/// Takes the signing account's next nonce.
	pub fn next_nonce(&self) -> Result<u32, String> {
		Ok(self.signer()?.nonce.fetch_add(1, Ordering::SeqCst))
	}

	/// Signs `call` with `nonce` and `tip`; returns the extrinsic and its hash.
	fn sign_at(&self, call: RuntimeCall, nonce: u32, tip: u128) -> Result<(Vec<u8>, H256), String> {
		let signer = self.signer()?;
		let tx_ext = sibyl_runtime::tx_extension(nonce, tip);
		let implicit =
			sibyl_runtime::tx_extension_implicit(self.spec_version, self.tx_version, self.genesis);
		let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
		let signature = payload.using_encoded(|bytes| signer.pair.sign(bytes));
		let xt = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(signer.account.clone()),
			MultiSignature::Sr25519(signature),
			tx_ext,
		)
		.encode();
		let hash = H256(sp_io::hashing::blake2_256(&xt));
		Ok((xt, hash))
	}

	/// Signs and submits `call` with the next nonce; returns the block it was included in once it
	/// succeeded there.
	pub async fn submit(&self, call: RuntimeCall) -> Result<H256, String> {
		self.submit_at(call, self.next_nonce()?).await
	}

	/// Signs `call` with `nonce`, submits it and follows it into a block; fails with the pallet
	/// error's name if it was included but failed. A transaction the pool dropped or turned away
	/// (its limits, under a burst; never included) is signed again with the same nonce and a tip
	/// one planck higher, a few times, a second apart: the pool bans a dropped transaction's
	/// hash, and the nonce keeps the call from being included twice.
	pub async fn submit_at(&self, call: RuntimeCall, nonce: u32) -> Result<H256, String> {
		const ATTEMPTS: u128 = 5;
		let mut tip = 0;
		loop {
			let (xt, hash) = self.sign_at(call.clone(), nonce, tip)?;
			match self.watch_once(&xt, hash).await {
				Err(Watched::Dropped(why)) if tip + 1 < ATTEMPTS => {
					log::debug!("{why}; signing it again with a tip of {} planck", tip + 1);
					tip += 1;
					tokio::time::sleep(std::time::Duration::from_secs(1)).await;
				},
				Err(Watched::Dropped(why)) | Err(Watched::Failed(why)) => return Err(why),
				Ok(block) => return Ok(block),
			}
		}
	}

	/// One submission of [`Self::submit_at`].
	async fn watch_once(&self, xt: &[u8], hash: H256) -> Result<H256, Watched> {
		let mut sub: Subscription<serde_json::Value> = self
			.client
			.subscribe(
				"author_submitAndWatchExtrinsic",
				rpc_params![to_hex(xt)],
				"author_unwatchExtrinsic",
			)
			.await
			.map_err(|e| {
				let why = format!("the node refused the transaction: {e}");
				// A full pool turns it away at once ("Immediately Dropped"): worth another try.
				if why.contains("Immediately Dropped") {
					Watched::Dropped(why)
				} else {
					Watched::Failed(why)
				}
			})?;
		while let Some(status) = sub.next().await {
			let status =
				status.map_err(|e| Watched::Failed(format!("watching the transaction: {e}")))?;
			if let Some(block) = status.get("inBlock").or_else(|| status.get("finalized")) {
				let block: H256 = serde_json::from_value(block.clone())
					.map_err(|e| Watched::Failed(format!("bad block hash from the node: {e}")))?;
				self.outcome(block, hash).await.map_err(Watched::Failed)?;
				return Ok(block);
			}
			let ended = |t: &str| status == t || status.get(t).is_some();
			let why = format!("transaction {hash:?} ended as {status}");
			if ended("dropped") {
				return Err(Watched::Dropped(why));
			}
			if ["invalid", "usurped", "finalityTimeout"].iter().any(|t| ended(t)) {
				return Err(Watched::Failed(why));
			}
		}
		Err(Watched::Failed("the node closed the subscription".into()))
	}

	/// `Ok` if extrinsic `hash` succeeded in `block`, else the dispatch error by name.
	async fn outcome(&self, block: H256, hash: H256) -> Result<(), String> {
		let record = self.block_record(block).await?;
		let position = record
			.extrinsics
			.iter()
			.position(|x| *x == hash)
			.ok_or("the transaction is not in the block it was reported in")?;
		// A runtime this binary does not know: inclusion is all we can report.
		let Some(events) = &record.events else { return Ok(()) };
		for event in events {
			if event.phase != frame_system::Phase::ApplyExtrinsic(position as u32) {
				continue;
			}
			if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error,
				..
			}) = &event.event
			{
				return Err(
					match sibyl_runtime::RuntimeError::from_dispatch_error(*dispatch_error) {
						Some(error) => format!("failed on chain: {error:?}"),
						None => format!("failed on chain: {dispatch_error:?}"),
					},
				);
			}
		}
		Ok(())
	}

	/// The extrinsic hashes and events of `block`, fetched once.
	async fn block_record(&self, block: H256) -> Result<Arc<BlockRecord>, String> {
		let mut cache = self.blocks.lock().await;
		if let Some(record) = cache.get(&block) {
			return Ok(record.clone());
		}
		let body: serde_json::Value = self
			.client
			.request("chain_getBlock", rpc_params![block])
			.await
			.map_err(rpc_err("chain_getBlock"))?;
		let extrinsics = body
			.pointer("/block/extrinsics")
			.and_then(|x| x.as_array())
			.ok_or("the node sent a block without extrinsics")?
			.iter()
			.map(|x| {
				let bytes = unhex(x.as_str().unwrap_or_default())?;
				Ok(H256(sp_io::hashing::blake2_256(&bytes)))
			})
			.collect::<Result<Vec<_>, String>>()?;
		let events = self
			.raw_storage(&system_events_key(), Some(block))
			.await?
			.and_then(|raw| Decode::decode(&mut &raw[..]).ok());
		let record = Arc::new(BlockRecord { extrinsics, events });
		cache.insert(block, record.clone());
		Ok(record)
	}

	/// The number of `block`.
	pub async fn block_number(&self, block: H256) -> Result<u32, String> {
		let header: serde_json::Value = self
			.client
			.request("chain_getHeader", rpc_params![block])
			.await
			.map_err(rpc_err("chain_getHeader"))?;
		let number =
			header.get("number").and_then(|n| n.as_str()).ok_or("header without number")?;
		u32::from_str_radix(number.trim_start_matches("0x"), 16)
			.map_err(|_| format!("bad block number {number}"))
	}

	/// Calls runtime API function `method` (e.g. `ModelsApi_model`) with SCALE `args` at the
	/// best block.
	pub async fn runtime_api<R: Decode>(
		&self,
		method: &str,
		args: impl Encode,
	) -> Result<R, String> {
		let raw: String = self
			.client
			.request("state_call", rpc_params![method, to_hex(&args.encode())])
			.await
			.map_err(rpc_err(method))?;
		R::decode(&mut &unhex(&raw)?[..]).map_err(|e| format!("{method}: {e}"))
	}

	/// The value under `key` (a storage item's own `hashed_key_for`) at `at`, or the best block.
	pub async fn raw_storage(
		&self,
		key: &[u8],
		at: Option<H256>,
	) -> Result<Option<Vec<u8>>, String> {
		let raw: Option<String> = self
			.client
			.request("state_getStorage", rpc_params![to_hex(key), at])
			.await
			.map_err(rpc_err("state_getStorage"))?;
		raw.map(|raw| unhex(&raw)).transpose()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_compiled_format_names_the_runtimes_extensions_in_order() {
		let ours = TxFormat::compiled();
		assert_eq!(ours.transaction_version, sibyl_runtime::VERSION.transaction_version);
		assert_eq!(ours.extensions.first().map(String::as_str), Some("AuthorizeCall"));
		assert!(ours.extensions.iter().any(|e| e == "CheckNonce"));
		assert!(ours.extensions.iter().any(|e| e == "ChargeTransactionPayment"));
		assert_eq!(check_compatible(&ours, &TxFormat::compiled()), Ok(()));
	}

	#[test]
	fn a_chain_that_builds_transactions_differently_is_refused_by_name() {
		let ours = TxFormat::compiled();
		let bumped =
			TxFormat { transaction_version: ours.transaction_version + 1, ..TxFormat::compiled() };
		let err = check_compatible(&ours, &bumped).unwrap_err();
		assert!(err.contains("transaction version"), "{err}");
		let mut more = TxFormat::compiled();
		more.extensions.push("ChargeStorageRent".into());
		let err = check_compatible(&ours, &more).unwrap_err();
		assert!(err.contains("ChargeStorageRent"), "{err}");
		let mut reordered = TxFormat::compiled();
		reordered.extensions.swap(0, 1);
		assert!(check_compatible(&ours, &reordered).is_err());
	}
}
