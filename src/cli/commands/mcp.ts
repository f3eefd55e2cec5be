import type { Command } from 'commander';

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('Serve MCP over stdio for Claude Code, Claude Desktop and other MCP clients (remote when PIPEWRIGHT_API_URL and PIPEWRIGHT_API_KEY are set)')
    .action(async () => (await import('./mcp-action.js')).serveMcp());
}
