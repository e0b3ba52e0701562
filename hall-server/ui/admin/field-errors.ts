import { ApiError, type ErrorCode, type MessageKey } from '@hall/shared';
import type { z } from 'zod';

// Where a form's errors go: beside the field they are about. The same schema checks a form
// before it is sent and the server checks it again; both name the field by its path
// (`items.3.name`), and the server's refusals that concern one field (PIN_TOO_WEAK…) go there too.

export interface Issue {
  path: string;
  message: string;
}

/** The rule each field keeps, as a text to show when it is broken; `#` stands for any row number. */
export type FieldRules = Readonly<Record<string, MessageKey>>;

/** The field a refusal code is about, by the form's own field paths. */
export type CodeFields = Partial<Readonly<Record<ErrorCode, string>>>;

export interface FormErrors {
  /** Field path → the text to show beside it. */
  fields: Readonly<Record<string, string>>;
  /** What belongs to no field: said above the form's buttons. */
  general: string | null;
}

export const noErrors: FormErrors = { fields: {}, general: null };

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** The issues of a VALIDATION_FAILED reply (`details.issues`), or none for any other failure. */
export function serverIssues(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' ? [{ path, message: typeof message === 'string' ? message : '' }] : [];
  });
}

/**
 * The field an issue's path belongs to: the longest start of the path that has a rule
 * (`items.3.name`, else `items`), with its rule's text key.
 */
export function fieldOf(path: string, rules: FieldRules): { field: string; rule: MessageKey } | null {
  const parts = path === '' ? [] : path.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = parts.slice(0, length);
    const rule = rules[field.map((part) => (/^\d+$/.test(part) ? '#' : part)).join('.')];
    if (rule) return { field: field.join('.'), rule };
  }
  return null;
}

/** Issues as the form shows them: each field its rule (once), the rest in one general line. */
export function issueErrors(issues: readonly Issue[], rules: FieldRules, t: (key: MessageKey) => string, general: string): FormErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const place = fieldOf(issue.path, rules);
    if (place) fields[place.field] ??= t(place.rule);
    else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { fields, general: unplaced.length > 0 ? `${general} ${unplaced.join('; ')}` : Object.keys(fields).length > 0 ? general : null };
}

/** A server refusal as the form shows it: its issues by field, a code about one field beside it, else one line. */
export function refusalErrors(
  error: unknown,
  rules: FieldRules,
  codes: CodeFields,
  t: (key: MessageKey) => string,
  text: (error: unknown) => string,
): FormErrors {
  const issues = serverIssues(error);
  if (issues.length > 0) return issueErrors(issues, rules, t, t('admin.form.fixFields'));
  const field = error instanceof ApiError ? codes[error.code as ErrorCode] : undefined;
  if (field) return { fields: { [field]: text(error) }, general: null };
  return { fields: {}, general: text(error) };
}
