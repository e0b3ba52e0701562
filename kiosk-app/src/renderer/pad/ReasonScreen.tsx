import { PoorRatingReason, type EvaluationRequested } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { LevelFace } from './LevelFace';
import { RequestHeading, SendState } from './LevelScreen';
import { commentOf, type ReasonChoice, type ReasonPanel } from './pad-state';
import { PAD_PHRASES, type PadPhrase } from './phrases';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

export interface ReasonHandlers {
  onToggle: (reason: PoorRatingReason) => void;
  onPhrase: (phrase: PadPhrase, text: string) => void;
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onPanel: (panel: ReasonPanel) => void;
  onNoPhone: () => void;
  onBack: () => void;
  onSubmit: () => void;
}

/** 138****5678: the number is the visitor's own, but the next visitor stands at the same counter. */
function masked(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}` : phone;
}

/**
 * A poor rating (差评) asks why: it is followed up (整改), so the reason matters. Below the reasons,
 * a comment from common phrases and a number for the call-back, each on a panel of its own so
 * every target stays large on a 1280x800 pad.
 */
export function ReasonScreen({
  request,
  choice,
  secondsLeft,
  sending,
  problem,
  handlers,
}: {
  request: EvaluationRequested;
  choice: ReasonChoice;
  secondsLeft: number;
  sending: boolean;
  problem: string | null;
  handlers: ReasonHandlers;
}) {
  const { t } = useT();
  const { level, panel } = choice;
  return (
    <main className="pad-body pad-reason" data-panel={panel}>
      <RequestHeading request={request} secondsLeft={secondsLeft} />
      <h1 className="pad-prompt">
        <span className={`pad-chosen pad-level-${level}`} data-testid="pad-chosen-level">
          <LevelFace level={level} />
          {t(`evaluation.level.${level}`)}
        </span>
        {panel === 'reasons' ? t('pad.reasonPrompt') : panel === 'comment' ? t('pad.commentTitle') : t('pad.phoneTitle')}
      </h1>
      {panel === 'reasons' && <ReasonsPanel choice={choice} sending={sending} problem={problem} handlers={handlers} />}
      {panel === 'comment' && <CommentPanel choice={choice} handlers={handlers} />}
      {panel === 'phone' && <PhonePanel choice={choice} handlers={handlers} />}
    </main>
  );
}

function ReasonsPanel({ choice, sending, problem, handlers }: { choice: ReasonChoice; sending: boolean; problem: string | null; handlers: ReasonHandlers }) {
  const { t } = useT();
  const { reasons, phone } = choice;
  const comment = commentOf(choice);
  return (
    <>
      <div className="pad-reasons" role="group" aria-label={t('pad.reasonPrompt')}>
        {PoorRatingReason.options.map((reason) => (
          <button
            key={reason}
            type="button"
            className="pad-reason-button"
            aria-pressed={reasons.includes(reason)}
            data-reason={reason}
            disabled={sending}
            onClick={() => handlers.onToggle(reason)}
          >
            {t(`evaluation.reason.${reason}`)}
          </button>
        ))}
      </div>
      <div className="pad-extras">
        <button type="button" className="pad-extra" data-testid="pad-open-comment" disabled={sending} onClick={() => handlers.onPanel('comment')}>
          <span className="pad-extra-title">
            {t('pad.addComment')}
            <span className="pad-extra-optional">{t('pad.optional')}</span>
          </span>
          {comment && (
            <span className="pad-extra-value" data-testid="pad-comment-summary">
              {comment}
            </span>
          )}
        </button>
        <button type="button" className="pad-extra" data-testid="pad-open-phone" disabled={sending} onClick={() => handlers.onPanel('phone')}>
          <span className="pad-extra-title">
            {t('pad.addPhone')}
            <span className="pad-extra-optional">{t('pad.optional')}</span>
          </span>
          {phone && (
            <span className="pad-extra-value" data-testid="pad-phone-summary">
              {masked(phone)}
            </span>
          )}
        </button>
      </div>
      <div className="pad-actions">
        <button type="button" className="pad-back" disabled={sending} onClick={handlers.onBack}>
          {t('pad.back')}
        </button>
        <button type="button" className="pad-submit" disabled={sending || reasons.length === 0} onClick={handlers.onSubmit}>
          {t('pad.submit')}
        </button>
      </div>
      {reasons.length === 0 && !sending && !problem && <p className="pad-reason-needed">{t('pad.reasonNeeded')}</p>}
      <SendState sending={sending} problem={problem} />
    </>
  );
}

function Keys({ onDigit, onDelete }: { onDigit: (digit: string) => void; onDelete: () => void }) {
  const { t } = useT();
  return (
    <div className="pad-keys" role="group">
      {DIGITS.map((digit) => (
        <button key={digit} type="button" className="pad-key" data-digit={digit} onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" className="pad-key pad-key-delete" data-testid="pad-delete" onClick={onDelete}>
        {t('pad.delete')}
      </button>
    </div>
  );
}

function CommentPanel({ choice, handlers }: { choice: ReasonChoice; handlers: ReasonHandlers }) {
  const { t } = useT();
  const comment = commentOf(choice);
  return (
    <>
      <p className={`pad-entry${comment ? '' : ' is-empty'}`} data-testid="pad-comment" aria-live="polite">
        <span>{comment || t('pad.commentEmpty')}</span>
      </p>
      <div className="pad-phrases" role="group" aria-label={t('pad.commentTitle')}>
        {PAD_PHRASES.map((phrase) => (
          <button key={phrase.key} type="button" className="pad-phrase" data-phrase={phrase.key} onClick={() => handlers.onPhrase(phrase, t(`pad.phrase.${phrase.key}`))}>
            {t(`pad.phrase.${phrase.key}`)}
          </button>
        ))}
      </div>
      <Keys onDigit={handlers.onDigit} onDelete={handlers.onDelete} />
      <div className="pad-actions">
        <button type="button" className="pad-submit" data-testid="pad-done" onClick={() => handlers.onPanel('reasons')}>
          {t('pad.done')}
        </button>
      </div>
    </>
  );
}

function PhonePanel({ choice, handlers }: { choice: ReasonChoice; handlers: ReasonHandlers }) {
  const { t } = useT();
  const { phone, phoneInvalid } = choice;
  return (
    <>
      <p className={`pad-entry pad-entry-phone${phone ? '' : ' is-empty'}`} data-testid="pad-phone" aria-live="polite">
        {phone || t('pad.phoneEmpty')}
      </p>
      {phoneInvalid ? (
        <p className="pad-consent pad-phone-invalid" role="alert" data-testid="pad-phone-invalid">
          {t('pad.phoneInvalid')}
        </p>
      ) : (
        <p className="pad-consent" data-testid="pad-consent">
          {t('pad.phoneConsent')}
        </p>
      )}
      <Keys onDigit={handlers.onDigit} onDelete={handlers.onDelete} />
      <div className="pad-actions">
        <button type="button" className="pad-back" data-testid="pad-no-phone" onClick={handlers.onNoPhone}>
          {t('pad.cancelPhone')}
        </button>
        <button type="button" className="pad-submit" data-testid="pad-done" onClick={() => handlers.onPanel('reasons')}>
          {t('pad.done')}
        </button>
      </div>
    </>
  );
}
