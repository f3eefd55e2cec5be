import { z } from 'zod';

/**
 * An object in an answer: typed with the fields listed and published open (`additionalProperties`
 * allowed), so a client checking answers against the JSON Schema still takes the fields a newer or
 * a compatible server adds. Parsing would drop those fields: answers are checked with it (the MCP
 * SDK does), never rebuilt through it.
 */
export function openObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape).meta({ additionalProperties: {} });
}
