import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { ApiClient } from '../client/api-client';
import { apiFailure } from '../client/api-failure';
import { ChangePinBody, NewPin } from '../schemas/admin';
import { useT } from './i18n';
import { Problem } from './Problem';
import { problemText } from './problem-text';
import type { StaffPage } from './staff-page';

interface Props {
  page: StaffPage;
  api: ApiClient;
  /** The page's bearer token: a window's session at the console, the office's at the office. */
  token: string;
  onChanged(): void;
  onClose(): void;
}

type Field = 'currentPin' | 'newPin' | 'confirm';

/** 修改密码: one's own PIN, the current one first; each field says beside it what is wrong with it. */
export function ChangePinDialog({ page, api, token, onChanged, onClose }: Props) {
  const { t, locale } = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ currentPin: '', newPin: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!ChangePinBody.shape.currentPin.safeParse(values.currentPin).success) found.currentPin = t('pin.currentInvalid');
    if (!NewPin.safeParse(values.newPin).success) found.newPin = t('pin.newWeak');
    else if (values.confirm !== values.newPin) found.confirm = t('pin.mismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.request('POST', '/api/auth/pin', z.null(), { token, locale, body: { currentPin: values.currentPin, newPin: values.newPin } });
      onChanged();
    } catch (error) {
      const { code, message } = apiFailure(error);
      if (code === 'INVALID_CREDENTIALS') setErrors({ currentPin: t('pin.currentWrong') });
      else if (code === 'PIN_TOO_WEAK') setErrors({ newPin: message });
      else setProblem(problemText(error, t));
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string) => (
    <label className={`${page}-field`}>
      <span>{label}</span>
      <input
        name={name}
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={12}
        autoFocus={name === 'currentPin'}
        aria-invalid={errors[name] !== undefined}
        aria-describedby={errors[name] ? `pin-${name}-error` : undefined}
        value={values[name]}
        onChange={(e) => {
          setValues({ ...values, [name]: e.target.value });
          setErrors({ ...errors, [name]: undefined });
        }}
      />
      {errors[name] && (
        <span className={`${page}-field-error`} id={`pin-${name}-error`} role="alert" data-testid={`pin-${name}-error`}>
          {errors[name]}
        </span>
      )}
    </label>
  );

  return (
    <dialog ref={ref} className={`${page}-pin-dialog`} aria-label={t('pin.title')} onClose={onClose} data-testid="pin-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2>{t('pin.title')}</h2>
        {field('currentPin', t('pin.current'), 'current-password')}
        {field('newPin', t('pin.new'), 'new-password')}
        {field('confirm', t('pin.confirm'), 'new-password')}
        <Problem page={page} problem={problem} testId="pin-problem" />
        <div className={`${page}-pin-buttons`}>
          <button type="button" className={`${page}-secondary`} onClick={onClose}>
            {t('pin.cancel')}
          </button>
          <button type="submit" className={`${page}-primary`} disabled={busy}>
            {t(busy ? 'pin.saving' : 'pin.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
