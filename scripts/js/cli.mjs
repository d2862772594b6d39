// Command-line values the scripts share.

/// `unverified`, `sampled:PPM` or `committee:K` as the runtime's `VerificationLevel`.
export function parseLevel(text, fail) {
  const [kind, n] = text.split(':');
  if (kind === 'unverified' && n === undefined) return { Unverified: null };
  if (kind === 'sampled' && /^\d+$/.test(n ?? '')) return { Sampled: Number(n) };
  if (kind === 'committee' && /^\d+$/.test(n ?? '')) return { Committee: Number(n) };
  return fail(`--level ${text}: expected unverified, sampled:PPM or committee:K`);
}

/// `FEED:TENSOR:OFFSET[:ROUNDS]` as the runtime's `FeedBinding`.
export function parseFeed(text, fail) {
  const parts = text.split(':');
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => /^\d+$/.test(p))) {
    return fail(`--feed ${text}: expected FEED:TENSOR:OFFSET[:ROUNDS], all non-negative integers`);
  }
  const [feed, tensor, offset, rounds = 1] = parts.map(Number);
  return { feed, rounds, tensor, offset };
}
