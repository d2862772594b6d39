"""Tensors, SCALE, levels and input checks, without a chain."""

from __future__ import annotations

import numpy as np
import pytest

from sibyl_client import InputError, normalize_level, tensors as T
from sibyl_client.errors import ChainError, NotVerified
from sibyl_client.rpc import chain_error_from_name, error_for

X = np.array([[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75]], np.float32)
# `Vec<Tensor>` of X as the chain's metadata-driven encoder wrote it into `Inference.request`.
X_SCALE = bytes.fromhex(
    "04" "00" "08" "01000000" "08000000" "80"
    "000080bf000040bf000000bf000080be000000000000803e0000003f0000403f"
)


def test_tensor_scale_encoding_is_the_chains():
    t = T.Tensor.from_numpy(X)
    assert (t.dtype, t.shape) == ("F32", (1, 8))
    assert T.encode_tensors([t]) == X_SCALE
    (back,) = T.decode_tensors(X_SCALE)
    assert back == t
    assert np.array_equal(back.to_numpy(), X)
    assert T.tensors_hash([t]) == "0x" + T.blake2_256(X_SCALE).hex()


@pytest.mark.parametrize("dtype", ["<f4", "<f8", "<i8", "<i4", "i1", "u1", "?", ">f4", ">i8"])
def test_every_dtype_round_trips_little_endian(dtype):
    rng = np.random.default_rng(7)
    arr = (rng.standard_normal((2, 3, 5)) * 50).astype(dtype)
    t = T.Tensor.from_numpy(arr)
    assert len(t.data) == arr.size * np.dtype(dtype).itemsize
    (back,) = T.decode_tensors(T.encode_tensors([t]))
    assert np.array_equal(back.to_numpy(), arr)
    assert back.to_numpy().dtype == T.numpy_dtype(t.dtype)
    if np.dtype(dtype).kind != "b":
        assert t.data == arr.astype(np.dtype(dtype).newbyteorder("<")).tobytes()


@pytest.mark.parametrize("n", [0, 1, 63, 64, 16383, 16384, 2**30 - 1, 2**30, 2**64 - 1])
def test_compact(n):
    enc = T.compact(n)
    assert T._read_compact(enc, 0) == (n, len(enc))


def test_json_floats_come_back_bit_exact_and_nulls_are_refused():
    vals = np.array([0.1, 1 / 3, 3.4e38, 1e-45, -0.0], np.float32)
    js = T.to_json("y", vals)
    assert T.from_json(js).data == T.Tensor.from_numpy(vals).data
    with pytest.raises(ValueError):
        T.from_json({"dtype": "f32", "shape": [2], "data": [1.0, None]})


def test_decode_refuses_truncated_or_trailing_bytes():
    with pytest.raises(Exception):
        T.decode_tensors(X_SCALE[:-1])
    with pytest.raises(Exception):
        T.decode_tensors(X_SCALE + b"\0")


SCHEMA = [T.TensorSpec("x", "F32", (1, 8)), T.TensorSpec("mask", "Bool", (2,)), T.TensorSpec("ids", "I64", (3,))]


def test_check_inputs_orders_by_schema_and_converts_lists():
    tensors = T.check_inputs(SCHEMA, {"ids": [1, 2, 3], "mask": [True, False], "x": X})
    assert [t.dtype for t in tensors] == ["F32", "Bool", "I64"]
    assert tensors[1].data == b"\x01\x00"
    assert tensors[2].data == np.array([1, 2, 3], "<i8").tobytes()


@pytest.mark.parametrize(
    "inputs",
    [
        {"x": X.astype(np.float64), "mask": [1, 0], "ids": [1, 2, 3]},
        {"x": X[0], "mask": [1, 0], "ids": [1, 2, 3]},
        {"x": X, "mask": [1, 0]},
        {"x": X, "mask": [1, 0], "ids": [1, 2, 3], "other": X},
        {"x": np.full((1, 8), np.nan, np.float32), "mask": [1, 0], "ids": [1, 2, 3]},
        {"x": X, "mask": [1, 0], "ids": np.array([1, 2, 3], np.int32)},
        {"x": X, "mask": [1, 0], "ids": ["a", "b", "c"]},
        X,
    ],
)
def test_check_inputs_refuses(inputs):
    with pytest.raises(InputError):
        T.check_inputs(SCHEMA, inputs)


def test_a_single_input_model_takes_a_bare_array():
    (t,) = T.check_inputs(SCHEMA[:1], X)
    assert t == T.Tensor.from_numpy(X)


def test_levels():
    assert normalize_level(None) is None
    assert normalize_level("unverified") == "Unverified"
    assert normalize_level("committee:3") == {"Committee": 3}
    assert normalize_level({"sampled": 10}) == {"Sampled": 10}
    assert normalize_level({"Committee": 0}) == {"Committee": 0}  # the chain judges: BadLevel
    for bad in ("none", {"Committee": 256}, {"Sampled": -1}, {"Foo": 1}, {"Committee": True}, 3):
        with pytest.raises(InputError):
            normalize_level(bad)


def test_error_mapping():
    e = error_for("sibyl_quote", {"code": 4000, "message": "Inference.BadLevel"})
    assert isinstance(e, ChainError) and (e.pallet, e.error) == ("Inference", "BadLevel")
    assert chain_error_from_name("BadOrigin").pallet is None
    n = NotVerified({"refunded": "Timeout"})
    assert n.kind == "refunded" and n.outcome == {"refunded": "Timeout"}


def test_commitment_layout():
    # tag ‖ CommitmentDomain::Request (variant 1) ‖ genesis ‖ id (u64 LE) ‖ model ‖ input ‖ output
    g, m, i, o = ("0x" + c * 64 for c in "1234")
    expected = T.blake2_256(
        b"sibyl/commitment/v1" + b"\x01" + bytes.fromhex(g[2:]) + (7).to_bytes(8, "little")
        + bytes.fromhex(m[2:]) + bytes.fromhex(i[2:]) + bytes.fromhex(o[2:])
    )
    assert T.commitment(g, 7, m, i, o) == "0x" + expected.hex()
