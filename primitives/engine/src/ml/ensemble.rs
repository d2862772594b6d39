//! The opset-5 `TreeEnsemble` (ai.onnx.ml 5): interior nodes and leaves in separate arrays,
//! thresholds and weights as tensors of the input's type, integer
//! `aggregate_function` and `post_transform`.
//!
//! onnxruntime runs it by rewriting it into the opset-3 regressor
//! (`TreeEnsembleAttributesV5::convert_to_v3`): every tree is unrolled from its root depth-first
//! (true subtree first) and each leaf carries one weight for one target. The engine does the
//! same rewrite into [`super::tree`]'s compiled forest, so both walk the same trees and sum in the
//! same order. Unlike onnxruntime it refuses, rather than reads out of bounds, a child or root
//! index past its array, and a shared-subtree graph whose unrolling would exceed the node limit.
//!
//! `BRANCH_MEMBER` (set membership) splits are refused: onnxruntime 1.32 tests them as a set of
//! int32 categories after converting the feature, which is not the float equality the rewrite
//! would give for non-integer features, and no exporter the project supports writes them.

use std::sync::Arc;

use tract_onnx::{
	model::ParsingContext,
	pb::{attribute_proto::AttributeType, AttributeProto, NodeProto},
	prelude::*,
	tract_hir::internal::*,
};

use super::{
	attr_i64s, hir,
	post::Post,
	tree::{Aggregate, Forest, Spec, TreeRegressor, MAX_TREE_NODES},
	PlainSlice,
};

/// The opset-5 mode numbers, as the opset-3 names the compiled forest reads.
const MODES: [&str; 6] =
	["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"];
/// `BRANCH_MEMBER`.
const MEMBER: u8 = 6;

fn tensor_attribute<'a>(
	node: &'a NodeProto,
	name: &str,
) -> TractResult<Option<&'a AttributeProto>> {
	let Some(attribute) = node.attribute.iter().find(|a| a.name == name) else {
		return Ok(None);
	};
	if attribute.r#type != AttributeType::Tensor as i32 {
		bail!("attribute {name} must be a tensor");
	}
	Ok(Some(attribute))
}

/// A `TENSOR` attribute as f32 values, if present; other element types are refused.
fn f32_tensor(ctx: &ParsingContext, node: &NodeProto, name: &str) -> TractResult<Option<Vec<f32>>> {
	let Some(attribute) = tensor_attribute(node, name)? else {
		return Ok(None);
	};
	let proto =
		attribute.t.as_ref().ok_or_else(|| format_err!("attribute {name} has no tensor"))?;
	let tensor = ctx.load_tensor(proto)?;
	if tensor.datum_type() != f32::datum_type() {
		bail!(
			"attribute {name} is {:?}: only float32 tree ensembles are supported (export with \
			 float32 thresholds)",
			tensor.datum_type()
		);
	}
	Ok(Some(tensor.as_slice::<f32>()?.to_vec()))
}

fn u8_tensor(ctx: &ParsingContext, node: &NodeProto, name: &str) -> TractResult<Vec<u8>> {
	let attribute =
		tensor_attribute(node, name)?.ok_or_else(|| format_err!("attribute {name} is missing"))?;
	let proto =
		attribute.t.as_ref().ok_or_else(|| format_err!("attribute {name} has no tensor"))?;
	let tensor = ctx.load_tensor(proto)?;
	if tensor.datum_type() != u8::datum_type() {
		bail!("attribute {name} must be uint8, not {:?}", tensor.datum_type());
	}
	Ok(tensor.as_slice::<u8>()?.to_vec())
}

/// The attributes as the ONNX node spells them.
struct V5 {
	features: Vec<i64>,
	splits: Vec<f32>,
	modes: Vec<u8>,
	yes: Vec<i64>,
	yes_leaf: Vec<i64>,
	no: Vec<i64>,
	no_leaf: Vec<i64>,
	missing: Vec<i64>,
	leaf_targets: Vec<i64>,
	leaf_weights: Vec<f32>,
	roots: Vec<i64>,
}

impl V5 {
	fn read(ctx: &ParsingContext, node: &NodeProto) -> TractResult<V5> {
		let modes = u8_tensor(ctx, node, "nodes_modes")?;
		let v5 = V5 {
			features: attr_i64s(node, "nodes_featureids")?,
			splits: f32_tensor(ctx, node, "nodes_splits")?.unwrap_or_default(),
			yes: attr_i64s(node, "nodes_truenodeids")?,
			yes_leaf: attr_i64s(node, "nodes_trueleafs")?,
			no: attr_i64s(node, "nodes_falsenodeids")?,
			no_leaf: attr_i64s(node, "nodes_falseleafs")?,
			missing: attr_i64s(node, "nodes_missing_value_tracks_true")?,
			leaf_targets: attr_i64s(node, "leaf_targetids")?,
			leaf_weights: f32_tensor(ctx, node, "leaf_weights")?.unwrap_or_default(),
			roots: attr_i64s(node, "tree_roots")?,
			modes,
		};
		let n = v5.modes.len();
		for (name, len) in [
			("nodes_featureids", v5.features.len()),
			("nodes_splits", v5.splits.len()),
			("nodes_truenodeids", v5.yes.len()),
			("nodes_trueleafs", v5.yes_leaf.len()),
			("nodes_falsenodeids", v5.no.len()),
			("nodes_falseleafs", v5.no_leaf.len()),
		] {
			if len != n {
				bail!("{name} has {len} entries, nodes_modes {n}");
			}
		}
		if !v5.missing.is_empty() && v5.missing.len() != n {
			bail!("nodes_missing_value_tracks_true has {} entries, not {n}", v5.missing.len());
		}
		if v5.leaf_targets.len() != v5.leaf_weights.len() {
			bail!(
				"leaf_targetids has {} entries, leaf_weights {}",
				v5.leaf_targets.len(),
				v5.leaf_weights.len()
			);
		}
		if v5.roots.is_empty() {
			bail!("the ensemble has no trees");
		}
		for (ix, &m) in v5.modes.iter().enumerate() {
			if m == MEMBER {
				bail!(
					"node {ix}: BRANCH_MEMBER (set membership) splits are not supported: export \
					 categorical splits as BRANCH_EQ"
				);
			}
			if m > MEMBER {
				bail!("node {ix}: unknown mode {m}");
			}
		}
		Ok(v5)
	}

	fn node(&self, ix: i64, what: &str) -> TractResult<usize> {
		usize::try_from(ix)
			.ok()
			.filter(|&i| i < self.modes.len())
			.ok_or_else(|| format_err!("{what} {ix} is not a node"))
	}

	fn leaf(&self, ix: i64, what: &str) -> TractResult<usize> {
		usize::try_from(ix)
			.ok()
			.filter(|&i| i < self.leaf_weights.len())
			.ok_or_else(|| format_err!("{what} {ix} is not a leaf"))
	}

	/// Nodes of the tree under interior node `root` once unrolled, shared subtrees counted
	/// each time they are reached (saturating); refuses a cycle. Linear in the nodes: `sizes`
	/// (0: not seen, `OPEN`: on the current path, else the size) is shared across trees.
	fn unrolled_size(&self, root: usize, sizes: &mut [u64]) -> TractResult<u64> {
		const OPEN: u64 = u64::MAX;
		let mut stack = vec![(root, false)];
		while let Some((at, expanded)) = stack.pop() {
			let children =
				[(self.yes[at], self.yes_leaf[at] != 0), (self.no[at], self.no_leaf[at] != 0)];
			if !expanded {
				match sizes[at] {
					0 => {},
					OPEN => bail!("node {at} is its own descendant: trees cannot have cycles"),
					_ => continue,
				}
				sizes[at] = OPEN;
				stack.push((at, true));
				for (child, leaf) in children {
					if leaf {
						self.leaf(child, "leaf")?;
						continue;
					}
					let child = self.node(child, "node")?;
					match sizes[child] {
						OPEN => {
							bail!("node {child} is its own descendant: trees cannot have cycles")
						},
						0 => stack.push((child, false)),
						_ => {},
					}
				}
			} else {
				let mut size: u64 = 1;
				for (child, leaf) in children {
					let child_size = if leaf { 1 } else { sizes[self.node(child, "node")?] };
					size = size.saturating_add(child_size);
				}
				sizes[at] = size.min(OPEN - 1);
			}
		}
		Ok(sizes[root])
	}

	/// Unrolls every tree as onnxruntime does, into the opset-3 layout.
	fn unroll(&self, targets: usize) -> TractResult<Spec<'static>> {
		let mut sizes = vec![0u64; self.modes.len()];
		let mut total: u64 = 0;
		for &root in &self.roots {
			let root = self.node(root, "tree root")?;
			total = total.saturating_add(self.unrolled_size(root, &mut sizes)?);
		}
		if total > MAX_TREE_NODES as u64 {
			bail!("the trees unroll to {total} nodes, above the limit of {MAX_TREE_NODES}");
		}
		let mut spec = Spec {
			trees: vec![],
			ids: vec![],
			features: vec![],
			modes: vec![],
			values: vec![],
			yes: vec![],
			no: vec![],
			missing: vec![],
			leaf_trees: vec![],
			leaf_nodes: vec![],
			leaf_ids: vec![],
			leaf_weights: vec![],
			outputs: targets,
		};
		let with_missing = !self.missing.is_empty();
		/// What to emit next: a node (or leaf), and which parent slot (position in `spec`, true
		/// side) points at it.
		struct Item {
			at: usize,
			leaf: bool,
			parent: Option<(usize, bool)>,
		}
		for (tree, &root) in self.roots.iter().enumerate() {
			let root = self.node(root, "tree root")?;
			// onnxruntime reads a root whose two children are the same leaf as that leaf *at the
			// root's index*; a walk reads the children's leaf. They agree only when it is the same.
			let same_leaf = self.yes[root] == self.no[root]
				&& self.yes_leaf[root] != 0
				&& self.no_leaf[root] != 0;
			if same_leaf && self.yes[root] != root as i64 {
				bail!(
					"tree root {root} has both branches on leaf {}, which onnxruntime reads as leaf \
					 {root}: ambiguous, refused",
					self.yes[root]
				);
			}
			let tree = tree as i64;
			let mut next_id: i64 = 0;
			let mut stack = vec![Item { at: root, leaf: false, parent: None }];
			while let Some(item) = stack.pop() {
				if spec.trees.len() >= MAX_TREE_NODES {
					bail!("the unrolled ensemble has more than {MAX_TREE_NODES} nodes");
				}
				let position = spec.trees.len();
				let id = next_id;
				next_id += 1;
				if let Some((parent, true_side)) = item.parent {
					if true_side {
						spec.yes[parent] = id;
					} else {
						spec.no[parent] = id;
					}
				}
				spec.trees.push(tree);
				spec.ids.push(id);
				spec.yes.push(0);
				spec.no.push(0);
				if item.leaf {
					spec.features.push(0);
					spec.modes.push("LEAF");
					spec.values.push(0.0);
					if with_missing {
						spec.missing.push(0);
					}
					spec.leaf_trees.push(tree);
					spec.leaf_nodes.push(id);
					spec.leaf_ids.push(self.leaf_targets[item.at]);
					spec.leaf_weights.push(self.leaf_weights[item.at]);
					continue;
				}
				let at = item.at;
				spec.features.push(self.features[at]);
				if with_missing {
					spec.missing.push(self.missing[at]);
				}
				spec.modes.push(MODES[usize::from(self.modes[at])]);
				spec.values.push(self.splits[at]);
				// Popped last, so emitted after the whole true subtree, as onnxruntime numbers.
				let leaf = self.no_leaf[at] != 0;
				let child = if leaf {
					self.leaf(self.no[at], "false leaf")?
				} else {
					self.node(self.no[at], "false node")?
				};
				let no = Item { at: child, leaf, parent: Some((position, false)) };
				stack.push(no);
				let leaf = self.yes_leaf[at] != 0;
				let child = if leaf {
					self.leaf(self.yes[at], "true leaf")?
				} else {
					self.node(self.yes[at], "true node")?
				};
				stack.push(Item { at: child, leaf, parent: Some((position, true)) });
			}
		}
		Ok(spec)
	}
}

/// Parses the opset-5 `TreeEnsemble`.
pub fn ensemble(
	ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	let targets: i64 = node.get_attr_opt("n_targets")?.unwrap_or(0);
	let targets = usize::try_from(targets).ok().filter(|&t| (1..=4096).contains(&t));
	let targets = targets.ok_or_else(|| format_err!("n_targets must be in 1..=4096"))?;
	let aggregate = match node.get_attr_opt::<i64>("aggregate_function")?.unwrap_or(1) {
		0 => Aggregate::Average,
		1 => Aggregate::Sum,
		2 => Aggregate::Min,
		3 => Aggregate::Max,
		other => bail!("unknown aggregate_function {other}"),
	};
	// The ONNX specification numbers the transforms NONE 0, SOFTMAX 1, LOGISTIC 2, SOFTMAX_ZERO 3,
	// PROBIT 4; onnxruntime 1.32 casts its own enum, in which 1 is LOGISTIC and 2 SOFTMAX. A
	// model meaning one would get the other from the reference runtime: refused until they agree.
	let post = match node.get_attr_opt::<i64>("post_transform")?.unwrap_or(0) {
		0 => Post::None,
		1 | 2 => bail!(
			"post_transform 1 and 2 (SOFTMAX, LOGISTIC) are read swapped by onnxruntime 1.32 \
			 relative to the ONNX specification: export without the transform and apply it \
			 outside the ensemble"
		),
		3 => Post::SoftmaxZero,
		4 => Post::Probit,
		other => bail!("unknown post_transform {other}"),
	};
	let forest = Forest::compile(V5::read(ctx, node)?.unroll(targets)?)?;
	let op =
		TreeRegressor { forest: Arc::new(forest), base: vec![], post, aggregate, f32_only: true };
	Ok((hir(op), vec![]))
}
