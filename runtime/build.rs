// The token symbol and decimals the metadata hash covers: the chain properties' own
// (`sibyl_primitives::currency`), or every wallet's hash would differ from the runtime's.
#[cfg(feature = "metadata-hash")]
include!("../primitives/core/src/token.rs");

fn main() {
	#[cfg(feature = "std")]
	{
		let real = substrate_wasm_builder::WasmBuilder::init_with_defaults();
		#[cfg(feature = "metadata-hash")]
		let real = real.enable_metadata_hash(SYMBOL, DECIMALS);
		real.build();
		// The same runtime with `spec_version` one higher (`upgrade-test`), for the test that
		// upgrades a running chain (`sibyl_runtime::upgrade_test::WASM_BINARY`). Its own blob and
		// generated file; the build shares the real one's compiled dependencies.
		let upgrade = substrate_wasm_builder::WasmBuilder::new()
			.with_current_project()
			.import_memory()
			.export_heap_base()
			.enable_feature("upgrade-test")
			.set_file_name("wasm_binary_upgrade.rs");
		#[cfg(feature = "metadata-hash")]
		let upgrade = upgrade.enable_metadata_hash(SYMBOL, DECIMALS);
		upgrade.build();
	}
}
