import { useEffect, useRef, useState } from 'react';
import { useT } from '@hall/shared/ui';

interface Question {
  text: string;
  action: string;
  resolve(yes: boolean): void;
}

/** Asks before anything that cannot be undone: a modal dialog, 取消 focused, Esc says no. */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const confirm = (text: string, action: string) => new Promise<boolean>((resolve) => setQuestion({ text, action, resolve }));
  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
  };
  const dialog = question && <ConfirmDialog text={question.text} action={question.action} onAnswer={answer} />;
  return { confirm, dialog };
}

function ConfirmDialog({ text, action, onAnswer }: { text: string; action: string; onAnswer(yes: boolean): void }) {
  const { t } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby="admin-dialog-text"
      data-testid="confirm"
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
    >
      <p id="admin-dialog-text">{text}</p>
      <div className="admin-dialog-buttons">
        <button type="button" className="office-secondary" autoFocus onClick={() => onAnswer(false)}>
          {t('admin.cancel')}
        </button>
        <button type="button" className="admin-danger" onClick={() => onAnswer(true)}>
          {action}
        </button>
      </div>
    </dialog>
  );
}
