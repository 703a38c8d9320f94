// Every report with its status and counts: sort, filter, quick search, import progress, failed files.
import { useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IRowNode } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import type { ImportProgress, ReportRow, ReportStatus } from '../../../shared/api';
import { useT } from '../i18n';
import { gridTheme } from '../common/theme';
import { queueColumns } from './columns';
import { ImportBar } from './ImportBar';

type StatusFilter = ReportStatus | 'all';
const FILTERS: StatusFilter[] = ['all', 'needs_review', 'new', 'verified', 'failed'];

interface Props {
  rows: ReportRow[];
  progress: ImportProgress | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  onOrder: (ids: number[]) => void;
}

export function QueueScreen({ rows, progress, selectedId, onOpen, onOrder }: Props) {
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

  const setStatusFilter = (f: StatusFilter): void => {
    setFilter(f);
    filterRef.current = f;
    grid.current?.onFilterChanged();
  };

  const reportOrder = (api: GridApi<ReportRow>): void => {
    const ids: number[] = [];
    api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id));
    onOrder(ids);
  };

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
          getRowId={(p) => String(p.data.id)}
          localeText={tr.language === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN}
          defaultColDef={{
            sortable: true,
            resizable: true,
            floatingFilter: true,
            suppressHeaderMenuButton: true,
          }}
          quickFilterText={search}
          cacheQuickFilter
          isExternalFilterPresent={() => filterRef.current !== 'all'}
          doesExternalFilterPass={(node: IRowNode<ReportRow>) => node.data?.status === filterRef.current}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          animateRows={false}
          tooltipShowDelay={400}
          onGridReady={(e) => {
            grid.current = e.api;
          }}
          onFirstDataRendered={(e) => {
            if (selectedId !== null) e.api.getRowNode(String(selectedId))?.setSelected(true);
            requestAnimationFrame(() =>
              setTimeout(() => {
                if (!painted.current) performance.mark('nianbao:queue-painted');
                painted.current = true;
              }, 0),
            );
          }}
          onModelUpdated={(e) => reportOrder(e.api)}
          onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
          onCellKeyDown={(e) => {
            const ev = e.event as KeyboardEvent | null;
            if (ev?.key === 'Enter' && e.data) onOpen(e.data.id);
          }}
          getRowClass={(p) => (p.data?.missing ? 'row-missing' : undefined)}
          overlayNoRowsTemplate={`<span class="empty-note">${t('emptyFolder')}</span>`}
        />
      </div>
    </div>
  );
}
