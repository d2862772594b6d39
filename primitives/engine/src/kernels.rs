//! One kernel set for every node: what makes outputs bit-identical across x86-64 CPUs.
//!
//! tract picks its kernels from the CPU's features: AVX-512 machines and AVX2+FMA machines run
//! different matrix-multiply kernels, and so round differently. The engine therefore pins one
//! set, **x86-64 with AVX, AVX2 and FMA and nothing above it** (no AVX-512, VNNI, AMX or F16C),
//! before tract looks at the CPU for the first time. Every x86-64 CPU since 2013 (Intel
//! Haswell, AMD Piledriver) has it, AVX-512 machines included, and its kernels give the same
//! bits on all of them. Within that set tract also picks tile shapes by CPU vendor
//! (`TRACT_X86_KIND`); each tile accumulates every output element over `k` in the same order,
//! so the vendor changes speed, not bits (`scripts/determinism.sh` checks both vendors). A CPU
//! without AVX2 or FMA (or another architecture) is refused with a one-line error naming what it
//! lacks, rather than served other bits. Pinning AVX alone would admit 2011-2012 CPUs too, but
//! cost 4.4× on PP-OCR rec (`docs/engine.md`).
//!
//! `TRACT_CPU_ISA` still edits what tract probes, so tests can emulate other CPUs on one
//! machine: `-avx512f` gives the same bits; `-avx512f,-avx2,-fma` emulates a CPU the engine
//! refuses.
//!
//! `SIBYL_UNPINNED_KERNELS=1` leaves tract's own choice in place, to measure what pinning costs
//! (`scripts/determinism.sh`). The identity then says `unpinned`, matches no runtime's
//! [`sibyl_primitives::ENGINE_IDENTITY`], and such a node steps aside from every seat.

use std::sync::OnceLock;

use tract_onnx::tract_core::tract_linalg::{
	self,
	isa::{Isa, IsaSet},
};

use crate::EngineError;

/// The tract release the engine is built with; a test checks it against `Cargo.lock`.
pub const TRACT_VERSION: &str = "0.23.9";

/// Every x86-64 feature tract has kernels for beyond AVX2 and FMA: removed from the probed set.
const BEYOND_PINNED: &str = "-f16c,-avx512f,-avx512vnni,-avx512fp16,-avxvnni,-amx-int8,-amx-bf16";

/// Pins the kernel set (once per process, before any model is optimised) and returns the
/// engine's identity, e.g. `tract 0.23.9; x86_64,avx,avx2,fma`; an error naming what this CPU lacks.
pub fn pin() -> Result<&'static str, EngineError> {
	static PINNED: OnceLock<Result<String, String>> = OnceLock::new();
	PINNED
		.get_or_init(|| {
			if std::env::var("SIBYL_UNPINNED_KERNELS").is_ok_and(|v| v == "1") {
				let native = tract_linalg::isa::native();
				return Ok(format!("tract {TRACT_VERSION}; {native:?} (unpinned)"));
			}
			// Keep what the environment asks (emulating another CPU), then cap it at FMA.
			let asked = std::env::var("TRACT_CPU_ISA").unwrap_or_default();
			let spec = if asked.trim().is_empty() {
				BEYOND_PINNED.to_string()
			} else {
				format!("{asked},{BEYOND_PINNED}")
			};
			tract_linalg::knobs::TRACT_CPU_ISA.set(Some(spec));
			let native = tract_linalg::isa::native();
			let wanted = IsaSet::of_arch(tract_linalg::isa::Arch::X86_64)
				.with(Isa::X86_64Avx)
				.with(Isa::X86_64Avx2)
				.with(Isa::X86_64Fma);
			if native != wanted {
				let missing: Vec<&str> =
					wanted.iter().filter(|isa| !native.has(*isa)).map(|isa| isa.name()).collect();
				return Err(format!(
					"this CPU ({native:?}) lacks {}: the engine's pinned kernels (x86-64 with \
					 AVX2 and FMA) are required for outputs bit-identical with other nodes",
					missing.join(", ")
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
