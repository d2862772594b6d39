"""A small synchronous JSON-RPC 2.0 client over one WebSocket, with subscriptions: what the
``sibyl_*`` methods need, with their error codes kept (``docs/rpc.md``)."""

from __future__ import annotations

import collections
import itertools
import json
import re
import threading
import time
from typing import Any, Optional

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from .errors import ChainError, NoOutput, NotFound, RpcError, Timeout

# Error codes of the `sibyl_*` methods (node/src/rpc.rs, `codes`).
UNKNOWN = 4040
NO_OUTPUT = 4041
REFUSED = 4000
INTERNAL = 5000
BUSY = 5030


def chain_error_from_name(name: str, raw: Any = None) -> ChainError:
    """``Inference.BadLevel`` → ``ChainError("Inference", "BadLevel")``; a name without a pallet
    (``BadOrigin``) has ``pallet=None``."""
    m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)", name.strip())
    if m:
        return ChainError(m.group(1), m.group(2), raw=raw)
    return ChainError(None, name.strip(), raw=raw)


def error_for(method: str, err: dict[str, Any]) -> Exception:
    code = err.get("code")
    message = str(err.get("message", ""))
    data = err.get("data")
    if data is not None and not isinstance(data, (dict, list)):
        message = f"{message}: {data}"
    if code == REFUSED:
        return chain_error_from_name(message, raw=err)
    if code == UNKNOWN:
        return NotFound(code, message, method)
    if code == NO_OUTPUT:
        return NoOutput(code, message, method)
    return RpcError(code, message, method)


class JsonRpc:
    """One WebSocket connection. Calls wait for their own response; notifications of open
    subscriptions are queued until read. Not for concurrent use from several threads beyond what
    its lock serialises."""

    def __init__(self, url: str, timeout: float = 30.0):
        self.url = url
        self.timeout = timeout
        try:
            # Entered as a context manager (closed by `close`): websockets ≥ 17.1 warns otherwise.
            self._ws = connect(url, max_size=None, open_timeout=timeout, close_timeout=2).__enter__()
        except (OSError, TimeoutError) as e:
            raise RpcError(None, f"cannot connect to {url}: {e}") from None
        self._ids = itertools.count(1)
        self._lock = threading.RLock()
        self._queues: dict[str, collections.deque] = {}
        self._ended: set[str] = set()

    def close(self) -> None:
        try:
            self._ws.close()
        except Exception:  # noqa: BLE001 - closing a broken socket is not an error
            pass

    def __enter__(self) -> "JsonRpc":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _recv(self, deadline: float, what: str) -> dict[str, Any]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout(f"{what}: no answer within the timeout")
        try:
            raw = self._ws.recv(timeout=left)
        except TimeoutError:
            raise Timeout(f"{what}: no answer within the timeout") from None
        except ConnectionClosed as e:
            raise RpcError(None, f"connection to {self.url} closed: {e}") from None
        return json.loads(raw)

    def _dispatch(self, msg: dict[str, Any]) -> None:
        params = msg.get("params")
        if "method" in msg and isinstance(params, dict) and "subscription" in params:
            sub = str(params["subscription"])
            self._queues.setdefault(sub, collections.deque()).append(params.get("result"))

    def call(self, method: str, params: list[Any], timeout: Optional[float] = None) -> Any:
        """The result of `method(params)`, or the error mapped to this package's exceptions."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        with self._lock:
            rid = next(self._ids)
            try:
                self._ws.send(json.dumps({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}))
            except ConnectionClosed as e:
                raise RpcError(None, f"connection to {self.url} closed: {e}") from None
            while True:
                msg = self._recv(deadline, method)
                if msg.get("id") == rid:
                    if "error" in msg:
                        raise error_for(method, msg["error"])
                    return msg.get("result")
                self._dispatch(msg)

    def subscribe(self, method: str, params: list[Any], timeout: Optional[float] = None) -> str:
        """Opens a subscription; its notifications are read with :meth:`next`."""
        sub = self.call(method, params, timeout)
        sub = str(sub)
        self._queues.setdefault(sub, collections.deque())
        return sub

    def next(self, sub: str, timeout: float, what: str = "subscription") -> Any:
        """The next notification of `sub`, waiting at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            queue = self._queues.setdefault(sub, collections.deque())
            while not queue:
                self._dispatch(self._recv(deadline, what))
            return queue.popleft()
