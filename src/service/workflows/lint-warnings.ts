import type { ValidationResult } from '../../graph/index.js';
import { missingProviders, providerWarnings } from '../../nodes/index.js';
import type { LintWarning } from '../contracts.js';
import type { WorkflowDeps } from './deps.js';

/**
 * The validator's warnings plus one per model node whose provider has no key here: a graph that
 * needs a key is still valid (a dry run needs none), but the caller should know before running.
 */
export function lintWarnings(result: ValidationResult, deps: Pick<WorkflowDeps, 'catalog' | 'providers'>): LintWarning[] {
  if (result.graph === undefined || deps.providers === undefined) return result.warnings;
  return [...result.warnings, ...providerWarnings(missingProviders(result.graph, deps.catalog, deps.providers))];
}
