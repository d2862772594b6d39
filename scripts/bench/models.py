#!/usr/bin/env python3
"""Prepare the benchmark models and inputs in a cache directory.

- PP-OCR cls/det/rec: the ONNX files that PyPI's rapidocr-onnxruntime ships.
- digits MLP: scikit-learn's MLPClassifier trained on the bundled digits data set, exported
  with skl2onnx.
- silero-vad: the streaming voice-activity detector PyPI's silero-vad ships (installed without
  its torch dependency; only the ONNX file is used): an `If` on the `sr: i64[]` sample-rate
  input, LSTM state carried in `state: f32[2, 1, 128]` and out as `stateN`. Its input is a
  512-sample frame at 16 kHz with the state left by four earlier frames of a synthetic
  voiced signal, so the state matters.
- classical models (the ONNX-ML domain): scikit-learn pipelines, tree ensembles and SVMs
  (skl2onnx), XGBoost and LightGBM ensembles (onnxmltools), trained on seeded synthetic data.
  Each takes `input: f32[rows, 16]` (i64 for the one-hot pipeline); `NAME.json` holds one row,
  `NAME.batch.json` 64 rows for the agreement check.

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
    # NaN (a missing feature) is JSON null in Sibyl's tensor format.
    data = ([None if np.isnan(v) else float(v) for v in array.reshape(-1)] if dtype.startswith("f")
            else [int(v) for v in array.reshape(-1)])
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
    # which the engine implements (primitives/engine/src/ml).
    with open(os.path.join(out, "digits_mlp.onnx"), "wb") as f:
        f.write(onnx.SerializeToString())
    write_input(os.path.join(out, "digits_mlp.json"), "input", x[1500:1501])
    accuracy = model.score(x[1500:], y[1500:])
    print(f"digits MLP: held-out accuracy {accuracy:.3f}", file=sys.stderr)


def silero(out):
    import importlib.util

    import onnxruntime as ort

    spec = importlib.util.find_spec("silero_vad")  # not imported: it would need torch
    src = os.path.join(spec.submodule_search_locations[0], "data", "silero_vad.onnx")
    model = os.path.join(out, "silero_vad.onnx")
    shutil.copyfile(src, model)
    rng = np.random.default_rng(20261204)
    t = np.arange(512 * 5) / 16000.0
    # A voiced-like signal: a 140 Hz fundamental with harmonics, amplitude-modulated, plus noise.
    voice = sum(np.sin(2 * np.pi * 140 * k * t) / k for k in range(1, 6))
    audio = (0.3 * voice * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t)) + rng.normal(0, 0.02, t.size))
    frames = audio.astype(np.float32).reshape(5, 1, 512)
    session = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    state = np.zeros((2, 1, 128), dtype=np.float32)
    sr = np.array(16000, dtype=np.int64)
    for frame in frames[:4]:
        _, state = session.run(None, {"input": frame, "state": state, "sr": sr})
    with open(os.path.join(out, "silero_vad.json"), "w") as f:
        json.dump({"inputs": [tensor_json("input", frames[4]), tensor_json("state", state),
                              tensor_json("sr", sr)]}, f)


def classical(out):
    """The models dApps bring: scalers, linear models, tree ensembles and SVMs."""
    import warnings

    warnings.filterwarnings("ignore")
    import lightgbm
    import onnxmltools
    import xgboost
    from onnxmltools.convert.common.data_types import FloatTensorType as MlFloat
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType, Int64TensorType
    from sklearn.datasets import make_classification, make_regression
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier, RandomForestRegressor
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import Binarizer, MinMaxScaler, Normalizer, OneHotEncoder, StandardScaler
    from sklearn.svm import SVC, SVR

    x3, y3 = make_classification(n_samples=2000, n_features=16, n_informative=8, n_classes=3, random_state=0)
    x2, y2 = make_classification(n_samples=2000, n_features=16, random_state=1)
    xr, yr = make_regression(n_samples=2000, n_features=16, noise=0.1, random_state=0)
    x3, x2, xr = (a.astype(np.float32) for a in (x3, x2, xr))
    rng = np.random.default_rng(20261203)
    xi = rng.integers(0, 5, size=(2000, 4)).astype(np.int64)
    yi = (xi.sum(1) > 8).astype(np.int64)
    # Held-out rows (never trained on) as inputs; some features missing for the imputer. The
    # chain refuses NaN in inputs (their bits are not portable), so missing is a finite sentinel.
    missing = -999.0
    xr_missing = xr[1936:].copy()
    xr_missing[::3, 5] = missing
    opset = {"": 17, "ai.onnx.ml": 3}
    rows = [("input", FloatTensorType([None, 16]))]
    no_zipmap = {"zipmap": False}

    def skl(model, last=None, types=rows):
        options = {id(last or model): no_zipmap} if hasattr(last or model, "classes_") else None
        return convert_sklearn(model, initial_types=types, options=options, target_opset=opset)

    ml_rows = [("input", MlFloat([None, 16]))]
    models = {}
    p = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)).fit(x3[:1800], y3[:1800])
    models["scaler_logreg"] = (skl(p, p.steps[-1][1]), x3[1936:])
    g = GradientBoostingClassifier(n_estimators=100, max_depth=6, random_state=0).fit(x2[:1000], y2[:1000])
    models["sk_gbt"] = (skl(g), x2[1936:])
    f = RandomForestClassifier(n_estimators=30, max_depth=8, random_state=0).fit(x2[:1800], y2[:1800])
    models["sk_forest_cls"] = (skl(f), x2[1936:])
    r = RandomForestRegressor(n_estimators=50, max_depth=8, random_state=0).fit(xr[:1800], yr[:1800])
    models["sk_forest_reg"] = (skl(r), xr[1936:])
    s = make_pipeline(MinMaxScaler(), SVC(kernel="rbf")).fit(x3[:500], y3[:500])
    models["sk_svc"] = (skl(s, s.steps[-1][1]), x3[1936:])
    v = SVR().fit(xr[:500], yr[:500])
    models["sk_svr"] = (skl(v), xr[1936:])
    b = make_pipeline(SimpleImputer(missing_values=missing), Binarizer(threshold=0.0), Normalizer(), Ridge()).fit(xr[:1800], yr[:1800])
    models["sk_impute_ridge"] = (skl(b), xr_missing)
    o = make_pipeline(OneHotEncoder(handle_unknown="ignore"), LogisticRegression()).fit(xi[:1800], yi[:1800])
    models["sk_onehot"] = (skl(o, o.steps[-1][1], [("input", Int64TensorType([None, 4]))]), xi[1936:])
    xgr = xgboost.XGBRegressor(n_estimators=100, max_depth=6, random_state=0).fit(xr[:1800], yr[:1800])
    models["xgb_reg"] = (onnxmltools.convert_xgboost(xgr, initial_types=ml_rows, target_opset=15), xr[1936:])
    xgc = xgboost.XGBClassifier(n_estimators=100, max_depth=6, random_state=0).fit(x3[:1800], y3[:1800])
    models["xgb_cls"] = (onnxmltools.convert_xgboost(xgc, initial_types=ml_rows, target_opset=15), x3[1936:])
    lgc = lightgbm.LGBMClassifier(n_estimators=100, max_depth=6, random_state=0, verbose=-1).fit(x2[:1800], y2[:1800])
    lgbm_bin = onnxmltools.convert_lightgbm(lgc, initial_types=ml_rows, target_opset=15, zipmap=False)
    models["lgbm_bin"] = (lgbm_bin, x2[1936:])
    lgr = lightgbm.LGBMRegressor(n_estimators=100, max_depth=6, random_state=0, verbose=-1).fit(xr[:1800], yr[:1800])
    models["lgbm_reg"] = (onnxmltools.convert_lightgbm(lgr, initial_types=ml_rows, target_opset=15), xr[1936:])
    for name, (onnx, held_out) in models.items():
        with open(os.path.join(out, name + ".onnx"), "wb") as f:
            f.write(onnx.SerializeToString())
        write_input(os.path.join(out, name + ".json"), "input", held_out[:1])
        write_input(os.path.join(out, name + ".batch.json"), "input", held_out)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", help="cache directory for models and inputs")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    ppocr(args.out)
    digits(args.out)
    silero(args.out)
    classical(args.out)
    for name in sorted(os.listdir(args.out)):
        print(f"{name}\t{os.path.getsize(os.path.join(args.out, name))} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
