"""Counts the multiply-accumulates of an ONNX model by running it, independently of the engine.

Usage: python opcount.py MODEL.onnx INPUT.json
INPUT.json is the `sibyl-node model run --input` format. The model runs once in onnxruntime with
the inputs and outputs of every Conv, ConvTranspose, MatMul and Gemm node exposed, and the
multiply-accumulates are counted from the shapes those tensors actually had (shape inference
alone cannot follow PP-OCR rec's dynamic reshapes). Those operators hold nearly all the work of
the models the project runs. Prints one JSON object: {"macs": N, "by_op": {...}}.
"""
import json
import sys

import numpy as np
import onnx
import onnxruntime as ort

COUNTED = ("Conv", "ConvTranspose", "MatMul", "Gemm")


def main():
    model = onnx.load(sys.argv[1])
    given = json.load(open(sys.argv[2]))["inputs"]
    weights = {init.name: list(init.dims) for init in model.graph.initializer}
    exposed = {o.name for o in model.graph.output}
    for node in model.graph.node:
        if node.op_type in COUNTED:
            for name in list(node.input[:2]) + [node.output[0]]:
                if name and name not in weights and name not in exposed:
                    model.graph.output.append(onnx.ValueInfoProto(name=name))
                    exposed.add(name)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(model.SerializeToString(), options,
                                   providers=["CPUExecutionProvider"])
    feeds = {t["name"]: np.array(t["data"], dtype=np.float32).reshape(t["shape"]) for t in given}
    names = [o.name for o in session.get_outputs()]
    shapes = dict(weights)
    shapes.update({n: list(v.shape) for n, v in zip(names, session.run(names, feeds))})

    def prod(xs):
        out = 1
        for x in xs:
            out *= int(x)
        return out

    by_op = {}
    for node in model.graph.node:
        if node.op_type not in COUNTED:
            continue
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        out = shapes[node.output[0]]
        if node.op_type == "Conv":
            w = shapes[node.input[1]]  # [Cout, Cin/group, k...]
            macs = prod(out) * prod(w[1:])
        elif node.op_type == "ConvTranspose":
            w = shapes[node.input[1]]  # [Cin, Cout/group, k...]
            macs = prod(shapes[node.input[0]]) * prod(w[1:])
        elif node.op_type == "MatMul":
            macs = prod(out) * shapes[node.input[0]][-1]
        else:
            a = shapes[node.input[0]]
            macs = prod(out) * (a[0] if attrs.get("transA", 0) else a[-1])
        by_op[node.op_type] = by_op.get(node.op_type, 0) + macs
    print(json.dumps({"macs": sum(by_op.values()), "by_op": by_op}))


if __name__ == "__main__":
    main()
