/**
 * Reading stored values through a zod schema: a value that fails validation is replaced by the
 * fallback and reported, so one corrupted key can never take the extension down.
 */
import type { z } from 'zod';

export interface StorageProblem {
  key: string;
  message: string;
}

export function validateStored<S extends z.ZodType>(
  key: string,
  raw: unknown,
  schema: S,
  fallback: z.infer<S>,
): { value: z.infer<S>; problem?: StorageProblem } {
  if (raw === null || raw === undefined) return { value: fallback };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? first.path.join('.') : '(root)';
  return {
    value: fallback,
    problem: {
      key,
      message: `stored ${key} was unreadable at ${where}: ${first?.message ?? 'invalid'} — using defaults`,
    },
  };
}
