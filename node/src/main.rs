//! `sibyl-node`: the Sibyl node binary.

mod chain_spec;
mod cli;
mod command;
mod inference;
mod rpc;
mod service;

fn main() {
	if let Err(error) = command::run() {
		// One line for the operator, not a backtrace.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
