import type { HallWindow } from '@hall/shared';
import { begin } from '../begin';
import type { Outcome } from '../outcome';
import { categoryConfig, windowConfig } from '../state';
import type { CommandContext, HallState } from '../types';
import { applySetup, requireAdmin } from './apply';
import { withItem } from './list';

// A window's name, department, categories and routing. The call rules read them at each call,
// so a change applies from the window's next call; tickets sent to it by name stay its own.

export function setWindow(state: HallState, command: { by: string; window: HallWindow }, ctx: CommandContext): Outcome<HallWindow> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  for (const code of command.window.categories) categoryConfig(draft.state, code);
  const { setup } = draft.state;
  const windows = withItem(setup.windows, command.window, (w) => w.no === command.window.no).sort((a, b) => a.no - b.no);
  applySetup(draft, { ...setup, windows }, command.by);
  return draft.done(command.window);
}

/** Takes a window out of the hall; nobody is authorised for it any more. */
export function removeWindow(state: HallState, command: { by: string; windowNo: number }, ctx: CommandContext): Outcome<null> {
  const draft = begin(state, ctx);
  requireAdmin(draft.state, command.by);
  windowConfig(draft.state, command.windowNo);
  const { setup } = draft.state;
  applySetup(
    draft,
    {
      ...setup,
      windows: setup.windows.filter((w) => w.no !== command.windowNo),
      staff: setup.staff.map((s) => (s.windows.includes(command.windowNo) ? { ...s, windows: s.windows.filter((no) => no !== command.windowNo) } : s)),
    },
    command.by,
  );
  return draft.done(null);
}
