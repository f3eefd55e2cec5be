import { z } from 'zod';
import { openObject } from '../../graph/index.js';

/** A plan's budgets (docs/api.md "Rate limits"). */
const PlanLimitsSchema = openObject({
  requestsPerMinute: z.number().nullable().describe('Requests per minute per key; null means unlimited'),
  executionsPerMinute: z.number().nullable().describe('Executions per minute per account; null means unlimited'),
  executionsPerDay: z.number().nullable().describe('Daily execution limit; null means unlimited'),
});
export type PlanLimits = z.infer<typeof PlanLimitsSchema>;

const Day = openObject({
  date: z.string().describe('UTC day, YYYY-MM-DD'),
  credits: z.number().describe('Credits used that day'),
  executions: z.number().describe('Executions started that day'),
});

/** `GET /developer/usage` and get_usage. The plan is text: a compatible server may name others. */
export const UsageViewSchema = z.object({
  plan: z.string().describe('free, starter, pro or enterprise'),
  balance: z.number().describe('Credits left'),
  usedToday: openObject({
    credits: z.number().describe('Credits used today'),
    executions: z.number().describe('Executions started today'),
  }).describe('Today so far (UTC)'),
  history: z.array(Day).describe('Recent days'),
  limits: PlanLimitsSchema.describe("The plan's limits"),
});
export type UsageView = z.infer<typeof UsageViewSchema>;
