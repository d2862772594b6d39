//! The content-addressed model store.

use sibyl_engine::testing::*;
use sibyl_engine::{EngineError, ModelId, ModelStore};

#[test]
fn put_then_get_round_trips_under_the_content_hash() -> Result<(), EngineError> {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path().join("models"), 1 << 20).unwrap();
	let bytes = Mlp::new(4, 4, 2).onnx(D::N(1));
	let id = store.put(&bytes)?;
	assert_eq!(id, ModelId::of(&bytes));
	assert!(store.path(&id).ends_with(format!("{}.onnx", &id.to_hex()[2..])));
	assert_eq!(store.get(&id)?, bytes);
	assert_eq!(store.list(), vec![id]);
	assert!(store.age(&id).is_some_and(|age| age < std::time::Duration::from_secs(60)));
	// Removing it leaves nothing to list, load or age; removing it again is no error.
	assert!(store.remove(&id).unwrap());
	assert!(!store.contains(&id) && store.list().is_empty() && store.age(&id).is_none());
	assert_eq!(store.get(&id).unwrap_err(), EngineError::ModelNotFound(id));
	assert!(!store.remove(&id).unwrap());
	Ok(())
}

#[test]
fn a_corrupted_file_is_detected_and_removed() -> Result<(), EngineError> {
	let dir = tempfile::tempdir().unwrap();
	let store = ModelStore::open(dir.path(), 1 << 20).unwrap();
	let id = store.put(&Mlp::new(4, 4, 2).onnx(D::N(1)))?;
	let mut bytes = std::fs::read(store.path(&id)).unwrap();
	bytes[10] ^= 0xff;
	std::fs::write(store.path(&id), &bytes).unwrap();
	let err = store.get(&id).unwrap_err();
	assert!(matches!(err, EngineError::ModelHashMismatch { .. }), "{err}");
	assert!(!store.contains(&id));
	assert_eq!(store.get(&id).unwrap_err(), EngineError::ModelNotFound(id));
	Ok(())
}

#[test]
fn oversized_models_are_neither_stored_nor_loaded() {
	let dir = tempfile::tempdir().unwrap();
	let bytes = Mlp::new(16, 16, 2).onnx(D::N(1));
	let small = ModelStore::open(dir.path(), 64).unwrap();
	assert!(matches!(small.put(&bytes), Err(EngineError::ModelTooLarge { .. })));
	let large = ModelStore::open(dir.path(), 1 << 20).unwrap();
	let id = large.put(&bytes).unwrap();
	assert!(matches!(small.get(&id), Err(EngineError::ModelTooLarge { .. })));
}
