// Tensors between the `sibyl-node model run` JSON format and the chain's SCALE `Tensor`.

import { compactFromU8a, u8aToHex } from '@polkadot/util';

export const DTYPES = {
  f32: { variant: 'F32', size: 4, put: (v, d, o) => v.setFloat32(o, d, true), get: (v, o) => v.getFloat32(o, true) },
  f64: { variant: 'F64', size: 8, put: (v, d, o) => v.setFloat64(o, d, true), get: (v, o) => v.getFloat64(o, true) },
  i64: { variant: 'I64', size: 8, put: (v, d, o) => v.setBigInt64(o, BigInt(d), true), get: (v, o) => Number(v.getBigInt64(o, true)) },
  i32: { variant: 'I32', size: 4, put: (v, d, o) => v.setInt32(o, d, true), get: (v, o) => v.getInt32(o, true) },
  i8: { variant: 'I8', size: 1, put: (v, d, o) => v.setInt8(o, d), get: (v, o) => v.getInt8(o) },
  u8: { variant: 'U8', size: 1, put: (v, d, o) => v.setUint8(o, d), get: (v, o) => v.getUint8(o) },
  bool: { variant: 'Bool', size: 1, put: (v, d, o) => v.setUint8(o, d ? 1 : 0), get: (v, o) => v.getUint8(o) !== 0 },
};
// The SCALE index of each dtype, in `sibyl_primitives::tensor::DType` order.
const DTYPE_ORDER = ['f32', 'f64', 'i64', 'i32', 'i8', 'u8', 'bool'];

/// The chain's `Tensor` for one `model run` JSON tensor.
export function toTensor(t, fail) {
  const dtype = DTYPES[t.dtype];
  if (!dtype) fail(`unknown dtype ${t.dtype}`);
  const count = t.shape.reduce((a, b) => a * b, 1);
  if (count !== t.data.length) fail(`tensor ${t.name ?? ''}: ${t.data.length} values for shape [${t.shape}]`);
  const bytes = new Uint8Array(count * dtype.size);
  const view = new DataView(bytes.buffer);
  t.data.forEach((d, i) => dtype.put(view, d, i * dtype.size));
  return { dtype: dtype.variant, shape: t.shape, data: u8aToHex(bytes) };
}

/// Decodes SCALE `Vec<Tensor>` into `{dtype, shape, data: [numbers]}`.
export function decodeTensors(u8a) {
  let offset = 0;
  const compact = () => {
    const [len, value] = compactFromU8a(u8a.subarray(offset));
    offset += len;
    return value.toNumber();
  };
  const tensors = [];
  for (let n = compact(); n > 0; n--) {
    const name = DTYPE_ORDER[u8a[offset++]];
    const dtype = DTYPES[name];
    const shape = [];
    for (let r = compact(); r > 0; r--) {
      shape.push(new DataView(u8a.buffer, u8a.byteOffset + offset, 4).getUint32(0, true));
      offset += 4;
    }
    const len = compact();
    const view = new DataView(u8a.buffer, u8a.byteOffset + offset, len);
    const data = [];
    for (let o = 0; o < len; o += dtype.size) data.push(dtype.get(view, o));
    offset += len;
    tensors.push({ dtype: name, shape, data });
  }
  return tensors;
}

