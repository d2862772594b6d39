#!/usr/bin/env python3
"""Prepare the benchmark models and inputs in a cache directory.

- PP-OCR cls/det/rec: the ONNX files that PyPI's rapidocr-onnxruntime ships.
- digits MLP: scikit-learn's MLPClassifier trained on the bundled digits data set, exported
  with skl2onnx.

Each model gets an input in Sibyl's tensor JSON. Nothing here is committed: run it to rebuild.
"""
import argparse
import json
import os
import shutil
import sys

import numpy as np

# Shapes that pin the PP-OCR models' dynamic dimensions (rapidocr's own defaults).
PPOCR = {
    "ppocr_cls": ("ch_ppocr_mobile_v2.0_cls_infer.onnx", [1, 3, 48, 192]),
    "ppocr_rec": ("ch_PP-OCRv4_rec_infer.onnx", [1, 3, 48, 320]),
    "ppocr_det": ("ch_PP-OCRv4_det_infer.onnx", [1, 3, 640, 640]),
}


def tensor_json(name, array):
    dtype = {np.float32: "f32", np.float64: "f64", np.int64: "i64"}[array.dtype.type]
    data = [float(v) for v in array.reshape(-1)] if dtype.startswith("f") else [int(v) for v in array.reshape(-1)]
    return {"name": name, "dtype": dtype, "shape": list(array.shape), "data": data}


def write_input(path, name, array):
    with open(path, "w") as f:
        json.dump({"inputs": [tensor_json(name, array)]}, f)


def ppocr(out):
    import rapidocr_onnxruntime

    src = os.path.join(os.path.dirname(rapidocr_onnxruntime.__file__), "models")
    rng = np.random.default_rng(20261124)
    for key, (file, shape) in PPOCR.items():
        shutil.copyfile(os.path.join(src, file), os.path.join(out, key + ".onnx"))
        # A normalised image, as rapidocr feeds it: values in [-1, 1].
        image = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
        write_input(os.path.join(out, key + ".json"), "x", image)


def digits(out):
    from sklearn.datasets import load_digits
    from sklearn.neural_network import MLPClassifier
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType

    data = load_digits()
    x = (data.data / 16.0).astype(np.float32)
    y = data.target
    model = MLPClassifier(hidden_layer_sizes=(64,), max_iter=400, random_state=0)
    model.fit(x[:1500], y[:1500])
    onnx = convert_sklearn(
        model,
        initial_types=[("input", FloatTensorType([1, 64]))],
        options={id(model): {"zipmap": False}},
        target_opset={"": 17, "ai.onnx.ml": 3},
    )
    # skl2onnx maps the ArgMax index to a class label with ai.onnx.ml's ArrayFeatureExtractor,
    # which tract does not implement. The digits classes are 0..9, so the lookup is the identity:
    # replace it with ONNX's Identity and drop the ai.onnx.ml import.
    assert list(model.classes_) == list(range(10)), model.classes_
    for node in onnx.graph.node:
        if node.op_type == "ArrayFeatureExtractor":
            node.op_type, node.domain = "Identity", ""
            classes = node.input[0]
            del node.input[0]
            unused = [t for t in onnx.graph.initializer if t.name == classes]
            for tensor in unused:
                onnx.graph.initializer.remove(tensor)
    del onnx.opset_import[:]
    onnx.opset_import.add(domain="", version=17)
    with open(os.path.join(out, "digits_mlp.onnx"), "wb") as f:
        f.write(onnx.SerializeToString())
    write_input(os.path.join(out, "digits_mlp.json"), "input", x[1500:1501])
    accuracy = model.score(x[1500:], y[1500:])
    print(f"digits MLP: held-out accuracy {accuracy:.3f}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", help="cache directory for models and inputs")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    ppocr(args.out)
    digits(args.out)
    for name in sorted(os.listdir(args.out)):
        print(f"{name}\t{os.path.getsize(os.path.join(args.out, name))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
