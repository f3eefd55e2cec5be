import { describe, expect, it } from 'vitest';
import { s3Failure } from '../../../src/store/artifacts/s3-failure.js';

/** An error shaped as the AWS SDK throws it: the service's error name and, once S3 answered, the HTTP status. */
function sdkError(name: string, status?: number, message = name): Error {
  return Object.assign(new Error(message), { name, ...(status !== undefined && { $metadata: { httpStatusCode: status } }) });
}

const reason = (error: Error) => s3Failure(error, 'artifact_store_unavailable', 'Could not open the artifact store', 's3://b/p/');

describe('what an S3 failure tells the operator', () => {
  it('names the action, the bucket and the fix, keeping the SDK error as the cause', () => {
    const cause = sdkError('NoSuchBucket', 404);
    const error = reason(cause);
    expect(error).toMatchObject({ code: 'artifact_store_unavailable', transient: false, cause });
    expect(error.message).toBe(
      'Could not open the artifact store in s3://b/p/: the bucket does not exist (create it, or fix the name in PIPEWRIGHT_ARTIFACTS_URL)',
    );
  });

  it.each([
    ['a HEAD on a missing bucket', sdkError('NotFound', 404), /the bucket does not exist/, false],
    ['a refused key', sdkError('InvalidAccessKeyId', 403), /access denied \(InvalidAccessKeyId\): check AWS_ACCESS_KEY_ID/, false],
    ['a HEAD refused (no body, so no name)', sdkError('Unknown', 403), /access denied \(403\)/, false],
    ['an expired session token', sdkError('ExpiredToken', 400), /access denied \(ExpiredToken\)/, false],
    ['a bucket in another region', sdkError('PermanentRedirect', 301), /set AWS_REGION to the bucket's region/, false],
    ['no credentials anywhere', sdkError('CredentialsProviderError', undefined, 'Could not load credentials from any providers'), /no AWS credentials/, false],
    ['no region anywhere', sdkError('Error', undefined, 'Region is missing'), /no region: set AWS_REGION/, false],
    ['a refused connection', sdkError('Error', undefined, 'connect ECONNREFUSED 127.0.0.1:9'), /could not reach the S3 endpoint \(connect ECONNREFUSED/, true],
    ['a server error', sdkError('InternalError', 500), /S3 answered 500 InternalError/, true],
    ['a slow-down', sdkError('SlowDown', 503), /S3 answered 503 SlowDown/, true],
  ])('%s', (_, cause, message, transient) => {
    const error = reason(cause);
    expect(error.message).toMatch(message);
    expect(error.transient).toBe(transient);
  });

  it('takes the code its caller gives: a write that failed is artifact_write_failed', () => {
    expect(s3Failure(sdkError('InternalError', 500), 'artifact_write_failed', 'Could not store artifact art_1', 's3://b/').code).toBe('artifact_write_failed');
  });
});
