// Beside the review screen: the report's findings across reports of its agency (each naming the other report,
// one click opens it) and the supervisors' checks (late, format, sections, text reused with the passages).
import { useEffect, useState } from 'react';
import type { PanelFindingView } from '../../../shared/panel';
import { api } from '../api';
import { useT } from '../i18n';
import { usePanelText } from './text';
import './panel.css';

interface Props {
  reportId: number | null;
  active: boolean;
  onOpenReport: (reportId: number) => void;
  onCompare: (reportId: number, otherId?: number) => void;
}

export function PanelChecks({ reportId, active, onOpenReport, onCompare }: Props) {
  const { p } = usePanelText();
  const tr = useT();
  const [findings, setFindings] = useState<PanelFindingView[] | null>(null);
  const [open, setOpen] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!active || reportId === null) return;
    let live = true;
    api.panelFindings({ reportId }).then(
      (f) => live && setFindings(f),
      () => live && setFindings([]),
    );
    return () => {
      live = false;
    };
  }, [active, reportId, generation]);

  // Edits, verification and imports recompute the checks; follow them once the reviewer pauses (a run of edits
  // asks once, and never competes with the next keystroke).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offChanged = api.on('reportsChanged', () => {
      timer ??= setTimeout(() => {
        timer = null;
        setGeneration((g) => g + 1);
      }, 300);
    });
    const onEdit = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setGeneration((g) => g + 1);
      }, 300);
    };
    window.addEventListener('nianbao:change-saved', onEdit);
    return () => {
      offChanged();
      window.removeEventListener('nianbao:change-saved', onEdit);
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (!active || reportId === null || findings === null) return null;
  const serious = findings.filter((f) => f.severity !== 'info').length;
  return (
    <div className="checks-drawer" data-testid="panel-checks" data-report-id={reportId}>
      <div className="toolbar">
        <button type="button" className="toggle" onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {p('checks')}（{serious}/{findings.length}）
        </button>
        <button
          type="button"
          className="small"
          data-testid="compare-years"
          onClick={() => onCompare(reportId)}
        >
          {p('compareYears')}
        </button>
      </div>
      {open ? (
        <ul>
          {findings.length === 0 ? <li className="empty-note">{p('noChecks')}</li> : null}
          {findings.map((f) => (
            <li key={f.id} data-rule={f.rule} data-severity={f.severity}>
              <span className={`sev-badge sev-badge-${f.severity}`}>{tr.severity(f.severity)}</span>{' '}
              {f.message}
              {f.other ? (
                <>
                  <button
                    type="button"
                    className="small"
                    data-testid="open-other"
                    onClick={() => onOpenReport(f.other!.reportId)}
                  >
                    {p('openOther', { year: f.other.year ?? '?' })}
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => onCompare(reportId, f.other!.reportId)}
                  >
                    {p('compareYears')}
                  </button>
                </>
              ) : null}
              {f.reuse ? (
                <details>
                  <summary>
                    {p('reuseShare', {
                      repeated: f.reuse.repeated,
                      sentences: f.reuse.sentences,
                      pct: Math.round(f.reuse.share * 100),
                    })}
                  </summary>
                  <ol className="passages">
                    {f.reuse.passages.map((text, i) => (
                      <li key={i}>{text}</li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
