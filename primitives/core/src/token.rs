// The native token as wallets show it: one owner for the node's chain properties
// (`tokenSymbol`, `tokenDecimals`) and for the metadata hash hardware signers check (RFC 78
// hashes the symbol and decimals with the metadata). `runtime/build.rs` `include!`s this file,
// so it holds nothing but these two constants.

/// The native token's symbol.
pub const SYMBOL: &str = "SIB";
/// Decimal places of the native token.
pub const DECIMALS: u8 = 12;
