import { z } from 'zod';

/** RFC 9457 problem details, as documented in the OpenAPI for every error status. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .describe('RFC 9457 problem details');

/** Error responses shared by the routes (the handler renders them; these document them). */
export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
} as const;
