import type { Command } from 'commander';
import { validateGraph } from '../../graph/index.js';
import { missingProviders, providerWarnings } from '../../nodes/model/index.js';
import { cliRuntime } from '../runtime.js';
import { loadJsonFile } from '../load-json.js';
import { formatViolations } from '../format-violations.js';
import { EXIT } from '../exit-codes.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a workflow file: every violation with its fix (exit 1 on violations, 2 when unreadable)')
    .argument('<file>', 'workflow JSON: a whole workflow or {nodes, edges}')
    .option('--json', 'print {ok, violations, warnings, migrations} as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { registry, providers } = cliRuntime();
      const input = await loadJsonFile(file);
      const validation = validateGraph(input, registry);
      // Missing keys only warn: a dry run needs none, and `run` refuses before spending.
      const missing = validation.graph ? providerWarnings(missingProviders(validation.graph, registry, providers)) : [];
      const result = { ...validation, warnings: [...validation.warnings, ...missing] };
      const { graph: _graph, ...report } = result;
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const lines = [...formatViolations(result.violations, 'error'), ...formatViolations(result.warnings, 'warning')];
        for (const line of lines) process.stdout.write(`${line}\n`);
        process.stdout.write(result.ok ? `${file}: valid${result.warnings.length ? ` (${result.warnings.length} warning(s))` : ''}\n` : `${file}: ${result.violations.length} violation(s)\n`);
      }
      process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
    });
}
