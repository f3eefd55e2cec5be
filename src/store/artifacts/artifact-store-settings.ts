import { join, resolve } from 'node:path';
import { PipewrightError } from '../../errors/index.js';

/** A bucket and the key prefix artifacts go under (`''`, or ending in `/`). */
export interface S3Location {
  bucket: string;
  prefix: string;
}

/** Where run outputs' bytes go: a folder on this machine, or an S3-compatible bucket shared by many. */
export type ArtifactStoreSettings = { kind: 'folder'; dir: string } | { kind: 's3'; location: S3Location };

/** AWS's rule for new bucket names, which S3-compatible servers follow too. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[A-Za-z0-9!_.*'()-]+$/;

/**
 * The artifact store an operator chose (docs/deployment.md): `PIPEWRIGHT_ARTIFACTS_URL`
 * (`s3://bucket/prefix`, also the `--artifacts-url` flag) for a bucket, else
 * `PIPEWRIGHT_ARTIFACTS_DIR`, else `<home>/artifacts`. Both at once is refused: one of them would
 * be silently ignored.
 */
export function artifactStoreSettingsFromEnv(env: NodeJS.ProcessEnv, home: string): ArtifactStoreSettings {
  const url = nonEmpty(env.PIPEWRIGHT_ARTIFACTS_URL);
  const dir = nonEmpty(env.PIPEWRIGHT_ARTIFACTS_DIR);
  if (url !== undefined && dir !== undefined) {
    throw new PipewrightError('invalid_field', 'Set PIPEWRIGHT_ARTIFACTS_URL (a bucket) or PIPEWRIGHT_ARTIFACTS_DIR (a folder), not both', {
      details: { field: 'PIPEWRIGHT_ARTIFACTS_URL' },
    });
  }
  if (url !== undefined) return { kind: 's3', location: s3Location(url) };
  return { kind: 'folder', dir: dir === undefined ? join(home, 'artifacts') : resolve(dir) };
}

/** `s3://bucket/some/prefix` → bucket and `some/prefix/`; anything else is refused with the form expected. */
export function s3Location(raw: string): S3Location {
  const match = /^s3:\/\/([^/?#]+)((?:\/[^?#]*)?)$/.exec(raw);
  const bucket = match?.[1];
  const segments = (match?.[2] ?? '').split('/').filter((segment) => segment !== '');
  if (bucket === undefined || !BUCKET.test(bucket) || !segments.every((segment) => PREFIX_SEGMENT.test(segment) && !/^\.\.?$/.test(segment))) {
    throw new PipewrightError(
      'invalid_field',
      `PIPEWRIGHT_ARTIFACTS_URL must be s3://bucket or s3://bucket/prefix (a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens; a prefix of letters, digits and !_.*'()-, no . or .. parts), got "${raw}"`,
      { details: { field: 'PIPEWRIGHT_ARTIFACTS_URL' } },
    );
  }
  return { bucket, prefix: segments.map((segment) => `${segment}/`).join('') };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
