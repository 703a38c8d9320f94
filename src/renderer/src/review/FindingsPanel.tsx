// Every finding of the report, standing ones first; a click shows its cell, a standing one can be waived.
import { memo, useState } from 'react';
import type { CellView, FindingView } from '../../../shared/api';
import { useT } from '../i18n';
import { cellLabel } from './layout';

interface Props {
  findings: readonly FindingView[];
  cells: ReadonlyMap<string, CellView>;
  current: string | null;
  readOnly: boolean;
  onSelect: (f: FindingView) => void;
  onWaive: (f: FindingView, note: string) => void;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export const FindingsPanel = memo(function FindingsPanel({
  findings,
  cells,
  current,
  readOnly,
  onSelect,
  onWaive,
}: Props) {
  const tr = useT();
  const { t, severity } = tr;
  const [waiving, setWaiving] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const sorted = [...findings].sort(
    (a, b) => Number(a.waiver !== null) - Number(b.waiver !== null) || ORDER[a.severity] - ORDER[b.severity],
  );
  if (sorted.length === 0) return <div className="empty-note">{t('noFindings')}</div>;
  return (
    <ul className="findings" data-testid="findings">
      {sorted.map((f) => {
        const active = current !== null && (f.suspect === current || f.keys.includes(current));
        return (
          <li
            key={f.id}
            className={`finding finding-${f.severity}${f.waiver ? ' finding-waived' : ''}${active ? ' active' : ''}`}
            data-rule={f.rule}
            data-severity={f.severity}
            data-waived={f.waiver ? 'true' : 'false'}
          >
            <button type="button" className="finding-main" onClick={() => onSelect(f)}>
              <span className={`sev-badge sev-badge-${f.severity}`}>{severity(f.severity)}</span>
              <span className="finding-message">{tr.message(f.message)}</span>
            </button>
            <div className="finding-meta">
              <span className="finding-rule" title={`${t('ruleId')}：${f.rule}`}>
                {tr.rule(f.rule)}
              </span>
              {f.editedKeys.length > 0 && !f.waiver ? (
                <span className="finding-own">
                  {t('verifyOwnValue', {
                    cells: f.editedKeys.map((k) => cellLabel(k, cells)).join('、'),
                  })}
                </span>
              ) : null}
              {f.suspect ? (
                <span className="finding-suspect" title={cellLabel(f.suspect, cells)}>
                  {t('cell')}：{cellLabel(f.suspect, cells)}
                  {f.suggestion !== undefined ? ` → ${f.suggestion}` : ''}
                </span>
              ) : null}
              {f.waiver ? (
                <span className="finding-waiver">
                  {t('waived')}（{f.waiver.by}）：{f.waiver.note}
                </span>
              ) : !readOnly && f.severity === 'error' && waiving !== f.id ? (
                <button type="button" className="link" onClick={() => (setWaiving(f.id), setNote(''))}>
                  {t('waive')}…
                </button>
              ) : null}
            </div>
            {waiving === f.id ? (
              <form
                className="waive-inline"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (note.trim()) onWaive(f, note.trim());
                  setWaiving(null);
                }}
              >
                <input
                  autoFocus
                  value={note}
                  placeholder={t('waiveNote')}
                  onChange={(e) => setNote(e.target.value)}
                  onKeyDown={(e) => e.key === 'Escape' && setWaiving(null)}
                />
                <button type="submit" disabled={!note.trim()}>
                  {t('waive')}
                </button>
              </form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
});
