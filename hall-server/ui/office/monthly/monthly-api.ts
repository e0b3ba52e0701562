import { ApiError, ErrorReply, monthSpan, MonthlyReport, SummaryReport, type ApiClient, type Locale, type ReportBy } from '@hall/shared';
import type { DateRange } from '../office-api';

// The reports' requests (issue 16), signed with the office session's token; the exports are
// fetched as files, their bytes counted as they arrive.

/** The 月度通报 as a workbook or CSV, and the month's ratings for the provincial 好差评 platform as a workbook or JSON. */
export type ExportFormat = 'xlsx' | 'csv' | 'ratings-xlsx' | 'ratings-json';

/** Where each export is fetched from. */
function exportPath(month: string, format: ExportFormat): string {
  if (format === 'xlsx' || format === 'csv') return `/api/reports/monthly.${format}?${new URLSearchParams({ month })}`;
  return `/api/evaluations/export?${new URLSearchParams({ ...monthSpan(month), format: format === 'ratings-xlsx' ? 'xlsx' : 'json' })}`;
}

export interface ReportsApi {
  monthly(month: string): Promise<MonthlyReport>;
  summary(range: DateRange, by: ReportBy): Promise<SummaryReport>;
  /** The file and its name; `onBytes` hears the bytes received so far and the total, when the server says it. */
  download(month: string, format: ExportFormat, onBytes: (received: number, total: number | null) => void): Promise<{ blob: Blob; fileName: string }>;
}

/** The name in a Content-Disposition header: RFC 5987's filename* (UTF-8) first, else the plain one. */
export function attachmentName(header: string | null, fallback: string): string {
  const extended = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (extended) return decodeURIComponent(extended);
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

export function reportsApi(api: ApiClient, token: string, locale: Locale): ReportsApi {
  const options = { token, locale };
  return {
    monthly: (month) => api.request('GET', `/api/reports/monthly?${new URLSearchParams({ month })}`, MonthlyReport, options),
    summary: ({ from, to }, by) => api.request('GET', `/api/reports/summary?${new URLSearchParams({ from, to, by })}`, SummaryReport, options),
    async download(month, format, onBytes) {
      let response: Response;
      try {
        response = await fetch(exportPath(month, format), {
          headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
        });
      } catch (error) {
        throw new ApiError('NETWORK_ERROR', 0, (error as Error).message);
      }
      if (!response.ok) {
        const refusal = ErrorReply.safeParse(await response.json().catch(() => null));
        if (refusal.success) throw new ApiError(refusal.data.error.code, response.status, refusal.data.error.message, refusal.data.error.details);
        throw new ApiError('BAD_REPLY', response.status, response.statusText);
      }
      const length = Number(response.headers.get('content-length'));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const chunks: Uint8Array[] = [];
      let received = 0;
      onBytes(0, total);
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        onBytes(received, total);
      }
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      return { blob: new Blob(chunks as BlobPart[], { type }), fileName: attachmentName(response.headers.get('content-disposition'), `${month}.${format.replace('ratings-', '')}`) };
    },
  };
}
