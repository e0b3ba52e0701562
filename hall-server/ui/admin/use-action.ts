import { useState } from 'react';
import { problemText, useT } from '@hall/shared/ui';

/** A button's request (remove, close, bind): one at a time, its refusal kept to show beside it. */
export function useAction() {
  const { t } = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(problemText(error, t));
    }
    setBusy(false);
  };
  return { problem, busy, run };
}
