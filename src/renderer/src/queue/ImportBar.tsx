// Import progress while the watcher works (done / total / failed) and the failed files with their error.
import { useState } from 'react';
import type { ImportProgress } from '../../../shared/api';
import { useT } from '../i18n';

export function ImportBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  if (!progress || (progress.total === 0 && progress.failed === 0)) return null;
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;
  return (
    <div className="import-bar" data-testid="import-bar" data-running={progress.running ? 'true' : 'false'}>
      <span className="import-label">{progress.running ? t('importing') : t('imported')}</span>
      <span className="progress" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="mono">
        {progress.done}/{progress.total}
      </span>
      {progress.reading ? (
        <span className="muted ocr-reading" data-testid="ocr-reading">
          {t('ocrReading', {
            path: progress.reading.path,
            page: progress.reading.page,
            pages: progress.reading.pages,
          })}
        </span>
      ) : null}
      {progress.failed > 0 ? (
        <button type="button" className="link count-error" onClick={() => setOpen((o) => !o)}>
          {t('failedFiles')} {progress.failed}
        </button>
      ) : null}
      {open && progress.failures.length > 0 ? (
        <ul className="failures" role="dialog">
          {progress.failures.map((f) => (
            <li key={f.path}>
              <span className="mono">{f.path}</span>
              <span className="error-text">{f.error}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
