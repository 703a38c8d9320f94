// The cell states at a glance: what the arithmetic confirmed, what was read but nothing checks, what needs
// review (and how much of it the reviewer has not looked at yet), what was edited.
import { memo } from 'react';
import { useT } from '../i18n';
import type { CellState } from './cellstate';

const ORDER: CellState[] = ['confirmed', 'unconfirmed', 'review', 'edited'];

export const Legend = memo(function Legend(props: { counts: Record<CellState, number>; unseen: number }) {
  const { t } = useT();
  return (
    <div className="legend state-legend" data-testid="legend" aria-label={t('stateLegend')}>
      {ORDER.map((s) => (
        <span key={s} className="legend-item" title={t(`stateHelp_${s}`)} data-state={s}>
          <span className={`legend-swatch cell-value state-${s}`}>0</span>
          {t(`state_${s}`)} <span className="legend-count">{props.counts[s]}</span>
        </span>
      ))}
      {props.unseen > 0 ? (
        <span className="legend-unseen" data-testid="unseen">
          {t('unseenCells', { n: props.unseen })}
        </span>
      ) : null}
    </div>
  );
});
