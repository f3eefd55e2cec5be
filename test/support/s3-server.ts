import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types; the three calls used here are its README's.
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks every request's signature against them. */
export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;

export interface S3Server {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  /** What a pipewright process needs to reach `bucket` on this server (`PIPEWRIGHT_ARTIFACTS_URL` aside). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** An S3-compatible server on loopback (s3rver, pure JS, objects in a temporary folder) with `buckets` created. */
export async function startS3Server(buckets: string[]): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'pw-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    env: { ...S3_CREDENTIALS, AWS_ENDPOINT_URL_S3: endpoint, AWS_REGION: 'us-east-1' },
    stop: () => (stopped ??= (server.close() as Promise<void>).finally(() => rm(directory, { recursive: true, force: true }))),
  };
}
