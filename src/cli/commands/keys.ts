import type { Command } from 'commander';
import type { CreateFlags } from './keys-action.js';

/** `keys create|list|revoke` on the store under PIPEWRIGHT_HOME, for the default account. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Manage the API keys of the account under PIPEWRIGHT_HOME');
  const actions = () => import('./keys-action.js');

  keys
    .command('create')
    .description('Create an API key and print it once')
    .option('--name <name>', 'a label to recognise the key by')
    .option('--scopes <list>', 'comma-separated scopes (default: all but admin)')
    .option('--expires <when>', 'a span (90m, 12h, 30d, 2w) or an ISO date; default: never')
    .option('--json', 'print {key, prefix, name, scopes, …} as JSON')
    .action(async (flags: CreateFlags) => (await actions()).createKey(flags));

  keys
    .command('list')
    .description('List the keys: prefix, name, scopes, created, expires, revoked, last used')
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => (await actions()).listKeys(flags));

  keys
    .command('revoke <prefix>')
    .description('Revoke the key whose prefix (or full text) is given; a running server stops accepting it within seconds')
    .action(async (prefix: string) => (await actions()).revokeKey(prefix));
}
