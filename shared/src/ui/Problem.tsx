import type { StaffPage } from './staff-page';

interface Props {
  page: StaffPage;
  problem: string | null;
  testId: string;
}

/** Why the last attempt was refused, read out at once. */
export function Problem({ page, problem, testId }: Props) {
  if (!problem) return null;
  return (
    <p className={`${page}-notice ${page}-notice-error`} role="alert" data-testid={testId}>
      {problem}
    </p>
  );
}
