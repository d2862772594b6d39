// SIBYL_WS=ws://127.0.0.1:9944 SIBYL_MODEL=sibyl-demo node examples/quickstart.mjs  (the example model of scripts/demo.sh)
import { connect } from '@sibyl/client';

const sibyl = await connect(process.env.SIBYL_WS ?? 'ws://127.0.0.1:9944');
try {
  const model = { name: process.env.SIBYL_MODEL ?? 'sibyl-demo', version: Number(process.env.SIBYL_MODEL_VERSION ?? 1) };
  const x = [[-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75]]; // `sibyl-node model example`'s input, x: f32[1, 8]
  const { outputs, requestId, commitment } = await sibyl.infer(model, { x }, { signer: process.env.SIBYL_SURI ?? '//Alice' });
  for (const t of Object.values(outputs)) console.log(`${t.name}: ${t.dtype}[${t.shape}] = [${t.data.join(', ')}]`);
  console.log(`request ${requestId} verified, commitment ${commitment}`);
} finally {
  await sibyl.disconnect();
}
