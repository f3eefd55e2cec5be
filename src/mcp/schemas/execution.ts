import { z } from 'zod';
import { EXECUTION_STATUSES, NODE_STATUSES } from '../../backend/index.js';

export const ExecutionStatusOutput = z.enum(EXECUTION_STATUSES).describe('QUEUED → RUNNING → COMPLETED | FAILED | CANCELLED');
const NodeStatusOutput = z.enum(NODE_STATUSES).describe('PENDING → RUNNING → COMPLETED | FAILED | SKIPPED | CANCELLED');

export const NodeStateOutput = z.looseObject({
  nodeId: z.string().describe('Node id in the graph'),
  label: z.string().describe('Node label'),
  status: NodeStatusOutput,
  error: z.string().nullable().describe('Why the node failed'),
  outputUrl: z.string().nullable().describe('The first file output (image, video, audio) as a URL'),
  outputUrls: z.array(z.string()).nullable().describe('Every file output as URLs'),
  text: z.string().nullable().describe('The text output, if any'),
  progress: z.number().nullable().describe('0–1 while running, when the node reports it'),
});

export const PollOutput = {
  executionId: z.string().describe('Execution id (exec_…)'),
  status: ExecutionStatusOutput,
  nodeStates: z.array(NodeStateOutput).describe('Every node, in graph order'),
  finalOutput: z.record(z.string(), z.unknown()).nullable().describe('Outputs of the output nodes once COMPLETED'),
  error: z.string().nullable().describe('Why the execution failed'),
};

const NodeRecordOutput = z.looseObject({
  nodeId: z.string().describe('Node id'),
  label: z.string().describe('Node label'),
  nodeType: z.string().describe('Node type'),
  status: NodeStatusOutput,
  startedAt: z.string().nullable().describe('ISO start time'),
  endedAt: z.string().nullable().describe('ISO end time'),
  durationMs: z.number().nullable().describe('Run time in ms'),
  attempts: z.number().describe('Attempts made (retries + 1)'),
  credits: z.number().describe('Credits charged'),
  cached: z.boolean().describe('Served from cache'),
  output: z.record(z.string(), z.unknown()).nullable().describe('Outputs by port'),
  error: z.looseObject({ code: z.string().describe('Stable error code'), message: z.string().describe('What failed') }).nullable().describe('Why it failed'),
  logs: z.array(z.string()).describe('Log lines'),
});

export const ExecutionOutput = z.looseObject({
  id: z.string().describe('Execution id'),
  workflowId: z.string().nullable().describe('Workflow run'),
  workflowVersion: z.number().nullable().describe('Version run'),
  status: ExecutionStatusOutput,
  trigger: z.string().describe('What started it: api, mcp, webhook, retry…'),
  inputs: z.record(z.string(), z.unknown()).describe('Inputs by input node id'),
  credits: z.number().describe('Credits charged in total'),
  finalOutput: z.record(z.string(), z.unknown()).nullable().describe('Outputs of the output nodes'),
  error: z.record(z.string(), z.unknown()).nullable().describe('Why it failed'),
  createdAt: z.string().describe('ISO time queued'),
  startedAt: z.string().nullable().describe('ISO time started'),
  endedAt: z.string().nullable().describe('ISO time finished'),
  durationMs: z.number().nullable().describe('Total run time in ms'),
  nodes: z.array(NodeRecordOutput).describe('Per-node records'),
});
