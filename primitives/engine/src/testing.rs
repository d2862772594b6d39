//! Small ONNX models built in code, so tests need no committed binaries.
#![allow(missing_docs, clippy::unwrap_used)]

use crate::{DType, Tensor};
use prost::Message;
use tract_onnx::pb::{
	attribute_proto::AttributeType,
	tensor_shape_proto::{dimension::Value as Dim, Dimension},
	type_proto::{Tensor as TensorType, Value as TypeValue},
	AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, TensorProto,
	TensorShapeProto, TypeProto, ValueInfoProto,
};

pub const FLOAT: i32 = 1;
pub const BOOL: i32 = 9;
pub const INT64: i32 = 7;

/// A dimension: a number, or a name for a dynamic one.
pub enum D {
	N(i64),
	Sym(&'static str),
}

pub fn value(name: &str, elem_type: i32, dims: &[D]) -> ValueInfoProto {
	let dim = dims
		.iter()
		.map(|d| Dimension {
			value: Some(match d {
				D::N(n) => Dim::DimValue(*n),
				D::Sym(s) => Dim::DimParam(s.to_string()),
			}),
			..Default::default()
		})
		.collect();
	ValueInfoProto {
		name: name.into(),
		r#type: Some(TypeProto {
			value: Some(TypeValue::TensorType(TensorType {
				elem_type,
				shape: Some(TensorShapeProto { dim }),
			})),
			..Default::default()
		}),
		..Default::default()
	}
}

pub fn floats(name: &str, dims: &[i64], data: Vec<f32>) -> TensorProto {
	TensorProto {
		name: name.into(),
		dims: dims.to_vec(),
		data_type: FLOAT,
		float_data: data,
		..Default::default()
	}
}

pub fn ints(name: &str, dims: &[i64], data: Vec<i64>) -> TensorProto {
	TensorProto {
		name: name.into(),
		dims: dims.to_vec(),
		data_type: INT64,
		int64_data: data,
		..Default::default()
	}
}

pub fn node(op: &str, inputs: &[&str], outputs: &[&str]) -> NodeProto {
	NodeProto {
		op_type: op.into(),
		name: format!("{op}_{}", outputs.join("_")),
		input: inputs.iter().map(|s| s.to_string()).collect(),
		output: outputs.iter().map(|s| s.to_string()).collect(),
		..Default::default()
	}
}

pub fn int_attribute(name: &str, value: i64) -> AttributeProto {
	AttributeProto {
		name: name.into(),
		r#type: AttributeType::Int as i32,
		i: value,
		..Default::default()
	}
}

pub fn model(
	nodes: Vec<NodeProto>,
	initializer: Vec<TensorProto>,
	input: Vec<ValueInfoProto>,
	output: Vec<ValueInfoProto>,
) -> Vec<u8> {
	ModelProto {
		ir_version: 8,
		producer_name: "sibyl-engine-tests".into(),
		opset_import: vec![OperatorSetIdProto { domain: String::new(), version: 17 }],
		graph: Some(GraphProto {
			name: "test".into(),
			node: nodes,
			initializer,
			input,
			output,
			..Default::default()
		}),
		..Default::default()
	}
	.encode_to_vec()
}

/// Deterministic pseudo-random weights in [-1, 1).
pub fn weights(seed: u64, n: usize) -> Vec<f32> {
	let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
	(0..n)
		.map(|_| {
			state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
			((state >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
		})
		.collect()
}

/// `relu(x·W1 + b1)·W2 + b2` with x: [batch, inputs].
pub struct Mlp {
	pub inputs: usize,
	pub hidden: usize,
	pub outputs: usize,
	pub w1: Vec<f32>,
	pub b1: Vec<f32>,
	pub w2: Vec<f32>,
	pub b2: Vec<f32>,
}

impl Mlp {
	pub fn new(inputs: usize, hidden: usize, outputs: usize) -> Mlp {
		Mlp {
			inputs,
			hidden,
			outputs,
			w1: weights(1, inputs * hidden),
			b1: weights(2, hidden),
			w2: weights(3, hidden * outputs),
			b2: weights(4, outputs),
		}
	}

	/// The ONNX bytes, with the batch dimension `batch`.
	pub fn onnx(&self, batch: D) -> Vec<u8> {
		let (i, h, o) = (self.inputs as i64, self.hidden as i64, self.outputs as i64);
		model(
			vec![
				node("MatMul", &["x", "w1"], &["h0"]),
				node("Add", &["h0", "b1"], &["h1"]),
				node("Relu", &["h1"], &["h2"]),
				node("MatMul", &["h2", "w2"], &["o0"]),
				node("Add", &["o0", "b2"], &["y"]),
			],
			vec![
				floats("w1", &[i, h], self.w1.clone()),
				floats("b1", &[h], self.b1.clone()),
				floats("w2", &[h, o], self.w2.clone()),
				floats("b2", &[o], self.b2.clone()),
			],
			vec![value("x", FLOAT, &[batch, D::N(i)])],
			vec![value("y", FLOAT, &[D::Sym("batch"), D::N(o)])],
		)
	}

	/// The same computation in plain Rust.
	pub fn reference(&self, x: &[f32]) -> Vec<f32> {
		let batch = x.len() / self.inputs;
		let mut out = vec![0f32; batch * self.outputs];
		for b in 0..batch {
			let mut hidden = self.b1.clone();
			for j in 0..self.hidden {
				for k in 0..self.inputs {
					hidden[j] += x[b * self.inputs + k] * self.w1[k * self.hidden + j];
				}
				hidden[j] = hidden[j].max(0.0);
			}
			for j in 0..self.outputs {
				let mut acc = self.b2[j];
				for (k, h) in hidden.iter().enumerate() {
					acc += h * self.w2[k * self.outputs + j];
				}
				out[b * self.outputs + j] = acc;
			}
		}
		out
	}
}

pub fn f32_tensor(shape: &[u32], data: &[f32]) -> Tensor {
	Tensor::new(DType::F32, shape.to_vec(), data.iter().flat_map(|v| v.to_le_bytes()).collect())
		.unwrap()
}

pub fn f32_values(tensor: &Tensor) -> Vec<f32> {
	assert_eq!(tensor.dtype, DType::F32);
	tensor.data.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect()
}

/// One node of an op the engine does not know.
pub fn unsupported_op() -> Vec<u8> {
	model(
		vec![node("SibylNoSuchOp", &["x"], &["y"])],
		vec![],
		vec![value("x", FLOAT, &[D::N(1), D::N(4)])],
		vec![value("y", FLOAT, &[D::N(1), D::N(4)])],
	)
}

/// `Expand`s a [1, 4] input to [rows, cols]: a tiny model with a huge output.
pub fn expand_to(rows: i64, cols: i64) -> Vec<u8> {
	model(
		vec![node("Expand", &["x", "shape"], &["y"])],
		vec![ints("shape", &[2], vec![rows, cols])],
		vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
		vec![value("y", FLOAT, &[D::N(rows), D::N(cols)])],
	)
}

/// `NonZero`: an output shape that depends on the data.
pub fn non_zero() -> Vec<u8> {
	model(
		vec![node("NonZero", &["x"], &["y"])],
		vec![],
		vec![value("x", FLOAT, &[D::N(1), D::N(8)])],
		vec![value("y", INT64, &[D::N(2), D::Sym("n")])],
	)
}

/// `Not` on booleans.
pub fn bool_not() -> Vec<u8> {
	model(
		vec![node("Not", &["x"], &["y"])],
		vec![],
		vec![value("x", BOOL, &[D::N(1), D::N(3)])],
		vec![value("y", BOOL, &[D::N(1), D::N(3)])],
	)
}

/// x·W with W: [n, n], x: [n, n]: slow enough to hit a tight time limit.
pub fn square_matmul(n: i64) -> Vec<u8> {
	model(
		vec![node("MatMul", &["x", "w"], &["y0"]), node("MatMul", &["y0", "w"], &["y"])],
		vec![floats("w", &[n, n], weights(9, (n * n) as usize))],
		vec![value("x", FLOAT, &[D::N(n), D::N(n)])],
		vec![value("y", FLOAT, &[D::N(n), D::N(n)])],
	)
}

/// Softmax over the last axis.
pub fn softmax() -> Vec<u8> {
	let mut n = node("Softmax", &["x"], &["y"]);
	n.attribute.push(int_attribute("axis", -1));
	model(
		vec![n],
		vec![],
		vec![value("x", FLOAT, &[D::N(1), D::N(5)])],
		vec![value("y", FLOAT, &[D::N(1), D::N(5)])],
	)
}

/// The hostile-model zoo: tiny files that try to jam, exhaust or crash the nodes that run
/// them. `sibyl-node model zoo` writes them; the engine and node tests run them.
pub mod hostile {
	use super::*;

	/// Every model of the zoo, by name, with an input for it (`x: f32[1, 1]`).
	pub fn zoo() -> Vec<(&'static str, Vec<u8>)> {
		vec![
			("compute-bomb", compute_bomb(2048, 40)),
			("memory-bomb", memory_bomb(4096, 48)),
			("fold-bomb", fold_bomb(32768, 4)),
			("deep-graph", deep_graph(30_000)),
			("panic", panicking()),
		]
	}

	/// Sums `y` down to `[1, 1]`.
	fn reduce(input: &str, nodes: &mut Vec<NodeProto>) {
		let mut sum = node("ReduceSum", &[input, "axes"], &["y"]);
		sum.attribute.push(int_attribute("keepdims", 1));
		nodes.push(sum);
	}

	/// `x` expanded to `[n, n]`, multiplied by itself `rounds` times: `rounds · n³`
	/// multiply-adds (3.4·10¹¹ for 2048 and 40) from a file of a few hundred bytes.
	pub fn compute_bomb(n: i64, rounds: usize) -> Vec<u8> {
		let mut nodes = vec![node("Expand", &["x", "shape"], &["a0"])];
		for r in 1..=rounds {
			let (prev, next) = (format!("a{}", r - 1), format!("a{r}"));
			nodes.push(node("MatMul", &[&prev, "a0"], &[&next]));
		}
		reduce(&format!("a{rounds}"), &mut nodes);
		model(
			nodes,
			vec![ints("shape", &[2], vec![n, n]), ints("axes", &[2], vec![0, 1])],
			vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
			vec![value("y", FLOAT, &[D::N(1), D::N(1)])],
		)
	}

	/// `branches` different `[n, n]` tensors computed from `x` and all alive until one `Sum`
	/// reads them: each under the per-tensor limit, together `branches · 4n²` bytes (3 GiB for
	/// 4096 and 48).
	pub fn memory_bomb(n: i64, branches: usize) -> Vec<u8> {
		let mut nodes = vec![node("Expand", &["x", "shape"], &["a0"])];
		let mut initializer = vec![ints("shape", &[2], vec![n, n]), ints("axes", &[2], vec![0, 1])];
		let names: Vec<String> = (1..=branches).map(|b| format!("b{b}")).collect();
		for (b, name) in names.iter().enumerate() {
			let c = format!("c{b}");
			initializer.push(floats(&c, &[1], vec![b as f32 + 1.0]));
			nodes.push(node("Mul", &["a0", &c], &[name]));
		}
		let refs: Vec<&str> = names.iter().map(String::as_str).collect();
		nodes.push(node("Sum", &refs, &["s"]));
		reduce("s", &mut nodes);
		model(
			nodes,
			initializer,
			vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
			vec![value("y", FLOAT, &[D::N(1), D::N(1)])],
		)
	}

	/// A chain of `steps` operations on an `[n, n]` constant: the engine's constant folding
	/// computes them while preparing the model (4 GiB each for 32768), before any input
	/// arrives.
	pub fn fold_bomb(n: i64, steps: usize) -> Vec<u8> {
		let mut fill = node("ConstantOfShape", &["shape"], &["k0"]);
		fill.attribute.push(AttributeProto {
			name: "value".into(),
			r#type: AttributeType::Tensor as i32,
			t: Some(floats("one", &[1], vec![1.0])),
			..Default::default()
		});
		let mut nodes = vec![fill];
		for s in 1..=steps {
			let (prev, next) = (format!("k{}", s - 1), format!("k{s}"));
			let op = if s % 2 == 0 { "Add" } else { "Mul" };
			nodes.push(node(op, &[&prev, &prev], &[&next]));
		}
		let mut sum = node("ReduceSum", &[&format!("k{steps}"), "axes"], &["ks"]);
		sum.attribute.push(int_attribute("keepdims", 1));
		nodes.push(sum);
		nodes.push(node("Add", &["x", "ks"], &["y"]));
		model(
			nodes,
			vec![ints("shape", &[2], vec![n, n]), ints("axes", &[2], vec![0, 1])],
			vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
			vec![value("y", FLOAT, &[D::N(1), D::N(1)])],
		)
	}

	/// `depth` `Relu`s in a chain: a graph deep enough to make parsing, optimising and any
	/// recursion over it slow.
	pub fn deep_graph(depth: usize) -> Vec<u8> {
		let nodes = (0..depth)
			.map(|d| {
				let input = if d == 0 { "x".to_string() } else { format!("r{}", d - 1) };
				let output = if d + 1 == depth { "y".to_string() } else { format!("r{d}") };
				node("Relu", &[&input], &[&output])
			})
			.collect();
		model(
			nodes,
			vec![],
			vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
			vec![value("y", FLOAT, &[D::N(1), D::N(1)])],
		)
	}

	/// A `Slice` with a step of zero: tract divides by it and panics while preparing.
	pub fn panicking() -> Vec<u8> {
		model(
			vec![node("Slice", &["x", "starts", "ends", "axes", "steps"], &["y"])],
			vec![
				ints("starts", &[1], vec![0]),
				ints("ends", &[1], vec![1]),
				ints("axes", &[1], vec![1]),
				ints("steps", &[1], vec![0]),
			],
			vec![value("x", FLOAT, &[D::N(1), D::N(1)])],
			vec![value("y", FLOAT, &[D::N(1), D::N(1)])],
		)
	}
}
