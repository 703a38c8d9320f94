// Year over year: two reports of one agency side by side — every cell with both years' values, changed ones
// highlighted, and the text's difference section by section (added sentences green, removed struck through).
import { useEffect, useState } from 'react';
import type { Comparison } from '../../../shared/panel';
import { api, errorText } from '../api';
import { usePanelText } from './text';
import './panel.css';

interface Props {
  reportId: number;
  otherId: number | null;
  onBack: () => void;
  onOpenReport: (reportId: number) => void;
}

export function CompareScreen({ reportId, otherId, onBack, onOpenReport }: Props) {
  const { p, statusText } = usePanelText();
  const [other, setOther] = useState<number | null>(otherId);
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(true);

  useEffect(() => setOther(otherId), [otherId, reportId]);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    api.compareReports({ reportId, ...(other !== null ? { otherId: other } : {}) }).then(
      (c) => live && setData(c),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [reportId, other]);

  const cells = data ? (changedOnly ? data.cells.filter((c) => c.changed) : data.cells) : [];
  const head = (r: Comparison['a']) => (
    <button type="button" className="link" onClick={() => onOpenReport(r.reportId)}>
      {r.year}（#{r.reportId}，
      {statusText(r.status === 'verified' ? 'verified' : r.status === 'failed' ? 'failed' : 'needs_review')}）
    </button>
  );
  return (
    <div
      className="panel-screen"
      data-testid="compare"
      data-compare-state={data ? 'loaded' : error ? 'error' : 'loading'}
      data-a={data?.a.reportId}
      data-b={data?.b.reportId}
    >
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {p('back')}
        </button>
        <strong>
          {p('compareTitle')}：{data?.b.agency ?? ''}
        </strong>
        {data ? (
          <>
            {head(data.a)} → {head(data.b)}
            <label>
              {p('pickOther')}{' '}
              <select
                value={data.a.reportId === reportId ? data.b.reportId : data.a.reportId}
                onChange={(e) => setOther(Number(e.target.value))}
              >
                {data.siblings
                  .filter((s) => s.reportId !== reportId)
                  .map((s) => (
                    <option key={s.reportId} value={s.reportId}>
                      {s.year}（#{s.reportId}）
                    </option>
                  ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={changedOnly}
                onChange={(e) => setChangedOnly(e.target.checked)}
              />
              {p('changedOnly')}
            </label>
          </>
        ) : null}
        {error ? <span className="error-text">{error}</span> : null}
      </div>
      {data ? (
        <div className="compare-body">
          <div className="compare-cells">
            <table className="compare">
              <thead>
                <tr>
                  <th>{p('cell')}</th>
                  <th>{data.a.year}</th>
                  <th>{data.b.year}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.key} className={c.changed ? 'changed' : undefined} data-key={c.key}>
                    <td title={c.key}>{c.label}</td>
                    <td className="num">{c.a ?? ''}</td>
                    <td className="num">{c.b ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="compare-text" data-testid="compare-text">
            <h3>{p('sections')}</h3>
            {data.sections.map((s) => (
              <section key={s.section} data-changed={s.changed}>
                <h3>
                  {s.section} {s.changed ? '' : <span className="muted">{p('unchangedSection')}</span>}
                </h3>
                <p>
                  {s.parts.map((part, i) => (
                    <span key={i} className={part.kind === 'same' ? undefined : `diff-${part.kind}`}>
                      {part.text}
                    </span>
                  ))}
                </p>
              </section>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
