/**
 * The working loop every generation pattern follows (the skill teaches the same). Spending
 * happens only at step 7, after the graph has been validated, costed and dry-run.
 */
export const WORKING_LOOP = [
  '1. Discover: call list_node_types (filter with category "model" or a query such as "video", "upscale", "background") and describe_node_type for each type you will use. ' +
    'Check list_workflows and the pipewright://templates/… resources for something to adapt.',
  '2. Draft the graph: nodes {id, type:"basedNode", position:{x,y}, data:{nodeType, label, config}}, edges from sourceHandle "out-<port>" to targetHandle "in-<port>". ' +
    'Use input:* nodes for what the user supplies and output:result nodes for what they get back.',
  '3. Validate: call validate_workflow; apply every fix it gives and call it again until ok is true.',
  '4. Save: save_workflow with a clear name and description (tags ["template"] if it is meant for reuse).',
  '5. Estimate: estimate_workflow with the inputs you will use; tell the user the credits when it is not trivial.',
  '6. Dry run: execute_workflow with dryRun: true and waitSeconds 60. Every node should finish COMPLETED with placeholder outputs; fix the wiring if not.',
  '7. Run: execute_workflow without dryRun (waitSeconds up to 300). If the provider is not configured, the error names the environment variable to set.',
  '8. Follow: if it is still running, poll_execution every few seconds; on FAILED read get_execution, fix the cause and execute again (completed nodes come from cache).',
  '9. Return: give the user finalOutput, with the output files (resource links pipewright://artifacts/… or provider URLs), the executionId and the credits spent.',
].join('\n');

export function promptText(goal: string, pattern: string): string {
  return `${goal}\n\nPattern:\n${pattern}\n\nWork in this loop, using the pipewright tools:\n${WORKING_LOOP}`;
}
