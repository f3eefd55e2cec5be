import type { Command } from 'commander';
import { cliRuntime } from '../runtime.js';
import { describeNodeTypes } from '../../nodes/describe.js';

export function registerNodes(program: Command): void {
  program
    .command('nodes')
    .description('List the node types this installation can run')
    .option('--json', 'print the catalog as JSON (the shape of GET /nodes)')
    .action((options: { json?: boolean }) => {
      const catalog = describeNodeTypes(cliRuntime().registry.list());
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ nodes: catalog }, null, 2)}\n`);
        return;
      }
      for (const node of catalog) {
        const ins = node.inputs.map((p) => `${p.id}:${p.type}${p.required ? '*' : ''}`).join(' ');
        const outs = node.outputs.map((p) => `${p.id}:${p.type}`).join(' ');
        process.stdout.write(`${node.nodeType.padEnd(28)} ${node.label}\n    in: ${ins || '—'}  out: ${outs || '—'}\n    ${node.description}\n`);
      }
    });
}
