import { ApiError, ImportProblem, type SetupChange } from '@hall/shared';
import { z } from 'zod';
import { serverIssues, zodIssues } from './field-errors';

// What an import's check says, in rows a person can go and fix: the file's bad rows (the
// header is row 1), or the set-up's bad places by path.

export interface BadPlace {
  /** A row of the file, or a path in the set-up (`windows.3.categories`). */
  where: number | string;
  column?: string | undefined;
  reason: string;
}

const ImportDetails = z.object({ problems: z.array(ImportProblem) });

/** The bad rows or places a refused import names; empty when the refusal is not about the file. */
export function badPlaces(error: unknown): BadPlace[] {
  if (error instanceof z.ZodError) return zodIssues(error).map((issue) => ({ where: issue.path, reason: issue.message }));
  if (!(error instanceof ApiError)) return [];
  const rows = ImportDetails.safeParse(error.details);
  if (rows.success) return rows.data.problems.map(({ row, column, reason }) => ({ where: row, column, reason }));
  return serverIssues(error).map((issue) => ({ where: issue.path, reason: issue.message }));
}

/** The name a change is known by (its `name` after, else before), for the list of differences. */
export function changeName(change: SetupChange): string | null {
  const named = (value: unknown) => (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string' ? value.name : null);
  return named(change.after) ?? named(change.before);
}
