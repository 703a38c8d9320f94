// One report: the form grid, its findings, the selected cell and the source text; keyboard-first.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { CellEdit, FindingView, ReportHeader } from '../../../shared/api';
import { api, errorText } from '../api';
import { useT } from '../i18n';
import { useCommands } from '../common/commands';
import type { Command } from '../common/keys';
import { useToast } from '../common/toast';
import { focusCell } from '../common/gridFocus';
import { CellInspector } from './CellInspector';
import { findingStops, firstStop, stepStop, targetOf } from './findings';
import { FindingsPanel } from './FindingsPanel';
import type { FormRow } from './layout';
import { PageView } from './PageView';
import { ReviewGrid } from './ReviewGrid';
import { SourcePane } from './SourcePane';
import { useReport } from './useReport';
import { VerifyDialog } from './VerifyDialog';
import { Legend } from './Legend';
import { OriginalView } from './OriginalView';
import { countStates } from './cellstate';

interface Props {
  /** Null while the screen is only being prepared (mounted hidden before the first open, so that open is fast). */
  reportId: number | null;
  /** Bumped on every open, so opening the same report again reloads it. */
  generation: number;
  active: boolean;
  onBack: () => void;
  onNextReport: () => boolean;
  onHeader: (h: ReportHeader) => void;
}

export function ReviewScreen({
  reportId: openId,
  generation,
  active,
  onBack,
  onNextReport,
  onHeader,
}: Props) {
  // Commands and buttons only act while a report is open (the screen is hidden before), so 0 is never sent.
  const reportId = openId ?? 0;
  const tr = useT();
  const { t } = tr;
  const toast = useToast();
  const r = useReport(openId, generation, active, tr, onHeader);
  const { model, grid, state } = r;
  const [selected, setSelected] = useState<string | null>(null);
  // The side panels follow the selection at lower priority: moving through the grid never waits for them.
  const shown = useDeferredValue(selected);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [history, setHistory] = useState<CellEdit[] | null>(null);
  const [waiveOpen, setWaiveOpen] = useState(false);
  const [paintedLayout, setPaintedLayout] = useState<unknown>(null);
  const [gridReady, setGridReady] = useState(false);
  // Which view of the source: the original page (HTML, Word) or the extracted text. Kept across reports.
  const [sourceView, setSourceView] = useState<'original' | 'text'>('original');
  // Cells the reviewer has selected since this report was opened: what is left unseen is what they skipped.
  const seen = useRef(new Set<string>());
  // F8 past the last finding says so once; the next F8 opens the next report.
  const endArmed = useRef(false);

  const select = useCallback((key: string | null) => {
    if (key) seen.current.add(key);
    endArmed.current = false;
    setSelected(key);
  }, []);

  const focusKey = useCallback(
    (key: string) => {
      const pos = model.current.layout.position.get(key);
      const api = grid.current;
      if (!pos || !api) return;
      api.ensureIndexVisible(pos.row, 'middle');
      focusCell(api, pos.row, `c${pos.col}`);
      select(key);
    },
    [model, grid, select],
  );

  // The grid is memoised: its callbacks keep their identity, so a render of the screen (a selection, an answer)
  // does not render the grid.
  const onInvalid = useCallback((m: string) => toast(m, 'error'), [toast]);
  const onGridReady = useCallback(
    (a: GridApi<FormRow>) => {
      grid.current = a;
      setGridReady(true);
    },
    [grid],
  );

  // The layout whose report was last shown: a report prepared behind the queue is focused when it is shown. The
  // layout last scrolled to its first stop, shown or not.
  const shownLayout = useRef<unknown>(null);
  const scrolledLayout = useRef<unknown>(null);
  // A newly loaded report: its rows are new (row ids carry the report, template and open, so ag-grid renders them
  // afresh and no cell keeps another report's value or colour). Its first finding (or first cell) is scrolled to at
  // once, hidden behind the queue too: ag-grid draws only the rows in view, and a cell focused in a row it draws only
  // afterwards (the last report left the grid scrolled elsewhere) is not given the keyboard. Once shown, that cell
  // is focused and the report marked open for tests and the benchmark. A layout effect: the focus is in the
  // report's first paint.
  useLayoutEffect(() => {
    if (!state || !grid.current) return;
    const layout = state.layout;
    const first = firstStop(model.current.index, layout);
    const row = first === undefined ? undefined : layout.position.get(first)?.row;
    if (scrolledLayout.current !== layout && row !== undefined)
      grid.current.ensureIndexVisible(row, 'middle');
    scrolledLayout.current = layout;
    if (!active || shownLayout.current === layout) return;
    shownLayout.current = layout;
    seen.current = new Set();
    endArmed.current = false;
    setWaiveOpen(false);
    if (first) focusKey(first);
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('nianbao:report-painted');
        setPaintedLayout(layout);
      }, 0),
    );
  }, [state?.layout, gridReady, active]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!historyOpen || !shown) return;
    let live = true;
    setHistory(null);
    api.cellHistory({ reportId, key: shown }).then(
      (h) => live && setHistory(h),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [historyOpen, shown, reportId, state?.seq]);

  const header = state?.header;
  const index = model.current.index;
  const readOnly = model.current.readOnly;

  const step = (direction: 1 | -1): void => {
    if (!state) return;
    const stops = findingStops(index, state.layout);
    const from = selected ? (state.layout.position.get(selected) ?? null) : null;
    const next = stepStop(stops, state.layout, from, direction);
    if (next) focusKey(next);
    else if (direction === 1) {
      // Past the last finding: say so once; only the next F8 moves on, and never back to a report already passed.
      if (!endArmed.current) {
        endArmed.current = true;
        toast(t('endOfFindingsNext'));
      } else if (onNextReport()) toast(t('openedNext'));
      else toast(t('noMoreReports'));
    } else toast(t('endOfFindings'));
  };

  const states = model.current.states;
  const stateCounts = useMemo(() => countStates(states), [states, state?.seq]); // eslint-disable-line react-hooks/exhaustive-deps
  const unseen = [...states].filter(([k, s]) => s === 'review' && !seen.current.has(k)).map(([k]) => k);
  const standingErrors = index.standing.filter((f) => f.severity === 'error');

  const verify = (): void => {
    if (!header || header.status === 'verified' || header.status === 'failed') return;
    // One key when nothing is open or unseen; otherwise the dialog lists what is.
    if (standingErrors.length > 0 || unseen.length > 0) setWaiveOpen(true);
    else void doVerify();
  };
  const doVerify = async (waivers?: { findingId: number; note: string }[]): Promise<void> => {
    setWaiveOpen(false);
    try {
      const out = await api.verifyReport({
        reportId,
        ...(waivers?.length ? { waivers } : {}),
        // The content shown: a file read again meanwhile is refused until the screen shows it.
        ...(header?.sha256 ? { seen: header.sha256 } : {}),
      });
      if (out.ok) {
        r.apply(out.value);
        toast(`${t('verify')} ✓`, 'success');
      } else toast(tr.message(out.reason), 'error');
    } catch (err) {
      toast(t('savedError', { msg: tr.message(errorText(err)) }), 'error');
    }
  };
  const undoRedo = (command: 'undo' | 'redo'): void => {
    if (!state) return;
    const can = command === 'undo' ? state.undo.canUndo : state.undo.canRedo;
    if (!can) {
      toast(t(command === 'undo' ? 'nothingToUndo' : 'nothingToRedo'));
      return;
    }
    void r
      .run(() => (command === 'undo' ? api.undo({ reportId }) : api.redo({ reportId })))
      .then(() => {
        const key = r.model.current.layout.position.has(selected ?? '') ? selected : null;
        if (key) focusKey(key);
      });
  };
  const openFile = (): void => {
    api.openOriginalFile({ reportId }).then(
      (out) => !out.ok && toast(tr.message(out.reason), 'error'),
      (err: unknown) => toast(tr.message(errorText(err)), 'error'),
    );
  };

  const accept = (): void => {
    const suspect = selected ? index.suspect.get(selected) : undefined;
    if (!selected || readOnly || suspect?.suggestion === undefined) return;
    void r.edit(selected, suspect.suggestion, '采纳建议');
  };

  useCommands((command: Command) => {
    if (waiveOpen) return;
    switch (command) {
      case 'next-finding':
        return step(1);
      case 'previous-finding':
        return step(-1);
      case 'accept-suggestion':
        return accept();
      case 'undo':
      case 'redo':
        return undoRedo(command);
      case 'verify':
        return verify();
      case 'reopen':
        if (header?.status === 'verified') void r.run(() => api.reopenReport({ reportId }));
        return;
      case 'history':
        return setHistoryOpen((o) => !o);
      case 'next-report':
        if (!onNextReport()) toast(t('noMoreReports'));
        return;
      case 'back-to-queue':
        return onBack();
      default:
        return;
    }
  }, active);

  // Stable callbacks for the memoised panels; they call the latest closures.
  const latest = useRef({ accept, focusKey, run: r.run, state });
  latest.current = { accept, focusKey, run: r.run, state };
  const panels = usePanelCallbacks(latest, reportId, setHistoryOpen);

  if (r.error) {
    return (
      <div className="review-screen review-error">
        <button type="button" onClick={onBack}>
          ← {t('back')}
        </button>
        <p className="error-text">{r.error}</p>
      </div>
    );
  }

  const shownCell = shown ? r.cells.get(shown) : undefined;
  // The original views fetch anew on every open and every reload of the report.
  const version = `${generation}.${state?.load ?? 0}`;
  const failed = header?.status === 'failed';
  const hasOriginal = header?.format === 'html' || header?.format === 'docx';
  // A report prepared behind the queue (App) fetches its original page or PDF pages only once it is shown.
  const view =
    header?.format === 'pdf' ? 'pages' : hasOriginal && sourceView === 'original' ? 'original' : 'text';
  return (
    <div
      className="review-screen"
      ref={r.root}
      data-testid="review"
      data-report-id={openId ?? ''}
      data-report-state={
        // Loaded only once this open's report is in and painted, never on the previous report's state.
        state?.generation === generation && state.header.id === reportId && paintedLayout === state.layout
          ? 'loaded'
          : 'busy'
      }
      data-status={header?.status ?? ''}
    >
      <div className="toolbar">
        <button type="button" onClick={onBack} title="Alt+←">
          ← {t('back')}
        </button>
        <div className="report-title" title={header?.path}>
          <strong>{header?.agency ?? header?.path ?? '…'}</strong>
          <span>{header?.year ?? '—'}</span>
          <span>{tr.template(header?.template ?? null)}</span>
          {header ? (
            <span className={`status-badge status-${header.status}`}>{tr.status(header.status)}</span>
          ) : null}
          <span className="counts">
            <span className="count-error">
              {t('errors')} {index.errors}
            </span>
            <span className="count-warning">
              {t('warnings')} {index.warnings}
            </span>
          </span>
        </div>
        <div className="toolbar-actions">
          <button type="button" onClick={() => step(-1)} title="Shift+F8">
            ↑ {t('previousFinding')}
          </button>
          <button type="button" onClick={() => step(1)} title="F8">
            ↓ {t('nextFinding')}
          </button>
          <button
            type="button"
            disabled={!state?.undo.canUndo}
            onClick={() => undoRedo('undo')}
            title="Ctrl+Z"
          >
            {t('undo')}
          </button>
          <button
            type="button"
            disabled={!state?.undo.canRedo}
            onClick={() => undoRedo('redo')}
            title="Ctrl+Shift+Z"
          >
            {t('redo')}
          </button>
          {failed ? null : header?.status === 'verified' ? (
            <button type="button" onClick={() => void r.run(() => api.reopenReport({ reportId }))}>
              {t('reopen')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={verify}
              title="Ctrl+Enter"
              data-testid="verify"
            >
              {t('verify')}
            </button>
          )}
          <button
            type="button"
            onClick={() => !onNextReport() && toast(t('noMoreReports'))}
            title="Ctrl+Shift+N"
          >
            {t('nextReport')} →
          </button>
        </div>
      </div>
      {header?.status === 'verified' ? (
        <div className="banner banner-ok">
          {t('verifiedBy', {
            who: header.verifiedBy ?? '—',
            at: (header.verifiedAt ?? '').replace('T', ' ').slice(0, 16),
          })}
          {' · '}
          {t('readOnlyVerified')}
        </div>
      ) : null}
      {header?.missing ? (
        <div className="banner banner-warn" data-testid="file-deleted">
          {t('fileDeleted')}
        </div>
      ) : null}
      {header && header.readWarnings.length > 0 ? (
        <div className="banner banner-warn" data-testid="read-warnings">
          {t('readWarnings')}：{header.readWarnings.map((w) => tr.message(w)).join('；')}
        </div>
      ) : null}
      {header && header.copies.length > 0 ? (
        <div className="banner banner-info" data-testid="copies-banner">
          {t('copiesOf', { n: header.copies.length, paths: header.copies.join('、') })}
        </div>
      ) : null}
      {header?.group && header.group.primaryId !== header.id ? (
        <div className="banner banner-info">{t('sameReport', { id: header.group.primaryId })}</div>
      ) : null}
      <div className="review-body">
        <div className="grid-pane">
          {failed && header ? (
            <div className="failed-screen" data-testid="failed-screen">
              <h2>{t('failedTitle')}</h2>
              <p className="error-text">{tr.message(header.error ?? header.statusReason ?? '')}</p>
              <p>{t('failedHint')}</p>
              <p className="mono muted">{header.path}</p>
              <button type="button" onClick={openFile} data-testid="open-file">
                {t('openFile')}
              </button>
            </div>
          ) : null}
          {/* The grid exists before the first report arrives: creating it is the slow part of an open. */}
          <ReviewGrid
            model={model}
            onEdit={r.edit}
            onInvalid={onInvalid}
            onFocusKey={select}
            onReady={onGridReady}
          />
          {failed ? null : <Legend counts={stateCounts} unseen={unseen.length} />}
        </div>
        <div className="side-pane">
          <section className="panel findings-panel">
            <h3>
              {t('findings')} <span className="muted">F8 / Shift+F8</span>
            </h3>
            <FindingsPanel
              findings={r.findings}
              cells={r.cells}
              current={shown}
              readOnly={readOnly}
              onSelect={panels.selectFinding}
              onWaive={panels.waive}
            />
          </section>
          <section className="panel inspector-panel">
            <CellInspector
              cellKey={shown}
              cells={r.cells}
              version={state?.seq ?? 0}
              suspect={shown ? index.suspect.get(shown) : undefined}
              readOnly={readOnly}
              history={history}
              historyOpen={historyOpen}
              onAccept={panels.accept}
              onToggleHistory={panels.toggleHistory}
            />
          </section>
          <section className="panel source-panel">
            <h3>
              {hasOriginal ? (
                <span className="source-tabs" role="tablist">
                  {(['original', 'text'] as const).map((v) => (
                    <button
                      key={v}
                      type="button"
                      role="tab"
                      aria-selected={sourceView === v}
                      className={`chip${sourceView === v ? ' chip-on' : ''}`}
                      onClick={() => setSourceView(v)}
                      data-view={v}
                    >
                      {t(v === 'original' ? 'original' : 'textView')}
                    </button>
                  ))}
                </span>
              ) : (
                t('source')
              )}{' '}
              <span className="muted source-path" title={header?.path}>
                {header?.path}
              </span>
              {header ? (
                <button type="button" className="small" onClick={openFile} data-testid="open-file-button">
                  {t('openFile')}
                </button>
              ) : null}
            </h3>
            {!state ? null : view === 'text' ? (
              <SourcePane text={state.text} span={shownCell?.span ?? null} />
            ) : !active ? null : view === 'pages' ? (
              <PageView reportId={reportId} version={version} span={shownCell?.span ?? null}>
                <SourcePane text={state.text} span={shownCell?.span ?? null} />
              </PageView>
            ) : (
              <OriginalView reportId={reportId} version={version} span={shownCell?.span ?? null} />
            )}
          </section>
        </div>
      </div>
      {waiveOpen ? (
        <VerifyDialog
          errors={standingErrors}
          unseen={unseen}
          cells={r.cells}
          onConfirm={(waivers) => void doVerify(waivers)}
          onCancel={() => setWaiveOpen(false)}
          onGo={(key) => {
            setWaiveOpen(false);
            focusKey(key);
          }}
        />
      ) : null}
    </div>
  );
}

interface PanelState {
  accept: () => void;
  focusKey: (key: string) => void;
  run: ReturnType<typeof useReport>['run'];
  state: ReturnType<typeof useReport>['state'];
}

/** Callbacks of the side panels that keep their identity across renders. */
function usePanelCallbacks(
  latest: { current: PanelState },
  reportId: number,
  setHistoryOpen: (f: (open: boolean) => boolean) => void,
) {
  const selectFinding = useCallback(
    (f: FindingView) => {
      const { state, focusKey } = latest.current;
      const key = state ? targetOf(f, state.layout) : null;
      if (key) focusKey(key);
    },
    [latest],
  );
  const waive = useCallback(
    (f: FindingView, note: string) =>
      void latest.current.run(() => api.waiveFinding({ reportId, findingId: f.id, note })),
    [latest, reportId],
  );
  const accept = useCallback(() => latest.current.accept(), [latest]);
  const toggleHistory = useCallback(() => setHistoryOpen((o) => !o), [setHistoryOpen]);
  return { selectFinding, waive, accept, toggleHistory };
}
