//! `TreeEnsembleClassifier` and `TreeEnsembleRegressor` (ai.onnx.ml, opsets 1 and 3), with
//! onnxruntime's semantics (`core/providers/cpu/ml/tree_ensemble_*.h`): the same comparisons,
//! the same single-precision sums in the same order, the same binary-classifier label rules.
//!
//! The trees are compiled at load to one flat array of 20-byte nodes (threshold, feature, both
//! children; a leaf's children are the range of its weights), walked with a compare-and-select
//! per level. Loading refuses what onnxruntime would crash or hang on: a child in another tree or
//! missing, a cycle, a class or target id out of range, a feature beyond the input's width.

use std::{collections::HashMap, sync::Arc};

use tract_onnx::{
	model::ParsingContext,
	pb::NodeProto,
	prelude::*,
	tract_core::{internal::*, ops::Cost},
	tract_hir::internal::*,
};

use super::{
	attr_f32s, attr_f32s_opt, attr_i64s, attr_i64s_opt, classifier_rules, hir, post::*,
	refuse_string_labels, regressor_rules, rows_and_width, MlOp, PlainSlice,
};

/// How a node compares its feature with its threshold (`LEAF` ends the walk).
const LEQ: u8 = 0;
const LT: u8 = 1;
const GTE: u8 = 2;
const GT: u8 = 3;
const EQ: u8 = 4;
const NEQ: u8 = 5;
const LEAF: u8 = 6;

/// At most this many nodes in one ensemble (XGBoost's 1,000 trees of depth 10 stay far below).
pub const MAX_TREE_NODES: usize = 4 << 20;

#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Node {
	threshold: f32,
	feature: u32,
	/// Branch: the node taken when the comparison holds. Leaf: first weight.
	yes: u32,
	/// Branch: the node taken otherwise. Leaf: one past the last weight.
	no: u32,
	mode: u8,
	missing_true: bool,
}

/// A compiled ensemble.
#[derive(Clone, Debug, PartialEq)]
pub struct Forest {
	nodes: Vec<Node>,
	/// Leaf weights: (class or target, value), each leaf's contiguous, in declaration order.
	weights: Vec<(u32, f32)>,
	/// Where each tree's walk starts (onnxruntime: the first node of each run of a tree id).
	roots: Vec<u32>,
	/// The one comparison every branch uses, if they share it (the common case).
	same_mode: Option<u8>,
	has_missing: bool,
	/// Largest feature index read, plus one.
	pub width: usize,
	/// Classes or targets.
	pub outputs: usize,
	/// Sum over trees of their depth: comparisons for one row, at most.
	pub depth: u64,
	/// Weight additions for one row, at most (trees × the most weights on one leaf).
	pub leaf_work: u64,
}

fn mode(name: &str) -> TractResult<u8> {
	Ok(match name {
		"BRANCH_LEQ" => LEQ,
		"BRANCH_LT" => LT,
		"BRANCH_GTE" => GTE,
		"BRANCH_GT" => GT,
		"BRANCH_EQ" => EQ,
		"BRANCH_NEQ" => NEQ,
		"LEAF" => LEAF,
		other => bail!("unsupported tree node mode {other:?}"),
	})
}

fn index(value: i64, what: &str) -> TractResult<u32> {
	u32::try_from(value).map_err(|_| format_err!("{what} {value} is out of range"))
}

/// The attributes of one ensemble, as the ONNX node spells them.
pub(super) struct Spec<'a> {
	pub(super) trees: Vec<i64>,
	pub(super) ids: Vec<i64>,
	pub(super) features: Vec<i64>,
	pub(super) modes: Vec<&'a str>,
	pub(super) values: Vec<f32>,
	pub(super) yes: Vec<i64>,
	pub(super) no: Vec<i64>,
	pub(super) missing: Vec<i64>,
	/// Leaf weights: tree, node, class or target, weight.
	pub(super) leaf_trees: Vec<i64>,
	pub(super) leaf_nodes: Vec<i64>,
	pub(super) leaf_ids: Vec<i64>,
	pub(super) leaf_weights: Vec<f32>,
	pub(super) outputs: usize,
}

impl Spec<'_> {
	fn read<'a>(node: &'a NodeProto, prefix: &str, outputs: usize) -> TractResult<Spec<'a>> {
		Ok(Spec {
			trees: attr_i64s(node, "nodes_treeids")?,
			ids: attr_i64s(node, "nodes_nodeids")?,
			features: attr_i64s(node, "nodes_featureids")?,
			modes: node.get_attr_vec("nodes_modes")?,
			values: attr_f32s(node, "nodes_values")?,
			yes: attr_i64s(node, "nodes_truenodeids")?,
			no: attr_i64s(node, "nodes_falsenodeids")?,
			missing: attr_i64s_opt(node, "nodes_missing_value_tracks_true")?.unwrap_or_default(),
			leaf_trees: attr_i64s(node, &format!("{prefix}_treeids"))?,
			leaf_nodes: attr_i64s(node, &format!("{prefix}_nodeids"))?,
			leaf_ids: attr_i64s(node, &format!("{prefix}_ids"))?,
			leaf_weights: attr_f32s(node, &format!("{prefix}_weights"))?,
			outputs,
		})
	}
}

impl Forest {
	pub(super) fn compile(spec: Spec) -> TractResult<Forest> {
		let n = spec.trees.len();
		if n == 0 {
			bail!("the ensemble has no nodes");
		}
		if n > MAX_TREE_NODES {
			bail!("the ensemble has {n} nodes, above the limit of {MAX_TREE_NODES}");
		}
		for (name, len) in [
			("nodes_nodeids", spec.ids.len()),
			("nodes_featureids", spec.features.len()),
			("nodes_modes", spec.modes.len()),
			("nodes_values", spec.values.len()),
			("nodes_truenodeids", spec.yes.len()),
			("nodes_falsenodeids", spec.no.len()),
		] {
			if len != n {
				bail!("{name} has {len} entries, nodes_treeids {n}");
			}
		}
		if !spec.missing.is_empty() && spec.missing.len() != n {
			bail!("nodes_missing_value_tracks_true has {} entries, not {n}", spec.missing.len());
		}
		let w = spec.leaf_trees.len();
		if spec.leaf_nodes.len() != w || spec.leaf_ids.len() != w || spec.leaf_weights.len() != w {
			bail!("the leaf weight attributes have different lengths");
		}
		if spec.outputs == 0 {
			bail!("the ensemble has no classes or targets");
		}
		let mut position: HashMap<(i64, i64), u32> = HashMap::with_capacity(n);
		for (ix, (&tree, &id)) in spec.trees.iter().zip(&spec.ids).enumerate() {
			if position.insert((tree, id), ix as u32).is_some() {
				bail!("node {id} of tree {tree} is declared twice");
			}
		}
		let mut nodes = Vec::with_capacity(n);
		let mut same_mode: Option<u8> = None;
		let mut mixed = false;
		for ix in 0..n {
			let m = mode(spec.modes[ix])?;
			let mut node = Node {
				threshold: spec.values[ix],
				feature: 0,
				yes: 0,
				no: 0,
				mode: m,
				missing_true: spec.missing.get(ix).is_some_and(|&t| t == 1),
			};
			if m != LEAF {
				node.feature = index(spec.features[ix], "feature id")?;
				let child = |id: i64| {
					position.get(&(spec.trees[ix], id)).copied().filter(|&c| c as usize != ix)
				};
				node.yes = child(spec.yes[ix]).ok_or_else(|| {
					format_err!(
						"node {} of tree {}: true child {} is not in its tree",
						spec.ids[ix],
						spec.trees[ix],
						spec.yes[ix]
					)
				})?;
				node.no = child(spec.no[ix]).ok_or_else(|| {
					format_err!(
						"node {} of tree {}: false child {} is not in its tree",
						spec.ids[ix],
						spec.trees[ix],
						spec.no[ix]
					)
				})?;
				match same_mode {
					None if !mixed => same_mode = Some(m),
					Some(s) if s != m => {
						same_mode = None;
						mixed = true;
					},
					_ => {},
				}
			}
			nodes.push(node);
		}
		// Leaf weights, grouped by leaf in declaration order.
		let mut per_leaf: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
		for i in 0..w {
			let at = position.get(&(spec.leaf_trees[i], spec.leaf_nodes[i])).ok_or_else(|| {
				format_err!(
					"a weight names node {} of tree {}, which does not exist",
					spec.leaf_nodes[i],
					spec.leaf_trees[i]
				)
			})?;
			let id = index(spec.leaf_ids[i], "class or target id")?;
			if id as usize >= spec.outputs {
				bail!("class or target id {id} is out of range: there are {}", spec.outputs);
			}
			per_leaf[*at as usize].push((id, spec.leaf_weights[i]));
		}
		let mut weights = Vec::with_capacity(w);
		for (node, leaf) in nodes.iter_mut().zip(per_leaf) {
			if node.mode == LEAF {
				node.yes = weights.len() as u32;
				weights.extend(leaf);
				node.no = weights.len() as u32;
			}
		}
		let mut roots = Vec::new();
		for ix in 0..n {
			if ix == 0 || spec.trees[ix] != spec.trees[ix - 1] {
				roots.push(ix as u32);
			}
		}
		let depth = depths(&nodes, &roots)?;
		let width = nodes
			.iter()
			.filter(|node| node.mode != LEAF)
			.map(|node| node.feature as usize + 1)
			.max()
			.unwrap_or(0);
		let most = nodes
			.iter()
			.filter(|node| node.mode == LEAF)
			.map(|node| u64::from(node.no - node.yes))
			.max()
			.unwrap_or(0);
		Ok(Forest {
			leaf_work: most.saturating_mul(roots.len() as u64),
			has_missing: nodes.iter().any(|node| node.missing_true),
			nodes,
			weights,
			roots,
			same_mode,
			width,
			outputs: spec.outputs,
			depth,
		})
	}

	/// Trees in the ensemble.
	pub fn trees(&self) -> usize {
		self.roots.len()
	}

	/// The leaf one row reaches from `root`.
	#[inline]
	fn leaf(&self, root: u32, row: &[f32]) -> &Node {
		let nodes = &self.nodes[..];
		let mut at = root as usize;
		match self.same_mode {
			Some(LEQ) if !self.has_missing => loop {
				let node = &nodes[at];
				if node.mode == LEAF {
					return node;
				}
				// In range: `width` was checked against the row at typing and at eval.
				let x = row[node.feature as usize];
				at = if x <= node.threshold { node.yes } else { node.no } as usize;
			},
			_ => loop {
				let node = &nodes[at];
				if node.mode == LEAF {
					return node;
				}
				let x = row[node.feature as usize];
				let holds = match node.mode {
					LEQ => x <= node.threshold,
					LT => x < node.threshold,
					GTE => x >= node.threshold,
					GT => x > node.threshold,
					EQ => x == node.threshold,
					_ => x != node.threshold,
				} || (node.missing_true && x.is_nan());
				at = if holds { node.yes } else { node.no } as usize;
			},
		}
	}

	fn leaf_weights(&self, leaf: &Node) -> &[(u32, f32)] {
		&self.weights[leaf.yes as usize..leaf.no as usize]
	}

	fn check_width(&self, width: usize) -> TractResult<()> {
		if self.width > width {
			bail!("the trees read feature {}, but rows have {width} features", self.width - 1);
		}
		Ok(())
	}
}

/// Longest root-to-leaf path of every tree, summed; refuses cycles. Linear in the nodes even
/// when subtrees are shared (a hostile DAG has exponentially many paths, not nodes).
fn depths(nodes: &[Node], roots: &[u32]) -> TractResult<u64> {
	const NEW: u32 = u32::MAX;
	const OPEN: u32 = u32::MAX - 1;
	let mut depth = vec![NEW; nodes.len()];
	let mut total: u64 = 0;
	for &root in roots {
		let mut stack = vec![(root as usize, false)];
		while let Some((at, children_done)) = stack.pop() {
			let node = &nodes[at];
			if node.mode == LEAF {
				depth[at] = 0;
				continue;
			}
			if children_done {
				let d = depth[node.yes as usize].max(depth[node.no as usize]);
				depth[at] = d.saturating_add(1);
				continue;
			}
			match depth[at] {
				NEW => {
					depth[at] = OPEN;
					stack.push((at, true));
					for child in [node.yes, node.no] {
						match depth[child as usize] {
							OPEN => bail!("the trees have a cycle through node index {child}"),
							NEW => stack.push((child as usize, false)),
							_ => {},
						}
					}
				},
				OPEN => bail!("the trees have a cycle through node index {at}"),
				_ => {},
			}
		}
		total = total.saturating_add(u64::from(depth[root as usize]));
	}
	Ok(total)
}

/// `aggregate_function` of the regressor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Aggregate {
	/// `SUM`: the trees' values added (the default).
	Sum,
	/// `AVERAGE`: the sum divided by the number of trees.
	Average,
	/// `MIN`: the smallest tree value.
	Min,
	/// `MAX`: the largest tree value.
	Max,
}

/// A running score: onnxruntime's `ScoreValue`.
#[derive(Clone, Copy, Debug, Default)]
struct Score {
	score: f32,
	has: bool,
}

fn rows_f32(input: &TValue) -> TractResult<(Tensor, usize, usize)> {
	let (rows, width) = rows_and_width(input.shape())?;
	let dt = input.datum_type();
	if ![f32::datum_type(), i64::datum_type(), i32::datum_type()].contains(&dt) {
		bail!("tree ensembles take f32, i64 or i32 features, not {dt:?} (export with FloatTensorType)");
	}
	Ok((input.cast_to::<f32>()?.into_owned(), rows, width))
}

/// `TreeEnsembleRegressor`.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeRegressor {
	pub(super) forest: Arc<Forest>,
	pub(super) base: Vec<f32>,
	pub(super) post: Post,
	pub(super) aggregate: Aggregate,
	/// The opset-5 `TreeEnsemble`, whose thresholds have the input's type: only f32 inputs
	/// (onnxruntime would compare f64 or f16 inputs in their own precision).
	pub(super) f32_only: bool,
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for TreeRegressor {}

impl TreeRegressor {
	fn row(&self, row: &[f32], out: &mut [f32], scores: &mut Vec<Score>) {
		let forest = &*self.forest;
		let targets = forest.outputs;
		let n_trees = forest.trees() as f32;
		if targets == 1 {
			let origin = if self.base.len() == 1 { self.base[0] } else { 0.0 };
			let mut s = Score::default();
			for &root in &forest.roots {
				let leaf = forest.leaf(root, row);
				let v = forest.leaf_weights(leaf).first().map_or(0.0, |w| w.1);
				match self.aggregate {
					Aggregate::Sum | Aggregate::Average => s.score += v,
					Aggregate::Min if !s.has || v < s.score => s.score = v,
					Aggregate::Max if !s.has || v > s.score => s.score = v,
					_ => {},
				}
				s.has = true;
			}
			let value = match self.aggregate {
				Aggregate::Sum => s.score + origin,
				Aggregate::Average => s.score / n_trees + origin,
				Aggregate::Min | Aggregate::Max if s.has => s.score + origin,
				_ => origin,
			};
			out[0] = if self.post == Post::Probit { probit(value) } else { value };
			return;
		}
		scores.clear();
		scores.resize(targets, Score::default());
		for &root in &forest.roots {
			let leaf = forest.leaf(root, row);
			for &(id, v) in forest.leaf_weights(leaf) {
				let s = &mut scores[id as usize];
				match self.aggregate {
					Aggregate::Sum | Aggregate::Average => s.score += v,
					Aggregate::Min if !s.has || v < s.score => s.score = v,
					Aggregate::Max if !s.has || v > s.score => s.score = v,
					_ => {},
				}
				s.has = true;
			}
		}
		let use_base = self.base.len() == targets;
		let mut values: Vec<f32> = scores
			.iter()
			.enumerate()
			.map(|(j, s)| {
				let base = if use_base { self.base[j] } else { 0.0 };
				match self.aggregate {
					// onnxruntime's `ScoreValue` reads as zero while no tree has scored it,
					// whatever base value was added.
					_ if !s.has => 0.0,
					Aggregate::Sum => s.score + base,
					Aggregate::Average => s.score / n_trees + base,
					Aggregate::Min | Aggregate::Max => s.score + base,
				}
			})
			.collect();
		write_scores(&mut values, self.post, SecondClass::No);
		out.copy_from_slice(&values[..targets]);
	}
}

/// `TreeEnsembleClassifier`.
#[derive(Clone, Debug, PartialEq)]
pub struct TreeClassifier {
	forest: Arc<Forest>,
	labels: Vec<i64>,
	base: Vec<f32>,
	post: Post,
	/// Two classes and the weights name one of them.
	binary: bool,
	/// No weight is negative: the score is a probability.
	all_positive: bool,
}

// Floats compare by value; tract needs `Eq` for its operator equality, never on NaN attributes.
impl Eq for TreeClassifier {}

impl TreeClassifier {
	/// onnxruntime's `_set_score_binary`: the label, and how one score becomes two.
	fn binary_label(&self, scores: &[Score]) -> (i64, SecondClass) {
		let (s0, s1) = (scores[0], scores.get(1).copied().filter(|s| s.has).unwrap_or_default());
		let positive = if s1.has {
			s1.score
		} else if s0.has {
			s0.score
		} else {
			0.0
		};
		if self.binary {
			if self.all_positive {
				if positive > 0.5 {
					(self.labels[1], SecondClass::Complement)
				} else {
					(self.labels[0], SecondClass::Complement)
				}
			} else if positive > 0.0 {
				(self.labels[1], SecondClass::MixedPositive)
			} else {
				(self.labels[0], SecondClass::MixedNegative)
			}
		} else {
			// onnxruntime answers the literal labels 1 and 0 here, whatever the class labels.
			(i64::from(positive > 0.0), SecondClass::No)
		}
	}

	fn row(&self, row: &[f32], out: &mut [f32], scores: &mut Vec<Score>) -> TractResult<i64> {
		let forest = &*self.forest;
		let classes = self.labels.len();
		scores.clear();
		scores.resize(classes, Score::default());
		for &root in &forest.roots {
			let leaf = forest.leaf(root, row);
			for &(id, v) in forest.leaf_weights(leaf) {
				let s = &mut scores[id as usize];
				s.score += v;
				s.has = true;
			}
		}
		let label;
		let mut second = SecondClass::No;
		if classes > 2 {
			for (s, &b) in scores.iter_mut().zip(&self.base) {
				if s.has {
					s.score += b;
				} else {
					*s = Score { score: b, has: true };
				}
			}
			let mut best: Option<(usize, f32)> = None;
			for (ix, s) in scores.iter().enumerate() {
				if s.has && best.is_none_or(|(_, w)| s.score > w) {
					best = Some((ix, s.score));
				}
			}
			let (ix, _) = best.ok_or_else(|| format_err!("no class was scored"))?;
			label = self.labels[ix];
		} else {
			match self.base.len() {
				2 if scores[1].has => {
					scores[1].score = self.base[1] + scores[0].score;
					scores[0].score = -scores[1].score;
				},
				2 => {
					scores[1].score += self.base[1];
					scores[0].score += self.base[0];
				},
				1 => {
					scores[0].score += self.base[0];
					if !scores[1].has {
						scores.pop();
					}
				},
				0 => {
					second = SecondClass::MixedNegative;
					if !scores[1].has {
						scores.pop();
					}
				},
				_ => {},
			}
			let (l, s) = self.binary_label(scores);
			label = l;
			if self.binary {
				second = s;
			}
		}
		// onnxruntime's `ScoreValue` reads as zero while no tree has scored it, whatever was
		// added to it since.
		let mut values: Vec<f32> =
			scores.iter().map(|s| if s.has { s.score } else { 0.0 }).collect();
		write_scores(&mut values, self.post, second);
		// onnxruntime leaves a column it does not write as allocated; here it is zero.
		out.fill(0.0);
		let n = values.len().min(out.len());
		out[..n].copy_from_slice(&values[..n]);
		Ok(label)
	}
}

/// Parses `TreeEnsembleRegressor`.
pub fn regressor(
	_ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let targets: i64 = node.get_attr_opt("n_targets")?.unwrap_or(1);
	let targets = usize::try_from(targets).ok().filter(|&t| (1..=4096).contains(&t));
	let targets = targets.ok_or_else(|| format_err!("n_targets must be in 1..=4096"))?;
	refuse_tensor_attributes(node)?;
	let forest = Forest::compile(Spec::read(node, "target", targets)?)?;
	let aggregate = match node.get_attr_opt::<&str>("aggregate_function")?.unwrap_or("SUM") {
		"SUM" => Aggregate::Sum,
		"AVERAGE" => Aggregate::Average,
		"MIN" => Aggregate::Min,
		"MAX" => Aggregate::Max,
		other => bail!("unknown aggregate_function {other:?}"),
	};
	let op = TreeRegressor {
		forest: Arc::new(forest),
		base: attr_f32s_opt(node, "base_values")?.unwrap_or_default(),
		post: Post::parse(node.get_attr_opt("post_transform")?)?,
		aggregate,
		f32_only: false,
	};
	Ok((hir(op), vec![]))
}

/// Parses `TreeEnsembleClassifier`.
pub fn classifier(
	_ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	refuse_string_labels(node)?;
	let labels = attr_i64s(node, "classlabels_int64s")?;
	if labels.len() < 2 {
		bail!("a classifier needs at least two classes, this one has {}", labels.len());
	}
	refuse_tensor_attributes(node)?;
	let spec = Spec::read(node, "class", labels.len())?;
	let classes: std::collections::BTreeSet<i64> = spec.leaf_ids.iter().copied().collect();
	let all_positive = spec.leaf_weights.iter().all(|&w| w >= 0.0);
	let forest = Forest::compile(spec)?;
	let op = TreeClassifier {
		binary: labels.len() == 2 && classes.len() == 1,
		all_positive,
		forest: Arc::new(forest),
		labels,
		base: attr_f32s_opt(node, "base_values")?.unwrap_or_default(),
		post: Post::parse(node.get_attr_opt("post_transform")?)?,
	};
	Ok((hir(op), vec![]))
}

/// Double-precision thresholds and weights (`*_as_tensor`) are not supported yet: refusing them
/// beats rounding them to single precision and answering differently from onnxruntime.
fn refuse_tensor_attributes(node: &NodeProto) -> TractResult<()> {
	for attribute in &node.attribute {
		if attribute.name.ends_with("_as_tensor") {
			bail!(
				"attribute {} (double precision) is not supported: export with float32",
				attribute.name
			);
		}
	}
	Ok(())
}

impl Op for TreeRegressor {
	fn name(&self) -> StaticName {
		"TreeEnsembleRegressor".into()
	}
	op_as_typed_op!();
}

impl EvalOp for TreeRegressor {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let (x, rows, width) = rows_f32(&inputs[0])?;
		self.forest.check_width(width)?;
		let x = x.as_slice::<f32>()?;
		let targets = self.forest.outputs;
		let mut y = vec![0f32; rows * targets];
		let mut scores = Vec::new();
		for (row, out) in x.chunks_exact(width.max(1)).zip(y.chunks_exact_mut(targets)) {
			self.row(row, out, &mut scores);
		}
		Ok(tvec!(tensor1(&y).into_shape(&[rows, targets])?.into_tvalue()))
	}
}

impl TypedOp for TreeRegressor {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		if self.f32_only && inputs[0].datum_type != f32::datum_type() {
			bail!(
				"TreeEnsemble takes f32 features here, not {:?} (export with FloatTensorType)",
				inputs[0].datum_type
			);
		}
		let rows = typed_rows(inputs[0], &self.forest)?;
		Ok(tvec!(f32::fact([rows, self.forest.outputs.to_dim()])))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		Ok(tvec!((Cost::FMA(f32::datum_type()), forest_cost(inputs[0], &self.forest)?)))
	}

	as_op!();
}

impl Op for TreeClassifier {
	fn name(&self) -> StaticName {
		"TreeEnsembleClassifier".into()
	}
	op_as_typed_op!();
}

impl EvalOp for TreeClassifier {
	op_out_of_plan!();

	fn eval(&self, _ctx: &EvalContext, inputs: TVec<TValue>) -> TractResult<TVec<TValue>> {
		let (x, rows, width) = rows_f32(&inputs[0])?;
		self.forest.check_width(width)?;
		let x = x.as_slice::<f32>()?;
		let classes = self.labels.len();
		let mut labels = vec![0i64; rows];
		let mut y = vec![0f32; rows * classes];
		let mut scores = Vec::new();
		for ((row, out), label) in
			x.chunks_exact(width.max(1)).zip(y.chunks_exact_mut(classes)).zip(&mut labels)
		{
			*label = self.row(row, out, &mut scores)?;
		}
		Ok(tvec!(
			tensor1(&labels).into_tvalue(),
			tensor1(&y).into_shape(&[rows, classes])?.into_tvalue()
		))
	}
}

impl TypedOp for TreeClassifier {
	fn output_facts(&self, inputs: &[&TypedFact]) -> TractResult<TVec<TypedFact>> {
		let rows = typed_rows(inputs[0], &self.forest)?;
		Ok(tvec!(i64::fact([rows.clone()]), f32::fact([rows, self.labels.len().to_dim()])))
	}

	fn cost(&self, inputs: &[&TypedFact]) -> TractResult<TVec<(Cost, TDim)>> {
		Ok(tvec!((Cost::FMA(f32::datum_type()), forest_cost(inputs[0], &self.forest)?)))
	}

	as_op!();
}

/// Rows of a `[rows, features]` or `[features]` input; checks the features cover the trees.
fn typed_rows(input: &TypedFact, forest: &Forest) -> TractResult<TDim> {
	let (rows, width) = match input.rank() {
		1 => (1.to_dim(), input.shape[0].clone()),
		2 => (input.shape[0].clone(), input.shape[1].clone()),
		r => bail!("tree ensembles take [rows, features] or [features], not rank {r}"),
	};
	if let Ok(width) = width.to_usize() {
		forest.check_width(width)?;
	}
	Ok(rows)
}

/// Comparisons and weight additions for the input's rows.
fn forest_cost(input: &TypedFact, forest: &Forest) -> TractResult<TDim> {
	let rows = typed_rows(input, forest)?;
	let per_row = forest.depth.saturating_add(forest.leaf_work);
	Ok(rows * i64::try_from(per_row.max(1)).unwrap_or(i64::MAX))
}

impl MlOp for TreeRegressor {
	fn onnx_name(&self) -> &'static str {
		"TreeEnsembleRegressor"
	}

	fn outputs(&self) -> usize {
		1
	}

	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult {
		regressor_rules(s, inputs, outputs, self.forest.outputs)
	}
}

impl MlOp for TreeClassifier {
	fn onnx_name(&self) -> &'static str {
		"TreeEnsembleClassifier"
	}

	fn outputs(&self) -> usize {
		2
	}

	fn rules<'r, 'p: 'r, 's: 'r>(
		&'s self,
		s: &mut Solver<'r>,
		inputs: &'p [TensorProxy],
		outputs: &'p [TensorProxy],
	) -> InferenceResult {
		classifier_rules(s, inputs, outputs, self.labels.len())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn stump(
		trees: Vec<i64>,
		ids: Vec<i64>,
		yes: Vec<i64>,
		no: Vec<i64>,
		modes: Vec<&str>,
	) -> Spec<'_> {
		let n = trees.len();
		Spec {
			trees,
			ids,
			features: vec![0; n],
			modes,
			values: vec![0.5; n],
			yes,
			no,
			missing: vec![],
			leaf_trees: vec![],
			leaf_nodes: vec![],
			leaf_ids: vec![],
			leaf_weights: vec![],
			outputs: 1,
		}
	}

	#[test]
	fn hostile_trees_are_refused_not_walked() {
		// A cycle: 0 -> 1 -> 0.
		let cycle = stump(
			vec![0, 0, 0],
			vec![0, 1, 2],
			vec![1, 0, 0],
			vec![2, 2, 0],
			vec!["BRANCH_LEQ", "BRANCH_LEQ", "LEAF"],
		);
		let e = Forest::compile(cycle).unwrap_err().to_string();
		assert!(e.contains("cycle"), "{e}");
		// A child in another tree.
		let across = stump(
			vec![0, 1, 1],
			vec![0, 0, 1],
			vec![1, 0, 0],
			vec![1, 0, 0],
			vec!["BRANCH_LEQ", "LEAF", "LEAF"],
		);
		let e = Forest::compile(across).unwrap_err().to_string();
		assert!(e.contains("not in its tree"), "{e}");
		// A node pointing at itself.
		let own = stump(vec![0, 0], vec![0, 1], vec![0, 0], vec![1, 0], vec!["BRANCH_LEQ", "LEAF"]);
		assert!(Forest::compile(own).is_err());
		// Empty, unknown mode, duplicate node.
		assert!(Forest::compile(stump(vec![], vec![], vec![], vec![], vec![])).is_err());
		let member = stump(vec![0], vec![0], vec![0], vec![0], vec!["BRANCH_MEMBER"]);
		assert!(Forest::compile(member).unwrap_err().to_string().contains("mode"));
		let twice = stump(vec![0, 0], vec![0, 0], vec![0, 0], vec![0, 0], vec!["LEAF", "LEAF"]);
		assert!(Forest::compile(twice).unwrap_err().to_string().contains("twice"));
		// A class id out of range.
		let mut spec = stump(vec![0], vec![0], vec![0], vec![0], vec!["LEAF"]);
		spec.leaf_trees = vec![0];
		spec.leaf_nodes = vec![0];
		spec.leaf_ids = vec![3];
		spec.leaf_weights = vec![1.0];
		assert!(Forest::compile(spec).unwrap_err().to_string().contains("out of range"));
	}

	#[test]
	fn a_shared_subtree_dag_is_measured_in_linear_time() {
		// 40 levels, each node's children both the next level's node: 2^40 paths, 41 nodes.
		let levels = 40;
		let n = levels + 1;
		let mut modes = vec!["BRANCH_LEQ"; levels];
		modes.push("LEAF");
		let ids: Vec<i64> = (0..n as i64).collect();
		let next: Vec<i64> = (1..=n as i64).map(|i| i.min(n as i64 - 1)).collect();
		let spec = stump(vec![0; n], ids, next.clone(), next, modes);
		let forest = Forest::compile(spec).unwrap();
		assert_eq!(forest.depth, levels as u64);
	}
}
