// Tensors as the chain carries them (`sibyl_primitives::tensor::Tensor`: a dtype, a shape and
// little-endian bytes, row-major) and as JavaScript holds them (typed arrays), with the checks a
// request's input gets on chain (`Inference.request`: names, dtypes, shapes, finite floats) done
// here first.

import { compactFromU8a, compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { SibylInputError } from './errors.js';

/** An element type, by its JSON name (`sibyl-node model run`, `sibyl_output`). */
export type DType = 'f32' | 'f64' | 'i64' | 'i32' | 'i8' | 'u8' | 'bool';

/** The chain's `DType` variant names, as polkadot.js takes and gives them. */
export type ChainDType = 'F32' | 'F64' | 'I64' | 'I32' | 'I8' | 'U8' | 'Bool';

/** Every dtype, in the order of the SCALE enum (`sibyl_primitives::tensor::DType`). */
export const DTYPES: readonly DType[] = ['f32', 'f64', 'i64', 'i32', 'i8', 'u8', 'bool'];

/** The typed array each dtype's data is held in (`bool`: one byte per element, 0 or 1). */
export type TypedArray = Float32Array | Float64Array | BigInt64Array | Int32Array | Int8Array | Uint8Array;

/** A tensor: its name (the model's input or output name, when known), dtype, shape and data. */
export interface Tensor {
  name?: string;
  dtype: DType;
  shape: number[];
  data: TypedArray;
}

/** One input or output of a model's schema: name, dtype and fixed shape. */
export interface TensorSpec {
  name: string;
  dtype: DType;
  shape: number[];
}

/** A tensor in the JSON form of `sibyl-node model run` and the node's RPC. NaN/±∞ are `null`. */
export interface TensorJson {
  name?: string;
  dtype: DType;
  shape: number[];
  data: Array<number | boolean | null>;
}

/** Nested (or flat) arrays of numbers, bigints or booleans. */
export type NestedArray = ReadonlyArray<number | bigint | boolean | null | NestedArray>;

/**
 * One input value: a typed array (its kind fixes the dtype: Float32Array is f32, BigInt64Array
 * i64, Uint8Array u8 or bool, …), nested or flat number arrays (converted to the model's dtype),
 * or either with an explicit dtype and shape.
 */
export type TensorInput =
  | TypedArray
  | NestedArray
  | { dtype?: DType; shape?: readonly number[]; data: TypedArray | NestedArray };

/**
 * A call's inputs: keyed by the model's input names, or a list of named tensors (the `inputs` of
 * a `sibyl-node model run` input file).
 */
export type Inputs =
  | Readonly<Record<string, TensorInput>>
  | ReadonlyArray<{ name: string; dtype?: DType; shape?: readonly number[]; data: TypedArray | NestedArray }>;

/** A tensor as polkadot.js encodes it into the chain's `Tensor` (`Inference.request`'s input). */
export interface ChainTensor {
  dtype: ChainDType;
  shape: number[];
  data: `0x${string}`;
}

interface DTypeInfo {
  chain: ChainDType;
  size: number;
  float: boolean;
  make: (n: number) => TypedArray;
  put: (view: DataView, offset: number, value: number | bigint) => void;
  get: (view: DataView, offset: number) => number | bigint;
}

const INFO: Record<DType, DTypeInfo> = {
  f32: {
    chain: 'F32', size: 4, float: true, make: (n) => new Float32Array(n),
    put: (v, o, x) => v.setFloat32(o, Number(x), true), get: (v, o) => v.getFloat32(o, true),
  },
  f64: {
    chain: 'F64', size: 8, float: true, make: (n) => new Float64Array(n),
    put: (v, o, x) => v.setFloat64(o, Number(x), true), get: (v, o) => v.getFloat64(o, true),
  },
  i64: {
    chain: 'I64', size: 8, float: false, make: (n) => new BigInt64Array(n),
    put: (v, o, x) => v.setBigInt64(o, BigInt(x), true), get: (v, o) => v.getBigInt64(o, true),
  },
  i32: {
    chain: 'I32', size: 4, float: false, make: (n) => new Int32Array(n),
    put: (v, o, x) => v.setInt32(o, Number(x), true), get: (v, o) => v.getInt32(o, true),
  },
  i8: {
    chain: 'I8', size: 1, float: false, make: (n) => new Int8Array(n),
    put: (v, o, x) => v.setInt8(o, Number(x)), get: (v, o) => v.getInt8(o),
  },
  u8: {
    chain: 'U8', size: 1, float: false, make: (n) => new Uint8Array(n),
    put: (v, o, x) => v.setUint8(o, Number(x)), get: (v, o) => v.getUint8(o),
  },
  bool: {
    chain: 'Bool', size: 1, float: false, make: (n) => new Uint8Array(n),
    put: (v, o, x) => v.setUint8(o, Number(x)), get: (v, o) => v.getUint8(o),
  },
};

/** Integer ranges, for number arrays converted to an integer dtype. */
const RANGE: Partial<Record<DType, [bigint, bigint]>> = {
  i64: [-(2n ** 63n), 2n ** 63n - 1n],
  i32: [-(2n ** 31n), 2n ** 31n - 1n],
  i8: [-128n, 127n],
  u8: [0n, 255n],
  bool: [0n, 1n],
};

/** Bytes per element of `dtype`. */
export function dtypeSize(dtype: DType): number {
  return INFO[dtype].size;
}

/** The JSON name of a chain `DType` variant (`'F32'` → `'f32'`); accepts JSON names too. */
export function dtypeOf(name: string): DType {
  const lower = name.toLowerCase();
  if ((DTYPES as readonly string[]).includes(lower)) return lower as DType;
  throw new Error(`unknown dtype ${name}`);
}

/** The number of elements of a shape. */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** The dtype a typed array stands for (`Uint8Array`: `u8`; `bool` must be said). */
export function typedArrayDType(data: unknown): DType | undefined {
  if (data instanceof Float32Array) return 'f32';
  if (data instanceof Float64Array) return 'f64';
  if (data instanceof BigInt64Array) return 'i64';
  if (data instanceof Int32Array) return 'i32';
  if (data instanceof Int8Array) return 'i8';
  if (data instanceof Uint8Array) return 'u8';
  return undefined;
}

function isTypedArray(data: unknown): data is TypedArray {
  return typedArrayDType(data) !== undefined;
}

/** The shape of nested arrays (rectangular), and their elements flattened, row-major. */
function flatten(input: string, data: NestedArray): { shape: number[]; values: Array<number | bigint | boolean | null> } {
  const shape: number[] = [];
  for (let level: unknown = data; Array.isArray(level); level = level[0]) {
    shape.push(level.length);
    if (level.length === 0) break;
  }
  const values: Array<number | bigint | boolean | null> = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(node)) throw new SibylInputError(input, 'shape', `${input}: ragged nested arrays (deeper than [${shape}] in places)`);
      values.push(node as number | bigint | boolean | null);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new SibylInputError(input, 'shape', `${input}: ragged nested arrays (not a [${shape}] array)`);
    }
    for (const child of node) walk(child, depth + 1);
  };
  walk(data, 0);
  return { shape, values };
}

/** `values` as `dtype`'s typed array, each checked (integers in range, finite floats). */
function typedFrom(input: string, dtype: DType, values: ReadonlyArray<number | bigint | boolean | null>, check: boolean): TypedArray {
  const out = INFO[dtype].make(values.length);
  const range = RANGE[dtype];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (INFO[dtype].float) {
      if (typeof v !== 'number' && !(v === null && !check)) {
        throw new SibylInputError(input, 'value', `${input}[${i}]: ${String(v)} is not a number (dtype ${dtype})`);
      }
      const x = v === null ? NaN : v;
      if (check && !Number.isFinite(x)) {
        throw new SibylInputError(input, 'value', `${input}[${i}]: ${x} (the chain takes no NaN or infinity)`);
      }
      (out as Float32Array | Float64Array)[i] = x;
    } else {
      let n: bigint;
      if (typeof v === 'boolean') n = v ? 1n : 0n;
      else if (typeof v === 'bigint') n = v;
      else if (typeof v === 'number' && Number.isInteger(v) && (dtype !== 'i64' || Number.isSafeInteger(v))) n = BigInt(v);
      else throw new SibylInputError(input, 'value', `${input}[${i}]: ${String(v)} is not a${dtype === 'i64' ? ' safe' : 'n'} integer (dtype ${dtype}${dtype === 'i64' ? '; pass a bigint' : ''})`);
      if (range && (n < range[0] || n > range[1])) {
        throw new SibylInputError(input, 'value', `${input}[${i}]: ${n} is out of range for ${dtype}`);
      }
      if (out instanceof BigInt64Array) out[i] = n;
      else out[i] = Number(n);
    }
  }
  return out;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const fmt = (dtype: DType, shape: readonly number[]): string => `${dtype}[${shape.join(',')}]`;

/**
 * One input as a tensor. With `spec` and `check`, it must fit the model's schema exactly (the
 * checks the chain makes, with the input's name in the error); otherwise the dtype and shape come
 * from the value (typed array kind, nesting, explicit fields), then from `spec`.
 */
export function toTensor(name: string, input: TensorInput, spec?: TensorSpec, check = spec !== undefined): Tensor {
  const wrapped = !isTypedArray(input) && !Array.isArray(input) && typeof input === 'object' && input !== null && 'data' in input;
  const explicit = wrapped ? (input as { dtype?: DType; shape?: readonly number[] }) : {};
  const data = wrapped ? (input as { data: TypedArray | NestedArray }).data : (input as TypedArray | NestedArray);
  if (explicit.dtype !== undefined && !(DTYPES as readonly string[]).includes(explicit.dtype)) {
    throw new SibylInputError(name, 'dtype', `${name}: unknown dtype ${String(explicit.dtype)}`);
  }

  // The dtype: said, or the typed array's kind, or the schema's.
  const kind = typedArrayDType(data);
  let dtype: DType | undefined = explicit.dtype ?? (kind === 'u8' && spec?.dtype === 'bool' ? 'bool' : kind);
  if (kind === 'u8' && explicit.dtype === 'bool') dtype = 'bool';
  if (kind !== undefined && dtype !== undefined && dtype !== kind && !(kind === 'u8' && dtype === 'bool')) {
    throw new SibylInputError(name, 'dtype', `${name}: a ${data.constructor.name} holds ${kind}, not ${dtype}`);
  }
  dtype ??= spec?.dtype ?? 'f32';
  if (check && spec && dtype !== spec.dtype) {
    throw new SibylInputError(name, 'dtype', `${name}: dtype ${dtype}, the model takes ${fmt(spec.dtype, spec.shape)}`);
  }

  // The values and the shape they come in.
  let values: TypedArray;
  let nested: number[] | undefined;
  if (isTypedArray(data)) {
    values = data;
    if (dtype === 'bool' && check) {
      const bad = (data as Uint8Array).findIndex((b) => b > 1);
      if (bad >= 0) throw new SibylInputError(name, 'value', `${name}[${bad}]: ${(data as Uint8Array)[bad]} is not a bool (0 or 1)`);
    }
    if (check && INFO[dtype].float) {
      const bad = (data as Float32Array | Float64Array).findIndex((x) => !Number.isFinite(x));
      if (bad >= 0) throw new SibylInputError(name, 'value', `${name}[${bad}]: ${(data as Float32Array)[bad]} (the chain takes no NaN or infinity)`);
    }
  } else if (Array.isArray(data)) {
    const flat = flatten(name, data);
    if (flat.shape.length > 1) nested = flat.shape;
    values = typedFrom(name, dtype, flat.values, check);
  } else {
    throw new SibylInputError(name, 'value', `${name}: expected a typed array, (nested) number arrays or {dtype, shape, data}`);
  }

  const count = values.length;
  let shape: number[];
  if (explicit.shape !== undefined) shape = [...explicit.shape];
  else if (nested !== undefined) shape = nested;
  else if (spec !== undefined && elementCount(spec.shape) === count) shape = [...spec.shape];
  else shape = [count];
  if (elementCount(shape) !== count && check) {
    throw new SibylInputError(name, 'shape', `${name}: ${count} values for shape [${shape.join(',')}]`);
  }
  if (check && spec && !sameShape(shape, spec.shape)) {
    throw new SibylInputError(name, 'shape', `${name}: shape [${shape.join(',')}] (${count} values), the model takes ${fmt(spec.dtype, spec.shape)}`);
  }
  return { name, dtype, shape, data: values };
}

/**
 * A call's inputs as tensors in the model's order. With `check` (the default), every input of
 * `schema` must be given, by name, with its dtype and shape, and no other: a `SibylInputError`
 * otherwise. Without, the inputs go as given, in the order given (dtypes and shapes from the
 * values, or from the schema input of the same name), for the chain to judge.
 */
export function inputTensors(schema: readonly TensorSpec[] | undefined, inputs: Inputs, check = true): Tensor[] {
  const given: Array<[string, TensorInput]> = Array.isArray(inputs)
    ? (inputs as ReadonlyArray<{ name: string } & TensorInput>).map((t, i) => [t.name ?? `input${i}`, t as TensorInput])
    : Object.entries(inputs as Record<string, TensorInput>);
  const byName = new Map(given);
  if (byName.size !== given.length) {
    const dup = given.find(([n], i) => given.findIndex(([m]) => m === n) !== i)?.[0] ?? '';
    throw new SibylInputError(dup, 'unknown', `input ${dup} is given twice`);
  }
  if (!check || schema === undefined) {
    return given.map(([name, value]) => toTensor(name, value, schema?.find((s) => s.name === name), false));
  }
  const names = schema.map((s) => s.name);
  for (const [name] of given) {
    if (!names.includes(name)) {
      throw new SibylInputError(name, 'unknown', `the model has no input ${name} (its inputs: ${schema.map((s) => `${s.name}: ${fmt(s.dtype, s.shape)}`).join(', ')})`);
    }
  }
  return schema.map((spec) => {
    const value = byName.get(spec.name);
    if (value === undefined) throw new SibylInputError(spec.name, 'missing', `input ${spec.name}: ${fmt(spec.dtype, spec.shape)} is missing`);
    return toTensor(spec.name, value, spec, true);
  });
}

/** A tensor's data as little-endian bytes. */
export function tensorBytes(t: Tensor): Uint8Array {
  const info = INFO[t.dtype];
  const bytes = new Uint8Array(t.data.length * info.size);
  const view = new DataView(bytes.buffer);
  const data = t.data;
  for (let i = 0; i < data.length; i++) info.put(view, i * info.size, data[i] as number | bigint);
  return bytes;
}

/** A tensor as polkadot.js takes the chain's `Tensor` (`api.tx.inference.request(model, [these], …)`). */
export function toChainTensor(t: Tensor): ChainTensor {
  return { dtype: INFO[t.dtype].chain, shape: [...t.shape], data: u8aToHex(tensorBytes(t)) };
}

/** SCALE `Vec<Tensor>`: what the chain stores, hashes and commits to. */
export function encodeTensors(tensors: readonly Tensor[]): Uint8Array {
  const parts: Uint8Array[] = [compactToU8a(tensors.length)];
  for (const t of tensors) {
    const dims = new Uint8Array(4 * t.shape.length);
    const view = new DataView(dims.buffer);
    t.shape.forEach((d, i) => view.setUint32(4 * i, d, true));
    const data = tensorBytes(t);
    parts.push(new Uint8Array([DTYPES.indexOf(t.dtype)]), compactToU8a(t.shape.length), dims, compactToU8a(data.length), data);
  }
  return u8aConcat(...parts);
}

/** `blake2_256` of SCALE `Vec<Tensor>`: an output's hash (`outputHash`), or an input's. */
export function hashTensors(tensors: readonly Tensor[]): `0x${string}` {
  return blake2AsHex(encodeTensors(tensors), 256);
}

/** Decodes SCALE `Vec<Tensor>` (named after `names`, in order, where given). */
export function decodeTensors(u8a: Uint8Array, names: readonly string[] = []): Tensor[] {
  let offset = 0;
  const compact = (): number => {
    const [len, value] = compactFromU8a(u8a.subarray(offset));
    offset += len;
    return value.toNumber();
  };
  const tensors: Tensor[] = [];
  for (let n = compact(), i = 0; i < n; i++) {
    const dtype = DTYPES[u8a[offset++] ?? -1];
    if (dtype === undefined) throw new Error(`not SCALE tensors: dtype byte ${u8a[offset - 1]} at ${offset - 1}`);
    const info = INFO[dtype];
    const shape: number[] = [];
    for (let r = compact(); r > 0; r--) {
      shape.push(new DataView(u8a.buffer, u8a.byteOffset + offset, 4).getUint32(0, true));
      offset += 4;
    }
    const len = compact();
    if (offset + len > u8a.length || len % info.size !== 0) throw new Error('not SCALE tensors: truncated data');
    const view = new DataView(u8a.buffer, u8a.byteOffset + offset, len);
    const data = info.make(len / info.size);
    for (let k = 0; k < data.length; k++) {
      const v = info.get(view, k * info.size);
      if (data instanceof BigInt64Array) data[k] = v as bigint;
      else data[k] = v as number;
    }
    offset += len;
    const name = names[i];
    tensors.push(name === undefined ? { dtype, shape, data } : { name, dtype, shape, data });
  }
  return tensors;
}

/** A JSON tensor (`sibyl-node model run`, the node's RPC) as a typed tensor; `null` is NaN. */
export function fromJson(t: TensorJson): Tensor {
  const dtype = dtypeOf(t.dtype);
  const values = t.data.map((v) => (v === null ? NaN : v));
  const data = INFO[dtype].make(values.length);
  values.forEach((v, i) => {
    if (data instanceof BigInt64Array) data[i] = BigInt(v as number);
    else data[i] = Number(v);
  });
  return t.name === undefined ? { dtype, shape: [...t.shape], data } : { name: t.name, dtype, shape: [...t.shape], data };
}

/**
 * A tensor's data as a plain array, as `sibyl-node model run` prints it: numbers (`i64` as the
 * nearest number), booleans for `bool`.
 */
export function plainData(t: Tensor): Array<number | boolean> {
  if (t.dtype === 'bool') return Array.from(t.data as Uint8Array, (b) => b !== 0);
  if (t.data instanceof BigInt64Array) return Array.from(t.data, (b) => Number(b));
  return Array.from(t.data as Exclude<TypedArray, BigInt64Array>);
}

/** A tensor in the JSON form of `sibyl-node model run` (NaN and ±∞ become `null` in JSON). */
export function toJson(t: Tensor): TensorJson {
  const json: TensorJson = { dtype: t.dtype, shape: [...t.shape], data: plainData(t) };
  return t.name === undefined ? json : { name: t.name, ...json };
}
