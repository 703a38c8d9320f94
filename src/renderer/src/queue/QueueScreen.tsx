// Every report with its status and counts: sort, filter, quick search, import progress, failed files.
import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type {
  CellFocusedEvent,
  CellKeyDownEvent,
  FullWidthCellKeyDownEvent,
  GridApi,
  GridReadyEvent,
  IRowNode,
  ModelUpdatedEvent,
  RowDoubleClickedEvent,
} from 'ag-grid-community';
import type { ImportProgress, QueueCounts, ReportRow, ReportStatus } from '../../../shared/api';
import { useT } from '../i18n';
import { isSecondary, queueColumns, queueTip } from './columns';
import { titleOnHover } from '../common/tips';
import { focusCell } from '../common/gridFocus';
import { ImportBar } from './ImportBar';
import { QueuePreview } from './QueuePreview';
import type { QueueGridEvents } from './QueueGrid';

const QueueGrid = lazy(() => import('./QueueGrid'));

/** `waiting`: reports a reviewer still has to look at (status new or needs_review). */
type StatusFilter = Exclude<ReportStatus, 'new' | 'needs_review'> | 'waiting' | 'all';

const FILTERS: StatusFilter[] = ['all', 'waiting', 'verified', 'failed'];

let markPainted: () => void = () => undefined;
/** Resolves once the queue's first rows are on screen (the whole list waits for it). */
export const queuePainted = new Promise<void>((ok) => (markPainted = ok));
let paintedOnce = false;
function queueShown(): void {
  if (!paintedOnce) performance.mark('nianbao:queue-painted');
  paintedOnce = true;
  markPainted();
}

function passes(r: ReportRow | undefined, filter: StatusFilter): boolean {
  if (!r) return false;
  if (filter === 'all') return true;
  if (filter === 'waiting') return r.status === 'new' || r.status === 'needs_review';
  return r.status === filter;
}

interface Props {
  active: boolean;
  /** The whole queue, or only its top while the rest is on its way (then `headCounts` counts the whole). */
  rows: ReportRow[];
  headCounts?: QueueCounts | null;
  progress: ImportProgress | null;
  selectedId: number | null;
  onOpen: (id: number) => void;
  /** The keyboard rests on a report's row: its report may be read ahead of an open. */
  onFocusReport: (id: number) => void;
  onOrder: (ids: number[]) => void;
}

function QueueScreenImpl({
  active,
  rows,
  headCounts,
  progress,
  selectedId,
  onOpen,
  onFocusReport,
  onOrder,
}: Props) {
  const tr = useT();
  const { t } = tr;
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [versions, setVersions] = useState(false);
  const grid = useRef<GridApi<ReportRow> | null>(null);
  // The grid has drawn its rows: the preview drawn before ag-grid loaded goes.
  const [gridPainted, setGridPainted] = useState(false);
  const columnDefs = useMemo(() => queueColumns(tr), [tr]);
  // Counts are of what the queue lists: one row per report, other versions of a report counted apart.
  const counts = useMemo((): QueueCounts => {
    if (headCounts) return headCounts;
    const c: QueueCounts = {
      reports: rows.length,
      all: 0,
      waiting: 0,
      verified: 0,
      failed: 0,
      new: 0,
      needs_review: 0,
      secondary: 0,
      copies: 0,
    };
    for (const r of rows) {
      c.copies += r.copies.length;
      if (isSecondary(r)) {
        c.secondary++;
        continue;
      }
      c.all++;
      if (r.status === 'new' || r.status === 'needs_review') c.waiting++;
      if (r.status === 'new') c.new++;
      else if (r.status === 'needs_review') c.needs_review++;
      else c[r.status]++;
    }
    return c;
  }, [rows, headCounts]);
  const files = counts.reports + counts.copies;

  // Back from a report: the keyboard continues on the row of the report just reviewed.
  useEffect(() => {
    const api = grid.current;
    if (!active || !api || selectedId === null) return;
    const node = api.getRowNode(String(selectedId));
    if (node?.rowIndex === null || node?.rowIndex === undefined) return;
    node.setSelected(true);
    api.ensureIndexVisible(node.rowIndex);
    focusCell(api, node.rowIndex, 'agency');
  }, [active, selectedId]);

  // Given to the grid as props, not applied through its api: ag-grid draws rows before onGridReady hands the api
  // over, and a chip clicked in between left every row shown. A new pair makes the grid filter again.
  const filtering = useMemo(
    (): Pick<QueueGridEvents, 'isExternalFilterPresent' | 'doesExternalFilterPass'> => ({
      isExternalFilterPresent: () => filter !== 'all' || !versions,
      doesExternalFilterPass: (node: IRowNode<ReportRow>) =>
        passes(node.data, filter) && (versions || !isSecondary(node.data)),
    }),
    [filter, versions],
  );

  // Grid options keep their identity across renders (ag-grid re-applies a changed one).
  const latest = useRef({ onOpen, onFocusReport, onOrder });
  latest.current = { onOpen, onFocusReport, onOrder };
  const events = useMemo(
    (): QueueGridEvents => ({
      onGridReady: (e: GridReadyEvent<ReportRow>) => {
        grid.current = e.api;
      },
      onFirstDataRendered: () =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (performance.getEntriesByName('nianbao:queue-grid-painted').length === 0)
              performance.mark('nianbao:queue-grid-painted');
            queueShown();
            setGridPainted(true);
          }, 0),
        ),
      onModelUpdated: (e: ModelUpdatedEvent<ReportRow>) => {
        // No row passes the filters: there is nothing for the grid to draw, nor for the preview to show.
        if (e.api.getDisplayedRowCount() === 0) setGridPainted(true);
        const ids: number[] = [];
        e.api.forEachNodeAfterFilterAndSort((n) => n.data && ids.push(n.data.id));
        latest.current.onOrder(ids);
      },
      onCellFocused: (e: CellFocusedEvent<ReportRow>) => {
        const id =
          typeof e.rowIndex === 'number' ? e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.id : undefined;
        if (id !== undefined) latest.current.onFocusReport(id);
      },
      onRowDoubleClicked: (e: RowDoubleClickedEvent<ReportRow>) => e.data && latest.current.onOpen(e.data.id),
      onCellKeyDown: (e: CellKeyDownEvent<ReportRow> | FullWidthCellKeyDownEvent<ReportRow>) => {
        const ev = e.event as KeyboardEvent | null;
        if (ev?.key === 'Enter' && e.data) latest.current.onOpen(e.data.id);
      },
    }),
    [],
  );

  const gridEvents = useMemo(() => ({ ...events, ...filtering }), [events, filtering]);

  // Not over a searched or filtered queue: the preview shows the top of the whole queue.
  const showPreview = !gridPainted && rows.length > 0 && search === '' && filter === 'all';
  return (
    <div className="queue-screen" data-testid="queue" data-queue={headCounts ? 'head' : 'whole'}>
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
              onClick={() => setFilter(f)}
              data-filter={f}
              title={
                f === 'waiting'
                  ? t('waitingHint', { new: counts.new, review: counts.needs_review })
                  : undefined
              }
            >
              {f === 'all' ? t('all') : f === 'waiting' ? tr.status('needs_review') : tr.status(f)}{' '}
              <span className="chip-count">{counts[f]}</span>
            </button>
          ))}
          {counts.secondary > 0 ? (
            <label className="chip versions-toggle">
              <input
                type="checkbox"
                checked={versions}
                onChange={() => setVersions((v) => !v)}
                data-testid="show-versions"
              />
              {t('showVersions')} <span className="chip-count">{counts.secondary}</span>
            </label>
          ) : null}
        </div>
        <ImportBar progress={progress} />
      </div>
      <div className="queue-summary" data-testid="queue-summary">
        {t('queueSummary', { files, reports: counts.reports })}
        {counts.copies > 0 ? ` · ${t('queueSummaryCopies', { n: counts.copies })}` : ''}
        {counts.secondary > 0 ? ` · ${t('queueSummaryVersions', { n: counts.secondary })}` : ''}
        {headCounts ? ` · ${t('queueLoadingRest')}` : ''}
      </div>
      <div className="queue-grid">
        {rows.length === 0 ? (
          <div className="queue-empty empty-note" data-testid="queue-empty">
            {progress?.running
              ? t('importingFolder', { done: progress.done, total: progress.total })
              : t('emptyFolder')}
          </div>
        ) : null}
        {showPreview ? (
          <QueuePreview rows={rows} columns={columnDefs} onPainted={queueShown} onOpen={onOpen} />
        ) : null}
        <div
          className="grid-tips"
          onMouseOver={(e) =>
            titleOnHover(e.target, (index, colId) =>
              queueTip(tr, grid.current?.getDisplayedRowAtIndex(index)?.data, colId),
            )
          }
        >
          <Suspense fallback={null}>
            <QueueGrid
              rows={rows}
              columnDefs={columnDefs}
              search={search}
              language={tr.language}
              events={gridEvents}
            />
          </Suspense>
        </div>
      </div>
    </div>
  );
}

export const QueueScreen = memo(QueueScreenImpl);
