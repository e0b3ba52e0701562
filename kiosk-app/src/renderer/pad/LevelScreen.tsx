import { isPoorRating, SatisfactionLevel, type EvaluationRequested } from '@hall/shared';
import { useT } from '@hall/shared/ui';
import { LevelFace } from './LevelFace';

/** The ticket being rated and who served it: the visitor sees they rate their own visit. */
export function RequestHeading({ request, secondsLeft }: { request: EvaluationRequested; secondsLeft: number }) {
  const { t } = useT();
  return (
    <div className="pad-request">
      <p className="pad-request-ticket">
        <span className="pad-request-number" data-testid="pad-ticket-number" data-number={request.number}>
          {t('pad.ticket', { number: request.number })}
        </span>
        {request.staff && <span className="pad-request-staff">{t('pad.servedBy', { name: request.staff.name, staffNo: request.staff.staffNo })}</span>}
      </p>
      <p className="pad-countdown" data-testid="pad-countdown" aria-live="off">
        {t('pad.secondsLeft', { seconds: secondsLeft })}
      </p>
    </div>
  );
}

export function LevelScreen({
  request,
  secondsLeft,
  sending,
  problem,
  onPick,
}: {
  request: EvaluationRequested;
  secondsLeft: number;
  sending: boolean;
  problem: string | null;
  onPick: (level: SatisfactionLevel) => void;
}) {
  const { t } = useT();
  return (
    <main className="pad-body pad-asking">
      <RequestHeading request={request} secondsLeft={secondsLeft} />
      <h1 className="pad-prompt">{t('pad.prompt')}</h1>
      <div className="pad-levels" role="group" aria-label={t('pad.prompt')}>
        {SatisfactionLevel.options.map((level) => (
          <button
            key={level}
            type="button"
            className={`pad-level pad-level-${level}${isPoorRating(level) ? ' pad-level-poor' : ''}`}
            data-level={level}
            disabled={sending}
            onClick={() => onPick(level)}
          >
            <LevelFace level={level} />
            <span className="pad-level-name">{t(`evaluation.level.${level}`)}</span>
          </button>
        ))}
      </div>
      <SendState sending={sending} problem={problem} />
    </main>
  );
}

export function SendState({ sending, problem }: { sending: boolean; problem: string | null }) {
  const { t } = useT();
  if (sending) return <p className="pad-sending">{t('pad.sending')}</p>;
  if (problem)
    return (
      <p className="pad-retry" role="alert">
        {problem}
      </p>
    );
  return null;
}
