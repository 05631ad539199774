// The runtime that generated modules and SDK users import: everything public is named here (the checks the
// validators are built from stay inside the package).
export { SCALAR_TYPES } from "./types.js";
export type {
  Codec,
  CodecOf,
  DateMode,
  DecodeOptions,
  DefaultCodec,
  FieldShape,
  Int64Mode,
  IssueCode,
  ResponseOf,
  ScalarType,
  StructShape,
  TopFile,
  TopRequest,
  ValidationIssue,
} from "./types.js";
export type { StructCheck } from "./validate/checks.js";
export {
  TopClient,
  DEFAULT_GATEWAY,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_FIRST_BYTE_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
} from "./client/client.js";
export { DEFAULT_RETRY, isReadMethod } from "./client/retry.js";
export type { RetryInfo, RetryOptions, RetryPolicy } from "./client/retry.js";
export type { ExecuteOptions, RawRequest, TopClientOptions } from "./client/client.js";
export { TopError, TopApiError, TopValidationError, TopDecodeError, TopTransportError } from "./errors.js";
export type { TransportErrorKind } from "./errors.js";
export { decodeResponse } from "./decode/decode.js";
export { toWireParams } from "./wire/params.js";
export type { WireParams } from "./wire/params.js";
export { responseKey, listItemKey } from "./names.js";
export { formatGmt8, parseGmt8 } from "./wire/timestamp.js";
export { sign, signContent } from "./wire/sign.js";
export type { SignMethod } from "./wire/sign.js";
export type { FetchLike } from "./wire/transport.js";
export {
  LosslessNumber,
  isLosslessNumber,
  parseLossless,
  stringifyLossless,
  parseJsonValue,
  toJsonValue,
} from "./json.js";
export type { JsonValue } from "./json.js";
export { Schema, schema } from "./schema.js";
export type { Decoder } from "./schema.js";
export { ApiRequest } from "./request.js";
