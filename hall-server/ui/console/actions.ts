import type { WindowView } from '@hall/shared';

// The console's actions, the key of each, and when each makes sense.

/** Sent straight away, with no dialog. */
export type DirectAction = 'call-next' | 'recall' | 'no-show' | 'finish' | 'resume' | 'request-evaluation';
/** Opens a dialog that asks for what the action needs. */
export type DialogKind = 'transfer' | 'pause' | 'call' | 'reactivate';
export type ConsoleAction = DirectAction | DialogKind;

/** The buttons in order, with the key shown on each (Space also calls next). */
export const actionKeys: Record<ConsoleAction, string> = {
  'call-next': 'F1',
  recall: 'F2',
  'no-show': 'F3',
  finish: 'F4',
  'request-evaluation': 'F5',
  transfer: 'F6',
  pause: 'F7',
  resume: 'F7',
  call: 'F8',
  reactivate: 'F9',
};

export function actionForKey(key: string, paused: boolean): ConsoleAction | null {
  switch (key) {
    case 'F1':
    case ' ':
      return 'call-next';
    case 'F2':
      return 'recall';
    case 'F3':
      return 'no-show';
    case 'F4':
      return 'finish';
    case 'F5':
      return 'request-evaluation';
    case 'F6':
      return 'transfer';
    case 'F7':
      return paused ? 'resume' : 'pause';
    case 'F8':
      return 'call';
    case 'F9':
      return 'reactivate';
    default:
      return null;
  }
}

/** Whether an action makes sense for the window as it stands. */
export function actionEnabled(action: ConsoleAction, window: WindowView): boolean {
  const inHand = window.servingNumber !== null;
  const paused = window.state === 'paused';
  switch (action) {
    case 'call-next':
    case 'call':
      return !inHand && !paused;
    case 'recall':
    case 'no-show':
    case 'finish':
    case 'transfer':
      return inHand;
    case 'pause':
      return !paused;
    case 'resume':
      return paused;
    case 'reactivate':
      return true;
    // 请评价 is about the visitor just served, still at the window: not once the next is called.
    case 'request-evaluation':
      return !inHand;
  }
}
