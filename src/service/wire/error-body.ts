import { z } from 'zod';

/**
 * Every REST error answer (docs/api.md "Errors"): the envelope, and beside it the fields a code
 * exposes (`violations`, `retryAfter`, `currentUpdatedAt`, …).
 */
const ErrorBodySchema = z.looseObject({
  error: z.object({
    type: z.string(),
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
