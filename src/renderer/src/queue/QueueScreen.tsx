// Every report with its status and counts: sort, filter, quick search, import progress, failed files.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellKeyDownEvent,
  ColDef,
  FullWidthCellKeyDownEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IRowNode,
  ModelUpdatedEvent,
  RowClassParams,
  RowDoubleClickedEvent,
  RowSelectionOptions,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { ImportProgress, ReportRow, ReportStatus } from '../../../shared/api';
import { useT } from '../i18n';
import { gridTheme } from '../common/theme';
import { queueColumns } from './columns';
import { ImportBar } from './ImportBar';

type StatusFilter = ReportStatus | 'all';

const DEFAULT_COL_DEF: ColDef<ReportRow> = {
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
const rowClass = (p: RowClassParams<ReportRow>): string | undefined =>
  p.data?.missing ? 'row-missing' : undefined;
const FILTERS: StatusFilter[] = ['all', 'needs_review', 'new', 'verified', 'failed'];

interface Props {
  active: boolean;
  rows: ReportRow[];
  progress: ImportProgress | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onOrder: (ids: number[]) => void;
}

function QueueScreenImpl({ active, rows, progress, selectedId, onOpen, onOrder }: Props) {
  const tr = useT();
  const { t } = tr;
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const filterRef = useRef<StatusFilter>('all');
  filterRef.current = filter;
  const grid = useRef<GridApi<ReportRow> | null>(null);
  const painted = useRef(false);
  const columnDefs = useMemo(() => queueColumns(tr), [tr]);
  const counts = useMemo(() => {
    const c: Record<StatusFilter, number> = {
      all: rows.length,
      needs_review: 0,
      new: 0,
      verified: 0,
      failed: 0,
    };
    for (const r of rows) c[r.status] += 1;
    return c;
  }, [rows]);

  // Back from a report: the keyboard continues on the row of the report just reviewed.
  useEffect(() => {
    const api = grid.current;
    if (!active || !api || selectedId === null) return;
    const node = api.getRowNode(String(selectedId));
    if (node?.rowIndex === null || node?.rowIndex === undefined) return;
    node.setSelected(true);
    api.ensureIndexVisible(node.rowIndex);
    api.setFocusedCell(node.rowIndex, 'agency');
  }, [active, selectedId]);

  const setStatusFilter = (f: StatusFilter): void => {
    setFilter(f);
    filterRef.current = f;
    grid.current?.onFilterChanged();
  };

  // Grid options keep their identity across renders (a new doesExternalFilterPass would re-filter every row).
  const latest = useRef({ onOpen, onOrder });
  latest.current = { onOpen, onOrder };
  const stable = useMemo(
    () => ({
      isExternalFilterPresent: () => filterRef.current !== 'all',
      doesExternalFilterPass: (node: IRowNode<ReportRow>) => node.data?.status === filterRef.current,
      onGridReady: (e: GridReadyEvent<ReportRow>) => {
        grid.current = e.api;
      },
      onFirstDataRendered: () =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (!painted.current) performance.mark('nianbao:queue-painted');
            painted.current = true;
          }, 0),
        ),
      onModelUpdated: (e: ModelUpdatedEvent<ReportRow>) => {
        const ids: number[] = [];
        e.api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id));
        latest.current.onOrder(ids);
      },
      onRowDoubleClicked: (e: RowDoubleClickedEvent<ReportRow>) => e.data && latest.current.onOpen(e.data.id),
      onCellKeyDown: (e: CellKeyDownEvent<ReportRow> | FullWidthCellKeyDownEvent<ReportRow>) => {
        const ev = e.event as KeyboardEvent | null;
        if (ev?.key === 'Enter' && e.data) latest.current.onOpen(e.data.id);
      },
    }),
    [],
  );

  return (
    <div className="queue-screen" data-testid="queue">
      <div className="toolbar">
        <input
          className="search"
          type="search"
          placeholder={t('search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={t('search')}
        />
        <div className="chips" role="tablist">
          {FILTERS.map((f) => (
            <button
              type="button"
              role="tab"
              key={f}
              aria-selected={filter === f}
              className={`chip chip-${f}${filter === f ? ' chip-on' : ''}`}
              onClick={() => setStatusFilter(f)}
              data-filter={f}
            >
              {f === 'all' ? t('all') : tr.status(f)} <span className="chip-count">{counts[f]}</span>
            </button>
          ))}
        </div>
        <ImportBar progress={progress} />
      </div>
      <div className="queue-grid">
        <AgGridReact<ReportRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={rowId}
          localeText={tr.language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN}
          defaultColDef={DEFAULT_COL_DEF}
          quickFilterText={search}
          cacheQuickFilter
          isExternalFilterPresent={stable.isExternalFilterPresent}
          doesExternalFilterPass={stable.doesExternalFilterPass}
          rowSelection={ROW_SELECTION}
          animateRows={false}
          rowBuffer={5}
          tooltipShowDelay={400}
          onGridReady={stable.onGridReady}
          onFirstDataRendered={stable.onFirstDataRendered}
          onModelUpdated={stable.onModelUpdated}
          onRowDoubleClicked={stable.onRowDoubleClicked}
          onCellKeyDown={stable.onCellKeyDown}
          getRowClass={rowClass}
          overlayNoRowsTemplate={`<span class="empty-note">${t('emptyFolder')}</span>`}
        />
      </div>
    </div>
  );
}

export const QueueScreen = memo(QueueScreenImpl);
