import { useEffect } from 'react';
import { useLatest } from '@hall/shared/ui';
import { actionForKey, type ConsoleAction } from './actions';

/** Keys the console owns: the browser's own use of them (F1 help, F3 find, F5 reload, …) is suppressed. */
const OWNED = new Set(['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * One key per action. Nothing fires while the staff member types in a field, while a dialog is
 * open, or from a key held down (auto-repeat would call several people).
 */
export function useConsoleKeys(options: { paused: boolean; dialogOpen: boolean; onAction(action: ConsoleAction): void }): void {
  const latest = useLatest(options);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const owned = OWNED.has(event.key);
      if (owned) event.preventDefault();
      const { paused, dialogOpen, onAction } = latest.current;
      if (dialogOpen || isTyping(event.target)) return;
      const action = actionForKey(event.key, paused);
      if (action === null) return;
      // Space on a focused button would also click it on key-up: Space means 叫号, always.
      event.preventDefault();
      if (event.repeat) return;
      onAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [latest]);
}
