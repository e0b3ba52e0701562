import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Problem, useT } from '@hall/shared/ui';

interface Props {
  title: string;
  /** The refusal of the last attempt, shown inside the dialog so it is not hidden behind it. */
  problem: string | null;
  confirmLabel: string;
  busy: boolean;
  className?: string;
  children: ReactNode;
  onConfirm(): void;
  onClose(): void;
}

/** A modal dialog (the page behind is inert); Escape or 取消 closes it, Enter confirms. */
export function Dialog({ title, problem, confirmLabel, busy, className, children, onConfirm, onClose }: Props) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <dialog
      ref={ref}
      className={`console-dialog ${className ?? ''}`}
      aria-label={title}
      // Escape closes a modal dialog by itself; the console follows.
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 className="console-dialog-title">{title}</h2>
        <div className="console-dialog-body">{children}</div>
        <Problem page="console" problem={problem} testId="dialog-problem" />
        <div className="console-dialog-buttons">
          <button type="button" className="console-secondary" onClick={onClose}>
            {t('console.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="console-primary" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
