import type { WindowView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { actionEnabled, actionKeys, type ConsoleAction } from './actions';

interface Props {
  window: WindowView;
  busy: boolean;
  onAction(action: ConsoleAction): void;
}

const MAIN: ConsoleAction[] = ['call-next', 'recall', 'no-show', 'finish'];

/** One button per action, with its key; a button is disabled when its action makes no sense. */
export function Actions({ window, busy, onAction }: Props) {
  const { t } = useT();
  const paused = window.state === 'paused';
  const more: ConsoleAction[] = ['request-evaluation', 'transfer', paused ? 'resume' : 'pause', 'call', 'reactivate'];
  const button = (action: ConsoleAction) => (
    <button
      key={action}
      type="button"
      className={`console-action console-action-${action}`}
      data-action={action}
      disabled={busy || !actionEnabled(action, window)}
      onClick={() => onAction(action)}
    >
      <span className="console-action-label">{t(`console.action.${action}`)}</span>
      <kbd className="console-key">{action === 'call-next' ? `${actionKeys[action]} / ${t('console.keySpace')}` : actionKeys[action]}</kbd>
    </button>
  );
  return (
    <div className="console-actions">
      <div className="console-actions-main">{MAIN.map(button)}</div>
      <div className="console-actions-more">{more.map(button)}</div>
    </div>
  );
}
