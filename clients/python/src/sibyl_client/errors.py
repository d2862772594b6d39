"""The errors the client raises. Every one is a :class:`SibylError`."""

from __future__ import annotations

from typing import Any, Optional


class SibylError(Exception):
    """Base class of every error this package raises."""


class InputError(SibylError, ValueError):
    """The client refused an argument before sending anything: an input that does not match the
    model's schema (names, dtypes, shapes, NaN or infinity), an input above the chain's size
    limit, a malformed verification level or model reference."""


class ChainError(SibylError):
    """The chain refused: a transaction failed to dispatch, the pool rejected it, or a runtime
    call (``sibyl_quote``) returned the runtime's error.

    ``pallet`` and ``error`` are the runtime's own names from its metadata, e.g.
    ``ChainError("Inference", "InputShapeMismatch")``. ``pallet`` is ``None`` for an error that
    no pallet owns (``BadOrigin``, ``Token.FundsUnavailable``) and for a transaction the pool
    rejected (``error`` is then the node's reason, e.g. ``"Invalid Transaction: Inability to pay
    some fees"``).
    """

    def __init__(self, pallet: Optional[str], error: str, docs: str = "", raw: Any = None):
        self.pallet = pallet
        self.error = error
        self.docs = docs
        self.raw = raw
        name = f"{pallet}.{error}" if pallet else error
        super().__init__(f"{name}: {docs}" if docs else name)

    @property
    def name(self) -> str:
        """``Pallet.Error`` (or just the error when no pallet owns it)."""
        return f"{self.pallet}.{self.error}" if self.pallet else self.error


class NotVerified(SibylError):
    """The request settled without a verified output: the agreed failure of the model on this
    input (``{"failed": "..."}``), a refund (``{"refunded": "Timeout"}``, ``NoAgreement``,
    ``NoVerifiers``, ``Declined(..)``) or a slash (``{"slashedAndRefunded": "WrongResult"}``).

    ``outcome`` is the outcome as the node reports it; ``result`` the
    :class:`~sibyl_client.InferenceResult` (``outputs`` is ``None``).
    """

    def __init__(self, outcome: Any, result: Any = None):
        self.outcome = outcome
        self.result = result
        rid = getattr(result, "request_id", None)
        what = f"request {rid}" if rid is not None else "the request"
        super().__init__(f"{what} settled without a verified output: {outcome}")

    @property
    def kind(self) -> str:
        """``failed``, ``refunded`` or ``slashedAndRefunded``."""
        if isinstance(self.outcome, dict) and len(self.outcome) == 1:
            return next(iter(self.outcome))
        return str(self.outcome)


class RpcError(SibylError):
    """A JSON-RPC error from the node that is not the chain's refusal (``code``, ``message``)."""

    def __init__(self, code: Optional[int], message: str, method: str = ""):
        self.code = code
        self.message = message
        self.method = method
        where = f"{method}: " if method else ""
        super().__init__(f"{where}{message} (code {code})")


class NotFound(RpcError, LookupError):
    """The node knows no such request or model (code 4040), or a model reference names none."""


class NoOutput(RpcError):
    """The request has no output (yet): not settled, not verified, or not found on peers (4041)."""


class Timeout(SibylError, TimeoutError):
    """A wait exceeded its timeout (inclusion, settlement, a subscription's next state)."""
