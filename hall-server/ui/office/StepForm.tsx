import { useState, type FormEvent } from 'react';
import { ApiError, type FollowUpView } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { problemText } from '../common/problem-text';
import type { FollowUpStep, OfficeApi } from './office-api';

interface Props {
  followUp: FollowUpView;
  step: FollowUpStep;
  office: OfficeApi;
  onDone(followUp: FollowUpView): void;
  /** Someone else changed the item meanwhile: show it as it is now. */
  onStale(): void;
  onCancel(): void;
}

const NOTE_MAX = 500;
/** Refusals that mean this page's view of the item is out of date (another captain's record). */
const STALE: ReadonlySet<string> = new Set(['FOLLOW_UP_STEP_DONE', 'FOLLOW_UP_CALLBACK_FIRST', 'FOLLOW_UP_NOT_FOUND']);

/** The note of a call-back or a fix, put on record under the signed-in person's name. */
export function StepForm({ followUp, step, office, onDone, onStale, onCancel }: Props) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = note.trim();
    if (!text) return setProblem(t(`office.form.${step}Missing`));
    setBusy(true);
    setProblem(null);
    try {
      onDone(await office.recordStep(followUp.id, step, text));
    } catch (error) {
      // UNAUTHORIZED has already sent the page back to sign-in.
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return;
      setProblem(problemText(error, t));
      setBusy(false);
      if (error instanceof ApiError && STALE.has(error.code)) onStale();
    }
  };

  const label = t(`office.form.${step}Label`, { number: followUp.number });
  return (
    <form className="office-step-form" onSubmit={submit} noValidate data-testid="step-form">
      <label className="office-field">
        <span>{label}</span>
        <textarea
          name="note"
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          placeholder={t(`office.form.${step}Hint`)}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && onCancel()}
          autoFocus
        />
      </label>
      {problem && (
        <p className="office-notice office-notice-error" role="alert" data-testid="step-problem">
          {problem}
        </p>
      )}
      <div className="office-step-buttons">
        <button type="button" className="office-secondary" onClick={onCancel}>
          {t('office.form.cancel')}
        </button>
        <button type="submit" className="office-primary" disabled={busy}>
          {t(busy ? 'office.form.saving' : `office.form.${step}Save`)}
        </button>
      </div>
    </form>
  );
}
