//! Starts real `sibyl-node` processes on loopback and speaks JSON-RPC to them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::{
	io::{Read, Write},
	net::{TcpListener, TcpStream},
	path::PathBuf,
	process::{Child, Command, Output, Stdio},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use serde_json::{json, Value};

/// Path of the node binary cargo built for these tests.
pub fn node_bin() -> &'static str {
	env!("CARGO_BIN_EXE_sibyl-node")
}

/// Runs the binary to completion with `args`.
pub fn run_cli(args: &[&str]) -> Output {
	Command::new(node_bin()).args(args).output().expect("sibyl-node runs")
}

/// A loopback TCP port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A running node; killed, with its log kept, when dropped.
pub struct Node {
	pub name: String,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub prometheus_port: u16,
	pub log: PathBuf,
	child: Child,
}

impl Node {
	/// Starts `sibyl-node` with `args` plus fresh RPC, p2p and Prometheus ports.
	pub fn start(name: &str, args: &[&str]) -> Node {
		Node::start_with_env(name, args, &[])
	}

	/// As [`Node::start`], with `env` added to the node's environment (for instance
	/// `TRACT_CPU_ISA`, to emulate an older CPU).
	pub fn start_with_env(name: &str, args: &[&str], env: &[(&str, &str)]) -> Node {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let prometheus_port = free_port();
		let log_dir = std::env::temp_dir().join("sibyl-node-tests");
		std::fs::create_dir_all(&log_dir).unwrap();
		let log = log_dir.join(format!("{name}-{rpc_port}.log"));
		let log_file = std::fs::File::create(&log).unwrap();
		let child = Command::new(node_bin())
			.envs(env.iter().copied())
			.args(args)
			.args([
				"--rpc-port",
				&rpc_port.to_string(),
				"--prometheus-port",
				&prometheus_port.to_string(),
				"--listen-addr",
				&format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
				"--no-mdns",
				"--no-telemetry",
			])
			.stdout(Stdio::null())
			.stderr(log_file)
			.spawn()
			.expect("sibyl-node starts");
		Node { name: name.into(), rpc_port, p2p_port, prometheus_port, log, child }
	}

	/// One JSON-RPC call; `Err` on transport failure or an RPC error object.
	pub fn rpc(&self, method: &str, params: Value) -> Result<Value, String> {
		rpc_call(self.rpc_port, method, params)
	}

	/// Waits until the node answers RPC.
	pub fn wait_ready(&mut self, timeout: Duration) {
		let start = Instant::now();
		while start.elapsed() < timeout {
			if let Some(status) = self.child.try_wait().unwrap() {
				panic!("{} exited early with {status}; log:\n{}", self.name, self.log_tail());
			}
			if self.rpc("system_health", json!([])).is_ok() {
				return;
			}
			std::thread::sleep(Duration::from_millis(250));
		}
		panic!("{} did not answer RPC within {timeout:?}; log:\n{}", self.name, self.log_tail());
	}

	/// Best block number.
	pub fn best_number(&self) -> Option<u64> {
		let header = self.rpc("chain_getHeader", json!([])).ok()?;
		hex_number(&header["number"])
	}

	/// Finalized block number.
	pub fn finalized_number(&self) -> Option<u64> {
		let hash = self.rpc("chain_getFinalizedHead", json!([])).ok()?;
		let header = self.rpc("chain_getHeader", json!([hash])).ok()?;
		hex_number(&header["number"])
	}

	/// Connected peers.
	pub fn peers(&self) -> Option<u64> {
		self.rpc("system_health", json!([])).ok()?["peers"].as_u64()
	}

	/// The libp2p multiaddress others dial to reach this node.
	pub fn multiaddr(&self) -> String {
		let peer_id = self.rpc("system_localPeerId", json!([])).unwrap();
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", self.p2p_port, peer_id.as_str().unwrap())
	}

	/// Kills the process at once (SIGKILL: no shutdown, as in a crash) and waits for it.
	pub fn kill9(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}

	/// The process's peak resident memory (`VmHWM`), in KiB, while it runs.
	pub fn peak_rss_kib(&self) -> Option<u64> {
		let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
		let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
		line.split_whitespace().nth(1)?.parse().ok()
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.try_wait(), Ok(None))
	}

	/// Peak resident memory (`VmHWM`, KiB) of each live child process of the node (its engine
	/// workers), by process id.
	pub fn children_peak_rss_kib(&self) -> Vec<(u32, u64)> {
		let parent = self.child.id().to_string();
		let Ok(entries) = std::fs::read_dir("/proc") else { return vec![] };
		entries
			.filter_map(|e| e.ok())
			.filter_map(|e| {
				let pid: u32 = e.file_name().to_str()?.parse().ok()?;
				let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
				let field = |name: &str| {
					status
						.lines()
						.find(|l| l.starts_with(name))
						.and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
				};
				(field("PPid:")? == parent).then_some(())?;
				Some((pid, field("VmHWM:")?.parse().ok()?))
			})
			.collect()
	}

	/// Whether the node's log has `needle` so far.
	pub fn log_has(&self, needle: &str) -> bool {
		std::fs::read_to_string(&self.log).unwrap_or_default().contains(needle)
	}

	/// The last lines of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let text = std::fs::read_to_string(&self.log).unwrap_or_default();
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// Polls `probe` until it returns `Some`, or panics with `what` after `timeout`.
pub fn wait_for<T>(timeout: Duration, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
	let start = Instant::now();
	loop {
		if let Some(value) = probe() {
			return value;
		}
		if start.elapsed() > timeout {
			panic!("timed out after {timeout:?} waiting for {what}");
		}
		std::thread::sleep(Duration::from_millis(250));
	}
}

/// Parses a `0x…` hex quantity.
pub fn hex_number(value: &Value) -> Option<u64> {
	u64::from_str_radix(value.as_str()?.trim_start_matches("0x"), 16).ok()
}

/// Decodes a `0x…` hex string into bytes.
pub fn hex_bytes(value: &Value) -> Option<Vec<u8>> {
	let text = value.as_str()?.trim_start_matches("0x");
	(0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// One HTTP GET on loopback; returns the body.
pub fn http_get(port: u16, path: &str) -> Result<String, String> {
	let request =
		format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
	let response = http_exchange(port, request.as_bytes())?;
	Ok(response.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default())
}

/// A JSON-RPC 2.0 call over HTTP/1.1 on loopback.
pub fn rpc_call(port: u16, method: &str, params: Value) -> Result<Value, String> {
	let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params }).to_string();
	let request = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
		body.len()
	);
	let response = http_exchange(port, request.as_bytes())?;
	let (head, body) = response.split_once("\r\n\r\n").ok_or("malformed HTTP response")?;
	let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
		dechunk(body)
	} else {
		body.to_string()
	};
	let reply: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
	if let Some(error) = reply.get("error") {
		return Err(error.to_string());
	}
	Ok(reply["result"].clone())
}

fn http_exchange(port: u16, request: &[u8]) -> Result<String, String> {
	let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
	stream.set_read_timeout(Some(Duration::from_secs(30))).map_err(|e| e.to_string())?;
	stream.write_all(request).map_err(|e| e.to_string())?;
	let mut response = String::new();
	stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
	Ok(response)
}

fn dechunk(mut body: &str) -> String {
	let mut out = String::new();
	while let Some((size, rest)) = body.split_once("\r\n") {
		let Ok(size) = usize::from_str_radix(size.trim(), 16) else { break };
		if size == 0 || rest.len() < size {
			break;
		}
		out.push_str(&rest[..size]);
		body = rest[size..].trim_start_matches("\r\n");
	}
	out
}

/// A JSON source on loopback: `{"data":{"usd":"<value>"}}`, or 503 while the value is `None`.
pub struct Source {
	pub port: u16,
	value: Arc<Mutex<Option<String>>>,
}

impl Source {
	pub fn start(value: &str) -> Source {
		let listener = TcpListener::bind("127.0.0.1:0").unwrap();
		let port = listener.local_addr().unwrap().port();
		let value = Arc::new(Mutex::new(Some(value.to_string())));
		let shared = value.clone();
		std::thread::spawn(move || {
			for stream in listener.incoming() {
				let Ok(mut stream) = stream else { continue };
				let mut request = [0u8; 4096];
				let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
				let _ = stream.read(&mut request);
				let current = shared.lock().unwrap().clone();
				let response = match current {
					Some(v) => {
						let body = format!(r#"{{"data":{{"usd":"{v}"}}}}"#);
						format!(
							"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \
							 {}\r\nConnection: close\r\n\r\n{body}",
							body.len()
						)
					},
					None => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: \
					         close\r\n\r\n"
						.to_string(),
				};
				let _ = stream.write_all(response.as_bytes());
			}
		});
		Source { port, value }
	}

	pub fn set(&self, value: Option<&str>) {
		*self.value.lock().unwrap() = value.map(str::to_string);
	}

	pub fn url(&self) -> String {
		format!("http://127.0.0.1:{}/price", self.port)
	}
}

/// `OracleApi::latest(feed)`: `(value, round, age, stale)`.
pub fn latest(node: &Node, feed: u32) -> Option<(i128, u32, u32, bool)> {
	let arg = sibyl_primitives::to_hex(&codec::Encode::encode(&feed));
	let raw = node.rpc("state_call", json!(["OracleApi_latest", arg])).ok()?;
	let bytes = hex_bytes(&raw)?;
	if bytes.first() != Some(&1) {
		return None;
	}
	let value = i128::from_le_bytes(bytes.get(1..17)?.try_into().ok()?);
	let round = u32::from_le_bytes(bytes.get(17..21)?.try_into().ok()?);
	let age = u32::from_le_bytes(bytes.get(25..29)?.try_into().ok()?);
	Some((value, round, age, bytes.get(29) == Some(&1)))
}

/// `scripts/js`, where the @polkadot/api clients live.
pub fn scripts_js() -> PathBuf {
	std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/js")
}

/// Runs `node scripts/js/<script>` with `args`: stdout, stderr and success.
pub fn js(script: &str, args: &[&str]) -> (String, String, bool) {
	let dir = scripts_js();
	assert!(
		dir.join("../../node_modules/@sibyl/client/dist/index.js").exists(),
		"@sibyl/client is not installed and built: run ./scripts/setup.sh (npm ci, client build)"
	);
	let output = Command::new("node")
		.arg(dir.join(script))
		.args(args)
		.output()
		.expect("node (Node.js) runs");
	(
		String::from_utf8_lossy(&output.stdout).into_owned(),
		String::from_utf8_lossy(&output.stderr).into_owned(),
		output.status.success(),
	)
}

/// Registers and uploads `model` as Alice (price 0.001 UNIT) through `node`.
pub fn upload(node: &Node, model: &str, name: &str) {
	let url = format!("ws://127.0.0.1:{}", node.rpc_port);
	let output = run_cli(&[
		"model",
		"upload",
		"--model",
		model,
		"--name",
		name,
		"--model-version",
		"1",
		"--price",
		"1000000000",
		"--suri",
		"//Alice",
		"--url",
		&url,
	]);
	assert!(
		output.status.success(),
		"upload failed: {}\n{}",
		String::from_utf8_lossy(&output.stderr),
		node.log_tail()
	);
}

/// `sibyl-node model example` written into `dir`: the model, an input for it, and its id.
pub struct Example {
	pub model: String,
	pub input: String,
	pub id: String,
}

/// Writes the example model (`extra`: more `model example` flags) and its input into `dir`.
pub fn example_model(dir: &std::path::Path, extra: &[&str]) -> Example {
	let model = dir.join("demo.onnx").to_str().unwrap().to_string();
	let input = dir.join("input.json").to_str().unwrap().to_string();
	let args = [&["model", "example", "--out", &model, "--input-out", &input][..], extra].concat();
	let example = run_cli(&args);
	assert!(example.status.success(), "{}", String::from_utf8_lossy(&example.stderr));
	let id = String::from_utf8(example.stdout).unwrap().trim().to_string();
	Example { model, input, id }
}

/// The sum of the samples of Prometheus metric `name` in `text` whose labels include `labels`
/// (0 when there are none).
pub fn metric(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
	text.lines()
		.filter(|line| !line.starts_with('#'))
		.filter_map(|line| {
			let (series, value) = line.rsplit_once(' ')?;
			let (series_name, series_labels) = match series.split_once('{') {
				Some((n, rest)) => (n, rest.trim_end_matches('}')),
				None => (series, ""),
			};
			(series_name == name
				&& labels.iter().all(|(k, v)| series_labels.contains(&format!("{k}=\"{v}\""))))
			.then(|| value.parse::<f64>().ok())
			.flatten()
		})
		.sum()
}

/// `node`'s Prometheus metric `name` (summed over the series whose labels include `labels`),
/// `None` while the endpoint does not answer.
pub fn scrape(node: &Node, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
	http_get(node.prometheus_port, "/metrics").ok().map(|text| metric(&text, name, labels))
}

/// `Session::CurrentIndex` at block `number` of `node`'s best chain (the runtime's own pallet
/// name and FRAME's storage prefix).
pub fn session_index(node: &Node, number: u64) -> Option<u32> {
	use frame_support::traits::PalletInfoAccess;
	let hash = node.rpc("chain_getBlockHash", json!([number])).ok()?;
	let name = <sibyl_runtime::Session as PalletInfoAccess>::name();
	let key = frame_support::storage::storage_prefix(name.as_bytes(), b"CurrentIndex");
	let raw = node.rpc("state_getStorage", json!([sibyl_primitives::to_hex(&key), hash])).ok()?;
	if raw.is_null() {
		return Some(0); // a value query's default is not stored
	}
	let bytes = hex_bytes(&raw)?;
	Some(u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?))
}

/// Blocks from inclusion to settlement the report allows: `blocks`, plus one when a session
/// rotated in between (a session's first block is full with the rotation's declared weight:
/// `pallet-session` takes the whole block, and no transaction gets in).
pub fn settle_blocks_beyond_sessions(node: &Node, report: &Value) -> u64 {
	let blocks = report["blocks_to_settle"].as_u64().unwrap();
	let included = report["included_at"].as_u64().unwrap();
	let settled = report["settled_at"].as_u64().unwrap();
	let rotations = session_index(node, settled)
		.zip(session_index(node, included))
		.map_or(0, |(s, i)| u64::from(s.saturating_sub(i)));
	blocks.saturating_sub(rotations)
}
