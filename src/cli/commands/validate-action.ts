import { validateGraph } from '../../graph/index.js';
import { lintWarnings } from '../../service/index.js';
import { localCatalog } from '../../backend/index.js';
import { loadJsonFile } from '../load-json.js';
import { formatViolations } from '../format-violations.js';
import { EXIT } from '../exit-codes.js';

/** `pipewright validate <file>`: every violation and warning, as text or JSON. */
export async function validateWorkflowFile(file: string, options: { json?: boolean }): Promise<void> {
  const { registry, providers } = localCatalog(process.env);
  const input = await loadJsonFile(file);
  const validation = validateGraph(input, registry);
  // The same warnings as lint over REST and MCP: missing provider keys only warn (a dry run needs none).
  const result = { ...validation, warnings: lintWarnings(validation, { catalog: registry, providers }) };
  const { graph: _graph, ...report } = result;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines = [...formatViolations(result.violations, 'error'), ...formatViolations(result.warnings, 'warning')];
    for (const line of lines) process.stdout.write(`${line}\n`);
    process.stdout.write(
      result.ok
        ? `${file}: valid${result.warnings.length ? ` (${result.warnings.length} warning(s))` : ''}\n`
        : `${file}: ${result.violations.length} violation(s)\n`,
    );
  }
  process.exitCode = result.ok ? EXIT.ok : EXIT.failed;
}
