#!/usr/bin/env python3
"""Writes the engine's conformance cases, one directory each, for `examples/conformance.rs`.

Two sources, both generated here from PyPI packages (nothing committed):

* `onnx` — the ONNX backend node test suite (`onnx.backend.test.case.node`): every case the
  installed `onnx` package generates, with its expected outputs, compared at the suite's own
  tolerance (rtol 1e-3, atol 1e-7).
* `ml` — differential cases for the ONNX-ML operators the engine implements: seeded random
  attributes and inputs for each operator (kernels, class counts, post transforms, aggregate
  functions, mixed-sign weights, missing values...), the expected outputs computed by
  onnxruntime, compared within 1e-4 and labels exactly.

A case whose tensors the chain cannot carry (strings, float16, sequences...) is written as
`n/a`. Usage: cases.py OUT [--only onnx|ml] [--seed N].
"""
import argparse
import json
import os
import shutil
import sys
import warnings

import numpy as np
import onnx
from onnx import TensorProto as T
from onnx import helper as h

DTYPES = {
    np.dtype(np.float32): "f32", np.dtype(np.float64): "f64", np.dtype(np.int64): "i64",
    np.dtype(np.int32): "i32", np.dtype(np.int8): "i8", np.dtype(np.uint8): "u8", np.dtype(np.bool_): "bool",
}


def write_case(out, name, op, model, inputs, outputs, rtol, atol):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    case = {"op": op, "rtol": rtol, "atol": atol}
    specs = {"inputs": [], "outputs": []}
    for key, tensors in (("inputs", inputs), ("outputs", outputs)):
        for i, t in enumerate(tensors):
            if not isinstance(t, np.ndarray) or t.dtype not in DTYPES or t.ndim > 8:
                case["na"] = True
                break
            f = f"{key}_{i}.bin"
            np.ascontiguousarray(t).astype(t.dtype.newbyteorder("<")).tofile(os.path.join(d, f))
            specs[key].append({"dtype": DTYPES[t.dtype], "shape": list(t.shape), "file": f})
    case.update(specs)
    with open(os.path.join(d, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString() if hasattr(model, "SerializeToString") else model)
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f)


def onnx_suite(out):
    from onnx.backend.test.case.node import collect_testcases
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cases = collect_testcases(None)
    n = 0
    for case in cases:
        nodes = case.model.graph.node
        ops = sorted({node.op_type for node in nodes})
        op = ops[0] if len(ops) == 1 else "(function expansions and composites)"
        for k, data in enumerate(case.data_sets):
            inputs, outputs = data
            write_case(out, f"onnx.{case.name}.{k}", op, case.model, list(inputs), list(outputs), case.rtol, case.atol)
            n += 1
    return n


# --- ONNX-ML differential cases --------------------------------------------------------------

ML = "ai.onnx.ml"
POSTS = ["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO", "PROBIT"]


def model_of(nodes, inputs, outputs, ml_opset=3):
    g = h.make_graph(nodes, "case", inputs, outputs)
    m = h.make_model(g, opset_imports=[h.make_opsetid("", 17), h.make_opsetid(ML, ml_opset)])
    m.ir_version = 8
    return m


def vi(name, elem, shape):
    return h.make_tensor_value_info(name, elem, shape)


def random_forest(rng, features, trees, depth, targets, binary_single_class=False, positive=False):
    """Full trees of random depth; random modes; leaves with weights for random targets."""
    a = {k: [] for k in ["treeids", "nodeids", "featureids", "values", "modes", "truenodeids", "falsenodeids"]}
    w = {"treeids": [], "nodeids": [], "ids": [], "weights": []}
    modes = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"]
    for t in range(trees):
        next_id = [0]

        def build(level):
            nid = next_id[0]
            next_id[0] += 1
            a["treeids"].append(t)
            a["nodeids"].append(nid)
            index = len(a["nodeids"]) - 1
            if level >= depth or (level > 0 and rng.random() < 0.2):
                a["featureids"].append(0)
                a["values"].append(0.0)
                a["modes"].append("LEAF")
                a["truenodeids"].append(0)
                a["falsenodeids"].append(0)
                for _ in range(1 if binary_single_class else int(rng.integers(1, targets + 1))):
                    w["treeids"].append(t)
                    w["nodeids"].append(nid)
                    w["ids"].append(1 if binary_single_class else int(rng.integers(0, targets)))
                    v = float(np.float32(rng.normal()))
                    w["weights"].append(abs(v) / 4 if positive else v)
                return nid
            a["featureids"].append(int(rng.integers(0, features)))
            a["values"].append(float(np.float32(np.round(rng.normal(), 1))))
            a["modes"].append(modes[int(rng.integers(0, len(modes)))] if rng.random() < 0.5 else "BRANCH_LEQ")
            a["truenodeids"].append(0)
            a["falsenodeids"].append(0)
            left = build(level + 1)
            right = build(level + 1)
            a["truenodeids"][index] = left
            a["falsenodeids"][index] = right
            return nid

        build(0)
    return a, w


def rows(rng, n, f, ints=False):
    x = np.round(rng.normal(size=(n, f)), 1).astype(np.float32)
    return x


def tree_classifier(rng, i):
    f = int(rng.integers(1, 6))
    binary = i % 3 == 0
    classes = 2 if binary else int(rng.integers(2, 5))
    positive = i % 4 == 1
    a, w = random_forest(rng, f, int(rng.integers(1, 6)), int(rng.integers(1, 5)), classes, binary, positive)
    attrs = {"nodes_" + k: v for k, v in a.items()}
    attrs.update({"class_" + k: v for k, v in w.items()})
    attrs["classlabels_int64s"] = list(range(10, 10 + classes)) if i % 5 == 2 else list(range(classes))
    attrs["post_transform"] = POSTS[i % 5]
    if i % 4 == 3:
        attrs["base_values"] = [float(np.float32(v)) for v in rng.normal(size=1 if binary and i % 8 == 3 else classes)]
    node = h.make_node("TreeEnsembleClassifier", ["X"], ["Y", "Z"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.INT64, [None]), vi("Z", T.FLOAT, [None, classes])])
    return m, [rows(rng, 16, f)]


def tree_regressor(rng, i):
    f = int(rng.integers(1, 6))
    targets = int(rng.integers(1, 4))
    a, w = random_forest(rng, f, int(rng.integers(1, 6)), int(rng.integers(1, 5)), targets)
    attrs = {"nodes_" + k: v for k, v in a.items()}
    attrs.update({"target_" + k: v for k, v in w.items()})
    attrs["n_targets"] = targets
    attrs["aggregate_function"] = ["SUM", "AVERAGE", "MIN", "MAX"][i % 4]
    attrs["post_transform"] = ["NONE", "NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO"][i % 5] if targets > 1 else ["NONE", "LOGISTIC"][i % 2]
    if i % 3 == 1:
        attrs["base_values"] = [float(np.float32(v)) for v in rng.normal(size=targets)]
    node = h.make_node("TreeEnsembleRegressor", ["X"], ["Y"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, targets])])
    return m, [rows(rng, 16, f)]


def tree_ensemble(rng, i):
    """The opset-5 TreeEnsemble: interior nodes and leaves in separate arrays, tensor thresholds,
    set-membership splits, integer aggregate and post transform."""
    f = int(rng.integers(1, 6))
    targets = int(rng.integers(1, 4))
    depth = int(rng.integers(1, 5))
    nodes = {k: [] for k in ["featureids", "splits", "modes", "truenodeids", "trueleafs", "falsenodeids", "falseleafs", "missing"]}
    members = []
    leaves = {"targetids": [], "weights": []}

    def build(level):
        if level >= depth or (level > 0 and rng.random() < 0.2):
            leaves["targetids"].append(int(rng.integers(0, targets)))
            leaves["weights"].append(float(np.float32(rng.normal())))
            return len(leaves["weights"]) - 1, 1
        ix = len(nodes["modes"])
        # BRANCH_MEMBER (6, integer members as onnxruntime requires) in every tenth case: refused.
        mode = 6 if i % 10 == 9 and rng.random() < 0.2 else int(rng.integers(0, 6)) if rng.random() < 0.6 else 0
        nodes["featureids"].append(int(rng.integers(0, f)))
        nodes["splits"].append(float(np.float32(np.round(rng.normal(), 1))))
        nodes["modes"].append(mode)
        nodes["missing"].append(int(rng.integers(0, 2)))
        members.append([float(rng.integers(-2, 3)) for _ in range(int(rng.integers(1, 4)))] if mode == 6 else [])
        for k in ["truenodeids", "trueleafs", "falsenodeids", "falseleafs"]:
            nodes[k].append(0)
        t, tl = build(level + 1)
        e, el = build(level + 1)
        nodes["truenodeids"][ix], nodes["trueleafs"][ix] = t, tl
        nodes["falsenodeids"][ix], nodes["falseleafs"][ix] = e, el
        return ix, 0

    roots = [build(0)[0] for _ in range(int(rng.integers(1, 6)))]
    attrs = {
        "nodes_featureids": nodes["featureids"],
        "nodes_splits": h.make_tensor("nodes_splits", T.FLOAT, [len(nodes["splits"])], nodes["splits"]),
        "nodes_modes": h.make_tensor("nodes_modes", T.UINT8, [len(nodes["modes"])], nodes["modes"]),
        "nodes_truenodeids": nodes["truenodeids"], "nodes_trueleafs": nodes["trueleafs"],
        "nodes_falsenodeids": nodes["falsenodeids"], "nodes_falseleafs": nodes["falseleafs"],
        "leaf_targetids": leaves["targetids"],
        "leaf_weights": h.make_tensor("leaf_weights", T.FLOAT, [len(leaves["weights"])], leaves["weights"]),
        "tree_roots": roots,
        "n_targets": targets,
        "aggregate_function": i % 4,
        # 1 and 2 (read swapped by onnxruntime) now and then: refused.
        "post_transform": [0, 0, 3, 0, 1, 3][i % 6] if targets > 1 else [0, 0, 0, 2, 4][i % 5],
    }
    if i % 3 == 2:
        attrs["nodes_missing_value_tracks_true"] = nodes["missing"]
    flat = [v for m in members if m for v in m + [float("nan")]]
    if flat:
        attrs["membership_values"] = h.make_tensor("membership_values", T.FLOAT, [len(flat)], flat)
    node = h.make_node("TreeEnsemble", ["X"], ["Y"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, targets])], 5)
    return m, [rows(rng, 16, f)]


def svm_classifier(rng, i):
    f = int(rng.integers(1, 5))
    classes = [2, 2, 3, 4][i % 4]
    kernel = ["LINEAR", "POLY", "RBF", "SIGMOID"][(i // 4) % 4]
    linear_mode = i % 7 == 6
    attrs = {"classlabels_ints": list(range(classes)), "post_transform": ["NONE", "LOGISTIC", "SOFTMAX", "SOFTMAX_ZERO"][i % 3 + (i // 12) % 2]}
    if linear_mode:
        attrs["coefficients"] = [float(np.float32(v)) for v in rng.normal(size=classes * f)]
        attrs["rho"] = [float(np.float32(rng.normal()))]
        attrs["kernel_type"] = "LINEAR"
        attrs["kernel_params"] = [0.3, 0.5, 2.0]
        width = classes
    else:
        per = [int(rng.integers(1, 4)) for _ in range(classes)]
        v = sum(per)
        attrs["vectors_per_class"] = per
        attrs["support_vectors"] = [float(np.float32(x)) for x in rng.normal(size=v * f)]
        attrs["coefficients"] = [float(np.float32(x)) for x in rng.normal(size=(classes - 1) * v)]
        attrs["rho"] = [float(np.float32(x)) for x in rng.normal(size=classes * (classes - 1) // 2)]
        attrs["kernel_type"] = kernel
        attrs["kernel_params"] = [0.3, 0.5, float([2, 3, 2, 3][i % 4])]
        proba = i % 2 == 1
        if proba:
            pairs = classes * (classes - 1) // 2
            attrs["prob_a"] = [float(np.float32(-abs(x) - 0.5)) for x in rng.normal(size=pairs)]
            attrs["prob_b"] = [float(np.float32(x / 10)) for x in rng.normal(size=pairs)]
            width = classes
        else:
            width = 2 if classes == 2 else classes * (classes - 1) // 2
    node = h.make_node("SVMClassifier", ["X"], ["Y", "Z"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.INT64, [None]), vi("Z", T.FLOAT, [None, width])])
    return m, [rows(rng, 16, f)]


def svm_regressor(rng, i):
    f = int(rng.integers(1, 5))
    attrs = {"kernel_type": ["LINEAR", "POLY", "RBF", "SIGMOID"][i % 4], "kernel_params": [0.3, 0.5, float(2 + i % 2)],
             "rho": [float(np.float32(rng.normal()))], "one_class": int(i % 5 == 4)}
    if i % 6 == 5:
        attrs["kernel_type"] = "LINEAR"
        attrs["n_supports"] = 0
        attrs["coefficients"] = [float(np.float32(x)) for x in rng.normal(size=f)]
    else:
        v = int(rng.integers(1, 6))
        attrs["n_supports"] = v
        attrs["support_vectors"] = [float(np.float32(x)) for x in rng.normal(size=v * f)]
        attrs["coefficients"] = [float(np.float32(x)) for x in rng.normal(size=v)]
    node = h.make_node("SVMRegressor", ["X"], ["Y"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, 1])])
    return m, [rows(rng, 16, f)]


def linear_classifier(rng, i):
    f = int(rng.integers(1, 5))
    classes = [1, 2, 3, 4][i % 4]
    # One class means a binary classifier of its score (labels 0 and 1).
    labels = 2 if classes == 1 else classes
    attrs = {"coefficients": [float(np.float32(x)) for x in rng.normal(size=classes * f)],
             "intercepts": [float(np.float32(x)) for x in rng.normal(size=classes)],
             "classlabels_ints": list(range(labels)), "post_transform": POSTS[(i // 4) % 5],
             "multi_class": int(i % 3 == 2)}
    node = h.make_node("LinearClassifier", ["X"], ["Y", "Z"], domain=ML, **attrs)
    width = 2 if classes == 1 else classes
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.INT64, [None]), vi("Z", T.FLOAT, [None, width])], 1)
    return m, [rows(rng, 16, f)]


def linear_regressor(rng, i):
    f = int(rng.integers(1, 5))
    targets = [1, 1, 2, 3][i % 4]
    attrs = {"coefficients": [float(np.float32(x)) for x in rng.normal(size=targets * f)],
             "intercepts": [float(np.float32(x)) for x in rng.normal(size=targets)], "targets": targets,
             "post_transform": "NONE"}
    node = h.make_node("LinearRegressor", ["X"], ["Y"], domain=ML, **attrs)
    m = model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, targets])], 1)
    return m, [rows(rng, 16, f)]


def scaler(rng, i):
    f = int(rng.integers(1, 6))
    one = i % 3 == 0
    n = 1 if one else f
    attrs = {"offset": [float(np.float32(x)) for x in rng.normal(size=n)], "scale": [float(np.float32(x)) for x in rng.normal(size=n)]}
    elem, x = (T.FLOAT, rows(rng, 8, f)) if i % 4 else (T.INT64, rng.integers(-5, 5, size=(8, f)).astype(np.int64))
    node = h.make_node("Scaler", ["X"], ["Y"], domain=ML, **attrs)
    return model_of([node], [vi("X", elem, [None, f])], [vi("Y", T.FLOAT, [None, f])], 1), [x]


def normalizer(rng, i):
    f = int(rng.integers(1, 6))
    node = h.make_node("Normalizer", ["X"], ["Y"], domain=ML, norm=["MAX", "L1", "L2"][i % 3])
    x = rows(rng, 8, f) + 0.05
    return model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, f])], 1), [x]


def imputer(rng, i):
    f = int(rng.integers(1, 6))
    if i % 3 == 2:
        attrs = {"imputed_value_int64s": [int(v) for v in rng.integers(-3, 3, size=1 if i % 2 else f)], "replaced_value_int64": -1}
        x = rng.integers(-2, 3, size=(8, f)).astype(np.int64)
        node = h.make_node("Imputer", ["X"], ["Y"], domain=ML, **attrs)
        return model_of([node], [vi("X", T.INT64, [None, f])], [vi("Y", T.INT64, [None, f])], 1), [x]
    nan = i % 2 == 0
    attrs = {"imputed_value_floats": [float(np.float32(v)) for v in rng.normal(size=1 if i % 4 == 1 else f)],
             "replaced_value_float": float("nan") if nan else 0.5}
    x = rows(rng, 8, f)
    x[rng.random(size=x.shape) < 0.3] = np.nan if nan else 0.5
    node = h.make_node("Imputer", ["X"], ["Y"], domain=ML, **attrs)
    return model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, f])], 1), [x]


def binarizer(rng, i):
    f = int(rng.integers(1, 6))
    node = h.make_node("Binarizer", ["X"], ["Y"], domain=ML, threshold=float(np.float32(rng.normal())))
    return model_of([node], [vi("X", T.FLOAT, [None, f])], [vi("Y", T.FLOAT, [None, f])], 1), [rows(rng, 8, f)]


def one_hot(rng, i):
    cats = sorted({int(v) for v in rng.integers(0, 8, size=int(rng.integers(1, 6)))})
    x = rng.integers(0, 8 if i % 2 else max(cats) + 1, size=(6, 1)).astype(np.int64)
    if i % 2 == 0:
        x = np.array([[rng.choice(cats)] for _ in range(6)], dtype=np.int64)
    node = h.make_node("OneHotEncoder", ["X"], ["Y"], domain=ML, cats_int64s=cats, zeros=1)
    return model_of([node], [vi("X", T.INT64, [None, 1])], [vi("Y", T.FLOAT, [None, 1, len(cats)])], 1), [x]


def label_encoder(rng, i):
    keys = sorted({int(v) for v in rng.integers(-5, 6, size=5)})
    if i % 2:
        node = h.make_node("LabelEncoder", ["X"], ["Y"], domain=ML, keys_int64s=keys,
                           values_int64s=[int(v) for v in rng.integers(0, 100, size=len(keys))], default_int64=-7)
        out = T.INT64
    else:
        node = h.make_node("LabelEncoder", ["X"], ["Y"], domain=ML, keys_int64s=keys,
                           values_floats=[float(np.float32(v)) for v in rng.normal(size=len(keys))], default_float=-0.5)
        out = T.FLOAT
    x = rng.integers(-6, 7, size=(7,)).astype(np.int64)
    return model_of([node], [vi("X", T.INT64, [None])], [vi("Y", out, [None])], 2), [x]


def array_feature_extractor(rng, i):
    f = int(rng.integers(2, 6))
    idx = rng.integers(0, f, size=int(rng.integers(1, 4))).astype(np.int64)
    node = h.make_node("ArrayFeatureExtractor", ["X", "I"], ["Y"], domain=ML)
    m = model_of([node], [vi("X", T.FLOAT, [None, f]), vi("I", T.INT64, [None])], [vi("Y", T.FLOAT, [None, len(idx)])], 1)
    return m, [rows(rng, 5, f), idx]


def feature_vectorizer(rng, i):
    dims = [int(v) for v in rng.integers(1, 4, size=int(rng.integers(1, 4)))]
    node = h.make_node("FeatureVectorizer", [f"X{k}" for k in range(len(dims))], ["Y"], domain=ML, inputdimensions=dims)
    ins = [vi(f"X{k}", T.FLOAT, [None, d]) for k, d in enumerate(dims)]
    m = model_of([node], ins, [vi("Y", T.FLOAT, [None, sum(dims)])], 1)
    return m, [rows(rng, 4, d) for d in dims]


GENERATORS = {
    "TreeEnsembleClassifier": tree_classifier, "TreeEnsembleRegressor": tree_regressor,
    "TreeEnsemble": tree_ensemble,
    "SVMClassifier": svm_classifier, "SVMRegressor": svm_regressor,
    "LinearClassifier": linear_classifier, "LinearRegressor": linear_regressor,
    "Scaler": scaler, "Normalizer": normalizer, "Imputer": imputer, "Binarizer": binarizer,
    "OneHotEncoder": one_hot, "LabelEncoder": label_encoder,
    "ArrayFeatureExtractor": array_feature_extractor, "FeatureVectorizer": feature_vectorizer,
}


def ml_suite(out, seed, per_op):
    import onnxruntime as ort
    ort.set_default_logger_severity(3)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    n = 0
    for op, make in GENERATORS.items():
        rng = np.random.default_rng([seed, sum(map(ord, op))])
        for i in range(per_op):
            model, inputs = make(rng, i)
            onnx.checker.check_model(model)
            try:
                session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
                feeds = {s.name: x for s, x in zip(session.get_inputs(), inputs)}
                outputs = session.run(None, feeds)
            except Exception as error:  # onnxruntime refuses it: not a case to compare with
                print(f"ml.{op}.{i}: onnxruntime refuses: {str(error)[:160]}", file=sys.stderr)
                continue
            write_case(out, f"ml.{op}.{i:02d}", "ML " + op, model, inputs, [np.asarray(o) for o in outputs], 0.0, 1e-4)
            n += 1
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--only", choices=["onnx", "ml"])
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--per-op", type=int, default=40)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    if args.only != "ml":
        print(f"onnx node suite: {onnx_suite(args.out)} cases (onnx {onnx.__version__})", file=sys.stderr)
    if args.only != "onnx":
        print(f"ONNX-ML differential: {ml_suite(args.out, args.seed, args.per_op)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
