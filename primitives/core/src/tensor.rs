//! Tensors as the chain carries them: a dtype, a shape and little-endian bytes.
//!
//! The runtime never interprets tensor contents as numbers; it hashes, bounds and compares
//! them. Engines on the host read and write the bytes.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::ConstU32;
use sp_runtime::BoundedVec;

/// Most dimensions a tensor may have.
pub const MAX_TENSOR_RANK: u32 = 8;
/// Most bytes of data in one tensor carried through the host interface (16 MiB).
pub const MAX_TENSOR_BYTES: u32 = 16 * 1024 * 1024;
/// Most tensors in one model input or output.
pub const MAX_TENSORS: u32 = 16;

/// Element type of a tensor.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Hash,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub enum DType {
	/// 32-bit IEEE float.
	F32,
	/// 64-bit IEEE float.
	F64,
	/// 64-bit signed integer.
	I64,
	/// 32-bit signed integer.
	I32,
	/// 8-bit signed integer.
	I8,
	/// 8-bit unsigned integer.
	U8,
	/// Boolean, one byte per element (0 or 1).
	Bool,
}

impl DType {
	/// All dtypes, in encoding order.
	pub const ALL: [DType; 7] =
		[DType::F32, DType::F64, DType::I64, DType::I32, DType::I8, DType::U8, DType::Bool];

	/// Bytes per element.
	pub const fn size(self) -> u32 {
		match self {
			DType::F64 | DType::I64 => 8,
			DType::F32 | DType::I32 => 4,
			DType::I8 | DType::U8 | DType::Bool => 1,
		}
	}

	/// The lower-case name used in JSON (`"f32"`, `"bool"`, …).
	pub const fn name(self) -> &'static str {
		match self {
			DType::F32 => "f32",
			DType::F64 => "f64",
			DType::I64 => "i64",
			DType::I32 => "i32",
			DType::I8 => "i8",
			DType::U8 => "u8",
			DType::Bool => "bool",
		}
	}

	/// Parses a JSON name.
	pub fn from_name(name: &str) -> Option<DType> {
		DType::ALL.into_iter().find(|d| d.name() == name)
	}

	/// Whether values are floating point (compared under a tolerance, never bit-exact on chain).
	pub const fn is_float(self) -> bool {
		matches!(self, DType::F32 | DType::F64)
	}
}

/// The tensors of one call's input (or output), in the model's order.
pub type Tensors = BoundedVec<Tensor, ConstU32<MAX_TENSORS>>;

/// Dimensions of a tensor, outermost first.
pub type Shape = BoundedVec<u32, ConstU32<MAX_TENSOR_RANK>>;

/// A tensor: dtype, shape and the elements as little-endian bytes, row-major.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Tensor {
	/// Element type.
	pub dtype: DType,
	/// Dimensions.
	pub shape: Shape,
	/// Elements, little-endian, row-major; `len == product(shape) * dtype.size()`.
	pub data: BoundedVec<u8, ConstU32<MAX_TENSOR_BYTES>>,
}

/// Why bytes do not form a valid tensor.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TensorError {
	/// More dimensions than [`MAX_TENSOR_RANK`].
	RankTooLarge,
	/// More than [`MAX_TENSOR_BYTES`] of data.
	TooLarge,
	/// The data length is not `product(shape) * dtype.size()`.
	LengthMismatch,
}

impl Tensor {
	/// Builds a tensor, checking rank, size and that the data length matches the shape.
	pub fn new(
		dtype: DType,
		shape: alloc::vec::Vec<u32>,
		data: alloc::vec::Vec<u8>,
	) -> Result<Tensor, TensorError> {
		let shape = Shape::try_from(shape).map_err(|_| TensorError::RankTooLarge)?;
		let expected = byte_len(dtype, &shape).ok_or(TensorError::TooLarge)?;
		if Some(expected) != u64::try_from(data.len()).ok() {
			return Err(TensorError::LengthMismatch);
		}
		let data = BoundedVec::try_from(data).map_err(|_| TensorError::TooLarge)?;
		Ok(Tensor { dtype, shape, data })
	}

	/// Number of elements, or `None` on overflow.
	pub fn element_count(&self) -> Option<u64> {
		element_count(&self.shape)
	}

	/// Whether no element is NaN or infinite. Decided on the bits (an all-ones exponent), with
	/// no floating-point arithmetic, so consensus code may call it. Integer tensors are finite.
	pub fn all_finite(&self) -> bool {
		match self.dtype {
			DType::F32 => self.data.chunks_exact(4).all(|b| {
				<[u8; 4]>::try_from(b).is_ok_and(|b| (u32::from_le_bytes(b) >> 23) & 0xff != 0xff)
			}),
			DType::F64 => self.data.chunks_exact(8).all(|b| {
				<[u8; 8]>::try_from(b).is_ok_and(|b| (u64::from_le_bytes(b) >> 52) & 0x7ff != 0x7ff)
			}),
			_ => true,
		}
	}

	/// Whether the data length agrees with dtype and shape (decoded tensors are unchecked).
	pub fn is_consistent(&self) -> bool {
		byte_len(self.dtype, &self.shape) == u64::try_from(self.data.len()).ok()
	}
}

/// Product of the dimensions, or `None` on overflow.
pub fn element_count(shape: &[u32]) -> Option<u64> {
	shape.iter().try_fold(1u64, |acc, d| acc.checked_mul(u64::from(*d)))
}

/// Bytes a tensor of `dtype` and `shape` occupies, or `None` on overflow or above the limit.
pub fn byte_len(dtype: DType, shape: &[u32]) -> Option<u64> {
	element_count(shape)?
		.checked_mul(u64::from(dtype.size()))
		.filter(|len| *len <= u64::from(MAX_TENSOR_BYTES))
}
