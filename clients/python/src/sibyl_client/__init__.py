"""A Python client for Sibyl: call ONNX models on chain with numpy arrays in and out.

    from sibyl_client import connect
    sibyl = connect("ws://127.0.0.1:9944")
    result = sibyl.infer("0x23b7…7d08", {"x": np.zeros((1, 8), np.float32)}, "//Bob")
    result.outputs["y"]
"""

from .client import InferenceResult, ModelInfo, Sibyl, Submitted, connect, normalize_level
from .errors import ChainError, InputError, NoOutput, NotFound, NotVerified, RpcError, SibylError, Timeout
from .tensors import Tensor, TensorSpec, commitment, decode_tensors, encode_tensors, tensors_hash

__version__ = "0.1.0"

__all__ = [
    "Sibyl",
    "connect",
    "InferenceResult",
    "ModelInfo",
    "Submitted",
    "Tensor",
    "TensorSpec",
    "normalize_level",
    "SibylError",
    "ChainError",
    "InputError",
    "NotVerified",
    "NotFound",
    "NoOutput",
    "RpcError",
    "Timeout",
    "commitment",
    "decode_tensors",
    "encode_tensors",
    "tensors_hash",
]
