import type { Category } from '@hall/shared';
import { begin } from '../begin';
import type { Outcome } from '../outcome';
import { categoryConfig } from '../state';
import type { CommandContext, HallState } from '../types';
import { applySetup, requireAdmin, type BookedAppointment } from './apply';
import { withItem } from './list';

// A category with its service items; a new one comes last on the kiosk. Closing it (open: false)
// stops new tickets and leaves its waiting ones to be called.

export function setCategory(state: HallState, command: { by: string; category: Category }, ctx: CommandContext): Outcome<Category> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  const { setup } = draft.state;
  const categories = withItem(setup.categories, command.category, (c) => c.code === command.category.code);
  applySetup(draft, { ...setup, categories }, command.by);
  return draft.done(command.category);
}

/** `booked`: the visits booked from today on (the store knows; the state holds only today). */
export function removeCategory(state: HallState, command: { by: string; code: string; booked: readonly BookedAppointment[] }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  categoryConfig(draft.state, command.code);
  const { setup } = draft.state;
  applySetup(draft, { ...setup, categories: setup.categories.filter((c) => c.code !== command.code) }, command.by, { booked: command.booked });
  return draft.done(null);
}
