//! A keystore that derives each key it is given once, not at every signature.
//!
//! Substrate's `LocalKeystore` keeps a key as the secret URI it was given (a phrase and its
//! derivation path, for `--alice` and for `author_insertKey` with a phrase) and derives the pair
//! from it again for every signature: a phrase costs a PBKDF2 run (2,048 rounds of HMAC-SHA512),
//! which took more than half of a debug node's time signing seals, reveals, BABE claims and
//! GRANDPA votes under load. [`CachingKeystore`] wraps the node's keystore: keys inserted or
//! generated from a seed through it are derived once, checked against their public key, and kept
//! as pairs in memory for its signatures; everything else (keys already on disk, listing, other
//! schemes) goes to the wrapped keystore unchanged. What is stored, and where, does not change.

use std::{collections::HashMap, sync::Arc};

use parking_lot::RwLock;
use sp_core::{
	crypto::{KeyTypeId, Pair as _},
	ecdsa, ed25519, sr25519,
};
use sp_keystore::{Error, Keystore, KeystorePtr};

/// A keystore that keeps the pairs of the keys given to it, derived once (see the module docs).
pub struct CachingKeystore {
	inner: KeystorePtr,
	sr25519: RwLock<HashMap<(KeyTypeId, sr25519::Public), sr25519::Pair>>,
	ed25519: RwLock<HashMap<(KeyTypeId, ed25519::Public), ed25519::Pair>>,
}

impl CachingKeystore {
	/// Wraps `inner`.
	pub fn new(inner: KeystorePtr) -> Arc<Self> {
		Arc::new(Self { inner, sr25519: Default::default(), ed25519: Default::default() })
	}

	/// Keeps the pair `suri` derives, if it is the key `public` of `key_type` (a keystore with a
	/// password derives other pairs: those are left to the wrapped keystore).
	fn remember(&self, key_type: KeyTypeId, suri: &str, public: &[u8]) {
		if let Ok(pair) = sr25519::Pair::from_string(suri, None) {
			if AsRef::<[u8]>::as_ref(&pair.public()) == public {
				self.sr25519.write().insert((key_type, pair.public()), pair);
				return;
			}
		}
		if let Ok(pair) = ed25519::Pair::from_string(suri, None) {
			if AsRef::<[u8]>::as_ref(&pair.public()) == public {
				self.ed25519.write().insert((key_type, pair.public()), pair);
			}
		}
	}

	fn sr25519_pair(&self, key_type: KeyTypeId, public: &sr25519::Public) -> Option<sr25519::Pair> {
		self.sr25519.read().get(&(key_type, *public)).cloned()
	}
}

impl Keystore for CachingKeystore {
	fn sr25519_public_keys(&self, key_type: KeyTypeId) -> Vec<sr25519::Public> {
		self.inner.sr25519_public_keys(key_type)
	}

	fn sr25519_generate_new(
		&self,
		key_type: KeyTypeId,
		seed: Option<&str>,
	) -> Result<sr25519::Public, Error> {
		let public = self.inner.sr25519_generate_new(key_type, seed)?;
		if let Some(seed) = seed {
			self.remember(key_type, seed, AsRef::<[u8]>::as_ref(&public));
		}
		Ok(public)
	}

	fn sr25519_sign(
		&self,
		key_type: KeyTypeId,
		public: &sr25519::Public,
		msg: &[u8],
	) -> Result<Option<sr25519::Signature>, Error> {
		match self.sr25519_pair(key_type, public) {
			Some(pair) => Ok(Some(pair.sign(msg))),
			None => self.inner.sr25519_sign(key_type, public, msg),
		}
	}

	fn sr25519_vrf_sign(
		&self,
		key_type: KeyTypeId,
		public: &sr25519::Public,
		data: &sr25519::vrf::VrfSignData,
	) -> Result<Option<sr25519::vrf::VrfSignature>, Error> {
		use sp_core::crypto::VrfSecret;
		match self.sr25519_pair(key_type, public) {
			Some(pair) => Ok(Some(pair.vrf_sign(data))),
			None => self.inner.sr25519_vrf_sign(key_type, public, data),
		}
	}

	fn sr25519_vrf_pre_output(
		&self,
		key_type: KeyTypeId,
		public: &sr25519::Public,
		input: &sr25519::vrf::VrfInput,
	) -> Result<Option<sr25519::vrf::VrfPreOutput>, Error> {
		use sp_core::crypto::VrfSecret;
		match self.sr25519_pair(key_type, public) {
			Some(pair) => Ok(Some(pair.vrf_pre_output(input))),
			None => self.inner.sr25519_vrf_pre_output(key_type, public, input),
		}
	}

	fn ed25519_public_keys(&self, key_type: KeyTypeId) -> Vec<ed25519::Public> {
		self.inner.ed25519_public_keys(key_type)
	}

	fn ed25519_generate_new(
		&self,
		key_type: KeyTypeId,
		seed: Option<&str>,
	) -> Result<ed25519::Public, Error> {
		let public = self.inner.ed25519_generate_new(key_type, seed)?;
		if let Some(seed) = seed {
			self.remember(key_type, seed, AsRef::<[u8]>::as_ref(&public));
		}
		Ok(public)
	}

	fn ed25519_sign(
		&self,
		key_type: KeyTypeId,
		public: &ed25519::Public,
		msg: &[u8],
	) -> Result<Option<ed25519::Signature>, Error> {
		let pair = self.ed25519.read().get(&(key_type, *public)).cloned();
		match pair {
			Some(pair) => Ok(Some(pair.sign(msg))),
			None => self.inner.ed25519_sign(key_type, public, msg),
		}
	}

	fn ecdsa_public_keys(&self, key_type: KeyTypeId) -> Vec<ecdsa::Public> {
		self.inner.ecdsa_public_keys(key_type)
	}

	fn ecdsa_generate_new(
		&self,
		key_type: KeyTypeId,
		seed: Option<&str>,
	) -> Result<ecdsa::Public, Error> {
		self.inner.ecdsa_generate_new(key_type, seed)
	}

	fn ecdsa_sign(
		&self,
		key_type: KeyTypeId,
		public: &ecdsa::Public,
		msg: &[u8],
	) -> Result<Option<ecdsa::Signature>, Error> {
		self.inner.ecdsa_sign(key_type, public, msg)
	}

	fn ecdsa_sign_prehashed(
		&self,
		key_type: KeyTypeId,
		public: &ecdsa::Public,
		msg: &[u8; 32],
	) -> Result<Option<ecdsa::Signature>, Error> {
		self.inner.ecdsa_sign_prehashed(key_type, public, msg)
	}

	fn insert(&self, key_type: KeyTypeId, suri: &str, public: &[u8]) -> Result<(), ()> {
		self.inner.insert(key_type, suri, public)?;
		self.remember(key_type, suri, public);
		Ok(())
	}

	fn keys(&self, key_type: KeyTypeId) -> Result<Vec<Vec<u8>>, Error> {
		self.inner.keys(key_type)
	}

	fn has_keys(&self, public_keys: &[(Vec<u8>, KeyTypeId)]) -> bool {
		self.inner.has_keys(public_keys)
	}
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
	use super::*;

	const KEY: KeyTypeId = KeyTypeId(*b"infr");

	#[test]
	fn signatures_match_the_wrapped_keystore_and_verify() {
		let inner: KeystorePtr = Arc::new(sc_keystore::LocalKeystore::in_memory());
		let keystore = CachingKeystore::new(inner.clone());
		let public = keystore.sr25519_generate_new(KEY, Some("//Alice")).unwrap();
		assert_eq!(public, sp_keyring::Sr25519Keyring::Alice.public());
		assert!(keystore.sr25519_pair(KEY, &public).is_some(), "derived once, kept");
		let sig = keystore.sr25519_sign(KEY, &public, b"seal").unwrap().unwrap();
		assert!(sr25519::Pair::verify(&sig, b"seal", &public));
		let theirs = inner.sr25519_sign(KEY, &public, b"seal").unwrap().unwrap();
		assert!(sr25519::Pair::verify(&theirs, b"seal", &public));
		// The same VRF output either way (VRF outputs are deterministic).
		let input = sr25519::vrf::VrfInput::new(b"ctx", &[(b"slot", b"1")]);
		assert_eq!(
			keystore.sr25519_vrf_pre_output(KEY, &public, &input).unwrap(),
			inner.sr25519_vrf_pre_output(KEY, &public, &input).unwrap()
		);
		// ed25519, through `insert` (as `author_insertKey` does).
		let ed = sp_keyring::Ed25519Keyring::Bob.public();
		keystore.insert(KeyTypeId(*b"gran"), "//Bob", AsRef::<[u8]>::as_ref(&ed)).unwrap();
		let sig = keystore.ed25519_sign(KeyTypeId(*b"gran"), &ed, b"vote").unwrap().unwrap();
		assert!(ed25519::Pair::verify(&sig, b"vote", &ed));
		// A key the wrapper was not given is the wrapped keystore's business.
		let other = inner.sr25519_generate_new(KEY, None).unwrap();
		assert!(keystore.sr25519_pair(KEY, &other).is_none());
		let sig = keystore.sr25519_sign(KEY, &other, b"x").unwrap().unwrap();
		assert!(sr25519::Pair::verify(&sig, b"x", &other));
		// Unknown keys sign nothing.
		let stranger = sp_keyring::Sr25519Keyring::Ferdie.public();
		assert_eq!(keystore.sr25519_sign(KEY, &stranger, b"x").unwrap(), None);
	}

	#[test]
	fn a_suri_that_derives_another_key_is_not_kept() {
		let inner: KeystorePtr = Arc::new(sc_keystore::LocalKeystore::in_memory());
		let keystore = CachingKeystore::new(inner);
		let alice = sp_keyring::Sr25519Keyring::Alice.public();
		// The wrapped keystore refuses nothing here; the wrapper keeps only a matching pair.
		let _ = keystore.insert(KEY, "//Bob", AsRef::<[u8]>::as_ref(&alice));
		assert!(keystore.sr25519_pair(KEY, &alice).is_none());
	}
}
