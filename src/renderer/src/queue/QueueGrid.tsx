// The queue's ag-grid, in a chunk of its own (common/grid); QueueScreen owns its state and callbacks.
import type { AgGridReactProps } from 'ag-grid-react';
import type { ColDef, GetRowIdParams, RowClassParams, RowSelectionOptions } from 'ag-grid-community';
import type { Language, ReportRow } from '../../../shared/api';
import { AgGridReact, gridLocale, gridTheme } from '../common/grid';
import { queueRowClass } from './columns';

const DEFAULT_COL_DEF: ColDef<ReportRow> = {
  // No type guessed from the first rows: ag-grid took 发布日期 for a date and left "2018-03" blank.
  cellDataType: false,
  sortable: true,
  resizable: true,
  floatingFilter: true,
  suppressHeaderMenuButton: true,
};
const ROW_SELECTION: RowSelectionOptions<ReportRow> = {
  mode: 'singleRow',
  checkboxes: false,
  enableClickSelection: true,
};
const rowId = (p: GetRowIdParams<ReportRow>): string => String(p.data.id);
const rowClass = (p: RowClassParams<ReportRow>): string | undefined => queueRowClass(p.data);

/** The grid's callbacks; each must keep its identity across renders (ag-grid re-applies a changed one). */
export type QueueGridEvents = Pick<
  AgGridReactProps<ReportRow>,
  | 'isExternalFilterPresent'
  | 'doesExternalFilterPass'
  | 'onGridReady'
  | 'onFirstDataRendered'
  | 'onModelUpdated'
  | 'onRowDoubleClicked'
  | 'onCellKeyDown'
  | 'onCellFocused'
>;

export interface QueueGridProps {
  rows: ReportRow[];
  columnDefs: ColDef<ReportRow>[];
  search: string;
  language: Language;
  events: QueueGridEvents;
}

export default function QueueGrid({ rows, columnDefs, search, language, events }: QueueGridProps) {
  return (
    <AgGridReact<ReportRow>
      theme={gridTheme}
      rowData={rows}
      columnDefs={columnDefs}
      getRowId={rowId}
      localeText={gridLocale(language)}
      defaultColDef={DEFAULT_COL_DEF}
      quickFilterText={search}
      cacheQuickFilter
      rowSelection={ROW_SELECTION}
      animateRows={false}
      // Titles are set on hover (common/tips); without this, ag-grid builds a tooltip manager for every cell.
      enableBrowserTooltips
      rowBuffer={5}
      getRowClass={rowClass}
      suppressNoRowsOverlay
      {...events}
    />
  );
}
