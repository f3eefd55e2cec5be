import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { PipewrightError } from '../../errors/index.js';

const CONNECT_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 60_000;

/**
 * The S3 client's settings from the standard AWS variables of the environment pipewright was given
 * (https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html): `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`), `AWS_REGION`, `AWS_ENDPOINT_URL_S3` or
 * `AWS_ENDPOINT_URL`. What is not set is left to the SDK's own chain (shared config and
 * credentials files, instance and container roles).
 */
export function s3ClientConfig(env: NodeJS.ProcessEnv): S3ClientConfig {
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL_S3) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new PipewrightError(
      'invalid_field',
      `AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL must be an http(s) URL such as http://127.0.0.1:9000, got "${endpoint}"`,
      {
        details: { field: 'AWS_ENDPOINT_URL_S3' },
      },
    );
  }
  // An S3-compatible server (MinIO, Ceph, R2, …) rarely cares about the region, but the SDK needs one to sign.
  const region = nonEmpty(env.AWS_REGION) ?? (endpoint === undefined ? undefined : 'us-east-1');
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
  return {
    // A bucket that does not answer fails the call instead of holding it: the SDK's default is no limit.
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, socketTimeout: IDLE_TIMEOUT_MS },
    ...(region !== undefined && { region }),
    ...(endpoint !== undefined && {
      endpoint,
      // Path-style (`endpoint/bucket/key`): S3-compatible servers answer it, and the bucket name need not resolve in DNS.
      forcePathStyle: true,
      // Checksums only where an operation requires one: the SDK's default CRC32 headers are refused
      // by several S3-compatible servers (https://docs.aws.amazon.com/sdkref/latest/guide/feature-dataintegrity.html).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    ...(accessKeyId !== undefined &&
      secretAccessKey !== undefined && { credentials: { accessKeyId, secretAccessKey, ...(sessionToken !== undefined && { sessionToken }) } }),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
