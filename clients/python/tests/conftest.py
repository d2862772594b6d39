"""Fixtures for the tests against a running dev node.

Environment: ``SIBYL_WS`` (the node's WebSocket URL), ``SIBYL_NODE`` (the ``sibyl-node`` binary:
``model example``, ``model upload``, ``model run``) and ``SIBYL_MODELS`` (a directory with
``ppocr_cls.onnx`` and ``ppocr_cls.json``). Without them the chain tests are skipped (the
offline ones still run); ``run-tests.sh`` requires them.

Models are looked up by id (a model id is the hash of its bytes, so a file another suite already
registered under another name is the same model: ``upload`` resumes and keeps that name).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from sibyl_client import Sibyl, tensors as T

SIGNER = "//Charlie"  # not //Alice (uploads, the JS tests) nor //Bob (the quickstart)
PRICE = 1_000_000_000
NODE_TIMEOUT = 600  # seconds for one `sibyl-node model …` command


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{name} is not set (see clients/python/run-tests.sh)")
    return value


@pytest.fixture(scope="session")
def ws_url() -> str:
    return _env("SIBYL_WS")


@pytest.fixture(scope="session")
def node_bin() -> str:
    path = _env("SIBYL_NODE")
    assert os.access(path, os.X_OK), f"SIBYL_NODE={path} is not an executable"
    return path


@pytest.fixture(scope="session")
def models_dir() -> Path:
    path = Path(_env("SIBYL_MODELS"))
    for f in ("ppocr_cls.onnx", "ppocr_cls.json"):
        assert (path / f).is_file(), f"SIBYL_MODELS has no {f}"
    return path


def run_node(node_bin: str, *args: str) -> str:
    proc = subprocess.run(
        [node_bin, *args], capture_output=True, text=True, timeout=NODE_TIMEOUT, check=False
    )
    if proc.returncode != 0:
        raise AssertionError(f"sibyl-node {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return proc.stdout


@dataclass
class Model:
    id: str
    onnx: Path
    input_json: Path
    inputs: dict[str, np.ndarray]  # the input file as numpy arrays, by name
    reference: dict[str, T.Tensor]  # `model run` outputs, by name, bit-exact
    reference_hash: str  # `model run`'s output hash


def load_inputs(path: Path) -> dict[str, np.ndarray]:
    """The `model run` input file as numpy arrays, converted exactly as the engine reads them
    (a JSON number → f64 → the tensor's dtype)."""
    out = {}
    for t in json.loads(path.read_text())["inputs"]:
        dtype = T.numpy_dtype(t["dtype"])
        if dtype.kind == "f":
            arr = np.array(t["data"], dtype=np.float64).astype(dtype)
        elif dtype.kind == "b":
            arr = np.array([bool(v) for v in t["data"]], dtype=np.bool_)
        else:
            arr = np.array(t["data"], dtype=dtype)
        out[t["name"]] = arr.reshape(t["shape"])
    return out


def reference(node_bin: str, onnx: Path, input_json: Path) -> tuple[str, dict[str, T.Tensor], str]:
    """`sibyl-node model run --json`: model id, outputs by name, output hash."""
    report = json.loads(run_node(node_bin, "model", "run", "--model", str(onnx), "--input", str(input_json), "--json"))
    outputs = {t["name"]: T.from_json(t) for t in report["outputs"]}
    return report["model_id"], outputs, report["output_hash"]


def upload(node_bin: str, ws_url: str, onnx: Path, name: str, *extra: str) -> None:
    run_node(
        node_bin, "model", "upload", "--model", str(onnx), "--name", name, "--model-version", "1",
        "--price", str(PRICE), "--suri", "//Alice", "--url", ws_url, *extra,
    )


def pinned_shapes(input_json: Path) -> list[str]:
    """`--shape name=dims` for every input of the file (models with dynamic dimensions)."""
    out = []
    for t in json.loads(input_json.read_text())["inputs"]:
        out += ["--shape", f"{t['name']}={','.join(str(d) for d in t['shape'])}"]
    return out


def prepare(node_bin: str, ws_url: str, onnx: Path, input_json: Path, name: str, *extra: str) -> Model:
    model_id, outputs, output_hash = reference(node_bin, onnx, input_json)
    upload(node_bin, ws_url, onnx, name, *extra)
    return Model(model_id, onnx, input_json, load_inputs(input_json), outputs, output_hash)


@pytest.fixture(scope="session")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sibyl-client")


@pytest.fixture(scope="session")
def example(node_bin, ws_url, workdir) -> Model:
    """The demo's example model (`x: f32[1,8]` → `y: f32[1,4]`), uploaded."""
    onnx, inp = workdir / "example.onnx", workdir / "example.json"
    printed = run_node(node_bin, "model", "example", "--out", str(onnx), "--input-out", str(inp)).split()
    model = prepare(node_bin, ws_url, onnx, inp, "pyclient-example")
    assert printed and printed[0] == model.id, f"`model example` printed {printed}, `model run` says {model.id}"
    return model


@pytest.fixture(scope="session")
def large_output(node_bin, ws_url, workdir) -> Model:
    """An example model whose output (f32[1,5000], 20 KB) is above the chain's 16 KiB inline
    limit: the chain holds its hash, the bytes stay offchain."""
    onnx, inp = workdir / "large.onnx", workdir / "large.json"
    run_node(node_bin, "model", "example", "--out", str(onnx), "--input-out", str(inp),
             "--inputs", "8", "--hidden", "4", "--outputs", "5000")
    return prepare(node_bin, ws_url, onnx, inp, "pyclient-large-output")


@pytest.fixture(scope="session")
def ppocr_cls(node_bin, ws_url, models_dir) -> Model:
    inp = models_dir / "ppocr_cls.json"
    # Its input has dynamic dimensions: pinned to the input file's (x=1,3,48,192).
    return prepare(node_bin, ws_url, models_dir / "ppocr_cls.onnx", inp, "pyclient-ppocr-cls", *pinned_shapes(inp))


@pytest.fixture(scope="session")
def sibyl(ws_url):
    client = Sibyl(ws_url, timeout=60, settle_timeout=180)
    yield client
    client.close()
