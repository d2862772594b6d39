//! `--oracle-feeds FILE`: the sources a data node reads its feeds from.

use std::path::Path;

use pallet_oracle::fetch::Source;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedsFile {
	feeds: Vec<SourceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
	feed: u32,
	url: String,
	#[serde(default)]
	path: String,
}

/// Reads and checks a feeds file; a one-line error naming the file and the problem otherwise.
pub fn read_sources(file: &Path) -> Result<Vec<Source>, String> {
	let text = std::fs::read_to_string(file)
		.map_err(|e| format!("--oracle-feeds {}: {e}", file.display()))?;
	parse_sources(&text).map_err(|e| format!("--oracle-feeds {}: {e}", file.display()))
}

/// Parses the JSON of a feeds file.
pub fn parse_sources(text: &str) -> Result<Vec<Source>, String> {
	let parsed: FeedsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
	let mut seen = std::collections::BTreeSet::new();
	parsed
		.feeds
		.into_iter()
		.map(|entry| {
			if !(entry.url.starts_with("http://") || entry.url.starts_with("https://")) {
				return Err(format!("feed {}: `{}` is not an http(s) URL", entry.feed, entry.url));
			}
			if !seen.insert(entry.feed) {
				return Err(format!("feed {} is listed twice", entry.feed));
			}
			if entry.path.split('.').any(str::is_empty) && !entry.path.is_empty() {
				return Err(format!(
					"feed {}: path `{}` has an empty step",
					entry.feed, entry.path
				));
			}
			Ok(Source {
				feed: entry.feed,
				url: entry.url.into_bytes(),
				path: entry.path.into_bytes(),
			})
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn feeds_files_are_checked() {
		let ok = r#"{"feeds":[{"feed":0,"url":"http://127.0.0.1:8080/p","path":"data.usd"},
			{"feed":3,"url":"https://example.org/q"}]}"#;
		let sources = parse_sources(ok).unwrap_or_default();
		assert_eq!(sources.len(), 2);
		assert_eq!(sources[1].path, b"");
		let bad = |text: &str| parse_sources(text).err().unwrap_or_default();
		assert!(bad(r#"{"feeds":[{"feed":0,"url":"ftp://x"}]}"#).contains("not an http(s) URL"));
		assert!(bad(r#"{"feeds":[{"feed":0,"url":"http://x"},{"feed":0,"url":"http://y"}]}"#)
			.contains("listed twice"));
		assert!(
			bad(r#"{"feeds":[{"feed":0,"url":"http://x","path":"a..b"}]}"#).contains("empty step")
		);
		assert!(bad(r#"{"feeds":[{"feed":0,"uri":"http://x"}]}"#).contains("unknown field"));
		assert!(bad("not json").contains("expected"));
	}
}
