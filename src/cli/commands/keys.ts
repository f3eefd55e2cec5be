import type { Command } from 'commander';
import { withServices } from '../open-services.js';
import { formatKeyTable } from '../keys/format.js';
import { parseExpires, parseScopes } from '../keys/parse-options.js';

interface CreateFlags {
  name?: string;
  scopes?: string;
  expires?: string;
  json?: boolean;
}

/** `keys create|list|revoke` on the store under PIPEWRIGHT_HOME, for the default account. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Manage the API keys of the account under PIPEWRIGHT_HOME');

  keys
    .command('create')
    .description('Create an API key and print it once')
    .option('--name <name>', 'a label to recognise the key by')
    .option('--scopes <list>', 'comma-separated scopes (default: all but admin)')
    .option('--expires <when>', 'a span (90m, 12h, 30d, 2w) or an ISO date; default: never')
    .option('--json', 'print {key, prefix, name, scopes, …} as JSON')
    .action(async (flags: CreateFlags) => {
      const { key, view } = await withServices(process.env, async (services) =>
        services.keys.create({
          accountId: await services.accounts.defaultAccountId(),
          ...(flags.name !== undefined && { name: flags.name }),
          ...(flags.scopes !== undefined && { scopes: parseScopes(flags.scopes) }),
          ...(flags.expires !== undefined && { expiresAt: parseExpires(flags.expires) }),
        }));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ key, ...view }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${key}\n`);
      process.stderr.write(`Created ${view.prefix} (${view.name}; ${view.scopes.join(', ')}; expires ${view.expiresAt ?? 'never'}).\n` +
        'Save this key now: it will not be shown again.\n');
    });

  keys
    .command('list')
    .description('List the keys: prefix, name, scopes, created, expires, revoked, last used')
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => {
      const list = await withServices(process.env, async (services) => services.keys.list(await services.accounts.defaultAccountId()));
      process.stdout.write(flags.json ? `${JSON.stringify(list, null, 2)}\n` : `${formatKeyTable(list)}\n`);
    });

  keys
    .command('revoke <prefix>')
    .description('Revoke the key whose prefix (or full text) is given; a running server stops accepting it within seconds')
    .action(async (prefix: string) => {
      const view = await withServices(process.env, async (services) => services.keys.revoke(await services.accounts.defaultAccountId(), prefix));
      process.stdout.write(`Revoked ${view.prefix} (${view.name}).\n`);
    });
}
