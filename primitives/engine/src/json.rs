//! The tensor JSON that users write and read. Scripts and the RPC depend on these forms.
//!
//! Input file: `{"inputs":[{"name":"x","dtype":"f32","shape":[1,64],"data":[0.5, …]}]}`.
//! `data` is flat and row-major; dtypes are `f32`, `f64`, `i64`, `i32`, `i8`, `u8`, `bool`.
//! Booleans are written `true`/`false` (0 and 1 are read too). Float outputs that are NaN or
//! infinite are written `null`.

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};
use sibyl_primitives::{DType, Tensor};

/// One tensor in JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TensorJson {
	/// The model input or output it belongs to.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub name: Option<String>,
	/// Element type.
	pub dtype: String,
	/// Dimensions.
	pub shape: Vec<u32>,
	/// Elements, flat, row-major.
	pub data: Vec<Value>,
}

/// An input file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputJson {
	/// Tensors, in the model's input order.
	pub inputs: Vec<TensorJson>,
}

/// Latency of repeated runs, in milliseconds.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LatencyJson {
	/// Median.
	pub median: f64,
	/// 90th percentile.
	pub p90: f64,
	/// 99th percentile.
	pub p99: f64,
	/// Number of runs.
	pub runs: usize,
}

/// What `sibyl-node model run --json` prints.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunReportJson {
	/// The model id, `0x…`.
	pub model_id: String,
	/// The outputs.
	pub outputs: Vec<TensorJson>,
	/// `blake2_256` of the SCALE-encoded outputs, `0x…`: what an on-chain result is keyed by.
	pub output_hash: String,
	/// The output commitment, `0x…`.
	pub commitment: String,
	/// Latency.
	pub latency_ms: LatencyJson,
}

impl TensorJson {
	/// Converts to a chain tensor, checking every element against the dtype.
	pub fn to_tensor(&self) -> Result<Tensor, String> {
		let label = self.name.as_deref().unwrap_or("tensor");
		let dtype = DType::from_name(&self.dtype).ok_or_else(|| {
			format!(
				"{label}: unknown dtype `{}` (expected one of f32, f64, i64, i32, i8, u8, bool)",
				self.dtype
			)
		})?;
		let mut data = Vec::with_capacity(self.data.len().saturating_mul(dtype.size() as usize));
		for (ix, value) in self.data.iter().enumerate() {
			let bad = || format!("{label}: element {ix} ({value}) is not a valid {}", dtype.name());
			match dtype {
				DType::F32 => {
					let v = value.as_f64().ok_or_else(bad)?;
					let narrowed = v as f32;
					if !narrowed.is_finite() {
						return Err(bad());
					}
					data.extend_from_slice(&narrowed.to_le_bytes());
				},
				DType::F64 => {
					data.extend_from_slice(&value.as_f64().ok_or_else(bad)?.to_le_bytes())
				},
				DType::I64 => {
					data.extend_from_slice(&value.as_i64().ok_or_else(bad)?.to_le_bytes())
				},
				DType::I32 => {
					let v = value.as_i64().and_then(|v| i32::try_from(v).ok()).ok_or_else(bad)?;
					data.extend_from_slice(&v.to_le_bytes());
				},
				DType::I8 => {
					let v = value.as_i64().and_then(|v| i8::try_from(v).ok()).ok_or_else(bad)?;
					data.extend_from_slice(&v.to_le_bytes());
				},
				DType::U8 => {
					let v = value.as_u64().and_then(|v| u8::try_from(v).ok()).ok_or_else(bad)?;
					data.push(v);
				},
				DType::Bool => {
					let v = match value {
						Value::Bool(b) => *b,
						Value::Number(n) if n.as_u64() == Some(0) => false,
						Value::Number(n) if n.as_u64() == Some(1) => true,
						_ => return Err(bad()),
					};
					data.push(u8::from(v));
				},
			}
		}
		Tensor::new(dtype, self.shape.clone(), data).map_err(|e| {
			format!(
				"{label}: {} elements do not fit shape {:?} ({e:?})",
				self.data.len(),
				self.shape
			)
		})
	}

	/// The JSON form of `tensor`.
	pub fn from_tensor(name: Option<String>, tensor: &Tensor) -> TensorJson {
		let bytes = tensor.data.as_slice();
		let data: Vec<Value> = match tensor.dtype {
			DType::F32 => bytes
				.chunks_exact(4)
				.map(|c| float(f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]]))))
				.collect(),
			DType::F64 => bytes
				.chunks_exact(8)
				.map(|c| {
					float(f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
				})
				.collect(),
			DType::I64 => bytes
				.chunks_exact(8)
				.map(|c| {
					Value::from(i64::from_le_bytes([
						c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
					]))
				})
				.collect(),
			DType::I32 => bytes
				.chunks_exact(4)
				.map(|c| Value::from(i32::from_le_bytes([c[0], c[1], c[2], c[3]])))
				.collect(),
			DType::I8 => bytes.iter().map(|b| Value::from(i8::from_le_bytes([*b]))).collect(),
			DType::U8 => bytes.iter().map(|b| Value::from(*b)).collect(),
			DType::Bool => bytes.iter().map(|b| Value::Bool(*b != 0)).collect(),
		};
		TensorJson {
			name,
			dtype: tensor.dtype.name().to_string(),
			shape: tensor.shape.to_vec(),
			data,
		}
	}
}

fn float(v: f64) -> Value {
	Number::from_f64(v).map(Value::Number).unwrap_or(Value::Null)
}

impl InputJson {
	/// Parses an input file and converts its tensors.
	pub fn parse(text: &str) -> Result<(Vec<Option<String>>, Vec<Tensor>), String> {
		let file: InputJson = serde_json::from_str(text).map_err(|e| format!("input JSON: {e}"))?;
		let names = file.inputs.iter().map(|t| t.name.clone()).collect();
		let tensors = file.inputs.iter().map(TensorJson::to_tensor).collect::<Result<_, _>>()?;
		Ok((names, tensors))
	}
}
