//! Runs conformance cases through the engine and compares every output with the expected one.
//!
//! `cargo run --release -p sibyl-engine --example conformance -- CASES [BASELINE]`: `CASES` holds
//! one directory per case as `scripts/conformance/cases.py` writes them (`model.onnx`, `case.json`,
//! raw little-endian `.bin` tensors). Each case ends `pass`, `refused` (the engine declines: an
//! unsupported operator or type, a non-finite output), `wrong` (it ran and answered differently)
//! or `n/a` (the case needs a tensor type the chain does not carry). Prints one row per operator,
//! writes them to `CASES/results.tsv`, and exits non-zero on any `wrong` case or, given
//! `BASELINE`, on any operator passing fewer cases than the baseline records. With
//! `CONFORMANCE_VERBOSE` set it prints why each refused case was refused.

use std::{collections::BTreeMap, fs, path::Path, process::ExitCode};

use serde_json::Value;
use sibyl_engine::{DType, Engine, EngineConfig, Tensor};

#[derive(Default, Clone, Copy)]
struct Counts {
	pass: u32,
	refused: u32,
	wrong: u32,
	na: u32,
}

fn dtype(name: &str) -> Option<DType> {
	Some(match name {
		"f32" => DType::F32,
		"f64" => DType::F64,
		"i64" => DType::I64,
		"i32" => DType::I32,
		"i8" => DType::I8,
		"u8" => DType::U8,
		"bool" => DType::Bool,
		_ => return None,
	})
}

fn tensor(dir: &Path, spec: &Value) -> Result<Tensor, String> {
	let dt = dtype(spec["dtype"].as_str().unwrap_or("")).ok_or("unknown dtype")?;
	let shape = spec["shape"]
		.as_array()
		.ok_or("no shape")?
		.iter()
		.map(|d| d.as_u64().and_then(|d| u32::try_from(d).ok()).ok_or("bad dimension"))
		.collect::<Result<Vec<u32>, _>>()?;
	let bytes =
		fs::read(dir.join(spec["file"].as_str().ok_or("no file")?)).map_err(|e| e.to_string())?;
	Tensor::new(dt, shape, bytes).map_err(|e| format!("{e:?}"))
}

fn floats(t: &Tensor) -> Option<Vec<f64>> {
	match t.dtype {
		DType::F32 => Some(
			t.data
				.chunks_exact(4)
				.map(|b| f64::from(f32::from_le_bytes(b.try_into().unwrap_or([0; 4]))))
				.collect(),
		),
		DType::F64 => Some(
			t.data
				.chunks_exact(8)
				.map(|b| f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
				.collect(),
		),
		_ => None,
	}
}

/// Why `got` differs from `want`, if it does.
fn differs(got: &Tensor, want: &Tensor, rtol: f64, atol: f64) -> Option<String> {
	if got.dtype != want.dtype {
		return Some(format!("dtype {:?}, expected {:?}", got.dtype, want.dtype));
	}
	if got.shape != want.shape {
		return Some(format!("shape {:?}, expected {:?}", got.shape.to_vec(), want.shape.to_vec()));
	}
	match (floats(got), floats(want)) {
		(Some(g), Some(w)) => {
			for (i, (a, b)) in g.iter().zip(&w).enumerate() {
				let same =
					(a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= atol + rtol * b.abs();
				if !same {
					return Some(format!("element {i}: {a}, expected {b}"));
				}
			}
			None
		},
		_ => (got.data != want.data).then(|| "different values".to_string()),
	}
}

fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().collect();
	let Some(cases) = args.get(1) else {
		eprintln!("usage: conformance CASES [BASELINE]");
		return ExitCode::from(2);
	};
	let engine = Engine::new(EngineConfig::default());
	let verbose = std::env::var_os("CONFORMANCE_VERBOSE").is_some();
	let mut names: Vec<_> = match fs::read_dir(cases) {
		Ok(dir) => dir.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect(),
		Err(e) => {
			eprintln!("{cases}: {e}");
			return ExitCode::from(2);
		},
	};
	names.sort();
	let mut by_op: BTreeMap<String, Counts> = BTreeMap::new();
	let mut wrong = Vec::new();
	for dir in &names {
		let case: Value = match fs::read(dir.join("case.json")).map(|b| serde_json::from_slice(&b))
		{
			Ok(Ok(case)) => case,
			_ => continue,
		};
		let op = case["op"].as_str().unwrap_or("?").to_string();
		let counts = by_op.entry(op.clone()).or_default();
		if case["na"].as_bool().unwrap_or(false) {
			counts.na += 1;
			continue;
		}
		// The suite's own tolerance, with an absolute floor of 1e-5: single-precision noise around
		// zero (an FFT's 2e-6 where the reference has 1e-14) is not a different answer.
		let rtol = case["rtol"].as_f64().unwrap_or(1e-3);
		let atol = case["atol"].as_f64().unwrap_or(1e-7).max(1e-5);
		let load = |key: &str| -> Result<Vec<Tensor>, String> {
			case[key].as_array().ok_or("no tensors")?.iter().map(|s| tensor(dir, s)).collect()
		};
		let (inputs, expected) = match (load("inputs"), load("outputs")) {
			(Ok(i), Ok(o)) => (i, o),
			_ => {
				counts.na += 1;
				continue;
			},
		};
		let Ok(model) = fs::read(dir.join("model.onnx")) else {
			counts.na += 1;
			continue;
		};
		match engine.run_bytes(&model, &inputs) {
			Err(error) => {
				counts.refused += 1;
				if verbose {
					println!(
						"REFUSED {}: {error}",
						dir.file_name().unwrap_or_default().to_string_lossy()
					);
				}
			},
			Ok(outputs) => {
				let why = if outputs.len() < expected.len() {
					Some(format!("{} outputs, expected {}", outputs.len(), expected.len()))
				} else {
					outputs.iter().zip(&expected).enumerate().find_map(|(i, (g, w))| {
						differs(g, w, rtol, atol).map(|why| format!("output {i}: {why}"))
					})
				};
				match why {
					None => counts.pass += 1,
					Some(why) => {
						counts.wrong += 1;
						wrong.push(format!(
							"{}: {why}",
							dir.file_name().unwrap_or_default().to_string_lossy()
						));
					},
				}
			},
		}
		engine.clear_cache();
	}

	let mut table = String::from("op\tcases\tpass\trefused\twrong\tn/a\n");
	for (op, c) in &by_op {
		table.push_str(&format!(
			"{op}\t{}\t{}\t{}\t{}\t{}\n",
			c.pass + c.refused + c.wrong + c.na,
			c.pass,
			c.refused,
			c.wrong,
			c.na
		));
	}
	print!("{table}");
	let total = by_op.values().fold(Counts::default(), |a, c| Counts {
		pass: a.pass + c.pass,
		refused: a.refused + c.refused,
		wrong: a.wrong + c.wrong,
		na: a.na + c.na,
	});
	println!(
		"total: {} cases, {} pass, {} refused, {} wrong, {} n/a",
		total.pass + total.refused + total.wrong + total.na,
		total.pass,
		total.refused,
		total.wrong,
		total.na
	);
	let _ = fs::write(Path::new(cases).join("results.tsv"), &table);
	let mut failed = false;
	for w in &wrong {
		println!("WRONG {w}");
		failed = true;
	}
	if let Some(baseline) = args.get(2) {
		let Ok(text) = fs::read_to_string(baseline) else {
			eprintln!("cannot read the baseline {baseline}");
			return ExitCode::from(2);
		};
		for line in text.lines().skip(1) {
			let cols: Vec<&str> = line.split('\t').collect();
			let (Some(op), Some(pass)) =
				(cols.first(), cols.get(2).and_then(|p| p.parse::<u32>().ok()))
			else {
				continue;
			};
			let now = by_op.get(*op).map_or(0, |c| c.pass);
			if now < pass {
				println!("REGRESSION {op}: {now} cases pass, the baseline has {pass}");
				failed = true;
			}
		}
	}
	if failed {
		ExitCode::FAILURE
	} else {
		ExitCode::SUCCESS
	}
}
