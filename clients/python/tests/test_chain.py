"""The client against a running dev node (SIBYL_WS, SIBYL_NODE, SIBYL_MODELS)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from bittensor_wallet import Keypair

from conftest import SIGNER, run_node, upload
from sibyl_client import (
    ChainError,
    InferenceResult,
    InputError,
    NoOutput,
    NotFound,
    NotVerified,
    Sibyl,
    tensors as T,
)

ORDER = ["queued", "committing", "revealing", "opening", "settled", "final"]


def assert_bit_equal(outputs: dict[str, np.ndarray], reference: dict[str, T.Tensor]) -> None:
    assert list(outputs) == list(reference), "outputs keyed by the model's output names"
    for name, ref in reference.items():
        got = outputs[name]
        assert isinstance(got, np.ndarray)
        assert got.dtype == ref.to_numpy().dtype, name
        assert got.shape == ref.shape, name
        # Bit-equal, not just close: the chain's bytes are the engine's bytes.
        assert T.Tensor.from_numpy(got).data == ref.data, f"{name} differs from `model run`"


def nonce(sibyl: Sibyl, suri: str) -> int:
    return int(sibyl.rpc("system_accountNextIndex", [Keypair.create_from_uri(suri).ss58_address]))


# --- infer ---------------------------------------------------------------------------------


def test_infer_example_matches_model_run(sibyl, example):
    result = sibyl.infer(example.id, example.inputs, SIGNER)
    assert isinstance(result, InferenceResult)
    assert result.outcome == {"verified": {"outputHash": example.reference_hash}}
    assert result.output_hash == example.reference_hash
    assert_bit_equal(result.outputs, example.reference)
    assert result.tx_hash.startswith("0x") and len(result.tx_hash) == 66
    assert result.block_hash.startswith("0x") and len(result.block_hash) == 66
    assert isinstance(result.request_id, int)
    # The commitment the seats signed: the chain's, and the one this input and output give.
    assert result.commitment == T.commitment(
        sibyl.genesis_hash, result.request_id, example.id, result.input_hash, example.reference_hash
    )
    assert result.fee == sibyl.quote(example.id)


def test_infer_ppocr_cls_matches_model_run(sibyl, ppocr_cls):
    (name,) = ppocr_cls.inputs
    assert ppocr_cls.inputs[name].shape == (1, 3, 48, 192)
    result = sibyl.infer(ppocr_cls.id, ppocr_cls.inputs, SIGNER)
    assert result.output_hash == ppocr_cls.reference_hash
    assert_bit_equal(result.outputs, ppocr_cls.reference)


def test_infer_by_name_and_version_waits_for_finality_and_takes_a_keypair(sibyl, example):
    info = sibyl.model(example.id)
    signer = Keypair.create_from_uri(SIGNER)
    result = sibyl.infer((info.name, info.version), example.inputs, signer, wait="finalized")
    assert result.finalized
    assert_bit_equal(result.outputs, example.reference)
    # Final: the commitment comes from the durable receipt, for this input.
    assert result.receipt is not None
    assert result.receipt["commitment"] == result.commitment
    assert result.receipt["inputHash"] == result.input_hash
    assert result.receipt["requester"] == signer.ss58_address
    assert sibyl.receipt(result.request_id)["commitment"] == result.commitment


def test_a_large_output_kept_offchain_comes_back_bit_equal(sibyl, large_output):
    (spec,) = sibyl.model(large_output.id).outputs
    assert np.prod(spec.shape) * 4 > 16 * 1024, "above the chain's inline limit"
    result = sibyl.infer(large_output.id, large_output.inputs, SIGNER)
    assert result.output_hash == large_output.reference_hash
    assert_bit_equal(result.outputs, large_output.reference)
    # Only the hash is on chain: the bytes came through sibyl_output from the node's store.
    assert sibyl._runtime_call("InferenceApi", "output", [result.request_id]) is None
    assert_bit_equal(sibyl.output(result.request_id), large_output.reference)


def test_infer_at_a_verification_level(sibyl, example):
    result = sibyl.infer(example.id, example.inputs, SIGNER, level="Unverified")
    assert result.fee == sibyl.quote(example.id, "Unverified") < sibyl.quote(example.id)
    assert_bit_equal(result.outputs, example.reference)


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda x: {"x": np.zeros((1, 9), np.float32)}, "InputShapeMismatch"),
        (lambda x: {"x": x.astype(np.float64)}, "InputTypeMismatch"),
        (lambda x: {"x": np.full((1, 8), np.nan, np.float32)}, "NonFiniteInput"),
        (lambda x: {"x": x, "extra": x}, "InputCountMismatch"),
    ],
    ids=["shape", "dtype", "nan", "count"],
)
def test_the_chain_refuses_a_bad_input_with_its_named_error(sibyl, example, make, error):
    bad = make(example.inputs["x"])
    before = nonce(sibyl, SIGNER)
    with pytest.raises(ChainError) as e:
        sibyl.submit(example.id, bad, SIGNER, validate=False)
    assert (e.value.pallet, e.value.error) == ("Inference", error)
    assert e.value.name == f"Inference.{error}"
    assert nonce(sibyl, SIGNER) == before + 1, "the transaction was sent and dispatched"
    # The same input, checked locally, is refused before anything is sent.
    with pytest.raises(InputError):
        sibyl.infer(example.id, bad, SIGNER)
    assert nonce(sibyl, SIGNER) == before + 1


def test_a_fee_below_the_quote_is_refused_by_the_chain(sibyl, example):
    quote = sibyl.quote(example.id)
    with pytest.raises(ChainError) as e:
        sibyl.infer(example.id, example.inputs, SIGNER, max_fee=quote - 1)
    assert (e.value.pallet, e.value.error) == ("Inference", "FeeBelowPrice")


@pytest.mark.parametrize(
    "inputs",
    [
        {"x": np.zeros((1, 9), np.float32)},  # shape
        {"x": np.zeros((8,), np.float32)},  # rank
        {"x": np.zeros((1, 8), np.float64)},  # dtype
        {"x": np.zeros((1, 8), np.int32)},  # dtype
        {"x": np.array([[0, 1, 2, 3, 4, 5, 6, np.inf]], np.float32)},  # infinity
        {"y": np.zeros((1, 8), np.float32)},  # name
        {},  # missing
        {"x": np.zeros((1, 8), np.float32), "z": np.zeros((1, 8), np.float32)},  # unknown name
    ],
    ids=["shape", "rank", "f64", "i32", "inf", "name", "missing", "extra"],
)
def test_the_client_refuses_a_bad_input_locally(sibyl, example, inputs):
    before = nonce(sibyl, SIGNER)
    with pytest.raises(InputError):
        sibyl.infer(example.id, inputs, SIGNER)
    assert nonce(sibyl, SIGNER) == before, "nothing was sent"


def test_bad_arguments_are_input_errors(sibyl, example):
    with pytest.raises(InputError):
        sibyl.infer("0x1234", example.inputs, SIGNER)
    with pytest.raises(InputError):
        sibyl.infer(example.id, example.inputs, SIGNER, level={"Foo": 1})
    with pytest.raises(InputError):
        sibyl.infer(example.id, example.inputs, SIGNER, wait="soon")
    with pytest.raises(InputError):
        sibyl.infer(example.id, example.inputs, "not a secret uri ///")
    with pytest.raises(NotFound):
        sibyl.model(("pyclient-no-such-model", 7))


def test_an_unknown_model_is_refused_by_the_chain(sibyl, example):
    with pytest.raises(ChainError) as e:
        sibyl.quote("0x" + "ab" * 32)
    assert (e.value.pallet, e.value.error) == ("Inference", "UnknownModel")


def test_a_model_that_fails_on_the_input_settles_not_verified(sibyl, example):
    # Finite inputs that overflow the MLP: every honest node meets NonFiniteOutput, and the
    # chain settles that agreed failure (`model run` fails the same way).
    huge = {"x": np.full((1, 8), 3e38, np.float32)}
    with pytest.raises(NotVerified) as e:
        sibyl.infer(example.id, huge, SIGNER)
    assert e.value.outcome == {"failed": "NonFiniteOutput"}
    assert e.value.kind == "failed"
    assert e.value.result.request_id >= 0 and e.value.result.outputs is None
    with pytest.raises(NoOutput):
        sibyl.output(e.value.result.request_id)


# --- quote ---------------------------------------------------------------------------------


def test_quote(sibyl, example):
    fee = sibyl.quote(example.id)
    assert isinstance(fee, int) and fee > sibyl.model(example.id).price
    assert sibyl.quote(example.id, {"Committee": 1}) >= sibyl.quote(example.id, "Unverified")
    assert sibyl.quote(example.id, "sampled:500000") == sibyl.quote(example.id, {"Sampled": 500_000})
    for level in ({"Committee": 0}, {"Committee": 17}, {"Sampled": 1_000_001}):
        with pytest.raises(ChainError) as e:
            sibyl.quote(example.id, level)
        assert (e.value.pallet, e.value.error) == ("Inference", "BadLevel"), level


def test_the_fee_held_is_the_quote(sibyl, example):
    quote = sibyl.quote(example.id)
    sent = sibyl.submit(example.id, example.inputs, SIGNER)
    escrowed = [e for e in sent.events if (e["module_id"], e["event_id"]) == ("Payments", "Escrowed")]
    assert [int(e["attributes"]["amount"]) for e in escrowed] == [quote]
    assert sibyl.result(sent).verified


# --- watch ---------------------------------------------------------------------------------


def test_watch_sees_the_states_in_order_ending_at_settlement(sibyl, example):
    sent = sibyl.submit(example.id, example.inputs, SIGNER)
    states = list(sibyl.watch(sent.request_id, timeout=120))
    kinds = [s["status"] for s in states]
    assert kinds[-2:] == ["settled", "final"], kinds
    ranks = [ORDER.index(k) for k in kinds]
    assert ranks == sorted(ranks), f"out of order: {kinds}"
    assert all(s["request"] == sent.request_id for s in states)
    settled = states[-2]
    assert settled["outcome"] == {"verified": {"outputHash": example.reference_hash}}
    (out,) = settled["outputs"]
    assert T.from_json(out).data == example.reference["y"].data
    assert states[-1]["finalized"] >= settled["settled"]
    # Already settled: `settled` then `final` at once; `until="settled"` stops at settlement.
    assert [s["status"] for s in sibyl.watch(sent.request_id, timeout=60)] == ["settled", "final"]
    assert [s["status"] for s in sibyl.watch(sent.request_id, until="settled", timeout=60)] == ["settled"]


def test_watch_an_unknown_id_raises_at_once(sibyl):
    with pytest.raises(NotFound) as e:
        sibyl.watch(2**63)
    assert e.value.code == 4040
    with pytest.raises(NotFound):
        sibyl.output(2**63)
    with pytest.raises(NotFound):
        sibyl.receipt(2**63)
    with pytest.raises(InputError):
        sibyl.watch(-1)


def test_output_of_an_unsettled_request(sibyl, example):
    sent = sibyl.submit(example.id, example.inputs, SIGNER)
    with pytest.raises(NoOutput):
        sibyl.output(sent.request_id)
    assert_bit_equal(sibyl.result(sent).outputs, example.reference)


# --- the hub -------------------------------------------------------------------------------


def test_models_lists_an_uploaded_model(sibyl, node_bin, ws_url, workdir):
    onnx, inp = workdir / "hub.onnx", workdir / "hub.json"
    model_id = run_node(node_bin, "model", "example", "--out", str(onnx), "--input-out", str(inp),
                        "--inputs", "3", "--hidden", "5", "--outputs", "2").split()[0]
    upload(node_bin, ws_url, onnx, "pyclient-hub")
    listed = {m.id: m for m in sibyl.models()}
    assert model_id in listed
    m = listed[model_id]
    assert m.version == 1 and m.status == "Available" and m.price == 1_000_000_000
    assert m.name == "pyclient-hub" or m.name  # another suite may have registered these bytes first
    assert [(s.name, s.dtype, s.shape) for s in m.inputs] == [("x", "F32", (1, 3))]
    assert [(s.name, s.dtype, s.shape) for s in m.outputs] == [("y", "F32", (1, 2))]
    assert sibyl.model_id((m.name, m.version)) == model_id


# --- the quickstart ------------------------------------------------------------------------


def test_quickstart_runs(ws_url, example):
    script = Path(__file__).resolve().parents[1] / "examples" / "quickstart.py"
    assert len(script.read_text().splitlines()) <= 15
    proc = subprocess.run(
        [sys.executable, str(script), ws_url, example.id],
        capture_output=True, text=True, timeout=300, env={**os.environ},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "y float32 (1, 4)" in proc.stdout, proc.stdout
