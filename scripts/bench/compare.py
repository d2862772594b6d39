#!/usr/bin/env python3
"""Engine (sibyl-node model run) against onnxruntime: latency and agreement.

Both run single-threaded on the same machine, on the same inputs; latency is the median of
timed runs after one warm-up run. Prints a Markdown table.
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

MODELS = ["digits_mlp", "ppocr_cls", "ppocr_rec", "ppocr_det"]
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
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        session.run(None, feeds)
        times.append((time.perf_counter() - start) * 1e3)
    return outputs, statistics.median(times)


def run_engine(node, model, input_path, runs):
    done = subprocess.run(
        [node, "model", "run", "--model", model, "--input", input_path, "--repeat", str(runs), "--json"],
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
        runs = args.runs or (2000 if name == "digits_mlp" else 20 if name == "ppocr_det" else 100)
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
        diff = max(float(np.max(np.abs(o.astype(np.float64) - r.astype(np.float64)))) if o.size else 0.0
                   for o, r in zip(outputs, reference))
        rows.append((name, runs, ort_ms, report["latency_ms"]["median"], diff, identical, ""))

    print("| model | runs | onnxruntime median (ms) | engine median (ms) | engine / ort | max abs diff | same output after restart |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, runs, ort_ms, eng_ms, diff, identical, error in rows:
        if eng_ms is None:
            print(f"| {name} | {runs} | {ort_ms:.3f} | refused: {error} | | | |")
            continue
        print(f"| {name} | {runs} | {ort_ms:.3f} | {eng_ms:.3f} | {eng_ms / ort_ms:.2f}x | {diff:.2e} | {'yes' if identical else 'NO'} |")
    failures = [r for r in rows if r[3] is None or r[4] > 1e-4 or not r[5]]
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
