// The dApp client: an ApiPromise with the node's `sibyl_*` RPC registered, and the calls a dApp
// makes on it (the model hub, quotes, inference requests, their states and results).

import './interfaces/augment-api.js';
import './interfaces/augment-types.js';

import { ApiPromise, WsProvider } from '@polkadot/api';
import type { ApiOptions, SubmittableExtrinsic } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { ProviderInterface } from '@polkadot/rpc-provider/types';
import { Metadata } from '@polkadot/types';
import type { EventRecord, DispatchError } from '@polkadot/types/interfaces';
import type { SibylPrimitivesRegistryModelInfo, SibylPrimitivesRegistryTensorSpec, SpRuntimeDispatchError } from '@polkadot/types/lookup';
import type { DefinitionRpc, DefinitionRpcSub, Signer as InjectedSigner } from '@polkadot/types/types';
import { hexToU8a, isHex, stringCamelCase, stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';

import {
  type Outcome,
  outcomeKind,
  SibylChainError,
  SibylError,
  SibylNotFoundError,
  SibylOutcomeError,
  SibylRpcError,
  SibylTimeoutError,
  SibylTransactionError,
} from './errors.js';
import inferenceRpc from './interfaces/inference/definitions.js';
import sibylRpc from './interfaces/sibyl/definitions.js';
import {
  decodeTensors,
  dtypeOf,
  fromJson,
  hashTensors,
  inputTensors,
  type Inputs,
  type Tensor,
  type TensorJson,
  type TensorSpec,
  toChainTensor,
} from './tensors.js';

/** The node's custom RPC as polkadot.js definitions: `ApiPromise.create({ rpc, … })`. */
export const rpc = {
  inference: inferenceRpc.rpc as unknown as Record<string, DefinitionRpc>,
  sibyl: sibylRpc.rpc as unknown as Record<string, DefinitionRpc | DefinitionRpcSub>,
};

/**
 * The runtime's transaction extensions polkadot.js does not know; neither adds anything to what
 * is signed (`AuthorizeCall`: frame_system's, `SeatsLeft`: the Inference pallet's, which only
 * defers a request a full block cannot seat).
 */
export const signedExtensions = {
  AuthorizeCall: { extrinsic: {}, payload: {} },
  SeatsLeft: { extrinsic: {}, payload: {} },
};

/** The node roles, in the order of the chain's `Role` enum. */
export const ROLES = ['Inference', 'Verifier', 'Data'] as const;
/** A node role. */
export type RoleName = (typeof ROLES)[number];

/**
 * What a role key signs to prove that whoever bonds it holds it
 * (`sibyl_primitives::key_proof_payload`): `sibyl/key-proof/v1` ‖ genesis hash ‖ role index ‖
 * account id.
 */
export function keyProofPayload(genesisHash: Uint8Array | string, role: RoleName, account: Uint8Array | string): Uint8Array {
  const index = ROLES.indexOf(role);
  if (index < 0) throw new SibylError(`unknown role ${String(role)}`);
  const genesis = typeof genesisHash === 'string' ? hexToU8a(genesisHash) : genesisHash;
  const who = typeof account === 'string' ? decodeAddress(account) : account;
  return new Uint8Array([...stringToU8a('sibyl/key-proof/v1'), ...genesis, index, ...who]);
}

/**
 * `key`'s proof of possession for `account` bonding it for `role` on `api`'s chain: the `proof`
 * argument of `payments.bond(role, amount, key.publicKey, proof)` and `payments.rotateKey`.
 */
export function keyProof(api: ApiPromise, role: RoleName, key: KeyringPair, account: Uint8Array | string): Uint8Array {
  return key.sign(keyProofPayload(api.genesisHash.toU8a(), role, account));
}

/** A model: its id (`0x` + 64 hex digits), or its family name and version in the hub. */
export type ModelRef = string | { name: string; version?: number };

/**
 * A verification level (docs/schedules.md): `null`/`undefined` for the model's policy;
 * `'unverified'`, `{ sampled: ppm }`, `{ committee: k }` (any capitalisation, or the command
 * line's `'sampled:PPM'` / `'committee:K'`).
 */
export type LevelInput =
  | null
  | undefined
  | 'unverified'
  | 'Unverified'
  | `sampled:${number}`
  | `committee:${number}`
  | { Unverified: null }
  | { unverified: null }
  | { Sampled: number }
  | { sampled: number }
  | { Committee: number }
  | { committee: number };

/** A level as the chain and the node's RPC take it (serde's externally tagged form). */
export type Level = { Unverified: null } | { Sampled: number } | { Committee: number };

/** Who signs: a secret URI (`'//Alice'`), a keyring pair, or an address with an injected signer. */
export type SignerInput = string | KeyringPair | { address: string; signer: InjectedSigner };

/** A registered model, as the hub (`ModelsApi`) describes it. */
export interface ModelInfo {
  /** `0x…`: blake2-256 of the ONNX bytes. */
  id: string;
  name: string;
  version: number;
  status: 'Uploading' | 'Available' | 'Retired';
  owner: string;
  /** The owner's fee per call, in planck. */
  price: bigint;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  /** The default of every request: executors, verifiers, share of requests checked, tolerance. */
  policy: { replicas: number; verifiers: number; samplePpm: number; tolerance: unknown };
  /** The levels requesters may choose. */
  levels: { minSamplePpm: number; maxVerifiers: number };
  /** Declared cost of one call. */
  cost: { ops: bigint; memory: bigint };
  /** ONNX size in bytes. */
  size: number;
  deposit: bigint;
  registeredAt: number;
}

/** `sibyl_quote`: the fee a request holds now. */
export interface Quote {
  model: string;
  level: Level | 'Unverified' | null;
  /** In planck. */
  fee: bigint;
  /** The best block quoted at. */
  at: string;
}

interface StatusOf {
  /** The request id. */
  request: number;
  /** The best block the state was read at. */
  block: string;
}

/** One state `sibyl_watchRequest` streams, in this order; `final` is the last. */
export type RequestStatus =
  | ({ status: 'queued' } & StatusOf)
  | ({ status: 'committing'; seats: number; sealed: number; deadline: number } & StatusOf)
  | ({ status: 'revealing'; seats: number; revealed: number; deadline: number } & StatusOf)
  | ({ status: 'opening'; deadline: number } & StatusOf)
  | ({ status: 'settled'; outcome: Outcome; settled: number; outputs?: TensorJson[] } & StatusOf)
  | { status: 'final'; request: number; finalized: number };

/** The states of a request, in the order they come. */
export const STATUSES = ['queued', 'committing', 'revealing', 'opening', 'settled', 'final'] as const;

/** `sibyl_receipt`: the durable receipt of a request settled `Verified` or `Failed`. */
export interface Receipt {
  request: number;
  requester: string;
  model: string;
  inputHash: string;
  outcome: Outcome;
  commitment: string;
  level: Level | 'Unverified' | null;
  checking: string;
  settled: number;
  /** The finalized block it was read at, its number and state root. */
  at: string;
  number: number;
  stateRoot: string;
  /** `Inference.Receipts` key and SCALE value, for a read proof against `stateRoot`. */
  storageKey: string;
  value: string;
}

/** An output: its hash and tensors, in order and by name. */
export interface Output {
  outputHash: string;
  tensors: Tensor[];
  /** By output name (by position, `'0'`, `'1'`, …, when the node did not name them). */
  outputs: Record<string, Tensor>;
}

export interface ConnectOptions {
  /** A provider to use instead of a WebSocket to `url` (which reconnects after 1 s when dropped). */
  provider?: ProviderInterface;
  /** How long to wait for the node to connect and the api to be ready (ms, default 30 s). */
  timeoutMs?: number;
  /** More `ApiPromise.create` options. */
  api?: Partial<ApiOptions>;
}

export interface SendOptions {
  nonce?: number;
  /** How long to wait for inclusion (ms, default 120 s). */
  timeoutMs?: number;
}

export interface RequestOptions extends SendOptions {
  signer: SignerInput;
  /** The most the request may hold, in planck (default: the current quote). */
  maxFee?: bigint | number | string;
  /** Verification level (default: the model's policy). */
  level?: LevelInput;
  /**
   * Check the inputs against the model's schema here first (default `true`). `false` sends them
   * as given (dtype and shape from the values) for the chain to judge.
   */
  validate?: boolean;
  /** Oracle feed bindings (`Inference.request_with_feeds`, docs/oracle.md). */
  feeds?: ReadonlyArray<{ feed: number; tensor: number; offset: number; rounds?: number }>;
}

export interface WaitOptions {
  /** `'settled'` (default): once the settlement is in a best block; `'finalized'`: once final. */
  wait?: 'settled' | 'finalized';
  /** How long to wait (ms, default 300 s). */
  timeoutMs?: number;
  /** Each state as it comes. */
  onStatus?: (status: RequestStatus) => void;
}

export type InferOptions = RequestOptions & WaitOptions;

/** A request included in a block. */
export interface Submitted {
  txHash: string;
  requestId: bigint;
  /** The model's id. */
  model: string;
  /** The fee held (escrowed), in planck. */
  fee: bigint;
  maxFee: bigint;
  /** The block that included it. */
  blockHash: string;
  blockNumber: number;
  /** The tensors sent, in the model's order. */
  inputs: Tensor[];
  /** The extrinsic's events. */
  events: EventRecord[];
}

/** How a request ended. */
export interface Settlement {
  requestId: bigint;
  outcome: Outcome;
  /** The block it settled in: number and hash. */
  settledAt: number;
  blockHash: string;
  /** Its outputs, verified against the outcome's hash (verified requests only). */
  output?: Output;
  /** The commitment every seat in line signed (verified and failed requests). */
  commitment?: string;
  /** The durable receipt, when the settlement was final at the time. */
  receipt?: Receipt;
  /** Every state seen, in order. */
  statuses: RequestStatus[];
}

/** What `infer` gives back. */
export interface InferResult {
  txHash: string;
  requestId: bigint;
  outcome: Outcome & { verified: { outputHash: string } };
  /** The outputs by name: `{ name, dtype, shape, data }`, data a typed array. */
  outputs: Record<string, Tensor>;
  outputHash: string;
  commitment: string;
  /** The block the request settled in. */
  blockHash: string;
  settledAt: number;
  /** The block that included the request. */
  includedIn: { blockHash: string; blockNumber: number };
  /** The fee held (planck). */
  fee: bigint;
  receipt?: Receipt;
  statuses: RequestStatus[];
}

const MODEL_ID = /^0x[0-9a-fA-F]{64}$/;

/** Whether `value` is a model id (`0x` + 64 hex digits). */
export function isModelId(value: unknown): value is string {
  return typeof value === 'string' && MODEL_ID.test(value);
}

/** A level in the form the chain and the RPC take (`null`: the model's policy). */
export function normalizeLevel(level: LevelInput): Level | null {
  if (level === null || level === undefined) return null;
  if (typeof level === 'string') {
    const [kind, n] = level.split(':');
    const k = (kind ?? '').toLowerCase();
    if (k === 'unverified' && n === undefined) return { Unverified: null };
    if (k === 'sampled' && /^\d+$/.test(n ?? '')) return { Sampled: Number(n) };
    if (k === 'committee' && /^\d+$/.test(n ?? '')) return { Committee: Number(n) };
    throw new SibylError(`level ${level}: expected unverified, sampled:PPM or committee:K`);
  }
  const [[key, value] = []] = Object.entries(level);
  switch ((key ?? '').toLowerCase()) {
    case 'unverified': return { Unverified: null };
    case 'sampled': return { Sampled: Number(value) };
    case 'committee': return { Committee: Number(value) };
    default: throw new SibylError(`level ${JSON.stringify(level)}: expected Unverified, {Sampled: ppm} or {Committee: k}`);
  }
}

function timeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SibylTimeoutError(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Connects to a Sibyl node: an ApiPromise with the node's `sibyl_*` and `inference_*` RPC
 * registered (`sibyl.api.rpc.sibyl.quote(…)`) and the chain's types from its metadata.
 */
export async function connect(url: string, opts: ConnectOptions = {}): Promise<Sibyl> {
  const ms = opts.timeoutMs ?? 30_000;
  await cryptoWaitReady();
  const provider = opts.provider ?? new WsProvider(url, 1_000);
  try {
    const api = await timeout(
      ApiPromise.create({ provider, rpc, signedExtensions, noInitWarn: true, throwOnConnect: true, ...opts.api }),
      ms,
      `connecting to ${url}`,
    );
    keepMetadataVersion(api);
    return new Sibyl(api);
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error instanceof SibylError ? error : new SibylError(`cannot connect to ${url}: ${(error as Error).message ?? error}`, { cause: error });
  }
}

/** What `keepMetadataVersion` needs of an rxjs observable (polkadot.js's own rxjs). */
interface Rx<T> {
  subscribe(observer: { next(value: T): void; error(error: unknown): void; complete(): void }): { unsubscribe(): void };
}
type RxConstructor = new <T>(subscribe: (subscriber: { next(value: T): void; error(error: unknown): void; complete(): void }) => () => void) => Rx<T>;

/**
 * polkadot.js (16.x) reads the newest metadata version it supports when it connects (V16 from a
 * stable2609 node), and from it the runtime APIs (`api.call.modelsApi`, `api.call.inferenceApi`,
 * …), but after a runtime upgrade it reloads metadata V14, which has none: a client that lived
 * through an upgrade lost every runtime API call (found by the runtime-upgrade test,
 * docs/upgrades.md). This makes its upgrade path re-read the version it chose at connect (and
 * V14 where the new runtime serves no such version).
 *
 * It must be the same version, not merely one with runtime APIs: V14, V15 and V16 number their
 * types differently, and polkadot.js swaps the new metadata into the registry while queries
 * decorated from the old one may be in flight (CI saw `system.events` of the upgrade's block
 * decoded as V15's type 115, which is V16's `Events` but V15's `BlockWeight`).
 */
function keepMetadataVersion(api: ApiPromise): void {
  type State = {
    call(method: string, data: string): Rx<unknown>;
    getMetadata: ((...args: unknown[]) => Rx<Metadata>) & Record<string, unknown>;
  };
  const state = (api as unknown as { _rpcCore: { state: State } })._rpcCore.state;
  const v14 = state.getMetadata;
  const version = api.runtimeMetadata.version;
  if (version <= 14) return;
  const same = (...args: unknown[]): Rx<Metadata> => {
    if (args.length > 0) return v14(...args);
    const call = state.call('Metadata_metadata_at_version', u8aToHex(api.registry.createType('u32', version).toU8a()));
    const Observable = (call as unknown as { constructor: RxConstructor }).constructor;
    return new Observable<Metadata>((subscriber) => {
      let fallback: { unsubscribe(): void } | undefined;
      const useV14 = () => {
        fallback = v14().subscribe(subscriber);
      };
      const read = call.subscribe({
        next: (bytes) => {
          try {
            const opaque = api.registry.createType('Option<OpaqueMetadata>', bytes).unwrapOr(null);
            if (!opaque) return useV14();
            subscriber.next(new Metadata(api.registry, opaque.toHex()));
            subscriber.complete();
          } catch {
            useV14();
          }
        },
        error: useV14,
        complete: () => undefined,
      });
      return () => {
        read.unsubscribe();
        fallback?.unsubscribe();
      };
    });
  };
  // rpc-core defines its methods as read-only (but configurable) properties.
  Object.defineProperty(state, 'getMetadata', { value: Object.assign(same, v14), configurable: true });
}

/** A connection to a Sibyl node; `api` is the underlying ApiPromise. */
export class Sibyl {
  readonly api: ApiPromise;
  /** The api's provider: raw JSON-RPC (`send`, `subscribe`). */
  readonly provider: ProviderInterface;
  #keyring?: Keyring;

  /** Wraps an ApiPromise created with `rpc` and `signedExtensions` registered (`connect` does it). */
  constructor(api: ApiPromise) {
    this.api = api;
    this.provider = (api as unknown as { _rpcCore: { provider: ProviderInterface } })._rpcCore.provider;
  }

  /** Closes the connection. */
  async disconnect(): Promise<void> {
    await this.api.disconnect();
  }

  // ---- errors ----

  /** A dispatch error (an extrinsic's, an event's, a runtime API's `Err`) as a `SibylChainError`. */
  chainError(dispatch: DispatchError | SpRuntimeDispatchError): SibylChainError {
    const dispatchError = dispatch as DispatchError;
    if (dispatchError.isModule) {
      const module = dispatchError.asModule;
      const { section, name, docs } = this.api.registry.findMetaError(module);
      const pallet = this.api.registry.metadata.pallets.find((p) => p.index.eq(module.index))?.name.toString()
        ?? section.charAt(0).toUpperCase() + section.slice(1);
      return new SibylChainError(pallet, name, docs.join(' ').trim(), { section, isModule: true });
    }
    const inner = (dispatchError as unknown as Record<string, unknown>)[`as${dispatchError.type}`] as { type?: string } | undefined;
    const error = inner && typeof inner.type === 'string' ? `${dispatchError.type}.${inner.type}` : dispatchError.type;
    return new SibylChainError('DispatchError', error, '', { isModule: false, section: 'dispatchError' });
  }

  /** A runtime error by name (`'Inference.BadLevel'`, as the node's RPC gives it). */
  namedError(qualified: string, cause?: unknown): SibylChainError {
    const match = /^(\w+)\.(\w+)$/.exec(qualified);
    if (!match) return new SibylChainError('DispatchError', qualified, '', { isModule: false, section: 'dispatchError', cause });
    const [, pallet = '', error = ''] = match;
    const section = stringCamelCase(pallet);
    const meta = (this.api.errors as unknown as Record<string, Record<string, { meta: { docs: { toString(): string }[] } }> | undefined>)[section]?.[error]?.meta;
    const docs = meta ? meta.docs.map((d) => d.toString()).join(' ').trim() : '';
    return new SibylChainError(pallet, error, docs, { section, isModule: true, cause });
  }

  /** An error from the node's RPC, typed: 4000 → SibylChainError, 4040 → SibylNotFoundError. */
  rpcError(method: string, error: unknown): SibylError {
    if (error instanceof SibylError) return error;
    const e = error as { code?: unknown; message?: string };
    const code = typeof e.code === 'number' ? e.code : undefined;
    const message = String(e.message ?? error).replace(/^-?\d+: /, '');
    if (code === 4000) return this.namedError(message, error);
    if (code === 4040) return new SibylNotFoundError(code, method, `${method}: ${message}`, { cause: error });
    if (code !== undefined) return new SibylRpcError(code, method, `${method}: ${code}: ${message}`, { cause: error });
    return new SibylError(`${method}: ${message}`, { cause: error });
  }

  /** Calls a node RPC method with raw JSON params; errors typed. */
  async rpcCall<T>(method: string, params: unknown[]): Promise<T> {
    try {
      return await this.provider.send<T>(method, params);
    } catch (error) {
      throw this.rpcError(method, error);
    }
  }

  // ---- the model hub ----

  #modelInfo(id: string, m: SibylPrimitivesRegistryModelInfo): ModelInfo {
    const spec = (s: SibylPrimitivesRegistryTensorSpec): TensorSpec => ({
      name: s.name.toUtf8(),
      dtype: dtypeOf(s.dtype.type),
      shape: s.shape.map((d) => d.toNumber()),
    });
    return {
      id,
      name: m.name.toUtf8(),
      version: m.version.toNumber(),
      status: m.status.type,
      owner: m.owner.toString(),
      price: m.price.toBigInt(),
      inputs: m.inputs.map(spec),
      outputs: m.outputs.map(spec),
      policy: {
        replicas: m.policy.replicas.toNumber(),
        verifiers: m.policy.verifiers.toNumber(),
        samplePpm: m.policy.samplePpm.toNumber(),
        tolerance: m.policy.tolerance.toJSON(),
      },
      levels: { minSamplePpm: m.levels.minSamplePpm.toNumber(), maxVerifiers: m.levels.maxVerifiers.toNumber() },
      cost: { ops: m.cost.ops.toBigInt(), memory: m.cost.memory.toBigInt() },
      size: m.size_.toNumber(),
      deposit: m.deposit.toBigInt(),
      registeredAt: m.registeredAt.toNumber(),
    };
  }

  /** Every registered model (`ModelsApi`), in the registry's order. */
  async models(): Promise<ModelInfo[]> {
    const ids: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await this.api.call.modelsApi.models(after, 1000);
      for (const [id] of page) ids.push(id.toHex());
      if (page.length < 1000 || ids.length === 0) break;
      after = ids[ids.length - 1] ?? null;
    }
    const models: ModelInfo[] = [];
    for (let i = 0; i < ids.length; i += 32) {
      const batch = await Promise.all(ids.slice(i, i + 32).map((id) => this.api.call.modelsApi.model(id)));
      batch.forEach((m, k) => {
        if (m.isSome) models.push(this.#modelInfo(ids[i + k] as string, m.unwrap()));
      });
    }
    return models;
  }

  /**
   * One model: by id, by name and version, or by name alone (its highest version, preferring
   * available ones). A `SibylNotFoundError` when there is none.
   */
  async model(ref: ModelRef, version?: number): Promise<ModelInfo> {
    if (typeof ref === 'object') return this.model(ref.name, ref.version ?? version);
    if (isModelId(ref)) {
      const m = await this.api.call.modelsApi.model(ref);
      if (m.isNone) throw new SibylNotFoundError(4040, 'ModelsApi_model', `no model ${ref}`);
      return this.#modelInfo(ref.toLowerCase(), m.unwrap());
    }
    if (version !== undefined) {
      const id = await this.api.call.modelsApi.modelByVersion(u8aToHex(stringToU8a(ref)), version);
      if (id.isNone) throw new SibylNotFoundError(4040, 'ModelsApi_model_by_version', `no model ${ref} version ${version}`);
      return this.model(id.unwrap().toHex());
    }
    const family = (await this.models()).filter((m) => m.name === ref);
    const rank = (m: ModelInfo) => (m.status === 'Available' ? 1 : 0);
    family.sort((a, b) => rank(b) - rank(a) || b.version - a.version);
    const best = family[0];
    if (!best) throw new SibylNotFoundError(4040, 'ModelsApi_models', `no model named ${ref}`);
    return best;
  }

  /** The id of a model reference (a lookup for a name and version). */
  async modelId(ref: ModelRef): Promise<string> {
    return isModelId(ref) ? ref.toLowerCase() : (await this.model(ref)).id;
  }

  // ---- quotes, outputs, receipts ----

  /** The fee a request of `model` at `level` holds now (`sibyl_quote`); the chain's named error if it would fail. */
  async quote(model: ModelRef, level?: LevelInput): Promise<Quote> {
    const id = await this.modelId(model);
    const q = await this.rpcCall<{ model: string; level: Quote['level']; fee: string; at: string }>('sibyl_quote', [id, normalizeLevel(level)]);
    return { model: q.model, level: q.level, fee: BigInt(q.fee), at: q.at };
  }

  /**
   * A verified request's output (by request id) or any output (by hash), from `sibyl_output`,
   * checked against its hash: if its JSON form lost bits (an i64 beyond 2^53, ±∞), the SCALE bytes
   * are read instead (`InferenceApi_output`, or `inference_output` for outputs kept offchain).
   */
  async output(of: bigint | number | string): Promise<Output> {
    const byHash = typeof of === 'string' && isHex(of) && of.length === 66;
    const param = byHash ? of : Number(of);
    const json = await this.rpcCall<{ outputHash: string; outputs: TensorJson[] }>('sibyl_output', [param]);
    const names = json.outputs.map((t, i) => t.name ?? String(i));
    let tensors = json.outputs.map(fromJson);
    if (hashTensors(tensors) !== json.outputHash) {
      let bytes: Uint8Array | undefined;
      if (!byHash) {
        const inline = await this.api.call.inferenceApi.output(BigInt(of));
        if (inline.isSome) bytes = inline.unwrap().toU8a(true);
      }
      bytes ??= hexToU8a(await this.rpcCall<string>('inference_output', [json.outputHash]));
      if (blake2AsHex(bytes, 256) !== json.outputHash) {
        throw new SibylError(`output ${json.outputHash}: the node's bytes do not hash to it`);
      }
      tensors = decodeTensors(bytes, names);
    }
    tensors.forEach((t, i) => { t.name = names[i] as string; });
    return { outputHash: json.outputHash, tensors, outputs: Object.fromEntries(tensors.map((t) => [t.name, t])) };
  }

  /** The durable receipt of a request settled `Verified` or `Failed`, once final (`sibyl_receipt`). */
  async receipt(id: bigint | number): Promise<Receipt> {
    return this.rpcCall<Receipt>('sibyl_receipt', [Number(id)]);
  }

  // ---- transactions ----

  #account(signer: SignerInput): { account: string | KeyringPair; options: { signer?: InjectedSigner } } {
    if (typeof signer === 'string') {
      this.#keyring ??= new Keyring({ type: 'sr25519', ss58Format: this.api.registry.chainSS58 ?? 42 });
      return { account: this.#keyring.addFromUri(signer), options: {} };
    }
    if ('signer' in signer && !('sign' in signer)) return { account: signer.address, options: { signer: signer.signer } };
    return { account: signer as KeyringPair, options: {} };
  }

  /**
   * Signs and sends `tx`, resolving once it is in a block with its events; a failed extrinsic is
   * a `SibylChainError`, a refused, dropped or usurped one a `SibylTransactionError`.
   */
  async send(
    tx: SubmittableExtrinsic<'promise'>,
    signer: SignerInput,
    opts: SendOptions = {},
  ): Promise<{ txHash: string; blockHash: string; blockNumber: number; events: EventRecord[] }> {
    const { account, options } = this.#account(signer);
    const ms = opts.timeoutMs ?? 120_000;
    const included = await new Promise<{ txHash: string; blockHash: string; events: EventRecord[] }>((resolve, reject) => {
      let unsub: (() => void) | undefined;
      let done = false;
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        unsub?.();
        f();
      };
      const timer = setTimeout(() => finish(() => reject(new SibylTimeoutError(`transaction not in a block within ${ms} ms`))), ms);
      tx.signAndSend(account, { ...options, ...(opts.nonce === undefined ? {} : { nonce: opts.nonce }) }, (result) => {
        const { status, events, dispatchError, txHash } = result;
        if (dispatchError) {
          finish(() => reject(this.chainError(dispatchError)));
        } else if (status.isInBlock || status.isFinalized) {
          const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
          finish(() => resolve({ txHash: txHash.toHex(), blockHash, events }));
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          finish(() => reject(new SibylTransactionError(`transaction ${status.type}`)));
        }
      })
        .then((u) => {
          unsub = u;
          if (done) u();
        })
        .catch((error: { code?: number; message?: string }) => finish(() => {
          const message = String(error?.message ?? error);
          reject(typeof error?.code === 'number'
            ? new SibylTransactionError(`transaction refused: ${message}`, { cause: error })
            : new SibylTransactionError(message, { cause: error }));
        }));
    });
    const header = await this.api.rpc.chain.getHeader(included.blockHash);
    return { ...included, blockNumber: header.number.toNumber() };
  }

  /**
   * Sends `Inference.request` (or `request_with_feeds`) and resolves once it is in a block, with
   * its id and the fee held. The inputs are checked against the model's schema first; with
   * `validate: false` they go as given (dtypes and shapes from the values, else from the schema
   * input of the same name) and an unknown model id too, for the chain to judge. `maxFee`
   * defaults to the current quote.
   */
  async request(model: ModelRef, inputs: Inputs, opts: RequestOptions): Promise<Submitted> {
    const validate = opts.validate ?? true;
    // Unchecked, an unknown model id is the chain's to refuse (`Inference.UnknownModel`).
    const info = await this.model(model).catch((error: unknown) => {
      if (!validate && isModelId(model) && error instanceof SibylNotFoundError) return undefined;
      throw error;
    });
    const id = info?.id ?? (model as string).toLowerCase();
    const tensors = inputTensors(info?.inputs, inputs, validate);
    const level = normalizeLevel(opts.level);
    const maxFee = opts.maxFee !== undefined ? BigInt(opts.maxFee) : (await this.quote(id, level)).fee;
    const chain = tensors.map(toChainTensor);
    const tx = opts.feeds && opts.feeds.length > 0
      ? this.api.tx.inference.requestWithFeeds(id, chain, opts.feeds.map((b) => ({ rounds: 1, ...b })), maxFee, level)
      : this.api.tx.inference.request(id, chain, maxFee, level);
    const sent = await this.send(tx, opts.signer, opts);
    const requested = sent.events.find(({ event }) => this.api.events.inference.Requested.is(event));
    if (!requested || !this.api.events.inference.Requested.is(requested.event)) {
      throw new SibylError(`transaction ${sent.txHash} was included without an Inference.Requested event`);
    }
    return {
      txHash: sent.txHash,
      requestId: requested.event.data.id.toBigInt(),
      model: id,
      fee: requested.event.data.fee.toBigInt(),
      maxFee,
      blockHash: sent.blockHash,
      blockNumber: sent.blockNumber,
      inputs: tensors,
      events: sent.events,
    };
  }

  // ---- following a request ----

  /**
   * Follows a request through its states (`sibyl_watchRequest`), in order, to `final`. Resolves
   * once the node accepted the subscription (an unknown id: `SibylNotFoundError`); iterate the
   * result (`for await`), or pass a callback; `unsubscribe()` stops early.
   */
  async watch(id: bigint | number | string, onStatus?: ((status: RequestStatus) => void) | { onStatus?: (status: RequestStatus) => void; timeoutMs?: number }): Promise<RequestWatch> {
    const options = typeof onStatus === 'function' ? { onStatus } : onStatus ?? {};
    const watch = new RequestWatch(this, BigInt(id), options.onStatus, options.timeoutMs);
    let subscription: string | number;
    try {
      subscription = await this.provider.subscribe('sibyl_requestStatus', 'sibyl_watchRequest', [Number(id)], (error: Error | null, result: unknown) => {
        if (error) watch.fail(this.rpcError('sibyl_watchRequest', error));
        else watch.push(result as RequestStatus);
      });
    } catch (error) {
      watch.close();
      throw this.rpcError('sibyl_watchRequest', error);
    }
    watch.attach(subscription);
    return watch;
  }

  /**
   * Waits for a request to settle (`wait: 'settled'`) or for its settlement to be final
   * (`'finalized'`), and reads its outputs, commitment and receipt. Does not throw for an outcome
   * other than verified (see `infer`).
   */
  async settlement(id: bigint | number, opts: WaitOptions = {}): Promise<Settlement> {
    const ms = opts.timeoutMs ?? 300_000;
    const wait = opts.wait ?? 'settled';
    const deadline = Date.now() + ms;
    // The request may be in a block the node has not made its best yet: retry an unknown id briefly.
    let watch: RequestWatch | undefined;
    for (let attempt = 0; !watch; attempt++) {
      try {
        watch = await this.watch(id, { ...(opts.onStatus ? { onStatus: opts.onStatus } : {}), timeoutMs: Math.max(1, deadline - Date.now()) });
      } catch (error) {
        if (!(error instanceof SibylNotFoundError) || attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    let settled: Extract<RequestStatus, { status: 'settled' }> | undefined;
    let final = false;
    try {
      for await (const status of watch) {
        if (status.status === 'settled') settled = status;
        if (status.status === 'final') final = true;
        if (settled && (wait === 'settled' || final)) break;
      }
    } finally {
      await watch.unsubscribe();
    }
    if (!settled) throw new SibylError(`request ${id}: the subscription ended before it settled`);
    const outcome = settled.outcome;
    const blockHash = (await this.api.rpc.chain.getBlockHash(settled.settled)).toHex();
    const result: Settlement = { requestId: BigInt(id), outcome, settledAt: settled.settled, blockHash, statuses: watch.statuses };
    const kind = outcomeKind(outcome);
    if (kind === 'verified') {
      result.output = await this.output(id);
      const expected = (outcome as { verified: { outputHash: string } }).verified.outputHash;
      if (result.output.outputHash !== expected) {
        throw new SibylError(`request ${id}: the node's output ${result.output.outputHash} is not the settled ${expected}`);
      }
    }
    if (kind === 'verified' || kind === 'failed') {
      try {
        result.receipt = await this.receipt(id);
        result.commitment = result.receipt.commitment;
      } catch (error) {
        // Not final yet (waiting for `settled` only): the same commitment, at the best block.
        if (!(error instanceof SibylNotFoundError)) throw error;
        const commitment = await this.api.call.inferenceApi.commitment(BigInt(id));
        if (commitment.isSome) result.commitment = commitment.unwrap().toHex();
      }
    }
    return result;
  }

  /**
   * Runs `model` on `inputs` through the chain: checks the inputs against the model's schema,
   * sends `Inference.request` (paying at most `maxFee`, by default the quote), waits for the
   * settlement (`wait: 'settled'` or `'finalized'`) and returns the verified outputs (checked
   * against the settled hash) with the commitment. Throws `SibylInputError` before sending,
   * `SibylChainError` if the chain refuses, `SibylOutcomeError` if it settles without a verified
   * output.
   */
  async infer(model: ModelRef, inputs: Inputs, opts: InferOptions): Promise<InferResult> {
    const submitted = await this.request(model, inputs, opts);
    const s = await this.settlement(submitted.requestId, opts);
    if (outcomeKind(s.outcome) !== 'verified' || !s.output) throw new SibylOutcomeError(submitted.requestId, s.outcome, s.settledAt);
    const result: InferResult = {
      txHash: submitted.txHash,
      requestId: submitted.requestId,
      outcome: s.outcome as InferResult['outcome'],
      outputs: s.output.outputs,
      outputHash: s.output.outputHash,
      commitment: s.commitment ?? '',
      blockHash: s.blockHash,
      settledAt: s.settledAt,
      includedIn: { blockHash: submitted.blockHash, blockNumber: submitted.blockNumber },
      fee: submitted.fee,
      statuses: s.statuses,
    };
    if (s.receipt) result.receipt = s.receipt;
    return result;
  }
}

/**
 * A request's states as they come (`Sibyl.watch`): an async iterator that ends after `final`,
 * and `statuses`, every state seen so far.
 */
export class RequestWatch implements AsyncIterableIterator<RequestStatus> {
  /** Every state seen so far, in order. */
  readonly statuses: RequestStatus[] = [];
  readonly #sibyl: Sibyl;
  readonly #id: bigint;
  readonly #onStatus: ((status: RequestStatus) => void) | undefined;
  #queue: RequestStatus[] = [];
  #waiting: Array<{ resolve: (r: IteratorResult<RequestStatus>) => void; reject: (e: unknown) => void }> = [];
  #error: unknown;
  #ended = false;
  #subscription: string | number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(sibyl: Sibyl, id: bigint, onStatus?: (status: RequestStatus) => void, timeoutMs?: number) {
    this.#sibyl = sibyl;
    this.#id = id;
    this.#onStatus = onStatus;
    if (timeoutMs !== undefined) {
      this.#timer = setTimeout(() => {
        const last = this.statuses[this.statuses.length - 1]?.status ?? 'no state';
        this.fail(new SibylTimeoutError(`request ${id}: not final within ${timeoutMs} ms (last state: ${last})`));
        void this.unsubscribe();
      }, timeoutMs);
    }
  }

  /** The request id. */
  get requestId(): bigint {
    return this.#id;
  }

  /** @internal */
  attach(subscription: string | number): void {
    this.#subscription = subscription;
    if (this.#ended) void this.unsubscribe();
  }

  /** @internal A state from the node. */
  push(status: RequestStatus): void {
    if (this.#ended) return;
    this.statuses.push(status);
    try {
      this.#onStatus?.(status);
    } catch {
      // a callback's error is its own
    }
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve({ value: status, done: false });
    else this.#queue.push(status);
    if (status.status === 'final') this.close();
  }

  /** @internal The subscription failed. */
  fail(error: unknown): void {
    if (this.#ended) return;
    this.#error = error;
    this.close();
  }

  /** @internal No more states. */
  close(): void {
    this.#ended = true;
    clearTimeout(this.#timer);
    for (const w of this.#waiting.splice(0)) {
      if (this.#error !== undefined) w.reject(this.#error);
      else w.resolve({ value: undefined, done: true });
    }
  }

  /** Stops following the request (the node ends the subscription itself after `final`). */
  async unsubscribe(): Promise<void> {
    this.close();
    const id = this.#subscription;
    this.#subscription = undefined;
    if (id === undefined) return;
    try {
      await this.#sibyl.provider.unsubscribe('sibyl_requestStatus', 'sibyl_unwatchRequest', id);
    } catch {
      // already ended by the node
    }
  }

  next(): Promise<IteratorResult<RequestStatus>> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve({ value: queued, done: false });
    if (this.#ended) {
      if (this.#error !== undefined) {
        const error = this.#error;
        this.#error = undefined;
        return Promise.reject(error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  async return(): Promise<IteratorResult<RequestStatus>> {
    await this.unsubscribe();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

