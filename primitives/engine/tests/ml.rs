//! The ONNX-ML operators and the guards on tract's own translators: each refuses a malformed or
//! hostile model, or input, with a clear error and never a panic, and declares a cost. Agreement
//! with onnxruntime is shown by `scripts/conformance.sh` (hundreds of differential cases) and
//! `scripts/bench-engine.sh` (seventeen real models).

use prost::Message;
use sibyl_engine::testing::{f32_tensor, f32_values, value, D};
use sibyl_engine::{DType, Engine, EngineError, Tensor};
use tract_onnx::pb::{
	attribute_proto::AttributeType, tensor_proto::DataType, AttributeProto, GraphProto, ModelProto,
	NodeProto, OperatorSetIdProto, TensorProto, ValueInfoProto,
};

const FLOAT: i32 = DataType::Float as i32;
const INT64: i32 = DataType::Int64 as i32;

enum A {
	I(i64),
	F(f32),
	S(&'static str),
	Is(Vec<i64>),
	Fs(Vec<f32>),
	Ss(Vec<&'static str>),
	/// A float32 tensor.
	Tf(Vec<f32>),
	/// A float64 tensor.
	Td(Vec<f64>),
	/// A uint8 tensor.
	Tu8(Vec<u8>),
}

fn attr(name: &str, a: A) -> AttributeProto {
	let mut p = AttributeProto { name: name.into(), ..Default::default() };
	match a {
		A::I(v) => (p.r#type, p.i) = (AttributeType::Int as i32, v),
		A::F(v) => (p.r#type, p.f) = (AttributeType::Float as i32, v),
		A::S(v) => (p.r#type, p.s) = (AttributeType::String as i32, v.as_bytes().to_vec()),
		A::Is(v) => (p.r#type, p.ints) = (AttributeType::Ints as i32, v),
		A::Fs(v) => (p.r#type, p.floats) = (AttributeType::Floats as i32, v),
		A::Ss(v) => {
			p.r#type = AttributeType::Strings as i32;
			p.strings = v.iter().map(|s| s.as_bytes().to_vec()).collect();
		},
		A::Tf(v) => {
			p.r#type = AttributeType::Tensor as i32;
			p.t = Some(TensorProto {
				dims: vec![v.len() as i64],
				data_type: FLOAT,
				float_data: v,
				..Default::default()
			});
		},
		A::Td(v) => {
			p.r#type = AttributeType::Tensor as i32;
			p.t = Some(TensorProto {
				dims: vec![v.len() as i64],
				data_type: DataType::Double as i32,
				double_data: v,
				..Default::default()
			});
		},
		A::Tu8(v) => {
			p.r#type = AttributeType::Tensor as i32;
			p.t = Some(TensorProto {
				dims: vec![v.len() as i64],
				data_type: DataType::Uint8 as i32,
				raw_data: v,
				..Default::default()
			});
		},
	}
	p
}

/// A one-node model in `domain` (`ai.onnx.ml` or the default one).
fn one_node(
	domain: &str,
	op: &str,
	attrs: Vec<(&str, A)>,
	inputs: Vec<ValueInfoProto>,
	outputs: Vec<ValueInfoProto>,
) -> Vec<u8> {
	let node = NodeProto {
		op_type: op.into(),
		domain: domain.into(),
		name: op.into(),
		input: inputs.iter().map(|i| i.name.clone()).collect(),
		output: outputs.iter().map(|o| o.name.clone()).collect(),
		attribute: attrs.into_iter().map(|(n, a)| attr(n, a)).collect(),
		..Default::default()
	};
	ModelProto {
		ir_version: 8,
		opset_import: vec![
			OperatorSetIdProto { domain: String::new(), version: 17 },
			OperatorSetIdProto { domain: "ai.onnx.ml".into(), version: 3 },
		],
		graph: Some(GraphProto {
			name: "ml".into(),
			node: vec![node],
			input: inputs,
			output: outputs,
			..Default::default()
		}),
		..Default::default()
	}
	.encode_to_vec()
}

fn ml(
	op: &str,
	attrs: Vec<(&str, A)>,
	inputs: Vec<ValueInfoProto>,
	outputs: Vec<ValueInfoProto>,
) -> Vec<u8> {
	one_node("ai.onnx.ml", op, attrs, inputs, outputs)
}

fn rows(width: i64) -> Vec<ValueInfoProto> {
	vec![value("X", FLOAT, &[D::N(2), D::N(width)])]
}

fn label_and_scores(classes: i64) -> Vec<ValueInfoProto> {
	use sibyl_engine::testing::D::N as Fixed;
	vec![value("Y", INT64, &[Fixed(2)]), value("Z", FLOAT, &[Fixed(2), Fixed(classes)])]
}

fn scores(width: i64) -> Vec<ValueInfoProto> {
	use sibyl_engine::testing::D::N as Fixed;
	vec![value("Y", FLOAT, &[Fixed(2), Fixed(width)])]
}

fn x2(a: [f32; 2], b: [f32; 2]) -> Vec<Tensor> {
	vec![f32_tensor(&[2, 2], &[a[0], a[1], b[0], b[1]])]
}

fn run(bytes: &[u8], inputs: &[Tensor]) -> Result<Vec<Tensor>, EngineError> {
	Engine::default().run_bytes(bytes, inputs)
}

/// The model is refused with an error whose text contains `needle`.
fn refused(bytes: &[u8], inputs: &[Tensor], needle: &str) {
	let error = run(bytes, inputs).expect_err("the engine must refuse this");
	assert!(error.to_string().contains(needle), "expected `{needle}` in: {error}");
}

fn labels(t: &Tensor) -> Vec<i64> {
	assert_eq!(t.dtype, DType::I64);
	t.data.chunks_exact(8).map(|b| i64::from_le_bytes(b.try_into().unwrap())).collect()
}

/// One stump: feature 0 ≤ 0.5 goes to node 1, else node 2; leaves weigh (class or target) ids.
fn stump(prefix: &str, ids: Vec<i64>, weights: Vec<f32>) -> Vec<(&'static str, A)> {
	let p = if prefix == "class" {
		["class_treeids", "class_nodeids", "class_ids", "class_weights"]
	} else {
		["target_treeids", "target_nodeids", "target_ids", "target_weights"]
	};
	vec![
		("nodes_treeids", A::Is(vec![0, 0, 0])),
		("nodes_nodeids", A::Is(vec![0, 1, 2])),
		("nodes_featureids", A::Is(vec![0, 0, 0])),
		("nodes_values", A::Fs(vec![0.5, 0.0, 0.0])),
		("nodes_modes", A::Ss(vec!["BRANCH_LEQ", "LEAF", "LEAF"])),
		("nodes_truenodeids", A::Is(vec![1, 0, 0])),
		("nodes_falsenodeids", A::Is(vec![2, 0, 0])),
		(p[0], A::Is(vec![0; ids.len()])),
		(p[1], A::Is((0..ids.len() as i64).map(|i| 1 + i % 2).collect())),
		(p[2], A::Is(ids)),
		(p[3], A::Fs(weights)),
	]
}

fn classifier(attrs: Vec<(&'static str, A)>, classes: i64) -> Vec<u8> {
	let mut attrs = attrs;
	attrs.push(("classlabels_int64s", A::Is((0..classes).collect())));
	ml("TreeEnsembleClassifier", attrs, rows(2), label_and_scores(classes))
}

#[test]
fn a_tree_classifier_runs_and_its_hostile_variants_are_refused() -> Result<(), EngineError> {
	// Leaf 1 (x0 ≤ 0.5) votes class 0, leaf 2 votes class 2.
	let good = classifier(stump("class", vec![0, 2], vec![1.0, 1.0]), 3);
	let out = run(&good, &x2([0.0, 0.0], [1.0, 0.0]))?;
	assert_eq!(labels(&out[0]), vec![0, 2]);

	refused(
		&classifier(stump("class", vec![0, 7], vec![1.0, 1.0]), 3),
		&x2([0.0; 2], [0.0; 2]),
		"class",
	);
	refused(
		&classifier(stump("class", vec![0, -1], vec![1.0, 1.0]), 3),
		&x2([0.0; 2], [0.0; 2]),
		"",
	);
	// No trees at all.
	let empty = classifier(vec![("class_ids", A::Is(vec![])), ("class_weights", A::Fs(vec![]))], 3);
	assert!(run(&empty, &x2([0.0; 2], [0.0; 2])).is_err());
	// A child outside the tree, and a cycle.
	let mut bad_child = stump("class", vec![0, 2], vec![1.0, 1.0]);
	bad_child[5] = ("nodes_truenodeids", A::Is(vec![9, 0, 0]));
	assert!(run(&classifier(bad_child, 3), &x2([0.0; 2], [0.0; 2])).is_err());
	let mut cycle = stump("class", vec![0, 2], vec![1.0, 1.0]);
	cycle[5] = ("nodes_truenodeids", A::Is(vec![0, 0, 0]));
	assert!(run(&classifier(cycle, 3), &x2([0.0; 2], [0.0; 2])).is_err());
	// A feature beyond the input's width.
	let mut wide = stump("class", vec![0, 2], vec![1.0, 1.0]);
	wide[2] = ("nodes_featureids", A::Is(vec![5, 0, 0]));
	refused(&classifier(wide, 3), &x2([0.0; 2], [0.0; 2]), "feature");
	// String labels, and a wrong input dtype.
	let mut strings = stump("class", vec![0, 1], vec![1.0, 1.0]);
	strings.push(("classlabels_strings", A::Ss(vec!["a", "b"])));
	refused(
		&ml("TreeEnsembleClassifier", strings, rows(2), label_and_scores(2)),
		&x2([0.0; 2], [0.0; 2]),
		"string",
	);
	let bools = Tensor::new(DType::Bool, vec![2, 2], vec![0, 1, 1, 0]).unwrap();
	assert!(run(&good, &[bools]).is_err());
	Ok(())
}

#[test]
fn a_tree_regressor_runs_and_refuses_a_target_out_of_range() -> Result<(), EngineError> {
	let mut attrs = stump("target", vec![0, 0], vec![-1.5, 2.5]);
	attrs.push(("n_targets", A::I(1)));
	let good = ml("TreeEnsembleRegressor", attrs, rows(2), scores(1));
	let out = run(&good, &x2([0.0, 0.0], [1.0, 0.0]))?;
	assert_eq!(f32_values(&out[0]), vec![-1.5, 2.5]);

	let mut attrs = stump("target", vec![0, 3], vec![-1.5, 2.5]);
	attrs.push(("n_targets", A::I(1)));
	assert!(run(&ml("TreeEnsembleRegressor", attrs, rows(2), scores(1)), &x2([0.0; 2], [0.0; 2]))
		.is_err());
	let mut attrs = stump("target", vec![0, 0], vec![-1.5, 2.5]);
	attrs.push(("n_targets", A::I(-4)));
	assert!(run(&ml("TreeEnsembleRegressor", attrs, rows(2), scores(1)), &x2([0.0; 2], [0.0; 2]))
		.is_err());
	Ok(())
}

/// An opset-5 `TreeEnsemble`: node 0 tests feature 0 ≤ 0.5 (true: leaf 0, weight 1), node 1
/// feature 1 < 0 (true: leaf 1, weight 2; false: leaf 2, weight 3); one tree from node 0.
fn ensemble(edit: impl FnOnce(&mut Vec<(&'static str, A)>)) -> Vec<u8> {
	let mut attrs = vec![
		("nodes_featureids", A::Is(vec![0, 1])),
		("nodes_splits", A::Tf(vec![0.5, 0.0])),
		("nodes_modes", A::Tu8(vec![0, 1])),
		("nodes_truenodeids", A::Is(vec![0, 1])),
		("nodes_trueleafs", A::Is(vec![1, 1])),
		("nodes_falsenodeids", A::Is(vec![1, 2])),
		("nodes_falseleafs", A::Is(vec![0, 1])),
		("leaf_targetids", A::Is(vec![0, 0, 0])),
		("leaf_weights", A::Tf(vec![1.0, 2.0, 3.0])),
		("tree_roots", A::Is(vec![0])),
		("n_targets", A::I(1)),
		("aggregate_function", A::I(1)),
	];
	edit(&mut attrs);
	ml("TreeEnsemble", attrs, rows(2), scores(1))
}

fn set(attrs: &mut [(&'static str, A)], name: &str, value: A) {
	let slot = attrs.iter_mut().find(|(n, _)| *n == name).expect("an attribute of the base model");
	slot.1 = value;
}

#[test]
fn an_opset5_tree_ensemble_runs_and_its_hostile_variants_are_refused() -> Result<(), EngineError> {
	let out = run(&ensemble(|_| {}), &x2([0.2, 9.0], [0.7, -1.0]))?;
	assert_eq!(f32_values(&out[0]), vec![1.0, 2.0]);
	let out = run(&ensemble(|_| {}), &x2([0.7, 1.0], [0.5, 1.0]))?;
	assert_eq!(f32_values(&out[0]), vec![3.0, 1.0]);

	let x = x2([0.0; 2], [0.0; 2]);
	refused(&ensemble(|a| set(a, "nodes_truenodeids", A::Is(vec![0, 7]))), &x, "is not a leaf");
	refused(&ensemble(|a| set(a, "nodes_falsenodeids", A::Is(vec![9, 2]))), &x, "is not a node");
	refused(&ensemble(|a| set(a, "tree_roots", A::Is(vec![-1]))), &x, "is not a node");
	refused(&ensemble(|a| set(a, "tree_roots", A::Is(vec![]))), &x, "no trees");
	refused(&ensemble(|a| set(a, "leaf_targetids", A::Is(vec![0, 0, 4]))), &x, "out of range");
	refused(&ensemble(|a| set(a, "nodes_modes", A::Tu8(vec![0, 6]))), &x, "BRANCH_MEMBER");
	refused(&ensemble(|a| set(a, "nodes_modes", A::Tu8(vec![0, 9]))), &x, "unknown mode");
	refused(&ensemble(|a| set(a, "nodes_splits", A::Td(vec![0.5, 0.0]))), &x, "float32");
	refused(&ensemble(|a| set(a, "nodes_splits", A::Tf(vec![0.5]))), &x, "nodes_splits has 1");
	refused(&ensemble(|a| set(a, "leaf_weights", A::Tf(vec![1.0]))), &x, "leaf_weights 1");
	refused(&ensemble(|a| set(a, "n_targets", A::I(0))), &x, "n_targets");
	refused(&ensemble(|a| set(a, "aggregate_function", A::I(7))), &x, "aggregate_function");
	refused(&ensemble(|a| a.push(("post_transform", A::I(2)))), &x, "swapped");
	// Both branches of the root on leaf 2: onnxruntime would read leaf 0 (the root's index).
	refused(
		&ensemble(|a| {
			set(a, "nodes_truenodeids", A::Is(vec![2, 1]));
			set(a, "nodes_falsenodeids", A::Is(vec![2, 2]));
			set(a, "nodes_falseleafs", A::Is(vec![1, 1]));
		}),
		&x,
		"ambiguous",
	);
	// A cycle: node 1's false child is node 0.
	refused(
		&ensemble(|a| {
			set(a, "nodes_falsenodeids", A::Is(vec![1, 0]));
			set(a, "nodes_falseleafs", A::Is(vec![0, 0]));
		}),
		&x,
		"cycles",
	);
	Ok(())
}

/// Shared subtrees are legal in the opset-5 layout and onnxruntime unrolls them: forty nodes
/// each pointing twice at the next (but the root) would unroll to 2³⁹. Refused after a linear count, before
/// anything is unrolled.
#[test]
fn an_opset5_ensemble_that_unrolls_exponentially_is_refused_at_once() {
	let n = 40i64;
	let bytes = chain_ensemble(n, false);
	// "above the limit" is the count's refusal; unrolling first would end "more than …".
	refused(&bytes, &x2([0.0; 2], [0.0; 2]), "above the limit");
	// The same chain under a root whose two children share an index, one a leaf and one a
	// node: a walked tree, not a leaf, so it must be counted too.
	let same_index_root = chain_ensemble(n, true);
	refused(&same_index_root, &x2([0.0; 2], [0.0; 2]), "above the limit");
}

/// A chain of `n` opset-5 nodes, each pointing twice at the next, ending in leaf 0. The root's
/// other child is leaf 0 on its false side, or with `root_true_is_leaf` leaf 1 (weight 2) on its
/// true side, index 1 being then both a leaf and a node.
fn chain_ensemble(n: i64, root_true_is_leaf: bool) -> Vec<u8> {
	let true_leaf = |i: i64| i == n || (root_true_is_leaf && i == 1);
	let false_leaf = |i: i64| i == n || (!root_true_is_leaf && i == 1);
	let (leaf_targets, leaf_weights) =
		if root_true_is_leaf { (vec![0, 0], vec![1.0, 2.0]) } else { (vec![0], vec![1.0]) };
	ml(
		"TreeEnsemble",
		vec![
			("nodes_featureids", A::Is(vec![0; n as usize])),
			("nodes_splits", A::Tf(vec![0.0; n as usize])),
			("nodes_modes", A::Tu8(vec![0; n as usize])),
			("nodes_truenodeids", A::Is((1..=n).map(|i| if i == n { 0 } else { i }).collect())),
			("nodes_trueleafs", A::Is((1..=n).map(|i| i64::from(true_leaf(i))).collect())),
			// A false leaf points at leaf 0; otherwise at the next node.
			(
				"nodes_falsenodeids",
				A::Is((1..=n).map(|i| if false_leaf(i) { 0 } else { i }).collect()),
			),
			("nodes_falseleafs", A::Is((1..=n).map(|i| i64::from(false_leaf(i))).collect())),
			("leaf_targetids", A::Is(leaf_targets)),
			("leaf_weights", A::Tf(leaf_weights)),
			("tree_roots", A::Is(vec![0])),
			("n_targets", A::I(1)),
		],
		rows(2),
		scores(1),
	)
}

fn svc(per_class: Vec<i64>, support: Vec<f32>, coefficients: Vec<f32>, rho: Vec<f32>) -> Vec<u8> {
	let classes = per_class.len() as i64;
	ml(
		"SVMClassifier",
		vec![
			("classlabels_ints", A::Is((0..classes).collect())),
			("vectors_per_class", A::Is(per_class)),
			("support_vectors", A::Fs(support)),
			("coefficients", A::Fs(coefficients)),
			("rho", A::Fs(rho)),
			("kernel_type", A::S("RBF")),
			("kernel_params", A::Fs(vec![0.5, 0.0, 3.0])),
		],
		rows(2),
		label_and_scores(2),
	)
}

#[test]
fn an_svm_classifier_runs_and_refuses_short_or_inconsistent_attributes() -> Result<(), EngineError>
{
	// One support vector per class at (0, 0) and (1, 1): each point goes to the nearer one.
	let good = svc(vec![1, 1], vec![0.0, 0.0, 1.0, 1.0], vec![1.0, -1.0], vec![0.0]);
	let out = run(&good, &x2([0.0, 0.1], [1.0, 0.9]))?;
	assert_eq!(labels(&out[0]), vec![0, 1]);

	refused(
		&svc(vec![1, 1], vec![0.0, 0.0, 1.0], vec![1.0, -1.0], vec![0.0]),
		&x2([0.0; 2], [0.0; 2]),
		"vectors",
	);
	refused(
		&svc(vec![1, 1], vec![0.0, 0.0, 1.0, 1.0], vec![1.0], vec![0.0]),
		&x2([0.0; 2], [0.0; 2]),
		"coefficients",
	);
	refused(
		&svc(vec![1, 1], vec![0.0, 0.0, 1.0, 1.0], vec![1.0, -1.0], vec![]),
		&x2([0.0; 2], [0.0; 2]),
		"rho",
	);
	refused(
		&svc(vec![1, -3], vec![0.0, 0.0, 1.0, 1.0], vec![1.0, -1.0], vec![0.0]),
		&x2([0.0; 2], [0.0; 2]),
		"negative",
	);
	// Three features per row for two-feature support vectors.
	use sibyl_engine::testing::D::N as Fixed;
	let three = ml(
		"SVMClassifier",
		vec![
			("classlabels_ints", A::Is(vec![0, 1])),
			("vectors_per_class", A::Is(vec![1, 1])),
			("support_vectors", A::Fs(vec![0.0, 0.0, 1.0, 1.0])),
			("coefficients", A::Fs(vec![1.0, -1.0])),
			("rho", A::Fs(vec![0.0])),
			("kernel_params", A::Fs(vec![0.5, 0.0, 3.0])),
		],
		vec![value("X", FLOAT, &[Fixed(1), Fixed(3)])],
		vec![value("Y", INT64, &[Fixed(1)]), value("Z", FLOAT, &[Fixed(1), Fixed(2)])],
	);
	refused(&three, &[f32_tensor(&[1, 3], &[0.0, 0.0, 0.0])], "features");
	Ok(())
}

#[test]
fn an_svm_regressor_runs_and_refuses_missing_vectors() -> Result<(), EngineError> {
	let reg = |n: i64, support: Vec<f32>| {
		ml(
			"SVMRegressor",
			vec![
				("n_supports", A::I(n)),
				("support_vectors", A::Fs(support)),
				("coefficients", A::Fs(vec![2.0])),
				("rho", A::Fs(vec![0.5])),
				("kernel_type", A::S("LINEAR")),
				("kernel_params", A::Fs(vec![1.0, 0.0, 1.0])),
			],
			rows(2),
			scores(1),
		)
	};
	let out = run(&reg(1, vec![1.0, 2.0]), &x2([1.0, 1.0], [0.0, 0.0]))?;
	// 2 · (x · (1, 2)) + 0.5
	assert_eq!(f32_values(&out[0]), vec![6.5, 0.5]);
	refused(&reg(3, vec![1.0, 2.0]), &x2([0.0; 2], [0.0; 2]), "support-vector");
	Ok(())
}

#[test]
fn linear_classifier_normalizer_and_feature_transforms_refuse_bad_shapes() -> Result<(), EngineError>
{
	let linear = |labels: Vec<i64>| {
		ml(
			"LinearClassifier",
			vec![
				("coefficients", A::Fs(vec![1.0, 0.0, 0.0, 1.0])),
				("intercepts", A::Fs(vec![0.0, 0.0])),
				("classlabels_ints", A::Is(labels)),
			],
			rows(2),
			label_and_scores(2),
		)
	};
	let out = run(&linear(vec![4, 9]), &x2([1.0, 0.0], [0.0, 1.0]))?;
	assert_eq!(labels(&out[0]), vec![4, 9]);
	refused(&linear(vec![4]), &x2([0.0; 2], [0.0; 2]), "labels");

	let norm = ml("Normalizer", vec![("norm", A::S("MAX"))], rows(2), scores(2));
	let out = run(&norm, &x2([2.0, -4.0], [0.0, 0.0]))?;
	// onnxruntime divides by the signed maximum; an all-zero row stays as it is.
	assert_eq!(f32_values(&out[0]), vec![1.0, -2.0, 0.0, 0.0]);
	refused(
		&ml("Normalizer", vec![("norm", A::S("L3"))], rows(2), scores(2)),
		&x2([0.0; 2], [0.0; 2]),
		"norm",
	);

	let scaler = ml(
		"Scaler",
		vec![("offset", A::Fs(vec![1.0, 2.0, 3.0])), ("scale", A::Fs(vec![1.0]))],
		rows(2),
		scores(2),
	);
	assert!(run(&scaler, &x2([0.0; 2], [0.0; 2])).is_err());

	let one_hot = |zeros: i64| {
		use sibyl_engine::testing::D::N as Fixed;
		ml(
			"OneHotEncoder",
			vec![("cats_int64s", A::Is(vec![1, 2])), ("zeros", A::I(zeros))],
			vec![value("X", INT64, &[Fixed(2), Fixed(1)])],
			vec![value("Y", FLOAT, &[Fixed(2), Fixed(1), Fixed(2)])],
		)
	};
	let cats = Tensor::new(
		DType::I64,
		vec![2, 1],
		[2i64, 5].iter().flat_map(|v| v.to_le_bytes()).collect(),
	)
	.unwrap();
	assert_eq!(
		f32_values(&run(&one_hot(1), std::slice::from_ref(&cats))?[0]),
		vec![0.0, 1.0, 0.0, 0.0]
	);
	refused(&one_hot(0), &[cats], "unknown category");

	let extract = {
		use sibyl_engine::testing::D::N as Fixed;
		ml(
			"ArrayFeatureExtractor",
			vec![],
			vec![value("X", FLOAT, &[Fixed(2), Fixed(2)]), value("I", INT64, &[Fixed(1)])],
			vec![value("Y", FLOAT, &[Fixed(2), Fixed(1)])],
		)
	};
	let index = |i: i64| Tensor::new(DType::I64, vec![1], i.to_le_bytes().to_vec()).unwrap();
	let x = f32_tensor(&[2, 2], &[1.0, 2.0, 3.0, 4.0]);
	assert_eq!(f32_values(&run(&extract, &[x.clone(), index(1)])?[0]), vec![2.0, 4.0]);
	assert!(run(&extract, &[x.clone(), index(2)]).is_err());
	assert!(run(&extract, &[x, index(-1)]).is_err());

	let zipmap = ml("ZipMap", vec![("classlabels_int64s", A::Is(vec![0, 1]))], rows(2), scores(2));
	refused(&zipmap, &x2([0.0; 2], [0.0; 2]), "zipmap");
	Ok(())
}

#[test]
fn tract_operators_with_known_wrong_answers_are_refused() {
	use sibyl_engine::testing::D::N as Fixed;
	let swish = one_node(
		"",
		"Swish",
		vec![("alpha", A::F(0.5))],
		vec![value("X", FLOAT, &[Fixed(2), Fixed(2)])],
		vec![value("Y", FLOAT, &[Fixed(2), Fixed(2)])],
	);
	refused(&swish, &x2([0.0; 2], [0.0; 2]), "alpha");
	let shift = one_node(
		"",
		"BitShift",
		vec![("direction", A::S("LEFT"))],
		vec![value("X", INT64, &[Fixed(1)]), value("S", INT64, &[Fixed(1)])],
		vec![value("Y", INT64, &[Fixed(1)])],
	);
	let one = Tensor::new(DType::I64, vec![1], 1i64.to_le_bytes().to_vec()).unwrap();
	refused(&shift, &[one.clone(), one], "BitShift");
}

#[test]
fn every_ml_operator_declares_a_cost() {
	let models = [
		classifier(stump("class", vec![0, 2], vec![1.0, 1.0]), 3),
		svc(vec![1, 1], vec![0.0, 0.0, 1.0, 1.0], vec![1.0, -1.0], vec![0.0]),
		ml("Normalizer", vec![("norm", A::S("L2"))], rows(2), scores(2)),
		ensemble(|_| {}),
		ml(
			"Scaler",
			vec![("offset", A::Fs(vec![1.0])), ("scale", A::Fs(vec![2.0]))],
			rows(2),
			scores(2),
		),
	];
	for model in models {
		let info = Engine::default().inspect(&model, &[]);
		assert!(info.rejection.is_none(), "{:?}", info.rejection);
		let cost = info.cost.expect("a cost estimate");
		assert!(cost.fma > 0, "{cost:?}");
	}
}
