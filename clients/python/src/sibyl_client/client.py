"""The dApp client: model calls on a Sibyl chain with numpy arrays in and out.

Calls are encoded and signed by ``async-substrate-interface`` (its synchronous
``SubstrateInterface``) from the chain's own metadata (V15): pallet and call indices, argument
types, the transaction extension list, runtime API signatures and error names all come from the
chain. The ``sibyl_*`` JSON-RPC methods, transaction submission and subscriptions go over this
package's own small WebSocket client (``rpc.py``), which keeps the node's error codes.
"""

from __future__ import annotations

import re
import time
import weakref
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Optional, Sequence, Union

import numpy as np

from . import tensors as T
from .errors import ChainError, InputError, NotFound, NotVerified, RpcError, SibylError, Timeout
from .rpc import JsonRpc, chain_error_from_name

# `bounded_collections::BoundedVec<T, S>` is a one-field tuple struct around `Vec<T>`. The
# codec's path map only knows the old `sp_core::bounded::…` / `frame_support::storage::…` paths,
# so without this it treats the type as a 1-tuple and cannot encode a list into it ("Provided
# value is not a list"). Mapping the current paths to its `BoundedVec` (a `Vec`) fixes encoding;
# the SCALE bytes are the same (the wrapper adds nothing).
TYPE_REGISTRY = {
    "types": {
        "bounded_collections::bounded_vec::BoundedVec": "BoundedVec",
        "bounded_collections::weak_bounded_vec::WeakBoundedVec": "BoundedVec",
    }
}

# The transaction extensions whose data the signing library fills in itself. Any other
# extension of the runtime must carry no data (zero-sized explicit and implicit parts, as
# `AuthorizeCall`, `CheckNonZeroSender`, `CheckWeight`, `SeatsLeft`, `WeightReclaim` do) for a
# transaction signed by it to be valid; `Sibyl` checks that against the metadata.
FILLED_EXTENSIONS = frozenset(
    {
        "CheckMortality",
        "CheckEra",
        "CheckNonce",
        "ChargeTransactionPayment",
        "ChargeAssetTxPayment",
        "CheckMetadataHash",
        "CheckSpecVersion",
        "CheckTxVersion",
        "CheckGenesis",
    }
)

Level = Union[None, str, Mapping[str, int]]
ModelRef = Union[str, bytes, tuple, "ModelInfo"]


def _plain(value: Any) -> Any:
    """The Python value of a codec object (the library returns either)."""
    return getattr(value, "value", value)


def _text(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, str) and value.startswith("0x") and len(value) % 2 == 0 and len(value) > 2:
        try:
            return bytes.fromhex(value[2:]).decode("utf-8")
        except ValueError:
            return value
    return str(value)


@dataclass(frozen=True)
class ModelInfo:
    """A model in the hub (``Models.Models``, ``ModelsApi_model``)."""

    id: str
    name: str
    version: int
    status: str  # "Uploading", "Available" or "Retired"
    price: int
    owner: str
    inputs: tuple[T.TensorSpec, ...]
    outputs: tuple[T.TensorSpec, ...]
    policy: Mapping[str, Any] = field(default_factory=dict)
    levels: Mapping[str, Any] = field(default_factory=dict)
    cost: Mapping[str, Any] = field(default_factory=dict)
    size: int = 0
    registered_at: int = 0

    @classmethod
    def from_chain(cls, model_id: str, v: Mapping[str, Any]) -> "ModelInfo":
        return cls(
            id=model_id,
            name=_text(v["name"]),
            version=int(v["version"]),
            status=str(v["status"]),
            price=int(v["price"]),
            owner=str(v["owner"]),
            inputs=tuple(T.TensorSpec.from_chain(s) for s in v["inputs"]),
            outputs=tuple(T.TensorSpec.from_chain(s) for s in v["outputs"]),
            policy=dict(v.get("policy") or {}),
            levels=dict(v.get("levels") or {}),
            cost=dict(v.get("cost") or {}),
            size=int(v.get("size", 0)),
            registered_at=int(v.get("registered_at", 0)),
        )


@dataclass
class Submitted:
    """A request included on chain (not settled yet)."""

    tx_hash: str
    request_id: int
    block_hash: str
    model: str
    fee: int
    input_hash: str
    level: Any
    events: list = field(default_factory=list, repr=False)


@dataclass
class InferenceResult:
    """What :meth:`Sibyl.infer` returns.

    ``outcome`` is the settled outcome as the node reports it (``{"verified": {"outputHash":
    "0x…"}}``); ``outputs`` the output tensors keyed by the model's output names (``None`` if
    not verified); ``commitment`` what every seat in line signed (``sibyl_receipt`` once final,
    the runtime's ``InferenceApi_commitment`` before), checked against the one this client
    computes; ``block_hash`` the block that included the request.
    """

    tx_hash: str
    request_id: int
    outcome: Any
    outputs: Optional[dict[str, np.ndarray]]
    commitment: Optional[str]
    block_hash: str
    model: str = ""
    fee: int = 0
    input_hash: str = ""
    output_hash: Optional[str] = None
    settled_at: Optional[int] = None
    finalized: bool = False
    receipt: Optional[dict] = None

    @property
    def verified(self) -> bool:
        return isinstance(self.outcome, dict) and "verified" in self.outcome


def normalize_level(level: Level) -> Any:
    """A verification level as the chain and ``sibyl_quote`` take it: ``None`` (the model's
    policy), ``"Unverified"``, ``{"Sampled": ppm}`` or ``{"Committee": k}``. Also accepts
    ``"unverified"``, ``"sampled:PPM"`` and ``"committee:K"``. The chain judges the values
    (``Inference.BadLevel``); only the form is checked here."""
    if level is None:
        return None
    if isinstance(level, str):
        low = level.strip().lower()
        if low == "unverified":
            return "Unverified"
        m = re.fullmatch(r"(sampled|committee)[:=](\d+)", low)
        if m:
            return normalize_level({m.group(1).capitalize(): int(m.group(2))})
    elif isinstance(level, Mapping) and len(level) == 1:
        (key, value), = level.items()
        key = str(key).capitalize()
        if key == "Unverified" and value in (None, (), []):
            return "Unverified"
        bits = {"Sampled": 32, "Committee": 8}.get(key)
        if bits and isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            if 0 <= int(value) < (1 << bits):
                return {key: int(value)}
            raise InputError(f"level {key} takes a u{bits}, not {value}")
    raise InputError(
        f"unknown verification level {level!r}: None, 'Unverified', {{'Sampled': ppm}} or {{'Committee': k}}"
    )


def _keypair(signer: Any) -> Any:
    """A keypair from a secret URI (``//Bob``, a mnemonic with a path) or a keypair object with
    ``ss58_address``, ``public_key``, ``crypto_type`` and ``sign`` (``bittensor_wallet.Keypair``,
    ``substrateinterface.Keypair``)."""
    if isinstance(signer, str):
        from bittensor_wallet import Keypair

        try:
            return Keypair.create_from_uri(signer)
        except Exception as e:  # noqa: BLE001 - the library raises several kinds
            raise InputError(f"not a valid secret URI: {e}") from None
    for attr in ("ss58_address", "public_key", "crypto_type", "sign"):
        if not hasattr(signer, attr):
            raise InputError(f"the signer has no {attr}: pass a secret URI or a keypair")
    return signer


class Sibyl:
    """A connection to a Sibyl node (WebSocket JSON-RPC, e.g. ``ws://127.0.0.1:9944``).

    ``timeout`` bounds each RPC call; ``settle_timeout`` the wait for inclusion and settlement
    (or finality) in :meth:`infer`, and for each next state in :meth:`watch`, unless given there.
    """

    def __init__(self, url: str, *, timeout: float = 60.0, settle_timeout: float = 300.0):
        from async_substrate_interface.sync_substrate import SubstrateInterface

        self.url = url
        self.timeout = timeout
        self.settle_timeout = settle_timeout
        self._rpc = JsonRpc(url, timeout)
        try:
            self._substrate = SubstrateInterface(
                url, type_registry=TYPE_REGISTRY, retry_timeout=timeout, max_retries=1
            )
            self._substrate.init_runtime()
        except Exception as e:
            self._rpc.close()
            raise RpcError(None, f"cannot load the runtime's metadata from {url}: {e}") from e
        # The library's connection must be closed before the interpreter shuts down: its
        # `__del__` closes the socket then, which waits forever for a thread already stopped
        # (a script that never calls `close()` would hang at exit).
        self._finalizer = weakref.finalize(self, _close_all, self._substrate, self._rpc)
        self.genesis_hash: str = self._rpc.call("chain_getBlockHash", [0])
        self._models: dict[str, ModelInfo] = {}
        self._checked_extensions: Optional[int] = None

    # --- connection ------------------------------------------------------------------------

    @property
    def substrate(self) -> Any:
        """The underlying ``async_substrate_interface.SubstrateInterface`` (for anything else)."""
        return self._substrate

    def close(self) -> None:
        self._finalizer()

    def __enter__(self) -> "Sibyl":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def rpc(self, method: str, params: Sequence[Any] = (), timeout: Optional[float] = None) -> Any:
        """Any JSON-RPC method of the node (errors mapped as for the ``sibyl_*`` methods)."""
        return self._rpc.call(method, list(params), timeout)

    def _runtime_call(self, api: str, method: str, params: list[Any]) -> Any:
        return _plain(self._substrate.runtime_call(api, method, params))

    # --- the model hub -----------------------------------------------------------------------

    def model_id(self, model: ModelRef) -> str:
        """The id (``0x`` hex) of a model given by id or by ``(name, version)``."""
        if isinstance(model, ModelInfo):
            return model.id
        if isinstance(model, (bytes, bytearray)) and len(model) == 32:
            return "0x" + bytes(model).hex()
        if isinstance(model, str):
            if re.fullmatch(r"0x[0-9a-fA-F]{64}", model):
                return model.lower()
            raise InputError(f"a model id is 0x and 64 hex digits, not {model!r} (or pass (name, version))")
        if isinstance(model, (tuple, list)) and len(model) == 2:
            name, version = model
            if not isinstance(version, (int, np.integer)) or isinstance(version, bool) or not 0 <= version < 1 << 32:
                raise InputError(f"a model version is a u32, not {version!r}")
            raw = name.encode() if isinstance(name, str) else bytes(name)
            found = self._runtime_call("ModelsApi", "model_by_version", ["0x" + raw.hex(), int(version)])
            if not found:
                raise NotFound(None, f"no model {name!r} version {version}", "ModelsApi_model_by_version")
            return str(found).lower()
        raise InputError(f"a model is an id (0x…) or (name, version), not {model!r}")

    def model(self, model: ModelRef, *, refresh: bool = False) -> ModelInfo:
        """The model's record: name, version, status, price, input and output schemas, policy."""
        mid = self.model_id(model)
        if refresh or mid not in self._models or self._models[mid].status != "Available":
            value = self._runtime_call("ModelsApi", "model", [mid])
            if not value:
                raise NotFound(None, f"no model {mid}", "ModelsApi_model")
            self._models[mid] = ModelInfo.from_chain(mid, value)
        return self._models[mid]

    def models(self) -> list[ModelInfo]:
        """Every model in the hub, in storage order."""
        out: list[ModelInfo] = []
        after = None
        page_size = 100
        while True:
            page = self._runtime_call("ModelsApi", "models", [after, page_size]) or []
            for mid, _status in page:
                out.append(self.model(str(mid), refresh=True))
            if len(page) < page_size:
                return out
            after = str(page[-1][0])

    def quote(self, model: ModelRef, level: Level = None) -> int:
        """The fee (planck) a request of `model` at `level` holds now (``sibyl_quote``); the
        runtime's refusal as :class:`ChainError` (``Inference.BadLevel``, ``UnknownModel``, …)."""
        result = self._rpc.call("sibyl_quote", [self.model_id(model), normalize_level(level)])
        return int(result["fee"])

    # --- requests ----------------------------------------------------------------------------

    def encode_inputs(self, model: ModelRef, inputs: Any) -> list[T.Tensor]:
        """The chain tensors of `inputs`, checked against the model's input schema and the
        chain's input size limit (:class:`InputError` otherwise)."""
        info = self.model(model)
        tensors = T.check_inputs(info.inputs, inputs)
        limit = self._max_input_bytes()
        size = len(T.encode_tensors(tensors))
        if limit is not None and size > limit:
            raise InputError(f"the input encodes to {size} bytes; the chain takes at most {limit}")
        return tensors

    def _max_input_bytes(self) -> Optional[int]:
        try:
            return int(_plain(self._substrate.get_constant("Inference", "MaxInputBytes")))
        except Exception:  # noqa: BLE001 - a runtime without the constant: let the chain judge
            return None

    def submit(
        self,
        model: ModelRef,
        inputs: Any,
        signer: Any,
        *,
        max_fee: Optional[int] = None,
        level: Level = None,
        validate: bool = True,
        timeout: Optional[float] = None,
    ) -> Submitted:
        """Sends ``Inference.request(model, input, max_fee, level)`` and waits until a block
        includes it. With ``validate=False`` the inputs (a dict or list of arrays, or
        :class:`~sibyl_client.tensors.Tensor`) are sent as given, in order, for the chain to
        judge. Without `max_fee`, pays the current quote. Raises :class:`ChainError` when the
        pool rejects the transaction or its dispatch fails, :class:`Timeout` when no block
        includes it within `timeout` seconds (default ``settle_timeout``: a burst of requests
        waits in the pool while blocks have no seats left)."""
        mid = self.model_id(model)
        level = normalize_level(level)
        tensors = self.encode_inputs(mid, inputs) if validate else T.as_tensors(inputs)
        if max_fee is None:
            max_fee = self.quote(mid, level)
        if not isinstance(max_fee, (int, np.integer)) or isinstance(max_fee, bool) or not 0 <= max_fee < 1 << 128:
            raise InputError(f"max_fee is a u128 in planck, not {max_fee!r}")
        keypair = _keypair(signer)
        call = self._compose(
            "Inference",
            "request",
            {"model": mid, "input": [t.to_call_arg() for t in tensors], "max_fee": int(max_fee), "level": level},
        )
        tx_hash, block_hash, events = self._sign_and_submit(
            call, keypair, self.settle_timeout if timeout is None else timeout
        )
        requested = [e for e in events if (e["module_id"], e["event_id"]) == ("Inference", "Requested")]
        if not requested:
            raise SibylError(f"transaction {tx_hash} was included without an Inference.Requested event")
        request_id = int(requested[0]["attributes"]["id"])
        return Submitted(
            tx_hash=tx_hash,
            request_id=request_id,
            block_hash=block_hash,
            model=mid,
            fee=int(max_fee),
            input_hash=T.tensors_hash(tensors),
            level=level,
            events=events,
        )

    def infer(
        self,
        model: ModelRef,
        inputs: Any,
        signer: Any,
        max_fee: Optional[int] = None,
        level: Level = None,
        wait: str = "settled",
        *,
        timeout: Optional[float] = None,
        validate: bool = True,
    ) -> InferenceResult:
        """Calls `model` on `inputs` (a dict of numpy arrays keyed by the model's input names),
        paying with `signer` (a keypair or a secret URI such as ``"//Bob"``), and waits until
        the request settles (``wait="settled"``) or its settlement is final
        (``wait="finalized"``).

        Returns an :class:`InferenceResult` whose ``outputs`` are numpy arrays keyed by the
        model's output names, checked against the output hash the chain settled. Raises
        :class:`InputError` before sending anything for inputs that do not match the model's
        schema, :class:`ChainError` when the chain refuses the request, :class:`NotVerified` when
        it settles without a verified output, :class:`Timeout` when it is not included and
        settled within `timeout` seconds (default ``settle_timeout``). ``validate=False`` skips
        the local checks (see :meth:`submit`).
        """
        if wait not in ("settled", "finalized"):
            raise InputError(f"wait is 'settled' or 'finalized', not {wait!r}")
        timeout = self.settle_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        sent = self.submit(
            model, inputs, signer, max_fee=max_fee, level=level, validate=validate, timeout=timeout
        )
        return self.result(sent, wait=wait, timeout=max(0.0, deadline - time.monotonic()))

    def result(self, sent: Submitted, *, wait: str = "settled", timeout: Optional[float] = None) -> InferenceResult:
        """Waits for a submitted request as :meth:`infer` does and returns its result."""
        timeout = self.settle_timeout if timeout is None else timeout
        deadline = time.monotonic() + timeout
        until = "final" if wait == "finalized" else "settled"
        settled = None
        final = None
        for status in self._watch_new(sent.request_id, deadline, until):
            if status.get("status") == "settled":
                settled = status
            elif status.get("status") == "final":
                final = status
        if settled is None:
            raise Timeout(f"request {sent.request_id} did not settle within {timeout} s")
        outcome = settled.get("outcome")
        result = InferenceResult(
            tx_hash=sent.tx_hash,
            request_id=sent.request_id,
            outcome=outcome,
            outputs=None,
            commitment=None,
            block_hash=sent.block_hash,
            model=sent.model,
            fee=sent.fee,
            input_hash=sent.input_hash,
            settled_at=settled.get("settled"),
            finalized=final is not None,
        )
        result.receipt, result.commitment = self._commitment(sent.request_id)
        if not (isinstance(outcome, dict) and "verified" in outcome):
            raise NotVerified(outcome, result)
        output_hash = str(outcome["verified"]["outputHash"])
        result.output_hash = output_hash
        result.outputs = self.output(sent.request_id, output_hash=output_hash, model=sent.model)
        expected = T.commitment(self.genesis_hash, sent.request_id, sent.model, sent.input_hash, output_hash)
        if result.commitment is not None and result.commitment != expected:
            raise SibylError(
                f"request {sent.request_id}: the chain's commitment {result.commitment} is not the one "
                f"its model, input and output give ({expected})"
            )
        if result.receipt is not None and str(result.receipt.get("inputHash")) != sent.input_hash:
            raise SibylError(f"request {sent.request_id}: the receipt's input hash is not this input's")
        return result

    def _commitment(self, request_id: int) -> tuple[Optional[dict], Optional[str]]:
        """The receipt (``sibyl_receipt``, once the settlement is final) and the commitment;
        before finality the commitment from ``InferenceApi_commitment`` at the best block."""
        try:
            receipt = self._rpc.call("sibyl_receipt", [request_id])
            return receipt, str(receipt["commitment"])
        except NotFound:
            pass
        value = self._runtime_call("InferenceApi", "commitment", [request_id])
        return None, (str(value) if value else None)

    def receipt(self, request_id: int) -> dict:
        """The durable receipt of a request that settled verified or failed, at the finalized
        block (``sibyl_receipt``): requester, model, input hash, outcome, commitment, level,
        and the storage key, value and state root a light client checks it with."""
        return self._rpc.call("sibyl_receipt", [_request_id(request_id)])

    def output(
        self, request_id: int, *, output_hash: Optional[str] = None, model: Optional[str] = None
    ) -> dict[str, np.ndarray]:
        """The accepted output of a verified request, as numpy arrays keyed by output name
        (``sibyl_output``, which fetches outputs kept offchain from the node's store or peers).
        The tensors are checked against the output hash the chain holds; values JSON cannot carry
        bit-exactly (NaN, infinity) are read as SCALE bytes instead (``InferenceApi_output`` for
        inline outputs, ``inference_output`` for stored ones)."""
        rid = _request_id(request_id)
        got = self._rpc.call("sibyl_output", [rid])
        output_hash = output_hash or str(got["outputHash"])
        names = [t.get("name") for t in got["outputs"]]
        if model is not None and any(n is None for n in names):
            names = [s.name for s in self.model(model).outputs]
        try:
            tensors = [T.from_json(t) for t in got["outputs"]]
        except ValueError:
            tensors = None
        if tensors is None or T.tensors_hash(tensors) != output_hash:
            tensors = self._output_bytes(rid, output_hash)
        return {str(n if n is not None else i): t.to_numpy() for i, (n, t) in enumerate(zip(names, tensors))}

    def _output_bytes(self, request_id: int, output_hash: str) -> list[T.Tensor]:
        raw = self._runtime_call("InferenceApi", "output", [request_id])
        if not raw:
            raw = self._rpc.call("inference_output", [output_hash])
        data = bytes.fromhex(raw[2:]) if isinstance(raw, str) else bytes(raw)
        if "0x" + T.blake2_256(data).hex() != output_hash:
            raise SibylError(f"request {request_id}: the node's output does not hash to {output_hash}")
        return T.decode_tensors(data)

    # --- following a request ------------------------------------------------------------------

    def watch(self, request_id: int, *, until: str = "final", timeout: Optional[float] = None) -> Iterator[dict]:
        """The states of a request as ``sibyl_watchRequest`` streams them, in order: ``queued``,
        ``committing``, ``revealing``, ``opening``, ``settled`` (with ``outcome`` and, verified,
        ``outputs`` in JSON form), then ``final``, after which the iterator ends (or after
        ``settled`` with ``until="settled"``). An unknown id raises :class:`NotFound` here, before
        iterating; each next state is awaited at most `timeout` seconds (default
        ``settle_timeout``), else :class:`Timeout`."""
        if until not in ("settled", "final"):
            raise InputError(f"until is 'settled' or 'final', not {until!r}")
        rid = _request_id(request_id)
        conn = JsonRpc(self.url, self.timeout)
        try:
            sub = conn.subscribe("sibyl_watchRequest", [rid])
        except Exception:
            conn.close()
            raise
        step = self.settle_timeout if timeout is None else timeout
        return _follow(conn, sub, rid, until, lambda: time.monotonic() + step)

    def _watch_new(self, request_id: int, deadline: float, until: str) -> Iterator[dict]:
        """`watch` for a request just included: the node answers for its best block, which may
        not be the including block yet for a moment."""
        while True:
            try:
                conn = JsonRpc(self.url, self.timeout)
                try:
                    sub = conn.subscribe("sibyl_watchRequest", [request_id], timeout=max(0.1, deadline - time.monotonic()))
                except Exception:
                    conn.close()
                    raise
                break
            except NotFound:
                if time.monotonic() + 1 > deadline:
                    raise
                time.sleep(1)
        return _follow(conn, sub, request_id, until, lambda: deadline)

    # --- transactions -------------------------------------------------------------------------

    def _compose(self, pallet: str, call: str, args: dict[str, Any]) -> Any:
        try:
            return self._substrate.compose_call(pallet, call, args)
        except Exception as e:  # noqa: BLE001 - the codec raises ValueError, TypeError, …
            raise InputError(f"cannot encode {pallet}.{call}: {e}") from e

    def _check_extensions(self) -> None:
        """Refuses to sign for a runtime with a transaction extension that carries data the
        library does not fill in (it would sign a payload the runtime does not check)."""
        metadata = self._substrate.metadata
        if self._checked_extensions == id(metadata):
            return
        types = {t["id"]: t["type"]["def"] for t in metadata.portable_registry.value["types"]}

        def zero(type_id: int, depth: int = 0) -> bool:
            d = types.get(type_id)
            if d is None or depth > 16:
                return False
            if "tuple" in d:
                return all(zero(t, depth + 1) for t in d["tuple"])
            if "composite" in d:
                return all(zero(f["type"], depth + 1) for f in d["composite"]["fields"])
            if "array" in d:
                return d["array"]["len"] == 0 or zero(d["array"]["type"], depth + 1)
            return False

        def type_id(name: Optional[str]) -> Optional[int]:
            m = re.fullmatch(r"scale_info::(\d+)", str(name))
            return int(m.group(1)) if m else None

        for ext, parts in metadata.get_signed_extensions().items():
            if ext in FILLED_EXTENSIONS:
                continue
            for part in ("extrinsic", "additional_signed"):
                tid = type_id(parts.get(part))
                if tid is not None and not zero(tid):
                    raise SibylError(
                        f"the runtime's transaction extension {ext} carries data ({part}: type {tid}) "
                        "that the signing library does not fill in"
                    )
        self._checked_extensions = id(metadata)

    def _sign_and_submit(self, call: Any, keypair: Any, timeout: float) -> tuple[str, str, list[dict]]:
        self._check_extensions()
        xt = self._substrate.create_signed_extrinsic(call, keypair)
        data = xt.data.data if hasattr(xt.data, "data") else xt.data
        raw = bytes(data)
        tx_hash = "0x" + T.blake2_256(raw).hex()
        deadline = time.monotonic() + timeout
        with JsonRpc(self.url, self.timeout) as conn:
            try:
                sub = conn.subscribe("author_submitAndWatchExtrinsic", ["0x" + raw.hex()])
            except ChainError:
                raise
            except RpcError as e:
                # 1010 invalid, 1011 unknown, 1012 temporarily banned, 1013 already imported, …
                raise ChainError(None, e.message, raw={"code": e.code}) from None
            block_hash = None
            while block_hash is None:
                left = deadline - time.monotonic()
                status = conn.next(sub, left, f"inclusion of {tx_hash}")
                # "future", "ready", {"broadcast": […]}, {"inBlock": hash}, {"finalized": hash},
                # {"retracted": …}, {"usurped": …}, {"finalityTimeout": …}, "dropped", "invalid".
                kind = next(iter(status)) if isinstance(status, dict) and status else status
                if kind in ("inBlock", "finalized"):
                    block_hash = str(status[kind])
                elif kind in ("usurped", "finalityTimeout", "dropped", "invalid"):
                    raise ChainError(None, f"transaction {kind}", raw=status)
            try:
                conn.call("author_unwatchExtrinsic", [sub], timeout=5)
            except Exception:  # noqa: BLE001 - the node may have ended it already
                pass
        events = self._events_of(block_hash, tx_hash)
        for e in events:
            if (e["module_id"], e["event_id"]) == ("System", "ExtrinsicFailed"):
                raise self._dispatch_error(e["attributes"]["dispatch_error"])
        return tx_hash, block_hash, events

    def _events_of(self, block_hash: str, tx_hash: str) -> list[dict]:
        block = self._rpc.call("chain_getBlock", [block_hash])
        index = None
        for i, xt in enumerate(block["block"]["extrinsics"]):
            if "0x" + T.blake2_256(bytes.fromhex(xt[2:])).hex() == tx_hash:
                index = i
                break
        if index is None:
            raise SibylError(f"transaction {tx_hash} is not in block {block_hash}")
        events = self._substrate.get_events(block_hash)
        return [e for e in events if e.get("phase") == "ApplyExtrinsic" and e.get("extrinsic_idx") == index]

    def _dispatch_error(self, err: Any) -> ChainError:
        """The named error of a `DispatchError` as the metadata names it."""
        if isinstance(err, dict) and "Module" in err:
            module = err["Module"]
            index = int(module["index"])
            raw = module["error"]
            code = bytes.fromhex(raw[2:])[0] if isinstance(raw, str) else (raw[0] if isinstance(raw, (list, bytes)) else int(raw))
            metadata = self._substrate.metadata
            try:
                pallet = str(metadata.get_pallet_by_index(index).name)
            except Exception:  # noqa: BLE001 - not in this metadata
                pallet = f"Pallet{index}"
            try:
                info = _plain(metadata.get_module_error(index, code)) or {}
            except Exception:  # noqa: BLE001
                info = {}
            return ChainError(
                pallet,
                str(info.get("name", f"Error{code}")),
                " ".join(info.get("docs", []) or []),
                raw=err,
            )
        if isinstance(err, dict) and len(err) == 1:
            (kind, value), = err.items()
            return chain_error_from_name(f"{kind}.{value}" if isinstance(value, str) else f"{kind}", raw=err)
        return chain_error_from_name(str(err), raw=err)


def _close_all(substrate: Any, rpc: JsonRpc) -> None:
    rpc.close()
    try:
        substrate.close()
    except Exception:  # noqa: BLE001
        pass


def _request_id(request_id: Any) -> int:
    if isinstance(request_id, bool) or not isinstance(request_id, (int, np.integer)) or not 0 <= request_id < 1 << 64:
        raise InputError(f"a request id is a u64, not {request_id!r}")
    return int(request_id)


def _follow(conn: JsonRpc, sub: str, request_id: int, until: str, deadline) -> Iterator[dict]:
    try:
        while True:
            left = deadline() - time.monotonic()
            if left <= 0:
                raise Timeout(f"request {request_id}: no new state within the timeout")
            status = conn.next(sub, left, f"request {request_id}")
            if not isinstance(status, dict):
                continue
            yield status
            kind = status.get("status")
            if kind == "final" or (until == "settled" and kind == "settled"):
                return
    finally:
        try:
            conn.call("sibyl_unwatchRequest", [sub], timeout=2)
        except Exception:  # noqa: BLE001 - ended already, or the connection is gone
            pass
        conn.close()


def connect(url: str = "ws://127.0.0.1:9944", **kwargs: Any) -> Sibyl:
    """A :class:`Sibyl` connected to `url`."""
    return Sibyl(url, **kwargs)
