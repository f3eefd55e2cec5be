import { PipewrightError } from '../errors/index.js';

/**
 * A target the policy does not allow (docs/security.md). The message names the setting that would
 * allow it, because the person reading it is usually the operator who can change it.
 */
export function forbiddenTarget(host: string, address: string, range: string): PipewrightError {
  const what = host === address ? `${host} is a ${range} address` : `${host} resolves to ${address}, a ${range} address`;
  return new PipewrightError(
    'forbidden_target',
    `Refusing to fetch from ${host}: ${what}. The operator can allow it with PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1 ` +
      `or by adding ${host === address ? `${host} (or a CIDR containing it)` : host} to PIPEWRIGHT_ALLOW_HOSTS.`,
    { details: { host, address, range } },
  );
}
