import { withServices } from '../open-services.js';
import { formatKeyTable } from '../keys/format.js';
import { parseExpires, parseScopes } from '../keys/parse-options.js';

export interface CreateFlags {
  name?: string;
  scopes?: string;
  expires?: string;
  json?: boolean;
}

export async function createKey(flags: CreateFlags): Promise<void> {
  const { key, view } = await withServices(process.env, async (services) =>
    services.keys.create({
      accountId: await services.accounts.defaultAccountId(),
      ...(flags.name !== undefined && { name: flags.name }),
      ...(flags.scopes !== undefined && { scopes: parseScopes(flags.scopes) }),
      ...(flags.expires !== undefined && { expiresAt: parseExpires(flags.expires) }),
    }),
  );
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ key, ...view }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${key}\n`);
  process.stderr.write(
    `Created ${view.prefix} (${view.name}; ${view.scopes.join(', ')}; expires ${view.expiresAt ?? 'never'}).\n` +
      'Save this key now: it will not be shown again.\n',
  );
}

export async function listKeys(flags: { json?: boolean }): Promise<void> {
  const list = await withServices(process.env, async (services) => services.keys.list(await services.accounts.defaultAccountId()));
  process.stdout.write(flags.json ? `${JSON.stringify(list, null, 2)}\n` : `${formatKeyTable(list)}\n`);
}

export async function revokeKey(prefix: string): Promise<void> {
  const view = await withServices(process.env, async (services) => services.keys.revoke(await services.accounts.defaultAccountId(), prefix));
  process.stdout.write(`Revoked ${view.prefix} (${view.name}).\n`);
}
