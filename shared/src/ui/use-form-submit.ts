import { useState, type FormEvent } from 'react';

interface Options {
  /** What is wrong with the form as filled in, said before anything is sent. */
  check(): string | null;
  send(): Promise<void>;
  /** The text for a refusal; null when the page is leaving and nothing needs saying. */
  refused(error: unknown): string | null;
}

/** A form sent one request at a time; a refusal stays with the form, which can be sent again. */
export function useFormSubmit({ check, send, refused }: Options) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const wrong = check();
    if (wrong) return setProblem(wrong);
    setBusy(true);
    setProblem(null);
    try {
      await send();
    } catch (error) {
      const text = refused(error);
      if (text === null) return;
      setProblem(text);
    }
    // A form that stays after it is sent (the admin page's editors) can be sent again.
    setBusy(false);
  };

  return { problem, busy, submit };
}
