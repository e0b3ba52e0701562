import { useCallback, useEffect, useState } from 'react';
import {
  ApiError,
  isPoorRating,
  PhoneRatingReply,
  localTime,
  PoorRatingReason,
  RateReply,
  SatisfactionLevel,
  type ApiClient,
  type RateBody,
} from '@hall/shared';
import { problemText, useT } from '@hall/shared/ui';

// A visitor who missed the window's pad rates the visit here, once, until the end of the day.

interface Props {
  api: ApiClient;
  /** The visitor's secret: the phone rates its own ticket by it, never by the ticket's id. */
  secret: string;
  timezone: string;
}

export function RatePanel({ api, secret, timezone }: Props) {
  const { t, locale } = useT();
  const [reply, setReply] = useState<PhoneRatingReply | null>(null);
  const [level, setLevel] = useState<SatisfactionLevel | null>(null);
  const [reasons, setReasons] = useState<PoorRatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    api.request('GET', `/api/tickets/${encodeURIComponent(secret)}/evaluation`, PhoneRatingReply, { locale }).then(setReply, () => undefined);
  }, [api, secret, locale]);
  useEffect(load, [load]);

  if (reply === null) return null;
  const { evaluation } = reply;
  const problemLine = problem && (
    <p className="phone-problem" role="alert">
      {problem}
    </p>
  );
  if (evaluation?.status === 'rated' && evaluation.level !== null) {
    return (
      <section className="phone-rate" data-testid="phone-rated">
        {problemLine}
        <p className="phone-rate-done">{t('phone.rate.yours', { level: t(`evaluation.level.${evaluation.level}`) })}</p>
        <p>{t('phone.rate.thanks')}</p>
      </section>
    );
  }
  // Nothing to ask (another day's visit, the time is up); said in the page for whoever checks it.
  if (reply.phoneRatingUntil === null) return <section hidden data-testid="phone-rate-closed" />;

  const send = async (body: RateBody) => {
    setSending(true);
    setProblem(null);
    try {
      const { evaluation: rated } = await api.request('POST', '/api/evaluations', RateReply, { body, locale });
      setReply({ evaluation: rated, phoneRatingUntil: null });
    } catch (error) {
      setProblem(problemText(error, t));
      // Rated meanwhile on the pad, or too late: show how things now stand.
      if (error instanceof ApiError && (error.code === 'ALREADY_RATED' || error.code === 'EVALUATION_CLOSED')) load();
    } finally {
      setSending(false);
    }
  };

  const pick = (picked: SatisfactionLevel) => {
    if (isPoorRating(picked)) {
      setLevel(picked);
      setReasons([]);
      return;
    }
    void send({ secret, level: picked, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  const toggle = (reason: PoorRatingReason) =>
    setReasons((now) => (now.includes(reason) ? now.filter((r) => r !== reason) : [...now, reason]));

  return (
    <section className="phone-rate" data-testid="phone-rate">
      <h2>{t('phone.rate.title')}</h2>
      <p className="phone-rate-until">{t('phone.rate.until', { time: localTime(Date.parse(reply.phoneRatingUntil) - 60_000, timezone) })}</p>
      {level === null ? (
        <div className="phone-rate-levels">
          {SatisfactionLevel.options.map((option) => (
            <button key={option} type="button" className={`phone-rate-level phone-rate-${option}`} disabled={sending} onClick={() => pick(option)}>
              {t(`evaluation.level.${option}`)}
            </button>
          ))}
        </div>
      ) : (
        <form
          className="phone-rate-reasons"
          onSubmit={(event) => {
            event.preventDefault();
            void send({ secret, level, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) });
          }}
        >
          <p className="phone-rate-picked">{t(`evaluation.level.${level}`)}</p>
          <p>{t('phone.rate.reasonTitle')}</p>
          {PoorRatingReason.options.map((reason) => (
            <button key={reason} type="button" className="phone-rate-reason" aria-pressed={reasons.includes(reason)} onClick={() => toggle(reason)}>
              {t(`evaluation.reason.${reason}`)}
            </button>
          ))}
          <label className="phone-rate-comment">
            <span>{t('phone.rate.comment')}</span>
            <textarea maxLength={200} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="submit" className="phone-rate-submit" disabled={sending || reasons.length === 0}>
            {t('phone.rate.submit')}
          </button>
          <button type="button" className="phone-rate-back" onClick={() => setLevel(null)}>
            {t('phone.rate.back')}
          </button>
        </form>
      )}
      {problemLine}
    </section>
  );
}
