#!/usr/bin/env python3
"""Engine (sibyl-node model run) against onnxruntime: latency and agreement.

Both run single-threaded in-process on the same machine, on the same inputs (the engine's
sandbox adds a fixed ~0.035 ms per call on top, see scripts/bench-sandbox.sh); latency is the
median of timed runs after one warm-up run. Agreement: every output within 1e-4 of onnxruntime's and
integer outputs (class labels) equal, on the one-row input and, where the model has one, on 64
held-out rows (`NAME.batch.json`). Prints a Markdown table; exits non-zero on any disagreement.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import onnxruntime as ort

MODELS = [
    "digits_mlp", "silero_vad", "ppocr_cls", "ppocr_rec", "ppocr_det",
    "scaler_logreg", "sk_onehot", "sk_impute_ridge", "sk_svc", "sk_svr",
    "sk_gbt", "sk_forest_cls", "sk_forest_reg", "xgb_cls", "xgb_reg", "lgbm_bin", "lgbm_reg",
]
DTYPES = {"f32": np.float32, "f64": np.float64, "i64": np.int64, "i32": np.int32, "u8": np.uint8, "i8": np.int8, "bool": np.bool_}


def load_input(path):
    with open(path) as f:
        spec = json.load(f)["inputs"]
    return {t["name"]: np.array(t["data"], dtype=DTYPES[t["dtype"]]).reshape(t["shape"]) for t in spec}


def run_ort(model, feeds, runs):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    outputs = session.run(None, feeds)
    times = [0.0]
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return outputs, statistics.median(times[1:] or times)


def disagreement(outputs, reference):
    """Largest absolute difference of float outputs; infinity when integer outputs differ."""
    worst = 0.0
    for o, r in zip(outputs, reference):
        r = np.asarray(r)
        if o.shape != r.shape and o.size == r.size:
            o = o.reshape(r.shape)
        if o.shape != r.shape:
            return float("inf")
        if not np.issubdtype(r.dtype, np.floating):
            if not np.array_equal(o.astype(np.int64), r.astype(np.int64)):
                return float("inf")
            continue
        if o.size:
            worst = max(worst, float(np.nanmax(np.abs(o.astype(np.float64) - r.astype(np.float64)))))
    return worst


def run_engine(node, model, input_path, runs):
    done = subprocess.run(
        [node, "model", "run", "--model", model, "--input", input_path, "--repeat", str(runs), "--json", "--in-process"],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip())
    report = json.loads(done.stdout)
    outputs = [np.array([np.nan if v is None else v for v in o["data"]]).reshape(o["shape"]) for o in report["outputs"]]
    return outputs, report


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--node", required=True)
    parser.add_argument("--models", required=True)
    parser.add_argument("--runs", type=int, default=0, help="timed runs (default: per model)")
    args = parser.parse_args()

    rows = []
    for name in MODELS:
        model = os.path.join(args.models, name + ".onnx")
        input_path = os.path.join(args.models, name + ".json")
        if not os.path.exists(model):
            rows.append((name, 0, 0.0, None, None, None, "model not built"))
            continue
        runs = args.runs or (20 if name == "ppocr_det" else 100 if name.startswith("ppocr") else 2000)
        feeds = load_input(input_path)
        reference, ort_ms = run_ort(model, feeds, runs)
        try:
            outputs, report = run_engine(args.node, model, input_path, runs)
        except RuntimeError as error:
            rows.append((name, runs, ort_ms, None, None, None, str(error)))
            continue
        # A second process must give the same bytes: compare commitments.
        _, again = run_engine(args.node, model, input_path, 1)
        identical = again["commitment"] == report["commitment"]
        diff = disagreement(outputs, reference)
        batch = os.path.join(args.models, name + ".batch.json")
        batch_ms = None
        if os.path.exists(batch):
            many, ort_batch_ms = run_ort(model, load_input(batch), 200)
            try:
                got, batch_report = run_engine(args.node, model, batch, 200)
                diff = max(diff, disagreement(got, many))
                batch_ms = (ort_batch_ms, batch_report["latency_ms"]["median"])
            except RuntimeError as error:
                rows.append((name, runs, ort_ms, None, None, None, "batch: " + str(error)))
                continue
        rows.append((name, runs, ort_ms, report["latency_ms"]["median"], diff, identical, batch_ms))

    print("| model | runs | onnxruntime median (ms) | engine median (ms) | engine / ort | 64 rows: ort / engine ms | 64 rows: engine / ort | max abs diff | same output after restart |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, runs, ort_ms, eng_ms, diff, identical, extra in rows:
        if eng_ms is None:
            print(f"| {name} | {runs} | {ort_ms:.3f} | refused: {extra} | | | | | |")
            continue
        if extra:
            batch = f"{extra[0]:.3f} / {extra[1]:.3f} | {extra[1] / extra[0]:.2f}x"
        else:
            batch = "| "
        print(f"| {name} | {runs} | {ort_ms:.3f} | {eng_ms:.3f} | {eng_ms / ort_ms:.2f}x | {batch} | {diff:.2e} | {'yes' if identical else 'NO'} |")
    failures = [r for r in rows if r[3] is None or r[4] > 1e-4 or not r[5]]
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
