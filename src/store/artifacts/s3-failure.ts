import { PipewrightError } from '../../errors/index.js';

/** What the SDK's errors carry: the service's error name and, once S3 answered, its HTTP status. */
interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken']);

/**
 * An S3 call's failure as a PipewrightError that says what to fix: `what` is the action
 * ("Could not store artifact art_…"), `where` the bucket URL. Access keys never appear in the
 * SDK's messages, so the reason is safe to print.
 */
export function s3Failure(error: unknown, code: 'artifact_store_unavailable' | 'artifact_write_failed', what: string, where: string): PipewrightError {
  const { reason, transient } = reasonOf(error as SdkError);
  return new PipewrightError(code, `${what} in ${where}: ${reason}`, { cause: error, transient });
}

function reasonOf(error: SdkError): { reason: string; transient: boolean } {
  const status = error.$metadata?.httpStatusCode;
  // A HEAD answer has no body, so the SDK can only name it after the status ('NotFound') or not at all ('Unknown').
  const name = error.name === 'Unknown' ? '' : (error.name ?? '');
  if (name === 'NoSuchBucket' || (status === 404 && name === 'NotFound')) {
    return { reason: 'the bucket does not exist (create it, or fix the name in PIPEWRIGHT_ARTIFACTS_URL)', transient: false };
  }
  if (status === 403 || DENIED.has(name)) {
    return {
      reason: `access denied (${name || status}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and that they may s3:ListBucket, s3:GetObject and s3:PutObject on it`,
      transient: false,
    };
  }
  if (status === 301 || name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') {
    return { reason: "the bucket is in another region: set AWS_REGION to the bucket's region", transient: false };
  }
  if (name === 'CredentialsProviderError') {
    return { reason: 'no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a profile or role the AWS SDK finds)', transient: false };
  }
  if (status === undefined && /region is missing/i.test(error.message ?? '')) {
    return { reason: 'no region: set AWS_REGION', transient: false };
  }
  if (status === undefined) return { reason: `could not reach the S3 endpoint (${error.message ?? name})`, transient: true };
  return { reason: `S3 answered ${status}${name ? ` ${name}` : ''}`, transient: status >= 500 };
}
