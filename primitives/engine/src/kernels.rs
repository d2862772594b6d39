//! One kernel set for every node: what makes outputs bit-identical across x86-64 CPUs.
//!
//! tract picks its kernels from the CPU's features: AVX-512, AVX2+FMA and plain AVX machines
//! run different matrix-multiply tiles and fused multiply-adds, and so round differently. The
//! engine therefore pins one set, **x86-64 with AVX and nothing above it** (no FMA, AVX2,
//! F16C, AVX-512, VNNI or AMX), before tract looks at the CPU for the first time. Every x86-64
//! CPU since 2011 has AVX; its tract kernels use plain multiplies and adds, so the same model
//! and input give the same bits on all of them. A CPU without AVX (or another architecture) is
//! refused with a one-line error rather than served with other bits.
//!
//! `TRACT_CPU_ISA` still edits what tract probes, so tests can emulate older CPUs on one
//! machine: `-avx512f` or `-avx512f,-avx2,-fma` leave AVX and give the same bits; `-avx`
//! emulates a CPU the engine refuses.
//!
//! `SIBYL_UNPINNED_KERNELS=1` leaves tract's own choice in place, to measure what pinning costs
//! (`scripts/bench-engine.sh`). The identity then says `unpinned`, matches no runtime's
//! [`sibyl_primitives::ENGINE_IDENTITY`], and such a node steps aside from every seat.

use std::sync::OnceLock;

use tract_onnx::tract_core::tract_linalg::{
	self,
	isa::{Isa, IsaSet},
};

use crate::EngineError;

/// The tract release the engine is built with; a test checks it against `Cargo.lock`.
pub const TRACT_VERSION: &str = "0.23.9";

/// Every x86-64 feature above AVX that tract has kernels for: removed from the probed set.
const ABOVE_AVX: &str =
	"-avx2,-fma,-f16c,-avx512f,-avx512vnni,-avx512fp16,-avxvnni,-amx-int8,-amx-bf16";

/// Pins the kernel set (once per process, before any model is optimised) and returns the
/// engine's identity, e.g. `tract 0.23.9; x86_64,avx`; an error naming what this CPU lacks.
pub fn pin() -> Result<&'static str, EngineError> {
	static PINNED: OnceLock<Result<String, String>> = OnceLock::new();
	PINNED
		.get_or_init(|| {
			if std::env::var("SIBYL_UNPINNED_KERNELS").is_ok_and(|v| v == "1") {
				let native = tract_linalg::isa::native();
				return Ok(format!("tract {TRACT_VERSION}; {native:?} (unpinned)"));
			}
			// Keep what the environment asks (emulating an older CPU), then cap it at AVX.
			let asked = std::env::var("TRACT_CPU_ISA").unwrap_or_default();
			let spec = if asked.trim().is_empty() {
				ABOVE_AVX.to_string()
			} else {
				format!("{asked},{ABOVE_AVX}")
			};
			tract_linalg::knobs::TRACT_CPU_ISA.set(Some(spec));
			let native = tract_linalg::isa::native();
			let wanted = IsaSet::of_arch(tract_linalg::isa::Arch::X86_64).with(Isa::X86_64Avx);
			if native != wanted {
				return Err(format!(
					"this CPU ({native:?}) cannot run the engine's pinned kernels: x86-64 with \
					 AVX is required for outputs bit-identical with other nodes"
				));
			}
			Ok(format!("tract {TRACT_VERSION}; {native:?}"))
		})
		.as_ref()
		.map(String::as_str)
		.map_err(|why| EngineError::EngineMismatch(why.clone()))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_pinned_identity_is_the_one_the_runtime_expects() {
		assert_eq!(pin().unwrap(), sibyl_primitives::ENGINE_IDENTITY);
	}

	#[test]
	fn the_tract_version_is_the_one_in_cargo_lock() {
		let lock = include_str!("../../../Cargo.lock");
		let entry = lock
			.split("[[package]]")
			.find(|p| p.contains("name = \"tract-linalg\""))
			.expect("tract-linalg in Cargo.lock");
		assert!(
			entry.contains(&format!("version = \"{TRACT_VERSION}\"")),
			"tract changed: update TRACT_VERSION and ENGINE_IDENTITY ({entry})"
		);
	}
}
