// The export dialog: format, shapes, scope and filters; the destination folder is asked by the system dialog.
import { useEffect, useState } from 'react';
import type { ExportFormat, ExportOutcome, ExportRequest, ExportShape } from '../../../shared/api';
import type { TemplateId } from '../../../shared/types';
import { api, errorText } from '../api';
import { useT } from '../i18n';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'json'];
const SHAPES: ExportShape[] = ['long', 'wide', 'reports', 'codebook', 'harmonised', 'checks', 'gaps'];
const TEMPLATES: TemplateId[] = ['2021', '2019', 'legacy'];

function parseYears(text: string): number[] | null {
  const parts = text.split(/[\s,，、]+/).filter(Boolean);
  const years = parts.map(Number);
  return years.every((y) => Number.isInteger(y) && y >= 1990 && y <= 2100) ? years : null;
}

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const { t } = tr;
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [shapes, setShapes] = useState<Set<ExportShape>>(new Set(['long', 'wide', 'reports', 'codebook']));
  const [includeAll, setIncludeAll] = useState(false);
  const [years, setYears] = useState('');
  const [templates, setTemplates] = useState<Set<TemplateId>>(new Set());
  const [agency, setAgency] = useState('');
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('exportProgress', setProgress), []);
  // Esc closes the dialog wherever the focus is: after an export the focused button is gone and the focus with it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !running) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, onClose]);

  const yearList = parseYears(years);
  const toggle = <T,>(set: Set<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  const run = async (): Promise<void> => {
    const request: ExportRequest = {
      format,
      shapes: SHAPES.filter((s) => shapes.has(s)),
      includeAll,
      ...(yearList && yearList.length > 0 ? { years: yearList } : {}),
      ...(templates.size > 0 ? { templates: TEMPLATES.filter((x) => templates.has(x)) } : {}),
      ...(agency.trim() ? { agency: agency.trim() } : {}),
    };
    setRunning(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      const out = await api.exportDataset(request);
      if (out?.ok) setResult(out.value);
      else if (out) setError(tr.message(out.reason));
    } catch (err) {
      setError(tr.message(errorText(err)));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="modal-backdrop" role="presentation">
      <form
        className="modal wide export-dialog"
        role="dialog"
        aria-labelledby="export-title"
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void run();
        }}
      >
        <h2 id="export-title">{t('exportTitle')}</h2>
        <fieldset>
          <legend>{t('exportFormat')}</legend>
          {FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="format" checked={format === f} onChange={() => setFormat(f)} />
              {t(`format_${f}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('exportShapes')}</legend>
          {SHAPES.map((s) => (
            <label key={s}>
              <input type="checkbox" checked={shapes.has(s)} onChange={() => setShapes(toggle(shapes, s))} />
              {t(`shape_${s}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('exportScope')}</legend>
          <label>
            <input type="radio" name="scope" checked={!includeAll} onChange={() => setIncludeAll(false)} />
            {t('exportVerified')}
          </label>
          <label>
            <input type="radio" name="scope" checked={includeAll} onChange={() => setIncludeAll(true)} />
            {t('exportAll')}
          </label>
        </fieldset>
        <fieldset className="export-filters">
          <legend>{t('exportFilters')}</legend>
          <label>
            {t('year')}
            <input
              value={years}
              placeholder="2020, 2021"
              onChange={(e) => setYears(e.target.value)}
              aria-invalid={yearList === null}
            />
          </label>
          <label>
            {t('agency')}
            <input value={agency} placeholder="街道" onChange={(e) => setAgency(e.target.value)} />
          </label>
          <span className="export-templates">
            {TEMPLATES.map((x) => (
              <label key={x}>
                <input
                  type="checkbox"
                  checked={templates.has(x)}
                  onChange={() => setTemplates(toggle(templates, x))}
                />
                {tr.template(x)}
              </label>
            ))}
          </span>
        </fieldset>
        {running && progress ? (
          <div className="export-progress">
            <span className="progress">
              <span
                className="progress-fill"
                style={{
                  width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 0}%`,
                }}
              />
            </span>
            <span className="mono">
              {progress.done}/{progress.total}
            </span>
          </div>
        ) : null}
        {error ? <p className="error-text">{error}</p> : null}
        {result ? (
          <div className="export-result" data-testid="export-result">
            <p>
              {t('exportDone', { reports: result.reports, rows: result.rows, s: result.seconds.toFixed(1) })}
            </p>
            <ul>
              {result.files.map((f) => (
                <li key={f} className="mono">
                  {f}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={running}>
            {t('close')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={running || shapes.size === 0 || yearList === null}
          >
            {t('exportRun')}
          </button>
        </div>
      </form>
    </div>
  );
}
