// The selected cell: where it sits in the form, what was printed, what was read, how, the current value,
// the suggestion, and its history one click away.
import { memo } from 'react';
import type { CellEdit, CellView, FindingView } from '../../../shared/api';
import { useT } from '../i18n';
import { cellLabel } from './layout';
import { formatValue } from './values';

interface Props {
  cellKey: string | null;
  cells: ReadonlyMap<string, CellView>;
  /** Changes whenever a cell value may have changed (the map itself is mutated in place). */
  version: number;
  suspect: FindingView | undefined;
  readOnly: boolean;
  history: CellEdit[] | null;
  historyOpen: boolean;
  onAccept: () => void;
  onToggleHistory: () => void;
}

export const CellInspector = memo(function CellInspector(props: Props) {
  const { t, cellHow } = useT();
  const { cellKey, cells, suspect } = props;
  if (!cellKey) return <div className="inspector empty-note">{t('cell')}：—</div>;
  const cell = cells.get(cellKey);
  return (
    <div className="inspector" data-testid="inspector" data-key={cellKey}>
      <div className="inspector-title" title={cellKey}>
        {cellLabel(cellKey, cells)}
      </div>
      <dl className="inspector-facts">
        <dt>{t('raw')}</dt>
        <dd className="mono">{cell?.raw ? `“${cell.raw}”` : '—'}</dd>
        <dt>{t('extracted')}</dt>
        <dd className="mono">{formatValue(cell?.extracted) || '—'}</dd>
        <dt>{t('current')}</dt>
        <dd className={`mono${cell?.edited ? ' edited-text' : ''}`}>{formatValue(cell?.value) || '—'}</dd>
        <dt>{t('note')}</dt>
        <dd data-testid="cell-how">{cellHow(cell)}</dd>
        {suspect?.suggestion !== undefined ? (
          <>
            <dt>{t('suggestion')}</dt>
            <dd>
              <span className="mono suggestion">{suspect.suggestion}</span>
              {!props.readOnly ? (
                <button type="button" className="small primary" onClick={props.onAccept}>
                  {t('accept')} <kbd>A</kbd>
                </button>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {cell?.attention ? <div className="attention-note">{cell.attention}</div> : null}
      <button type="button" className="link history-toggle" onClick={props.onToggleHistory}>
        {props.historyOpen ? '▾' : '▸'} {t('history')} <kbd>Ctrl+H</kbd>
      </button>
      {props.historyOpen ? <HistoryList history={props.history} /> : null}
    </div>
  );
});

function HistoryList({ history }: { history: CellEdit[] | null }) {
  const { t } = useT();
  if (history === null) return <div className="empty-note">{t('loading')}</div>;
  if (history.length === 0) return <div className="empty-note">{t('noHistory')}</div>;
  return (
    <table className="history" data-testid="history">
      <tbody>
        {history.map((h) => (
          <tr key={h.id} className={h.undone ? 'undone' : ''}>
            <td className="mono">{h.at.replace('T', ' ').slice(0, 19)}</td>
            <td>{h.reviewer}</td>
            <td className="mono">
              {formatValue(h.old) || '∅'} → {formatValue(h.new) || '∅'}
            </td>
            <td>
              {h.undone ? `（${t('undo')}）` : ''}
              {h.note ?? ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
