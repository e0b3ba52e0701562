import { useState } from 'react';
import type { ExportFormat, ReportsApi } from './monthly-api';

/** Where an export stands: building on the server (no bytes yet), arriving (a share when the size is known), or idle. */
export type ExportProgress = { format: ExportFormat; share: number | null } | null;

/** Saves a file under its name, as the browser's own download would. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  queueMicrotask(() => URL.revokeObjectURL(url));
}

/** One export at a time, its progress shown while the server builds the file and while it arrives. */
export function useExport(reports: ReportsApi, onDone: (fileName: string) => void, onProblem: (error: unknown) => void) {
  const [progress, setProgress] = useState<ExportProgress>(null);
  const start = (month: string, format: ExportFormat) => {
    if (progress !== null) return;
    setProgress({ format, share: null });
    reports
      .download(month, format, (received, total) => setProgress({ format, share: total === null || received === 0 ? null : received / total }))
      .then(
        ({ blob, fileName }) => {
          save(blob, fileName);
          onDone(fileName);
        },
        onProblem,
      )
      .finally(() => setProgress(null));
  };
  return { progress, start };
}
