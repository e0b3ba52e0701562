import { useState } from 'react';
import { NoticeBody } from '@hall/shared';
import { Problem, useT } from '@hall/shared/ui';
import { useAdmin } from './admin-context';
import { Field } from './Field';
import { useAdminForm } from './use-admin-form';

/** 大厅屏公告: the line the hall screen's ticker runs; empty takes it away. */
export function NoticeSection() {
  const { t } = useT();
  const { snapshot } = useAdmin();
  if (!snapshot) return <p className="admin-empty">{t('office.loading')}</p>;
  return <NoticeForm key={snapshot.notice} current={snapshot.notice} />;
}

function NoticeForm({ current }: { current: string }) {
  const { t } = useT();
  const { admin, say } = useAdmin();
  const [text, setText] = useState(current);
  const form = useAdminForm({
    schema: NoticeBody,
    body: () => ({ text }),
    rules: { text: 'admin.notice.rule' },
    send: async (valid) => {
      await admin.saveNotice(valid.text);
      say(t(valid.text ? 'admin.notice.saved' : 'admin.notice.cleared'));
    },
  });
  return (
    <form className="admin-editor admin-notice-form" onSubmit={form.submit} noValidate aria-label={t('admin.section.notice')}>
      <p className="admin-field-hint">{t('admin.notice.current')}</p>
      <p className="admin-notice-preview" data-testid="notice-current">
        {current || t('admin.notice.none')}
      </p>
      <Field name="text" label={t('admin.notice.label')} hint={t('admin.notice.rule')} error={form.fields.text}>
        {(control) => <textarea {...control} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <p className="admin-field-hint admin-num">{t('admin.notice.count', { count: text.trim().length })}</p>
      <Problem page="office" problem={form.problem} testId="form-problem" />
      <div className="admin-form-buttons">
        <button type="button" className="office-secondary" onClick={() => setText('')}>
          {t('admin.notice.clear')}
        </button>
        <button type="submit" className="office-primary" disabled={form.busy}>
          {t(form.busy ? 'office.form.saving' : 'admin.notice.publish')}
        </button>
      </div>
    </form>
  );
}
