//! `sibyl-node`: the Sibyl node binary.

// `sc_cli::Error` and `sc_service::Error` are large by design; every command returns them.
#![allow(clippy::result_large_err)]

mod chain_client;
mod chain_spec;
mod cli;
mod command;
mod inference;
mod key_proof;
mod keystore;
mod metrics;
mod model_sync;
mod offchain_pool;
mod oracle;
mod outputs;
mod role_check;
mod rpc;
mod service;
mod upload;

fn main() {
	if let Err(error) = command::run() {
		// One line for the operator, not a backtrace.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
