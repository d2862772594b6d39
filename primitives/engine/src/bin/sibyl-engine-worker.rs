//! A stand-alone engine worker (`sibyl-engine-worker --memory-bytes N`), for the engine's own
//! tests and benchmarks; the node runs the same loop as `sibyl-node engine-worker`.

fn main() {
	let args: Vec<String> = std::env::args().collect();
	let memory = args
		.iter()
		.position(|a| a == "--memory-bytes")
		.and_then(|i| args.get(i + 1))
		.and_then(|v| v.parse::<u64>().ok())
		.unwrap_or(3 << 30);
	if let Err(e) = sibyl_engine::sandbox::serve(memory) {
		eprintln!("engine worker: {e}");
		std::process::exit(1);
	}
}
