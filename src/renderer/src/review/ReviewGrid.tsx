// The report's tables as one dense ag-grid laid out like the official form; values and colours come from a
// mutable model the review screen updates before asking the grid to refresh.
import { memo, useMemo, useRef } from 'react';
import type {
  CellClassParams,
  CellFocusedEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassParams,
  RowHeightParams,
  SuppressKeyboardEventParams,
  TabToNextCellParams,
  ValueSetterParams,
} from 'ag-grid-community';
import type { CellView } from '../../../shared/api';
import type { Template } from '../../../shared/types';
import type { Translator } from '../i18n';
import { AgGridReact, gridLocale, gridTheme } from '../common/grid';
import { isGridShortcut } from '../common/keys';
import { titleOnHover } from '../common/tips';
import type { FindingIndex } from './findings';
import type { CellState } from './cellstate';
import { VALUE_COLUMNS, type FormLayout, type FormRow } from './layout';
import { formatValue, parseCellInput, type Parsed } from './values';
import { enterHold } from './enterHold';

/** What the grid reads on every refresh; owned and mutated by the review screen. */
export interface GridModel {
  cells: Map<string, CellView>;
  index: FindingIndex;
  readOnly: boolean;
  t: Translator;
  layout: FormLayout;
  /** Each cell's state for the legend: confirmed, unconfirmed, review, edited. */
  states: Map<string, CellState>;
  template: Template | null;
}

export interface ReviewGridProps {
  /** The grid's rows are `model.current.layout.rows`, set through the grid's API when a report loads (useReport). */
  model: { current: GridModel };
  /** Saves a value; the promise settles once the answer is applied (true) or the save refused (false). */
  onEdit: (key: string, value: number | null) => Promise<boolean> | void;
  onInvalid: (message: string) => void;
  onFocusKey: (key: string | null) => void;
  onReady: (api: GridApi<FormRow>) => void;
}

const COLS = Array.from({ length: VALUE_COLUMNS }, (_, i) => i);

function keyAt(row: FormRow | undefined, col: number): string | null {
  return row?.kind === 'cells' ? (row.cols[col] ?? null) : null;
}

/**
 * How many columns the cell at value column `col` spans: a heading its printed span; the first of a row's trailing
 * empty places (null: nothing printed there) every column to the end, gutter included, so the grid builds one cell
 * for them rather than one per column.
 */
function spanAt(row: FormRow | undefined, col: number): number {
  if (!row) return 1;
  if (row.kind === 'head' && row.spans) return Math.max(1, row.spans[col] ?? 1);
  if (row.kind !== 'head' && row.kind !== 'cells') return 1;
  if (row.cols[col] != null) return 1;
  for (let i = col + 1; i < VALUE_COLUMNS; i++) if (row.cols[i] != null) return 1;
  return VALUE_COLUMNS - col + 1;
}

function valueClasses(m: GridModel, row: FormRow, col: number): string[] {
  if (row.kind === 'head') return ['form-head-cell'];
  if (row.kind !== 'cells') return [];
  const key = row.cols[col];
  if (!key) return ['cell-none'];
  const cls = ['cell-value'];
  const sev = m.index.severity.get(key);
  if (sev) cls.push(`sev-${sev}`);
  if (m.index.suspect.has(key)) cls.push('suspect');
  const cell = m.cells.get(key);
  if (!cell) cls.push('cell-absent');
  else {
    cls.push(`state-${m.states.get(key) ?? 'unconfirmed'}`);
    if (cell.edited) cls.push('edited');
    else if (cell.how && cell.how !== 'clean') cls.push(`how-${cell.how}`);
    if (cell.attention) cls.push('attention');
  }
  return cls;
}

function tooltipFor(m: GridModel, key: string): string | undefined {
  const cell = m.cells.get(key);
  const lines: string[] = [];
  for (const f of m.index.byKey.get(key) ?? []) {
    const tag = f.waiver ? `${m.t.t('waived')}·` : '';
    lines.push(`【${tag}${m.t.severity(f.severity)}·${m.t.rule(f.rule)}】${m.t.message(f.message)}`);
  }
  const suspect = m.index.suspect.get(key);
  if (suspect?.suggestion !== undefined) lines.push(`${m.t.t('suggestion')}：${suspect.suggestion}（A）`);
  if (cell) {
    if (cell.how && cell.how !== 'clean') lines.push(`${m.t.how(cell.how)}：“${cell.raw ?? ''}”`);
    if (cell.edited) lines.push(`${m.t.t('extracted')}：${formatValue(cell.extracted)}`);
    if (cell.attention) lines.push(cell.attention);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** A cell's tooltip: its findings, suggestion and reading; for a label long enough to be cut off, the label. */
function tipAt(m: GridModel, row: FormRow | undefined, colId: string): string | undefined {
  if (row?.kind !== 'cells') return undefined;
  if (colId === 'label') return row.label.length > 18 ? row.label : undefined;
  const key = /^c\d$/.test(colId) ? keyAt(row, Number(colId.slice(1))) : null;
  return key ? tooltipFor(m, key) : undefined;
}

/**
 * What committing `input` in value column `col` does: nothing (no cell there, or its value unchanged), or the cell's
 * key with the parsed input (refused if it does not parse).
 */
function commitOf(
  m: GridModel,
  row: FormRow | undefined,
  col: number,
  input: unknown,
): { key: string; parsed: Parsed } | null {
  const key = keyAt(row, col);
  if (!key) return null;
  const parsed = parseCellInput(input, key);
  if (parsed.ok && parsed.value === (m.cells.get(key)?.value ?? null)) return null;
  return { key, parsed };
}

function buildColumns(model: { current: GridModel }, props: ReviewGridProps): ColDef<FormRow>[] {
  // Enter saves the editor's value before the editor closes (enterHold); nothing to save, ag-grid handles it.
  const holdEnter = enterHold<FormRow>();
  const saveTyped = (p: SuppressKeyboardEventParams<FormRow>, col: number): Promise<boolean> | null => {
    const editor = p.api.getCellEditorInstances({ rowNodes: [p.node], columns: [p.column] })[0];
    const commit = commitOf(model.current, p.data, col, editor?.getValue());
    if (!commit?.parsed.ok) return null;
    return props.onEdit(commit.key, commit.parsed.value) ?? null;
  };
  const label: ColDef<FormRow> = {
    colId: 'label',
    flex: 1,
    minWidth: 240,
    editable: false,
    valueGetter: (p) => (p.data ? p.data.label + (p.data.unit ? `（${p.data.unit}）` : '') : ''),
    colSpan: (p) => (p.data?.kind === 'title' || p.data?.kind === 'group' ? VALUE_COLUMNS + 2 : 1),
    cellClass: (p) => (p.data ? [`form-${p.data.kind}`, `indent-${p.data.indent}`] : []),
  };
  const values = COLS.map((i): ColDef<FormRow> => ({
    colId: `c${i}`,
    width: 84,
    cellEditor: 'agTextCellEditor',
    editable: (p) => !model.current.readOnly && keyAt(p.data, i) !== null,
    suppressNavigable: (p) => p.data?.kind !== 'cells',
    valueGetter: (p) => {
      const row = p.data;
      if (!row) return '';
      if (row.kind === 'head') return row.cols[i] ?? '';
      const key = keyAt(row, i);
      return key ? formatValue(model.current.cells.get(key)?.value) : '';
    },
    valueSetter: (p: ValueSetterParams<FormRow>) => {
      const commit = commitOf(model.current, p.data, i, p.newValue);
      if (!commit) return false;
      if (!commit.parsed.ok) {
        props.onInvalid(model.current.t.t(commit.parsed.error, { text: commit.parsed.text }));
        return false;
      }
      props.onEdit(commit.key, commit.parsed.value);
      return true;
    },
    colSpan: (p) => spanAt(p.data, i),
    cellClass: (p: CellClassParams<FormRow>) => (p.data ? valueClasses(model.current, p.data, i) : []),
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams<FormRow>) =>
      holdEnter(p, () => saveTyped(p, i)) || (!p.editing && isGridShortcut(p.event)),
  }));
  // Keeps the last value column clear of the vertical scrollbar, which ag-grid 36 lays over the columns here.
  const gutter: ColDef<FormRow> = {
    colId: 'gutter',
    width: 18,
    editable: false,
    suppressNavigable: true,
    valueGetter: () => '',
    cellClass: 'gutter',
  };
  return [label, ...values, gutter];
}

/** Tab and Shift+Tab jump between editable value cells only. */
function tabToNextCell(params: TabToNextCellParams<FormRow>, model: GridModel) {
  const rows = model.layout.rows;
  const start = params.previousCellPosition;
  const col0 = start.column.getColId();
  let row = start.rowIndex;
  let col = /^c\d$/.test(col0) ? Number(col0.slice(1)) : -1;
  const step = params.backwards ? -1 : 1;
  for (let n = 0; n < rows.length * (VALUE_COLUMNS + 1); n++) {
    col += step;
    if (col >= VALUE_COLUMNS) {
      col = 0;
      row += 1;
    } else if (col < 0) {
      col = VALUE_COLUMNS - 1;
      row -= 1;
    }
    if (row < 0 || row >= rows.length) return false;
    if (keyAt(rows[row], col)) {
      const column = params.api.getColumn(`c${col}`);
      return column ? { rowIndex: row, column, rowPinned: null } : false;
    }
  }
  return false;
}

const DEFAULT_COL_DEF: ColDef<FormRow> = {
  cellDataType: false,
  sortable: false,
  resizable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
};

function rowHeight(p: RowHeightParams<FormRow>): number {
  return p.data?.kind === 'head' && p.data.cols.some((c) => (c?.length ?? 0) > 6) ? 36 : 24;
}

function rowClass(p: RowClassParams<FormRow>): string | undefined {
  return p.data ? `row-${p.data.kind}` : undefined;
}

function rowId(p: GetRowIdParams<FormRow>): string {
  return p.data.id;
}

function ReviewGridImpl(props: ReviewGridProps) {
  const { model } = props;
  // Every option given to the grid must keep its identity across renders: a changed callback makes ag-grid
  // re-apply the option (a new getRowHeight redraws every row). The callbacks read the latest props via a ref.
  const latest = useRef(props);
  latest.current = props;
  const stable = useMemo(() => {
    const proxy: ReviewGridProps = {
      model,
      onEdit: (key, value) => latest.current.onEdit(key, value),
      onInvalid: (message) => latest.current.onInvalid(message),
      onFocusKey: (key) => latest.current.onFocusKey(key),
      onReady: (api) => latest.current.onReady(api),
    };
    return {
      columnDefs: buildColumns(model, proxy),
      tabToNextCell: (p: TabToNextCellParams<FormRow>) => tabToNextCell(p, model.current),
      onGridReady: (e: GridReadyEvent<FormRow>) => {
        e.api.setGridOption('rowData', model.current.layout.rows);
        latest.current.onReady(e.api);
      },
      onCellFocused: (e: CellFocusedEvent<FormRow>) => {
        const colId = typeof e.column === 'object' && e.column ? e.column.getColId() : null;
        const rows = model.current.layout.rows;
        const row = e.rowIndex === null || e.rowIndex === undefined ? undefined : rows[e.rowIndex];
        const col = colId && /^c\d$/.test(colId) ? Number(colId.slice(1)) : -1;
        latest.current.onFocusKey(col >= 0 ? keyAt(row, col) : null);
      },
    };
  }, [model]);
  const localeText = gridLocale(model.current.t.language);
  return (
    // The wrapper takes no box of its own (display: contents); it only hears the pointer entering cells.
    <div
      className="grid-tips"
      onMouseOver={(e) =>
        titleOnHover(e.target, (row, colId) => tipAt(model.current, model.current.layout.rows[row], colId))
      }
    >
      <AgGridReact<FormRow>
        theme={gridTheme}
        className="review-grid"
        columnDefs={stable.columnDefs}
        getRowId={rowId}
        headerHeight={0}
        localeText={localeText}
        defaultColDef={DEFAULT_COL_DEF}
        getRowClass={rowClass}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        suppressColumnVirtualisation
        // Titles are set on hover (common/tips); without this, ag-grid builds a tooltip manager for every cell.
        enableBrowserTooltips
        rowBuffer={4}
        alwaysShowVerticalScroll
        getRowHeight={rowHeight}
        animateRows={false}
        tabToNextCell={stable.tabToNextCell}
        onGridReady={stable.onGridReady}
        onCellFocused={stable.onCellFocused}
      />
    </div>
  );
}

export const ReviewGrid = memo(ReviewGridImpl);
