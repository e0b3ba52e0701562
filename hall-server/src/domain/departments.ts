import { DomainError } from './errors';
import type { HallState } from './types';

// The hall's departments are its windows' departments: there is no list of them besides.

/** Every department with a window in the hall, in the windows' order. */
export function hallDepartments(state: HallState): string[] {
  return [...new Set(state.setup.windows.map((w) => w.department))];
}

/** Refuses a department no window of the hall belongs to. */
export function requireDepartment(state: HallState, department: string): void {
  if (!state.setup.windows.some((w) => w.department === department)) throw new DomainError('DEPARTMENT_NOT_FOUND', { department });
}
