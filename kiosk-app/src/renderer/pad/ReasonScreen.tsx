import { PoorRatingReason, type EvaluationRequested, type SatisfactionLevel } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { LevelFace } from './LevelFace';
import { RequestHeading, SendState } from './LevelScreen';

/** The server takes up to 200 characters of comment. */
const COMMENT_MAX = 200;

/** A poor rating (差评) asks why: it is followed up (整改), so the reason matters. */
export function ReasonScreen({
  request,
  level,
  reasons,
  comment,
  secondsLeft,
  sending,
  problem,
  onToggle,
  onComment,
  onBack,
  onSubmit,
}: {
  request: EvaluationRequested;
  level: SatisfactionLevel;
  reasons: readonly PoorRatingReason[];
  comment: string;
  secondsLeft: number;
  sending: boolean;
  problem: string | null;
  onToggle: (reason: PoorRatingReason) => void;
  onComment: (text: string) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const { t } = useT();
  return (
    <main className="pad-body pad-reason">
      <RequestHeading request={request} secondsLeft={secondsLeft} />
      <h1 className="pad-prompt">
        <span className={`pad-chosen pad-level-${level}`} data-testid="pad-chosen-level">
          <LevelFace level={level} />
          {t(`evaluation.level.${level}`)}
        </span>
        {t('pad.reasonPrompt')}
      </h1>
      <div className="pad-reasons" role="group" aria-label={t('pad.reasonPrompt')}>
        {PoorRatingReason.options.map((reason) => (
          <button
            key={reason}
            type="button"
            className="pad-reason-button"
            aria-pressed={reasons.includes(reason)}
            data-reason={reason}
            disabled={sending}
            onClick={() => onToggle(reason)}
          >
            {t(`evaluation.reason.${reason}`)}
          </button>
        ))}
      </div>
      {reasons.includes('other') && (
        <label className="pad-comment">
          <span className="pad-comment-label">{t('pad.commentLabel')}</span>
          <input
            type="text"
            className="pad-comment-input"
            value={comment}
            maxLength={COMMENT_MAX}
            placeholder={t('pad.commentPlaceholder')}
            disabled={sending}
            onChange={(e) => onComment(e.target.value)}
          />
        </label>
      )}
      <div className="pad-actions">
        <button type="button" className="pad-back" disabled={sending} onClick={onBack}>
          {t('pad.back')}
        </button>
        <button type="button" className="pad-submit" disabled={sending || reasons.length === 0} onClick={onSubmit}>
          {t('pad.submit')}
        </button>
      </div>
      {reasons.length === 0 && !sending && !problem && <p className="pad-reason-needed">{t('pad.reasonNeeded')}</p>}
      <SendState sending={sending} problem={problem} />
    </main>
  );
}
