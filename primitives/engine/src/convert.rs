//! Conversions between chain tensors and tract tensors, and input checks.

use sibyl_primitives::{tensor::MAX_TENSORS, DType, Tensor};
use tract_onnx::prelude::{DatumType, Tensor as TractTensor};

use crate::{EngineConfig, EngineError};

/// The tract datum type of `dtype`.
pub fn datum_type(dtype: DType) -> DatumType {
	match dtype {
		DType::F32 => DatumType::F32,
		DType::F64 => DatumType::F64,
		DType::I64 => DatumType::I64,
		DType::I32 => DatumType::I32,
		DType::I8 => DatumType::I8,
		DType::U8 => DatumType::U8,
		DType::Bool => DatumType::Bool,
	}
}

/// The chain dtype of a tract datum type, if the chain carries it (`TDim` leaves as `i64`).
pub fn dtype(datum: DatumType) -> Option<DType> {
	Some(match datum {
		DatumType::TDim => DType::I64,
		DatumType::F32 => DType::F32,
		DatumType::F64 => DType::F64,
		DatumType::I64 => DType::I64,
		DatumType::I32 => DType::I32,
		DatumType::I8 => DType::I8,
		DatumType::U8 => DType::U8,
		DatumType::Bool => DType::Bool,
		_ => return None,
	})
}

/// Checks what can be checked without the model: count, consistency, size, finiteness.
pub fn check_inputs(config: &EngineConfig, inputs: &[Tensor]) -> Result<(), EngineError> {
	if inputs.len() > MAX_TENSORS as usize {
		return Err(EngineError::InvalidInput(format!(
			"{} tensors given, at most {MAX_TENSORS} allowed",
			inputs.len()
		)));
	}
	let mut total: u64 = 0;
	for (index, tensor) in inputs.iter().enumerate() {
		if !tensor.is_consistent() {
			return Err(EngineError::InvalidInput(format!(
				"input #{index}: {} data bytes do not fit shape {:?} of {}",
				tensor.data.len(),
				tensor.shape.as_slice(),
				tensor.dtype.name()
			)));
		}
		total = total.saturating_add(tensor.data.len() as u64);
		if !is_finite(tensor) {
			return Err(EngineError::NonFiniteInput { index });
		}
	}
	if total > config.max_input_bytes as u64 {
		return Err(EngineError::InputTooLarge { bytes: total, limit: config.max_input_bytes });
	}
	Ok(())
}

fn is_finite(tensor: &Tensor) -> bool {
	match tensor.dtype {
		DType::F32 => tensor
			.data
			.chunks_exact(4)
			.all(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]).is_finite()),
		DType::F64 => tensor.data.chunks_exact(8).all(|c| {
			f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]).is_finite()
		}),
		_ => true,
	}
}

fn le<const N: usize>(chunk: &[u8]) -> [u8; N] {
	let mut out = [0u8; N];
	out.copy_from_slice(chunk);
	out
}

/// A tract tensor holding `tensor`'s elements. The tensor must be consistent.
pub fn to_tract(tensor: &Tensor) -> Result<TractTensor, EngineError> {
	let shape: Vec<usize> = tensor.shape.iter().map(|d| *d as usize).collect();
	let data = tensor.data.as_slice();
	let built = match tensor.dtype {
		DType::F32 => {
			let v: Vec<f32> = data.chunks_exact(4).map(|c| f32::from_le_bytes(le(c))).collect();
			TractTensor::from_shape(&shape, &v)
		},
		DType::F64 => {
			let v: Vec<f64> = data.chunks_exact(8).map(|c| f64::from_le_bytes(le(c))).collect();
			TractTensor::from_shape(&shape, &v)
		},
		DType::I64 => {
			let v: Vec<i64> = data.chunks_exact(8).map(|c| i64::from_le_bytes(le(c))).collect();
			TractTensor::from_shape(&shape, &v)
		},
		DType::I32 => {
			let v: Vec<i32> = data.chunks_exact(4).map(|c| i32::from_le_bytes(le(c))).collect();
			TractTensor::from_shape(&shape, &v)
		},
		DType::I8 => {
			let v: Vec<i8> = data.iter().map(|b| i8::from_le_bytes([*b])).collect();
			TractTensor::from_shape(&shape, &v)
		},
		DType::U8 => TractTensor::from_shape(&shape, data),
		DType::Bool => {
			if let Some(bad) = data.iter().find(|b| **b > 1) {
				return Err(EngineError::InvalidInput(format!("bool element {bad} is not 0 or 1")));
			}
			let v: Vec<bool> = data.iter().map(|b| *b == 1).collect();
			TractTensor::from_shape(&shape, &v)
		},
	};
	built.map_err(|e| EngineError::InvalidInput(format!("{e:#}")))
}

/// A chain tensor holding a tract output. tract may type integer outputs that it derives from
/// shapes as `TDim`; those are concrete after a run and leave as `i64`.
pub fn from_tract(tensor: &TractTensor) -> Result<Tensor, EngineError> {
	if tensor.datum_type() == DatumType::TDim {
		let as_i64 = tensor
			.cast_to::<i64>()
			.map_err(|e| EngineError::ExecutionFailed(format!("symbolic output: {e:#}")))?;
		return from_tract(&as_i64);
	}
	let dt = tensor.datum_type();
	let dtype = dtype(dt).ok_or_else(|| {
		EngineError::ExecutionFailed(format!("output dtype {dt:?} is not one the chain carries"))
	})?;
	let shape = tensor
		.shape()
		.iter()
		.map(|d| u32::try_from(*d))
		.collect::<Result<Vec<u32>, _>>()
		.map_err(|_| EngineError::ExecutionFailed("output dimension above u32".into()))?;
	let data = match dtype {
		DType::F32 => le_bytes(tensor.to_plain_array_view::<f32>(), |v| v.to_le_bytes()),
		DType::F64 => le_bytes(tensor.to_plain_array_view::<f64>(), |v| v.to_le_bytes()),
		DType::I64 => le_bytes(tensor.to_plain_array_view::<i64>(), |v| v.to_le_bytes()),
		DType::I32 => le_bytes(tensor.to_plain_array_view::<i32>(), |v| v.to_le_bytes()),
		DType::I8 => le_bytes(tensor.to_plain_array_view::<i8>(), |v| v.to_le_bytes()),
		DType::U8 => le_bytes(tensor.to_plain_array_view::<u8>(), |v| [*v]),
		DType::Bool => le_bytes(tensor.to_plain_array_view::<bool>(), |v| [u8::from(*v)]),
	}?;
	Tensor::new(dtype, shape, data)
		.map_err(|e| EngineError::ExecutionFailed(format!("output does not form a tensor: {e:?}")))
}

fn le_bytes<T, const N: usize>(
	values: tract_onnx::prelude::TractResult<tract_onnx::prelude::tract_ndarray::ArrayViewD<'_, T>>,
	to_bytes: impl Fn(&T) -> [u8; N],
) -> Result<Vec<u8>, EngineError> {
	let values = values.map_err(|e| EngineError::ExecutionFailed(format!("{e:#}")))?;
	// Sized up front: `flat_map(..).collect()` has no size hint and showed at 9 % of a PP-OCR rec
	// call (265,000 output floats).
	let mut bytes = Vec::with_capacity(values.len().saturating_mul(N));
	for v in values.iter() {
		bytes.extend_from_slice(&to_bytes(v));
	}
	Ok(bytes)
}
