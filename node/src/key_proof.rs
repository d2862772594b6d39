//! `sibyl-node key prove`: a role key's proof of possession for `Payments.bond` and
//! `Payments.rotate_key`, signed by the key in this node's keystore.

use sc_cli::{KeystoreParams, SharedParams, SubstrateCli};
use sc_service::config::{BasePath, KeystoreConfig};
use sibyl_primitives::{key_proof_payload, to_hex, AccountId, Role};
use sp_core::{crypto::Ss58Codec, H256};
use sp_keystore::Keystore;

use crate::chain_client::Chain;

/// `sibyl-node key prove`.
#[derive(Debug, clap::Args)]
pub struct ProveCmd {
	/// The role the key is bonded for.
	#[arg(long, value_enum, ignore_case = true)]
	pub role: RoleArg,
	/// The account that bonds (SS58): the proof is worth nothing for any other.
	#[arg(long)]
	pub account: String,
	/// The role key (0x hex public key) when the keystore holds several for the role.
	#[arg(long)]
	pub public: Option<String>,
	/// A node of the chain the bond is for: the proof names its genesis hash.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub shared_params: SharedParams,
	#[allow(missing_docs)]
	#[clap(flatten)]
	pub keystore_params: KeystoreParams,
}

/// A role, as the command line names it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
	/// `infr` keys.
	Inference,
	/// `vrfy` keys.
	Verifier,
	/// `orcl` keys.
	Data,
}

impl From<RoleArg> for Role {
	fn from(role: RoleArg) -> Role {
		match role {
			RoleArg::Inference => Role::Inference,
			RoleArg::Verifier => Role::Verifier,
			RoleArg::Data => Role::Data,
		}
	}
}

impl ProveCmd {
	/// Prints `{role, account, key, proof, genesis}` as JSON; `Err` is one line for the operator.
	pub fn run<C: SubstrateCli>(&self, cli: &C) -> Result<(), String> {
		let role = Role::from(self.role);
		let account = AccountId::from_ss58check(&self.account)
			.map_err(|e| format!("--account is not an SS58 address: {e:?}"))?;
		let base_path = self
			.shared_params
			.base_path()
			.map_err(|e| e.to_string())?
			.unwrap_or_else(|| BasePath::from_project("", "", &C::executable_name()));
		let chain_id = self.shared_params.chain_id(self.shared_params.is_dev());
		let chain_spec = cli.load_spec(&chain_id)?;
		let config_dir = base_path.config_dir(chain_spec.id());
		let KeystoreConfig::Path { path, password } =
			self.keystore_params.keystore_config(&config_dir).map_err(|e| e.to_string())?
		else {
			return Err("only a keystore on disk is supported".into());
		};
		let keystore = sc_keystore::LocalKeystore::open(&path, password)
			.map_err(|e| format!("cannot open the keystore at {}: {e}", path.display()))?;
		let keys = keystore.sr25519_public_keys(role.key_type());
		let key = match &self.public {
			Some(hex) => {
				let bytes = sibyl_primitives::from_hex(hex)
					.filter(|b| b.len() == 32)
					.ok_or("--public is not a 0x-hex sr25519 public key")?;
				let key = sp_core::sr25519::Public::from_raw(
					bytes.try_into().map_err(|_| "--public is not 32 bytes")?,
				);
				if !keys.contains(&key) {
					return Err(format!("{} holds no {role:?} key {hex}", path.display()));
				}
				key
			},
			None => match keys.as_slice() {
				[key] => *key,
				[] => {
					return Err(format!(
						"{} holds no {role:?} key (type {}): insert one with `sibyl-node key insert \
						 --key-type {} --scheme sr25519 --chain {chain_id} --base-path {}`",
						path.display(),
						key_type_str(role),
						key_type_str(role),
						base_path.path().display(),
					))
				},
				_ => {
					return Err(format!(
						"{} holds {} {role:?} keys: name one with --public",
						path.display(),
						keys.len()
					))
				},
			},
		};
		let runtime = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| format!("cannot start the async runtime: {e}"))?;
		let genesis: H256 = runtime.block_on(async {
			let chain = Chain::connect(&self.url).await?;
			Ok::<_, String>(chain.genesis())
		})?;
		let payload = key_proof_payload(&genesis, role, &account);
		let proof = keystore
			.sr25519_sign(role.key_type(), &key, &payload)
			.map_err(|e| format!("the keystore cannot sign: {e}"))?
			.ok_or("the keystore lost the key")?;
		let out = serde_json::json!({
			"role": format!("{role:?}"),
			"account": self.account,
			"key": to_hex(key.as_ref()),
			"proof": to_hex(proof.as_ref()),
			"genesis": to_hex(genesis.as_ref()),
		});
		println!("{out}");
		Ok(())
	}
}

fn key_type_str(role: Role) -> String {
	String::from_utf8_lossy(&role.key_type().0).into_owned()
}
