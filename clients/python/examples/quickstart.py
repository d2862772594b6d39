"""Call a model on a Sibyl chain: python quickstart.py [ws://127.0.0.1:9944] [0xMODEL_ID]"""
import sys

import numpy as np
from sibyl_client import connect

url = sys.argv[1] if len(sys.argv) > 1 else "ws://127.0.0.1:9944"
with connect(url) as sibyl:
    model = sibyl.model(sys.argv[2]) if len(sys.argv) > 2 else [m for m in sibyl.models() if m.status == "Available"][0]
    inputs = {spec.name: np.ones(spec.shape, spec.numpy_dtype) for spec in model.inputs}
    result = sibyl.infer(model.id, inputs, "//Bob")  # pays the quote, waits for settlement
    print(f"{model.name} v{model.version}: request {result.request_id} {result.outcome}")
    for name, array in result.outputs.items():
        print(name, array.dtype, array.shape, array.ravel()[:8])
