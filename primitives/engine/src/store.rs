//! The content-addressed model store on disk: `<base-path>/models/<model id>.onnx`.

use std::{
	fs,
	io::Write,
	path::{Path, PathBuf},
};

use sibyl_primitives::ModelId;

use crate::EngineError;

/// Models on disk, named by their id and hash-checked on every load.
#[derive(Clone, Debug)]
pub struct ModelStore {
	dir: PathBuf,
	max_model_bytes: u64,
}

impl ModelStore {
	/// A store in `dir` (created if missing) holding models of at most `max_model_bytes`.
	pub fn open(dir: impl Into<PathBuf>, max_model_bytes: usize) -> std::io::Result<ModelStore> {
		let dir = dir.into();
		fs::create_dir_all(&dir)?;
		Ok(ModelStore { dir, max_model_bytes: max_model_bytes as u64 })
	}

	/// The directory.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// Where the model `id` lives.
	pub fn path(&self, id: &ModelId) -> PathBuf {
		self.dir.join(format!("{}.onnx", id.to_hex().trim_start_matches("0x")))
	}

	/// Whether the store has a file for `id` (not yet hash-checked).
	pub fn contains(&self, id: &ModelId) -> bool {
		self.path(id).is_file()
	}

	/// Stores `bytes` under their hash and returns it. Writes are atomic: a crash leaves either
	/// the old state or the whole file.
	pub fn put(&self, bytes: &[u8]) -> Result<ModelId, EngineError> {
		if bytes.len() as u64 > self.max_model_bytes {
			return Err(EngineError::ModelTooLarge {
				bytes: bytes.len(),
				limit: self.max_model_bytes as usize,
			});
		}
		let id = ModelId::of(bytes);
		let path = self.path(&id);
		let tmp = path.with_extension(format!("onnx.tmp-{}", std::process::id()));
		let write = || -> std::io::Result<()> {
			let mut file = fs::File::create(&tmp)?;
			file.write_all(bytes)?;
			file.sync_all()?;
			fs::rename(&tmp, &path)
		};
		write().map_err(|e| {
			let _ = fs::remove_file(&tmp);
			EngineError::ExecutionFailed(format!("cannot write {}: {e}", path.display()))
		})?;
		Ok(id)
	}

	/// The bytes of `id`, checked against it. A file that fails the check is removed, so a
	/// later fetch can replace it.
	pub fn get(&self, id: &ModelId) -> Result<Vec<u8>, EngineError> {
		let path = self.path(id);
		let size = match fs::metadata(&path) {
			Ok(meta) => meta.len(),
			Err(_) => return Err(EngineError::ModelNotFound(*id)),
		};
		if size > self.max_model_bytes {
			return Err(EngineError::ModelTooLarge {
				bytes: size as usize,
				limit: self.max_model_bytes as usize,
			});
		}
		let bytes = fs::read(&path).map_err(|_| EngineError::ModelNotFound(*id))?;
		let actual = ModelId::of(&bytes);
		if actual != *id {
			let _ = fs::remove_file(&path);
			return Err(EngineError::ModelHashMismatch { expected: *id, actual });
		}
		Ok(bytes)
	}

	/// Deletes the model `id`, if the store has it; whether it had.
	pub fn remove(&self, id: &ModelId) -> std::io::Result<bool> {
		match fs::remove_file(self.path(id)) {
			Ok(()) => Ok(true),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
			Err(e) => Err(e),
		}
	}

	/// How long ago the model `id` was written to the store, if it is there.
	pub fn age(&self, id: &ModelId) -> Option<std::time::Duration> {
		fs::metadata(self.path(id)).ok()?.modified().ok()?.elapsed().ok()
	}

	/// Ids of the models in the store (by file name; not hash-checked).
	pub fn list(&self) -> Vec<ModelId> {
		let Ok(entries) = fs::read_dir(&self.dir) else { return vec![] };
		let mut ids: Vec<ModelId> = entries
			.filter_map(|e| e.ok())
			.filter_map(|e| {
				let name = e.file_name().into_string().ok()?;
				ModelId::from_hex(name.strip_suffix(".onnx")?)
			})
			.collect();
		ids.sort();
		ids
	}
}
