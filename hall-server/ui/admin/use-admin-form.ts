import { useRef, useState } from 'react';
import type { z } from 'zod';
import { problemText, useFormSubmit, useT } from '@hall/shared/ui';
import { issueErrors, refusalErrors, zodIssues, type CodeFields, type FieldRules } from './field-errors';

interface Options<S extends z.ZodType> {
  /** The shared schema the server checks the body with. */
  schema: S;
  /** The body as the form stands. */
  body(): unknown;
  rules: FieldRules;
  codes?: CodeFields;
  /** Checks the schema cannot make (two PINs alike): field path → text. */
  check?(): Record<string, string | undefined>;
  send(body: z.output<S>): Promise<void>;
}

/**
 * An admin editor's form: checked with the shared schema before it is sent, every error beside
 * its field (the server's too), the rest in one line above the buttons. It stays to be sent again.
 */
export function useAdminForm<S extends z.ZodType>({ schema, body, rules, codes = {}, check, send }: Options<S>) {
  const { t } = useT();
  const [fields, setFields] = useState<Readonly<Record<string, string>>>({});
  const fixFields = t('admin.form.fixFields');
  /** The body as the schema read it, between the check and the sending. */
  const valid = useRef<z.output<S>>(undefined);
  const form = useFormSubmit({
    check: () => {
      const own = Object.fromEntries(Object.entries(check?.() ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])));
      const result = schema.safeParse(body());
      const errors = result.success ? { fields: {}, general: null } : issueErrors(zodIssues(result.error), rules, t, fixFields);
      setFields({ ...errors.fields, ...own });
      if (!result.success || Object.keys(own).length > 0) return errors.general ?? fixFields;
      valid.current = result.data;
      return null;
    },
    send: async () => {
      await send(valid.current as z.output<S>);
      setFields({});
    },
    refused: (error) => {
      const errors = refusalErrors(error, rules, codes, t, (e) => problemText(e, t));
      setFields(errors.fields);
      return errors.general ?? fixFields;
    },
  });
  return { ...form, fields };
}
