"""Tensors between numpy and the chain: the SCALE ``Tensor`` of ``sibyl_primitives::tensor``
(``dtype`` enum index, ``shape: BoundedVec<u32>``, ``data: BoundedVec<u8>``, little-endian and
row-major) and the JSON form of ``sibyl-node model run`` / the ``sibyl_*`` RPC."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from .errors import InputError, SibylError

# The chain's `DType` variants, in SCALE (declaration) order, with the JSON name and the
# little-endian numpy dtype of each.
DTYPES: tuple[tuple[str, str, np.dtype], ...] = (
    ("F32", "f32", np.dtype("<f4")),
    ("F64", "f64", np.dtype("<f8")),
    ("I64", "i64", np.dtype("<i8")),
    ("I32", "i32", np.dtype("<i4")),
    ("I8", "i8", np.dtype("i1")),
    ("U8", "u8", np.dtype("u1")),
    ("Bool", "bool", np.dtype("?")),
)
_BY_VARIANT = {v: (i, j, d) for i, (v, j, d) in enumerate(DTYPES)}
_BY_JSON = {j: (i, v, d) for i, (v, j, d) in enumerate(DTYPES)}


def numpy_dtype(dtype: str) -> np.dtype:
    """The little-endian numpy dtype of a chain dtype (``"F32"``) or JSON dtype (``"f32"``)."""
    if dtype in _BY_VARIANT:
        return _BY_VARIANT[dtype][2]
    if dtype in _BY_JSON:
        return _BY_JSON[dtype][2]
    raise SibylError(f"unknown dtype {dtype!r}")


def json_name(dtype: str) -> str:
    """``"F32"`` → ``"f32"``."""
    return _BY_VARIANT[dtype][1] if dtype in _BY_VARIANT else dtype


def variant_of(arr: np.ndarray) -> str:
    """The chain dtype of a numpy array (``float32`` → ``"F32"``), or :class:`InputError`."""
    kind = np.dtype(arr.dtype)
    for variant, _, d in DTYPES:
        if kind.kind == d.kind and kind.itemsize == d.itemsize:
            return variant
    raise InputError(
        f"dtype {arr.dtype} has no chain equivalent (f32, f64, i64, i32, i8, u8, bool)"
    )


@dataclass(frozen=True)
class TensorSpec:
    """One input or output of a model as the chain records it."""

    name: str
    dtype: str  # the chain's variant: "F32", "I64", …
    shape: tuple[int, ...]

    @property
    def numpy_dtype(self) -> np.dtype:
        return numpy_dtype(self.dtype)

    @classmethod
    def from_chain(cls, value: Mapping[str, Any]) -> "TensorSpec":
        name = value["name"]
        if isinstance(name, (bytes, bytearray)):
            name = name.decode("utf-8", "replace")
        elif isinstance(name, str) and name.startswith("0x") and len(name) > 2:
            # A name the codec left as hex (not valid UTF-8).
            try:
                name = bytes.fromhex(name[2:]).decode("utf-8", "replace")
            except ValueError:
                pass
        elif isinstance(name, (list, tuple)):
            name = bytes(name).decode("utf-8", "replace")
        return cls(str(name), str(value["dtype"]), tuple(int(d) for d in value["shape"]))


@dataclass(frozen=True)
class Tensor:
    """A tensor as the chain carries it: dtype variant, shape and little-endian bytes."""

    dtype: str
    shape: tuple[int, ...]
    data: bytes

    @classmethod
    def from_numpy(cls, arr: np.ndarray) -> "Tensor":
        arr = np.asarray(arr)
        variant = variant_of(arr)
        target = _BY_VARIANT[variant][2]
        return cls(variant, tuple(int(d) for d in arr.shape), _le_bytes(arr, target))

    def to_numpy(self) -> np.ndarray:
        d = numpy_dtype(self.dtype)
        n = int(np.prod(self.shape, dtype=np.int64)) if self.shape else 1
        if len(self.data) != n * d.itemsize:
            raise SibylError(
                f"tensor data of {len(self.data)} bytes does not fit {self.dtype}{list(self.shape)}"
            )
        if d.kind == "b":
            # One byte per element, 0 or 1 on chain; any non-zero byte reads as true.
            return (np.frombuffer(self.data, dtype="u1") != 0).reshape(self.shape)
        return np.frombuffer(self.data, dtype=d).reshape(self.shape).copy()

    def to_call_arg(self) -> dict[str, Any]:
        """The value the metadata-driven call encoder takes for a `Tensor`."""
        return {"dtype": self.dtype, "shape": list(self.shape), "data": self.data}


def _le_bytes(arr: np.ndarray, target: np.dtype) -> bytes:
    """Row-major little-endian bytes of `arr` in `target` (whose kind and size it has)."""
    if target.kind == "b":
        return np.ascontiguousarray(arr, dtype=np.bool_).view(np.uint8).tobytes()
    return np.ascontiguousarray(arr, dtype=target).tobytes(order="C")


# --- SCALE ---------------------------------------------------------------------------------


def compact(n: int) -> bytes:
    """SCALE compact encoding of a non-negative integer."""
    if n < 0:
        raise ValueError("compact of a negative number")
    if n < 1 << 6:
        return bytes([n << 2])
    if n < 1 << 14:
        return ((n << 2) | 1).to_bytes(2, "little")
    if n < 1 << 30:
        return ((n << 2) | 2).to_bytes(4, "little")
    raw = n.to_bytes((n.bit_length() + 7) // 8, "little")
    return bytes([((len(raw) - 4) << 2) | 3]) + raw


def _read_compact(buf: bytes, at: int) -> tuple[int, int]:
    mode = buf[at] & 3
    if mode == 0:
        return buf[at] >> 2, at + 1
    if mode == 1:
        return int.from_bytes(buf[at : at + 2], "little") >> 2, at + 2
    if mode == 2:
        return int.from_bytes(buf[at : at + 4], "little") >> 2, at + 4
    size = (buf[at] >> 2) + 4
    return int.from_bytes(buf[at + 1 : at + 1 + size], "little"), at + 1 + size


def encode_tensors(tensors: Sequence[Tensor]) -> bytes:
    """SCALE ``Vec<Tensor>``: what the chain hashes into input and output hashes."""
    out = bytearray(compact(len(tensors)))
    for t in tensors:
        out.append(_BY_VARIANT[t.dtype][0])
        out += compact(len(t.shape))
        for d in t.shape:
            out += int(d).to_bytes(4, "little")
        out += compact(len(t.data))
        out += t.data
    return bytes(out)


def decode_tensors(buf: bytes) -> list[Tensor]:
    """Decodes SCALE ``Vec<Tensor>``."""
    try:
        count, at = _read_compact(buf, 0)
        tensors = []
        for _ in range(count):
            variant = DTYPES[buf[at]][0]
            at += 1
            rank, at = _read_compact(buf, at)
            shape = tuple(int.from_bytes(buf[at + 4 * i : at + 4 * i + 4], "little") for i in range(rank))
            at += 4 * rank
            n, at = _read_compact(buf, at)
            if at + n > len(buf):
                raise IndexError("data past the end")
            tensors.append(Tensor(variant, shape, bytes(buf[at : at + n])))
            at += n
    except IndexError as e:
        raise SibylError(f"not SCALE tensors: {e}") from None
    if at != len(buf):
        raise SibylError(f"not SCALE tensors: {len(buf) - at} trailing bytes")
    return tensors


def blake2_256(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def tensors_hash(tensors: Sequence[Tensor]) -> str:
    """``0x`` hex ``blake2_256(SCALE(tensors))``: the chain's input or output hash."""
    return "0x" + blake2_256(encode_tensors(tensors)).hex()


COMMITMENT_TAG = b"sibyl/commitment/v1"


def commitment(genesis_hash: str, request_id: int, model: str, input_hash: str, output_hash: str) -> str:
    """``blake2_256(SCALE(tag, CommitmentDomain::Request { genesis_hash, request_id }, model,
    input_hash, output_hash))``: what the seats in line signed (``sibyl_primitives::commitment``).
    The tag is a fixed-size array, so it has no length prefix; the domain is enum variant 1."""
    h = lambda x: bytes.fromhex(x[2:] if x.startswith("0x") else x)  # noqa: E731
    payload = (
        COMMITMENT_TAG
        + b"\x01"
        + h(genesis_hash)
        + int(request_id).to_bytes(8, "little")
        + h(model)
        + h(input_hash)
        + h(output_hash)
    )
    return "0x" + blake2_256(payload).hex()


# --- JSON ----------------------------------------------------------------------------------


def from_json(t: Mapping[str, Any]) -> Tensor:
    """A tensor from the JSON form (``{"dtype":"f32","shape":[1,4],"data":[…]}``). Float
    values are JSON numbers written from the exact value (f32 widened to f64), so the bits come
    back; ``null`` (NaN or infinity) has no bits and raises ``ValueError``."""
    dtype = t["dtype"]
    if dtype not in _BY_JSON:
        raise SibylError(f"unknown dtype {dtype!r}")
    _, variant, d = _BY_JSON[dtype]
    data = t["data"]
    if any(v is None for v in data):
        raise ValueError("null (NaN or infinity) in a JSON tensor")
    shape = tuple(int(x) for x in t["shape"])
    if d.kind == "b":
        arr = np.array([bool(v) for v in data], dtype=np.bool_)
    elif d.kind == "f":
        arr = np.array(data, dtype=np.float64).astype(d)
    else:
        arr = np.array(data, dtype=d)
    return Tensor(variant, shape, _le_bytes(arr.reshape(shape), d))


def to_json(name: str | None, arr: np.ndarray) -> dict[str, Any]:
    """The ``model run`` JSON form of an array (floats as Python floats)."""
    t = Tensor.from_numpy(arr)
    out: dict[str, Any] = {} if name is None else {"name": name}
    out.update(dtype=json_name(t.dtype), shape=list(t.shape), data=t.to_numpy().ravel().tolist())
    return out


# --- Validation ----------------------------------------------------------------------------


def check_inputs(schema: Sequence[TensorSpec], inputs: Any) -> list[Tensor]:
    """The chain tensors of `inputs` for a model taking `schema`, in the schema's order.

    `inputs` is a mapping from input name to an array (numpy arrays must have the schema's dtype
    exactly; lists and scalars are converted to it), or a single array for a model with one input.
    Raises :class:`InputError` for a missing or unknown name, a dtype or shape that differs, or
    NaN or infinity in a float input.
    """
    if isinstance(inputs, np.ndarray) or not isinstance(inputs, Mapping):
        if len(schema) == 1 and not isinstance(inputs, Mapping):
            inputs = {schema[0].name: inputs}
        else:
            raise InputError(
                f"inputs must be a dict keyed by the model's input names {[s.name for s in schema]}"
            )
    names = [s.name for s in schema]
    unknown = [k for k in inputs if k not in names]
    missing = [n for n in names if n not in inputs]
    if unknown or missing:
        raise InputError(
            f"the model takes inputs {names}"
            + (f"; missing {missing}" if missing else "")
            + (f"; unknown {unknown}" if unknown else "")
        )
    tensors = []
    for spec in schema:
        value = inputs[spec.name]
        want = spec.numpy_dtype
        if isinstance(value, np.ndarray) or isinstance(value, np.generic):
            arr = np.asarray(value)
            got = np.dtype(arr.dtype)
            if got.kind != want.kind or got.itemsize != want.itemsize:
                raise InputError(
                    f"input {spec.name!r}: dtype {got} where the model takes {json_name(spec.dtype)}"
                    f" ({want.name})"
                )
        else:
            try:
                arr = np.asarray(value, dtype=want)
            except (TypeError, ValueError, OverflowError) as e:
                raise InputError(f"input {spec.name!r}: not {json_name(spec.dtype)} values: {e}") from None
        if tuple(arr.shape) != spec.shape:
            raise InputError(
                f"input {spec.name!r}: shape {list(arr.shape)} where the model takes {list(spec.shape)}"
            )
        if want.kind == "f" and not np.all(np.isfinite(arr)):
            raise InputError(f"input {spec.name!r}: NaN or infinity (the chain refuses them)")
        tensors.append(Tensor(spec.dtype, spec.shape, _le_bytes(arr, want)))
    return tensors


def as_tensors(inputs: Any) -> list[Tensor]:
    """Tensors from arrays without any schema check (a mapping's values in order, or a list)."""
    if isinstance(inputs, Mapping):
        values: Iterable[Any] = inputs.values()
    elif isinstance(inputs, np.ndarray):
        values = [inputs]
    else:
        values = inputs
    out = []
    for v in values:
        out.append(v if isinstance(v, Tensor) else Tensor.from_numpy(np.asarray(v)))
    return out
