# Sourced by the scripts that need the real benchmark models: the Python environment that
# builds them (PyPI packages only), and the cache they go to. Run from the repository root.
venv="$HOME/.cache/sibyl/venv"
models="$HOME/.cache/sibyl/models"

# Installs (or updates) the pinned packages in the venv.
venv_install() {
	[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
	"$venv/bin/pip" install -q --disable-pip-version-check \
		"onnxruntime==1.32.*" "rapidocr-onnxruntime==1.4.*" "scikit-learn==1.9.*" "skl2onnx==1.20.*" \
		"onnxmltools==1.16.*" "xgboost==3.*" "lightgbm==4.*" "onnx==1.23.*" "numpy<3"
	# silero-vad's wheel carries its ONNX files; its torch dependency is not needed for them.
	"$venv/bin/pip" install -q --disable-pip-version-check --no-deps "silero-vad==6.2.*"
}

# Builds the models into the cache unless every one is there already.
ensure_models() {
	local m
	for m in digits_mlp silero_vad ppocr_cls ppocr_rec ppocr_det scaler_logreg sk_gbt sk_forest_cls \
		sk_forest_reg sk_svc sk_svr sk_impute_ridge sk_onehot xgb_cls xgb_reg lgbm_bin lgbm_reg; do
		if [ ! -f "$models/$m.onnx" ]; then
			venv_install
			"$venv/bin/python" scripts/bench/models.py "$models"
			return
		fi
	done
}
