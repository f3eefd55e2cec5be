import { randomBytes } from 'node:crypto';
import { PipewrightError } from '../../errors/index.js';
import type { ArtifactStore } from '../../artifacts/index.js';
import type { Store } from '../../store/index.js';
import type { ArtifactLinkService } from '../contracts.js';
import { signatureMatches, signatureOf } from './signature.js';

export interface ArtifactLinkDeps {
  store: Pick<Store, 'secrets'>;
  artifacts: Pick<ArtifactStore, 'get'>;
  now: () => Date;
  /** How long a signed URL opens its file. */
  ttlSeconds: number;
}

const SECRET_NAME = 'artifact_url_signing';
const EXP = /^[0-9]{1,12}$/;
/**
 * Expiries are rounded up to a whole step — a tenth of the lifetime, at most an hour — so polls
 * within one step hand out the same URL (a client comparing answers, or a browser cache, sees one
 * file), and no URL lives more than a tenth longer than the operator asked.
 */
const MAX_STEP_SECONDS = 3600;

/**
 * Signed artifact URLs: HMAC-SHA256 of id and expiry with a secret created once in the store and
 * shared by every process on it. The secret never leaves this closure: not logged, not returned.
 */
export function createArtifactLinkService(deps: ArtifactLinkDeps): ArtifactLinkService {
  if (!Number.isInteger(deps.ttlSeconds) || deps.ttlSeconds <= 0) {
    throw new PipewrightError('invalid_config', `The artifact URL lifetime must be a positive whole number of seconds, got ${deps.ttlSeconds}`);
  }
  let secret: Promise<Buffer> | undefined;
  const key = () =>
    (secret ??= deps.store.secrets.getOrCreate(SECRET_NAME, randomBytes(32).toString('base64url')).then(
      (value) => Buffer.from(value, 'base64url'),
      (error: unknown) => {
        // A store that was busy must not leave every later request failing.
        secret = undefined;
        throw error;
      },
    ));
  const nowSeconds = () => Math.floor(deps.now().getTime() / 1000);
  return {
    async sign(id) {
      const step = Math.min(Math.ceil(deps.ttlSeconds / 10), MAX_STEP_SECONDS);
      const exp = Math.ceil((nowSeconds() + deps.ttlSeconds) / step) * step;
      return { exp, sig: signatureOf(await key(), id, exp) };
    },
    async readSigned(id, { exp, sig }) {
      if (exp === undefined || sig === undefined || !EXP.test(exp) || !signatureMatches(await key(), id, Number(exp), sig)) {
        throw new PipewrightError('invalid_signature', 'This artifact URL is not signed by this server: use the URL the execution gave, or send an API key');
      }
      if (Number(exp) <= nowSeconds()) {
        throw new PipewrightError(
          'expired_signature',
          `This artifact URL expired at ${new Date(Number(exp) * 1000).toISOString()}: poll the execution again for a fresh one, or send an API key`,
        );
      }
      const stored = await deps.artifacts.get(id);
      if (stored === undefined) throw new PipewrightError('not_found', `No artifact ${id}`);
      return { bytes: stored.bytes, contentType: stored.contentType };
    },
  };
}
