import { useState } from 'react';
import { ApiError, type FollowUpView } from '@hall/shared';
import { Problem, problemText, useFormSubmit, useT } from '@hall/shared/ui';
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
  const { problem, busy, submit } = useFormSubmit({
    check: () => (note.trim() ? null : t(`office.form.${step}Missing`)),
    send: async () => onDone(await office.recordStep(followUp.id, step, note.trim())),
    refused: (error) => {
      // UNAUTHORIZED has already sent the page back to sign-in.
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') return null;
      if (error instanceof ApiError && STALE.has(error.code)) onStale();
      return problemText(error, t);
    },
  });

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
      <Problem page="office" problem={problem} testId="step-problem" />
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
