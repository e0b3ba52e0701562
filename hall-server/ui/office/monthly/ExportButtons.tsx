import { useT } from '@hall/shared/ui';
import type { ExportFormat } from './monthly-api';
import type { ExportProgress } from './use-export';

interface Props {
  progress: ExportProgress;
  disabled: boolean;
  onExport(format: ExportFormat): void;
}

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'ratings-xlsx', 'ratings-json'];

/** 导出 XLSX / CSV and the month's 好差评 for the province, with a bar that moves while the file is built (no size yet) and fills as it arrives. */
export function ExportButtons({ progress, disabled, onExport }: Props) {
  const { t } = useT();
  return (
    <div className="monthly-export">
      {FORMATS.map((format) => (
        <button key={format} type="button" className="office-chip" data-export={format} disabled={disabled || progress !== null} onClick={() => onExport(format)}>
          {t(`monthly.export.${format}`)}
        </button>
      ))}
      {progress !== null && (
        <div className="monthly-progress" role="status" data-testid="export-progress">
          <span>{t(progress.share === null ? 'monthly.export.building' : 'monthly.export.receiving', { format: t(`monthly.export.name.${progress.format}`) })}</span>
          <progress max={1} {...(progress.share === null ? {} : { value: progress.share })} aria-label={t('monthly.export.progress')} />
        </div>
      )}
    </div>
  );
}
