import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Parses untrusted input by its schema; a mismatch becomes a BAD_REQUEST naming each problem. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what = 'request'): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
  throw new AppError('BAD_REQUEST', `Invalid ${what}: ${issues.join('; ')}`, issues);
}
