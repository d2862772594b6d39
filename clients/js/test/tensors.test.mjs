// Tensors without a node: encoding as the chain expects it, decoding, and the client's checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  decodeTensors,
  encodeTensors,
  fromJson,
  hashTensors,
  inputTensors,
  normalizeLevel,
  SibylInputError,
  toChainTensor,
  toJson,
  toTensor,
} from '@sibyl/client';

const schema = [
  { name: 'x', dtype: 'f32', shape: [1, 2, 2] },
  { name: 'ids', dtype: 'i64', shape: [3] },
  { name: 'mask', dtype: 'bool', shape: [3] },
];

test('inputs are put in the schema order, from typed arrays, nested or flat arrays', () => {
  const tensors = inputTensors(schema, {
    mask: [true, false, 1],
    ids: BigInt64Array.from([1n, -2n, 2n ** 62n]),
    x: [[[0.5, -1], [3, 4]]],
  });
  assert.deepEqual(tensors.map((t) => [t.name, t.dtype, t.shape]), [['x', 'f32', [1, 2, 2]], ['ids', 'i64', [3]], ['mask', 'bool', [3]]]);
  assert.deepEqual(Array.from(tensors[0].data), [0.5, -1, 3, 4]);
  assert.deepEqual(Array.from(tensors[2].data), [1, 0, 1]);
  // A flat array of the right length takes the schema's shape.
  assert.deepEqual(inputTensors(schema, { x: [1, 2, 3, 4], ids: [1, 2, 3], mask: new Uint8Array(3) })[0].shape, [1, 2, 2]);
});

test('the chain encoding: little-endian bytes, dtype variants, SCALE Vec<Tensor>', () => {
  const t = toTensor('x', Float32Array.from([1, -2]));
  assert.deepEqual(toChainTensor(t), { dtype: 'F32', shape: [2], data: '0x0000803f000000c0' });
  assert.deepEqual(toChainTensor(toTensor('b', { dtype: 'bool', data: [true, false] })), { dtype: 'Bool', shape: [2], data: '0x0100' });
  assert.deepEqual(toChainTensor(toTensor('i', BigInt64Array.from([-1n]))).data, '0xffffffffffffffff');
  // Vec<Tensor>: compact(1), dtype 0 (F32), compact(1) dims, u32 2, compact(8) bytes, data.
  assert.equal(Buffer.from(encodeTensors([t])).toString('hex'), '0400' + '04' + '02000000' + '20' + '0000803f000000c0');
  const back = decodeTensors(encodeTensors([t]), ['x']);
  assert.deepEqual(back, [{ name: 'x', dtype: 'f32', shape: [2], data: Float32Array.from([1, -2]) }]);
  assert.match(hashTensors([t]), /^0x[0-9a-f]{64}$/);
});

test('every dtype round-trips through SCALE and JSON', () => {
  const tensors = [
    toTensor('a', Float32Array.from([Math.fround(0.1), -0])),
    toTensor('b', Float64Array.from([0.1, 1e300])),
    toTensor('c', BigInt64Array.from([-(2n ** 63n), 2n ** 63n - 1n])),
    toTensor('d', Int32Array.from([-(2 ** 31), 2 ** 31 - 1])),
    toTensor('e', Int8Array.from([-128, 127])),
    toTensor('f', Uint8Array.from([0, 255])),
    toTensor('g', { dtype: 'bool', data: Uint8Array.from([1, 0]) }),
  ];
  const decoded = decodeTensors(encodeTensors(tensors), tensors.map((t) => t.name));
  assert.deepEqual(decoded, tensors);
  // (JSON.stringify writes -0 as 0; the node writes -0.0, which JSON.parse keeps.)
  for (const t of tensors.slice(1).filter((t) => t.dtype !== 'i64')) assert.deepEqual(fromJson(JSON.parse(JSON.stringify(toJson(t)))), t);
  assert.deepEqual(toJson(tensors[6]).data, [true, false]);
});

test('the client refuses what the chain would, naming the input', () => {
  const check = (inputs, input, reason) =>
    assert.throws(() => inputTensors(schema, inputs), (e) => e instanceof SibylInputError && e.input === input && e.reason === reason);
  const ok = { x: new Float32Array(4), ids: new BigInt64Array(3), mask: new Uint8Array(3) };
  check({ ...ok, x: new Float64Array(4) }, 'x', 'dtype');
  check({ ...ok, x: new Float32Array(5) }, 'x', 'shape');
  check({ ...ok, x: [[1, 2, 3, 4]] }, 'x', 'shape');
  check({ ...ok, x: [[1, 2], [3]] }, 'x', 'shape');
  check({ ...ok, x: Float32Array.from([1, Infinity, 0, 0]) }, 'x', 'value');
  check({ ...ok, ids: [1, 2, 2 ** 60] }, 'ids', 'value');
  check({ ...ok, ids: [1.5, 2, 3] }, 'ids', 'value');
  check({ ...ok, mask: [0, 1, 2] }, 'mask', 'value');
  check({ ...ok, y: [1] }, 'y', 'unknown');
  const { mask, ...noMask } = ok;
  check(noMask, 'mask', 'missing');
  // Unchecked, they go as given.
  const raw = inputTensors(schema, { x: new Float64Array(5) }, false);
  assert.deepEqual(raw.map((t) => [t.dtype, t.shape]), [['f64', [5]]]);
});

test('levels in every spelling become the chain form', () => {
  assert.equal(normalizeLevel(undefined), null);
  assert.equal(normalizeLevel(null), null);
  assert.deepEqual(normalizeLevel('unverified'), { Unverified: null });
  assert.deepEqual(normalizeLevel({ unverified: null }), { Unverified: null });
  assert.deepEqual(normalizeLevel('sampled:500000'), { Sampled: 500000 });
  assert.deepEqual(normalizeLevel({ committee: 3 }), { Committee: 3 });
  assert.deepEqual(normalizeLevel({ Committee: 0 }), { Committee: 0 });
  assert.throws(() => normalizeLevel('often'));
});
