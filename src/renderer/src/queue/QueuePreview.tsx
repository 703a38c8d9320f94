// The queue's first paint: its top rows drawn as plain elements, with the grid's own columns (labels, formatters,
// classes, widths) and metrics, while ag-grid's code (most of the renderer's) loads and builds the grid that then
// takes its place. It lasts until the grid has drawn the same rows; meanwhile a double click opens a report.
import { useLayoutEffect, useMemo, type CSSProperties } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { ReportRow } from '../../../shared/api';
import { escapeHtml } from '../../../shared/html';
import { GRID_PARAMS } from '../common/theme';
import { isSecondary, queueRowClass } from './columns';

/** The rows a window of this height shows (no more are drawn). */
const rowsShown = (): number => Math.ceil(window.innerHeight / GRID_PARAMS.rowHeight);

// The column definitions' callbacks read only `data` and `value`; the rest of ag-grid's params do not exist here.
type Fn = (params: never) => unknown;
const call = (fn: unknown, params: { data: ReportRow; value?: unknown }): unknown =>
  (fn as Fn)(params as never);

function cellValue(col: ColDef<ReportRow>, row: ReportRow): unknown {
  if (typeof col.valueGetter === 'function') return call(col.valueGetter, { data: row });
  return col.field ? row[col.field as keyof ReportRow] : undefined;
}

function cellText(col: ColDef<ReportRow>, row: ReportRow, value: unknown): string {
  if (typeof col.valueFormatter === 'function')
    return String(call(col.valueFormatter, { data: row, value }) ?? '');
  return value === null || value === undefined ? '' : String(value);
}

function cellClass(col: ColDef<ReportRow>, row: ReportRow, value: unknown): string {
  const cls = typeof col.cellClass === 'function' ? call(col.cellClass, { data: row, value }) : col.cellClass;
  const list = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
  return `qp-cell ${col.type === 'rightAligned' ? 'qp-right ' : ''}${list}`;
}

/** ag-grid's order when no comparator is given: nothing first, then by value. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows in the order the grid first shows them: its columns' sorts (as listed), ties in the given order. */
function gridOrder(rows: ReportRow[], columns: ColDef<ReportRow>[]): ReportRow[] {
  const sorts = columns.filter((c) => c.sort).sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0));
  const compare = (col: ColDef<ReportRow>, a: ReportRow, b: ReportRow): number => {
    const [va, vb] = [cellValue(col, a), cellValue(col, b)];
    const order = col.comparator
      ? (col.comparator as (x: unknown, y: unknown) => number)(va, vb)
      : compareValues(va, vb);
    return col.sort === 'desc' ? -order : order;
  };
  return rows
    .map((row, at) => ({ row, at }))
    .sort((a, b) => {
      for (const col of sorts) {
        const order = compare(col, a.row, b.row);
        if (order !== 0) return order;
      }
      return a.at - b.at;
    })
    .map((r) => r.row);
}

/** The columns' widths as the grid sizes them: fixed, or a share of the rest no narrower than a minimum. */
function gridColumns(columns: ColDef<ReportRow>[]): string {
  return columns
    .map((c) => (c.flex ? `minmax(${c.minWidth ?? 0}px, ${c.flex}fr)` : `${c.width ?? 200}px`))
    .join(' ');
}

const METRICS = {
  '--qp-row': `${GRID_PARAMS.rowHeight}px`,
  '--qp-head': `${GRID_PARAMS.headerHeight}px`,
  '--qp-pad': `${GRID_PARAMS.cellHorizontalPadding}px`,
  '--qp-border': GRID_PARAMS.borderColor,
  '--qp-head-bg': GRID_PARAMS.headerBackgroundColor,
  fontSize: GRID_PARAMS.fontSize,
  fontFamily: GRID_PARAMS.fontFamily.join(', '),
} as CSSProperties;

export function QueuePreview({
  rows,
  columns,
  onPainted,
  onOpen,
}: {
  rows: ReportRow[];
  columns: ColDef<ReportRow>[];
  onPainted: () => void;
  /** A double click opens the report, as on the grid's rows. */
  onOpen: (id: number) => void;
}) {
  // A layout effect: the frame asked for is the one that paints these rows.
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(onPainted, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [onPainted]);
  // The whole list may replace the top before the grid is ready: shown as the grid will show it, other versions
  // of a report hidden.
  const shown = useMemo(
    () =>
      gridOrder(
        rows.filter((r) => !isSecondary(r)),
        columns,
      ).slice(0, rowsShown()),
    [rows, columns],
  );
  // One string for the browser's parser instead of hundreds of elements for React to build: this is the first
  // paint, before the JIT has warmed up. Every text is escaped.
  const body = useMemo(
    () =>
      shown
        .map(
          (row) =>
            `<div class="qp-row ${escapeHtml(queueRowClass(row) ?? '')}" data-id="${row.id}">` +
            columns
              .map((col) => {
                const value = cellValue(col, row);
                return (
                  `<div class="${escapeHtml(cellClass(col, row, value))}" ` +
                  `data-col="${escapeHtml(col.colId ?? col.field ?? '')}">${escapeHtml(cellText(col, row, value))}</div>`
                );
              })
              .join('') +
            '</div>',
        )
        .join(''),
    [shown, columns],
  );
  return (
    <div
      className="queue-preview"
      style={{ ...METRICS, '--qp-cols': gridColumns(columns) } as CSSProperties}
      aria-busy="true"
      data-testid="queue-preview"
      onDoubleClick={(e) => {
        const id = (e.target as HTMLElement).closest('.qp-row')?.getAttribute('data-id');
        if (id) onOpen(Number(id));
      }}
    >
      <div className="qp-head">
        {columns.map((col, i) => (
          <div key={i} className={`qp-cell${col.type === 'rightAligned' ? ' qp-right' : ''}`}>
            {col.headerName}
          </div>
        ))}
      </div>
      <div className="qp-head qp-filters" />
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </div>
  );
}
