// @sibyl/client: the dApp client of a Sibyl chain (README.md).
//
//   import { connect } from '@sibyl/client';
//   const sibyl = await connect('ws://127.0.0.1:9944');
//   const { outputs } = await sibyl.infer({ name: 'my-model', version: 1 }, { x: new Float32Array(8) }, { signer: '//Alice' });
//   await sibyl.disconnect();

export {
  connect,
  isModelId,
  keyProof,
  keyProofPayload,
  ROLES,
  normalizeLevel,
  RequestWatch,
  rpc,
  Sibyl,
  signedExtensions,
  STATUSES,
} from './client.js';
export type {
  ConnectOptions,
  InferOptions,
  InferResult,
  Level,
  LevelInput,
  ModelInfo,
  ModelRef,
  Output,
  Quote,
  Receipt,
  RequestOptions,
  RequestStatus,
  RoleName,
  SendOptions,
  Settlement,
  SignerInput,
  Submitted,
  WaitOptions,
} from './client.js';
export {
  outcomeKind,
  SibylChainError,
  SibylError,
  SibylInputError,
  SibylNotFoundError,
  SibylOutcomeError,
  SibylRpcError,
  SibylTimeoutError,
  SibylTransactionError,
} from './errors.js';
export type { InputErrorReason, Outcome } from './errors.js';
export {
  decodeTensors,
  DTYPES,
  dtypeOf,
  dtypeSize,
  elementCount,
  encodeTensors,
  fromJson,
  hashTensors,
  inputTensors,
  plainData,
  tensorBytes,
  toChainTensor,
  toJson,
  toTensor,
  typedArrayDType,
} from './tensors.js';
export type {
  ChainDType,
  ChainTensor,
  DType,
  Inputs,
  NestedArray,
  Tensor,
  TensorInput,
  TensorJson,
  TensorSpec,
  TypedArray,
} from './tensors.js';
