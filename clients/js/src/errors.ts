// The errors the client throws. Every one is a `SibylError`; `instanceof` tells them apart.

/** Base class of every error this package throws. */
export class SibylError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The chain refused: an extrinsic failed with a dispatch error, or the node's RPC answered with
 * the runtime's named error (code 4000, e.g. a quote at a malformed level). For a module error,
 * `pallet` and `error` are the runtime's names (`'Inference'`, `'InputShapeMismatch'`) and `docs`
 * its documentation; for other dispatch errors `pallet` is `'DispatchError'` and `error` the
 * variant (`'BadOrigin'`, `'Token.FundsUnavailable'`, …).
 */
export class SibylChainError extends SibylError {
  /** The pallet, as the runtime names it (`'Inference'`), or `'DispatchError'`. */
  readonly pallet: string;
  /** The error's name (`'InputShapeMismatch'`). */
  readonly error: string;
  /** The error's documentation from the runtime metadata ('' when unknown). */
  readonly docs: string;
  /** The pallet as polkadot.js names its section (`'inference'`). */
  readonly section: string;
  /** Whether it is a pallet's (module) error. */
  readonly isModule: boolean;

  constructor(pallet: string, error: string, docs = '', options: { isModule?: boolean; section?: string; cause?: unknown } = {}) {
    super(`${pallet}.${error}${docs ? `: ${docs}` : ''}`, { cause: options.cause });
    this.pallet = pallet;
    this.error = error;
    this.docs = docs;
    this.isModule = options.isModule ?? pallet !== 'DispatchError';
    this.section = options.section ?? pallet.charAt(0).toLowerCase() + pallet.slice(1);
  }

  /** `Pallet.Error`, as the node's RPC and logs name it. */
  get qualifiedName(): string {
    return `${this.pallet}.${this.error}`;
  }
}

/** Why the client refused an input before sending anything. */
export type InputErrorReason = 'unknown' | 'missing' | 'dtype' | 'shape' | 'value';

/**
 * An input does not fit the model's input schema (checked before anything is signed): an
 * unknown or missing input name, a dtype or shape other than the schema's, or a value the chain
 * refuses (NaN/∞ in a float tensor, an integer out of range).
 */
export class SibylInputError extends SibylError {
  constructor(
    /** The input's name. */
    readonly input: string,
    /** What is wrong with it. */
    readonly reason: InputErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** How a request settled (the node's JSON form of `sibyl_primitives::Outcome`). */
export type Outcome =
  | { verified: { outputHash: string } }
  | { failed: string }
  | { refunded: string }
  | { slashedAndRefunded: string };

/** The kind of an outcome: `'verified'`, `'failed'`, `'refunded'` or `'slashedAndRefunded'`. */
export function outcomeKind(outcome: Outcome): 'verified' | 'failed' | 'refunded' | 'slashedAndRefunded' {
  return Object.keys(outcome)[0] as 'verified' | 'failed' | 'refunded' | 'slashedAndRefunded';
}

/**
 * A request settled without a verified output: the model failed on the input (`failed`: the
 * requester paid for the work, the price came back), or the fee was refunded (`refunded`,
 * `slashedAndRefunded`: no majority, timeouts, a dishonest executor, …). `outcome` is the
 * node's outcome, `reason` its reason (`'NonFiniteOutput'`, `'Timeout'`, `'Declined(ResourceLimit)'`, …).
 */
/** `'NonFiniteOutput'`, `{ noVerifiers: null }` → `'NoVerifiers'`, `{ declined: 'ResourceLimit' }` → `'Declined(ResourceLimit)'`. */
function reasonOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const [entry] = entries;
    if (entries.length === 1 && entry) {
      const [key, inner] = entry;
      const name = key.charAt(0).toUpperCase() + key.slice(1);
      return inner === null || inner === undefined ? name : `${name}(${reasonOf(inner)})`;
    }
  }
  return JSON.stringify(value);
}

export class SibylOutcomeError extends SibylError {
  readonly kind: 'failed' | 'refunded' | 'slashedAndRefunded';
  readonly reason: string;

  constructor(
    readonly requestId: bigint,
    readonly outcome: Outcome,
    /** The block number it settled in. */
    readonly settledAt: number,
  ) {
    const kind = outcomeKind(outcome) as 'failed' | 'refunded' | 'slashedAndRefunded';
    const reason = reasonOf((outcome as Record<string, unknown>)[kind]);
    super(`request ${requestId} settled ${kind}: ${reason}`);
    this.kind = kind;
    this.reason = reason;
  }
}

/**
 * The node's RPC answered with an error: `code` 4040 unknown request or model, 4041 no output,
 * 5000 the node's own failure, 5030 busy (see docs/rpc.md), or a JSON-RPC / transaction pool code
 * (1010 invalid transaction, …).
 */
export class SibylRpcError extends SibylError {
  constructor(
    /** The JSON-RPC error code. */
    readonly code: number,
    /** The method called. */
    readonly method: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Something looked up is not there: a request id (4040), a model id or name and version. */
export class SibylNotFoundError extends SibylRpcError {}

/** A transaction was not included: refused by the pool (invalid, cannot pay), dropped or usurped. */
export class SibylTransactionError extends SibylError {}

/** A wait ran out of time (inclusion, settlement, finality). */
export class SibylTimeoutError extends SibylError {}
