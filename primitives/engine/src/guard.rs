//! Refusals in front of tract's own ONNX translators: the cases where the ONNX conformance
//! suite (`scripts/conformance.sh`) shows tract answering differently from the specification and
//! onnxruntime. A refusal is honest — every node refuses the model at upload — where a wrong
//! answer would be verified by the whole network.

use std::{collections::HashMap, sync::OnceLock};

use tract_onnx::{
	model::{OnnxOpRegister, ParsingContext},
	pb::NodeProto,
	prelude::*,
	tract_hir::internal::*,
};

/// tract's translator signature (its own alias is private).
type OpBuilder =
	fn(&ParsingContext, &NodeProto) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)>;

/// tract's translators for the guarded operators, as registered before the guards replaced them.
static ORIGINALS: OnceLock<HashMap<String, OpBuilder>> = OnceLock::new();

/// The operators guarded, and why a node of them is refused (`None`: it is fine).
fn refusal(node: &NodeProto) -> TractResult<Option<String>> {
	Ok(match node.op_type.as_str() {
		"LSTM" | "GRU" | "RNN" => {
			let direction: Option<&str> = node.get_attr_opt("direction")?;
			(direction == Some("reverse")).then(|| {
				format!("{} with direction=reverse: tract's answer differs from ONNX's (conformance test_*_reverse); use forward or bidirectional", node.op_type)
			})
		},
		"Swish" => {
			let alpha: Option<f32> = node.get_attr_opt("alpha")?;
			alpha
				.is_some_and(|a| a != 1.0)
				.then(|| "Swish with alpha ≠ 1: tract ignores alpha".to_string())
		},
		"SpaceToDepth" => {
			let mode: Option<&str> = node.get_attr_opt("mode")?;
			mode.is_some_and(|m| m != "DCR")
				.then(|| "SpaceToDepth with mode=CRD: tract ignores the mode".to_string())
		},
		"BitShift" => Some(
			"BitShift: tract's results for shifts outside [0, bit width) differ from ONNX's"
				.to_string(),
		),
		_ => None,
	})
}

fn guarded(
	ctx: &ParsingContext,
	node: &NodeProto,
) -> TractResult<(Box<dyn InferenceOp>, Vec<String>)> {
	if let Some(why) = refusal(node)? {
		bail!("{why}");
	}
	let original = ORIGINALS
		.get()
		.and_then(|originals| originals.get(&node.op_type))
		.ok_or_else(|| format_err!("no translator for {}", node.op_type))?;
	original(ctx, node)
}

/// Puts the guards in front of tract's translators in `reg`.
pub fn register(reg: &mut OnnxOpRegister) {
	const GUARDED: [&str; 6] = ["LSTM", "GRU", "RNN", "Swish", "SpaceToDepth", "BitShift"];
	let originals = ORIGINALS.get_or_init(|| {
		GUARDED.iter().filter_map(|name| reg.0.get(*name).map(|b| (name.to_string(), *b))).collect()
	});
	for name in GUARDED {
		if originals.contains_key(name) {
			reg.insert(name, guarded);
		}
	}
}
