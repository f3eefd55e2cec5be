import type { NodeCatalog } from './spec.js';
import type { Migration, Violation, ViolationRule, WarningRule } from './violation.js';
import type { CompiledGraph } from './compiled.js';
import { VIOLATION_CHECKS, WARNING_CHECKS, checkLimits, parseGraph } from './rules/index.js';
import { buildContext } from './build-context.js';
import { compileGraph } from './compile.js';

export interface ValidationResult {
  /** True when there are no violations; warnings never block. */
  ok: boolean;
  violations: Violation<ViolationRule>[];
  warnings: Violation<WarningRule>[];
  /** Changes made to what was sent (corrected categories, derived edge ids, inferred handles). */
  migrations: Migration[];
  /** Present only when `ok`. */
  graph?: CompiledGraph;
}

/**
 * Validates a bare `{nodes, edges}` or a whole workflow against the catalog. It never throws on
 * bad input: every problem found is returned, like zod's issues, rather than the first.
 */
export function validateGraph(input: unknown, catalog: NodeCatalog): ValidationResult {
  const parsed = parseGraph(input);
  if (!parsed.graph) return rejected(parsed.violations);
  const overLimit = checkLimits(parsed.graph);
  if (overLimit.length > 0) return rejected([...parsed.violations, ...overLimit]);

  const ctx = buildContext(parsed.graph, catalog);
  const violations = [...parsed.violations, ...VIOLATION_CHECKS.flatMap((check) => check(ctx))];
  const warnings = WARNING_CHECKS.flatMap((check) => check(ctx));
  const migrations = [...ctx.migrations];
  if (violations.length > 0) return { ok: false, violations, warnings, migrations };
  return { ok: true, violations, warnings, migrations, graph: compileGraph(ctx) };
}

function rejected(violations: Violation<ViolationRule>[]): ValidationResult {
  return { ok: false, violations, warnings: [], migrations: [] };
}
