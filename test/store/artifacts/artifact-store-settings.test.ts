import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactStoreSettingsFromEnv, s3Location } from '../../../src/store/artifacts/artifact-store-settings.js';
import { s3ClientConfig } from '../../../src/store/artifacts/s3-client-config.js';

const HOME = '/srv/pw-home';

describe('choosing the artifact store from the environment', () => {
  it('is <home>/artifacts by default, PIPEWRIGHT_ARTIFACTS_DIR when set, a bucket with PIPEWRIGHT_ARTIFACTS_URL', () => {
    expect(artifactStoreSettingsFromEnv({}, HOME)).toEqual({ kind: 'folder', dir: join(HOME, 'artifacts') });
    expect(artifactStoreSettingsFromEnv({ PIPEWRIGHT_ARTIFACTS_URL: ' ', PIPEWRIGHT_ARTIFACTS_DIR: '' }, HOME)).toEqual({
      kind: 'folder',
      dir: join(HOME, 'artifacts'),
    });
    expect(artifactStoreSettingsFromEnv({ PIPEWRIGHT_ARTIFACTS_DIR: 'outputs' }, HOME)).toEqual({ kind: 'folder', dir: resolve('outputs') });
    expect(artifactStoreSettingsFromEnv({ PIPEWRIGHT_ARTIFACTS_URL: 's3://pw-files/prod' }, HOME)).toEqual({
      kind: 's3',
      location: { bucket: 'pw-files', prefix: 'prod/' },
    });
  });

  it('refuses both a bucket and a folder, since one would be ignored', () => {
    expect(() => artifactStoreSettingsFromEnv({ PIPEWRIGHT_ARTIFACTS_URL: 's3://pw-files', PIPEWRIGHT_ARTIFACTS_DIR: '/data' }, HOME)).toThrow(
      expect.objectContaining({ code: 'invalid_field', message: expect.stringMatching(/not both/) }),
    );
  });

  it('reads s3://bucket and s3://bucket/prefix, with or without slashes around the prefix', () => {
    expect(s3Location('s3://pw-files')).toEqual({ bucket: 'pw-files', prefix: '' });
    expect(s3Location('s3://pw-files/')).toEqual({ bucket: 'pw-files', prefix: '' });
    expect(s3Location('s3://pw.files.example/a/b/')).toEqual({ bucket: 'pw.files.example', prefix: 'a/b/' });
    expect(s3Location('s3://pw-files//a//b')).toEqual({ bucket: 'pw-files', prefix: 'a/b/' });
  });

  it('refuses what is not an s3:// URL of a valid bucket name and plain prefix, saying which form it takes', () => {
    for (const raw of [
      'https://pw-files.s3.amazonaws.com/prefix',
      's3:/pw-files',
      's3://',
      's3://PW-Files',
      's3://ab',
      's3://pw-files?versionId=1',
      's3://pw-files/a#b',
      's3://pw-files/../other',
      's3://pw-files/a b',
      's3://user:secret@pw-files/a',
    ]) {
      expect(() => s3Location(raw), raw).toThrow(
        expect.objectContaining({ code: 'invalid_field', message: expect.stringMatching(/^PIPEWRIGHT_ARTIFACTS_URL must be s3:\/\/bucket/) }),
      );
    }
  });
});

describe('the S3 client from the standard AWS variables', () => {
  it('leaves region, endpoint and credentials to the SDK when none is set', () => {
    const config = s3ClientConfig({});
    expect(config).not.toHaveProperty('region');
    expect(config).not.toHaveProperty('endpoint');
    expect(config).not.toHaveProperty('credentials');
    expect(config).not.toHaveProperty('forcePathStyle');
  });

  it('uses path-style requests, a default region and required-only checksums for an endpoint of its own', () => {
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9000' })).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      region: 'us-east-1',
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    // The S3-specific variable wins over the general one, as in the AWS SDKs.
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://a.example', AWS_ENDPOINT_URL_S3: 'https://b.example', AWS_REGION: 'auto' })).toMatchObject({
      endpoint: 'https://b.example',
      region: 'auto',
    });
  });

  it('takes the key pair (and a session token) only when both halves are set', () => {
    expect(s3ClientConfig({ AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's3cr3t', AWS_SESSION_TOKEN: 'tok' }).credentials).toEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 's3cr3t',
      sessionToken: 'tok',
    });
    expect(s3ClientConfig({ AWS_ACCESS_KEY_ID: 'AKIA1' })).not.toHaveProperty('credentials');
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => s3ClientConfig({ AWS_ENDPOINT_URL_S3: '127.0.0.1:9000' })).toThrow(expect.objectContaining({ code: 'invalid_field' }));
  });
});
