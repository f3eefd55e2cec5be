import type { Command } from 'commander';

export function registerNodes(program: Command): void {
  program
    .command('nodes')
    .description('List the node types this installation can run, by category, with their cost in credits')
    .option('--json', 'print the catalog as JSON (the shape of GET /nodes)')
    .option('--include-aliases', 'also list old names kept so older graphs still run, marked deprecated with the type they stand for')
    .action(async (options: { json?: boolean; includeAliases?: boolean }) => (await import('./nodes-action.js')).printNodeCatalog(options));
}
