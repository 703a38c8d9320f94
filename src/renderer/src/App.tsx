// The application: first start (folder, reviewer name), the queue, the review screen, shortcuts and menus.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  ImportProgress,
  Language,
  QueueCounts,
  ReportHeader,
  ReportRow,
  Settings,
} from '../../shared/api';
import { api, errorText } from './api';
import { early } from './boot';
import { I18nContext, makeTranslator } from './i18n';
import { emitCommand, useCommands } from './common/commands';
import { NameDialog, ShortcutsDialog, Welcome } from './common/dialogs';
import { commandOf, isTyping, type Command } from './common/keys';
import { ToastProvider, useToast } from './common/toast';
import { QueueScreen, queuePainted } from './queue/QueueScreen';
import { forgetAhead, preparedReport, readAhead, requestReport, takePrepared } from './review/useReport';
import { ExportDialog } from './queue/ExportDialog';
import { PanelChecks } from './panel/PanelChecks';
import { usePanelText } from './panel/text';
import { CompareScreen } from './panel/CompareScreen';
import { CoverageScreen } from './panel/CoverageScreen';

// Built on ag-grid, which loads behind the queue's first paint; mounted (hidden) after it, so the first open is warm.
const ReviewScreen = lazy(() => import('./review/ReviewScreen').then((m) => ({ default: m.ReviewScreen })));

/** How long an open waits for its report before showing the review screen busy. */
const OPEN_GRACE_MS = 150;
/** How long the keyboard rests on a queue row before its report is prepared behind the queue. */
const REST_MS = 400;

/** The panel's screens over the queue and the review screen: coverage, or two reports year over year. */
type PanelView = { view: 'coverage' } | { view: 'compare'; reportId: number; otherId: number | null };

function toRow(h: ReportHeader): ReportRow {
  const {
    id,
    path,
    status,
    missing,
    template,
    agency,
    year,
    published,
    errors,
    warnings,
    edited,
    error,
    updatedAt,
    copies,
    group,
  } = h;
  return {
    id,
    path,
    status,
    missing,
    template,
    agency,
    year,
    published,
    errors,
    warnings,
    edited,
    error,
    updatedAt,
    copies,
    group,
  };
}

function Shell() {
  const toast = useToast();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [rows, setRows] = useState<ReportRow[] | null>(null);
  // While only the top of the queue is shown: the store's counts of the whole queue.
  const [headCounts, setHeadCounts] = useState<QueueCounts | null>(null);
  // The whole list has been shown, or another folder opened: the lists asked for at start no longer apply.
  const whole = useRef(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The report in the review screen; it stays mounted (hidden) behind the queue so the next open is fast.
  const [reviewId, setReviewId] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState(false);
  // The report loaded into the hidden review screen while the queue shows: the one the reviewer is likely to open
  // next (the first row at start, the row after the one just reviewed, or the row the keyboard rests on), so that
  // opening it only shows it.
  const [prepared, setPrepared] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  // The review screen is mounted (hidden) once the queue has painted, so the first open does not build the grid.
  const [warm, setWarm] = useState(false);
  const [askName, setAskName] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const [panel, setPanel] = useState<PanelView | null>(null);
  const order = useRef<number[]>([]);
  const rowsRef = useRef<ReportRow[]>([]);
  rowsRef.current = rows ?? [];
  // Queue rows changed by the review screen; applied when the queue shows again, not on every edit.
  const patches = useRef(new Map<number, ReportRow>());
  // Every report changed in this window, as it is now (the whole list asked for at start may predate a change).
  const changedHere = useRef(new Map<number, ReportRow>());
  const tr = useMemo(() => makeTranslator(settings?.language ?? 'zh-CN'), [settings?.language]);

  const showWhole = useCallback((list: ReportRow[]) => {
    whole.current = true;
    setHeadCounts(null);
    setRows(list);
  }, []);
  const refresh = useCallback(() => {
    api.listReports({}).then(showWhole, (err: unknown) => {
      toast(errorText(err), 'error');
      setHeadCounts(null);
      setRows((now) => now ?? []);
    });
  }, [toast, showWhole]);

  useEffect(() => {
    void early.settings.then((s) => {
      setSettings(s);
      if (!s.reviewerName) setAskName(true);
      if (!s.folder) return;
      // The top of the queue paints first; the whole list is asked for then, and replaces it.
      void early.head.then((head) => {
        if (!head) return refresh();
        if (whole.current) return;
        setHeadCounts(head.counts);
        setRows(head.rows);
        const painted = head.rows.length > 0 ? queuePainted : Promise.resolve();
        void painted
          .then(() => api.listReports({}).catch(() => null))
          .then((list) => {
            if (whole.current) return;
            // Reports changed here while the list was on its way are shown as they are now.
            if (list) showWhole(list.map((r) => changedHere.current.get(r.id) ?? r));
            else refresh();
          });
      });
    });
    void api.importStatus().then(setProgress);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offProgress = api.on('importProgress', setProgress);
    const offChanged = api.on('reportsChanged', () => {
      forgetAhead();
      timer ??= setTimeout(() => {
        timer = null;
        refresh();
      }, 500);
    });
    const offMenu = api.on('menuCommand', (c) => emitCommand(c));
    return () => {
      offProgress();
      offChanged();
      offMenu();
      if (timer) clearTimeout(timer);
    };
  }, [refresh, showWhole]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (isTyping(e) || document.querySelector('.modal')) return;
      const command = commandOf(e);
      if (!command) return;
      e.preventDefault();
      emitCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (warm || !rows || rows.length === 0) return;
    // After the queue's first paint, and not together with the whole list replacing the top of the queue.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void queuePainted.then(() => {
      if (live) timer = setTimeout(() => setWarm(true), 300);
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rows, warm]);

  useEffect(() => {
    document.documentElement.lang = tr.language;
  }, [tr.language]);

  const openFolder = async (how: 'choose' | 'samples'): Promise<void> => {
    try {
      const s = how === 'choose' ? await api.chooseFolder() : await api.useSampleReports();
      if (!s) return;
      setSettings(s);
      setReviewing(false);
      setReviewId(null);
      setPrepared(null);
      patches.current.clear();
      whole.current = true;
      setHeadCounts(null);
      setRows(null);
      refresh();
    } catch (err) {
      toast(errorText(err), 'error');
    }
  };
  const setLanguage = (language: Language): void => void api.setLanguage({ language }).then(setSettings);
  const setOcr = (enabled: boolean): void => void api.setOcr({ enabled }).then(setSettings);

  // Reports opened in this session: "next report" never goes back to one of them, so it cannot loop.
  const visited = useRef(new Set<number>());
  // The review screen shows once the report is in (one paint with the new report, not one with the previous report
  // first), or after a moment when the store is slow, so that the keypress is answered at once either way.
  const opens = useRef(0);
  const open = useCallback((id: number) => {
    const ticket = ++opens.current;
    visited.current.add(id);
    if (takePrepared(id)) {
      performance.mark('nianbao:open-prepared');
      setPanel(null);
      setReviewId(id);
      setReviewing(true);
      return;
    }
    let shown = false;
    const show = (): void => {
      if (shown || ticket !== opens.current) return;
      shown = true;
      setPanel(null);
      setPrepared(null);
      setReviewId(id);
      setGeneration((g) => g + 1);
      setReviewing(true);
    };
    void requestReport(id).then(show);
    setTimeout(show, OPEN_GRACE_MS);
  }, []);

  const reviewingNow = useRef(reviewing);
  reviewingNow.current = reviewing;
  const reviewIdNow = useRef(reviewId);
  reviewIdNow.current = reviewId;
  // Prepares a report once the screen has painted, unless an open (or another preparation) came first. The report
  // is read at once (if not read ahead already) and asked for before the render, so that the hidden screen loads it
  // in the same render that gives it the id.
  const prepareSoon = useCallback((id: number) => {
    readAhead(id);
    const ticket = ++opens.current;
    const still = (): boolean => ticket === opens.current && !reviewingNow.current && preparedReport() !== id;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!still()) return;
        void requestReport(id, true).then(() => {
          if (!still()) return;
          setPrepared(id);
          setGeneration((g) => g + 1);
        });
      }, 0),
    );
  }, []);
  // The keyboard resting on a queue row: its report is read at once and prepared after a moment. Not the report
  // just reviewed, whose row the keyboard is back on: the next row is being prepared then (back).
  const restingOn = useRef<number | null>(null);
  const focusReport = useCallback(
    (id: number) => {
      restingOn.current = id;
      if (preparedReport() === id || id === reviewIdNow.current) return;
      readAhead(id);
      const ticket = opens.current;
      // Only if the keyboard is still there: a key held down passes rows without preparing each.
      setTimeout(() => ticket === opens.current && restingOn.current === id && prepareSoon(id), REST_MS);
    },
    [prepareSoon],
  );

  const back = useCallback(() => {
    setReviewing(false);
    // The row after the one just reviewed is the likeliest next open.
    const ids = order.current;
    const at = reviewIdNow.current === null ? -1 : ids.indexOf(reviewIdNow.current);
    const next = at >= 0 ? ids[at + 1] : undefined;
    if (next !== undefined) prepareSoon(next);
    if (patches.current.size === 0) return;
    const changed = new Map(patches.current);
    patches.current.clear();
    setRows((list) => (list ? list.map((r) => changed.get(r.id) ?? r) : list));
  }, [prepareSoon]);

  const nextReport = (): boolean => {
    const byId = new Map(rowsRef.current.map((r) => [r.id, r]));
    const statusOf = (id: number) => (patches.current.get(id) ?? byId.get(id))?.status;
    const ids = order.current;
    const at = reviewId === null ? -1 : ids.indexOf(reviewId);
    const candidates = [...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0))];
    const toReview = (id: number): boolean => statusOf(id) === 'needs_review' || statusOf(id) === 'new';
    // Other versions of a grouped report wait behind their primary; they are not "next".
    const secondary = (id: number): boolean => {
      const g = byId.get(id)?.group;
      return g !== null && g !== undefined && g.primaryId !== id;
    };
    const next = candidates.find(
      (id) => id !== reviewId && toReview(id) && !visited.current.has(id) && !secondary(id),
    );
    if (next === undefined) return false;
    open(next);
    return true;
  };

  const onHeader = useCallback((h: ReportHeader) => {
    const row = toRow(h);
    patches.current.set(h.id, row);
    changedHere.current.set(h.id, row);
  }, []);
  // At start the queue's first row is the likeliest first open: it is prepared once, when the review screen is
  // mounted and the whole queue is in, unless the reviewer has already opened or rested on another report.
  const warmNow = useRef(warm);
  warmNow.current = warm;
  const startPrepared = useRef(false);
  const prepareStart = useCallback(() => {
    const first = order.current[0];
    if (startPrepared.current || !warmNow.current || !whole.current || first === undefined) return;
    startPrepared.current = true;
    if (opens.current > 0 || (restingOn.current ?? first) !== first || reviewIdNow.current !== null) return;
    prepareSoon(first);
  }, [prepareSoon]);
  useEffect(() => {
    if (warm && !headCounts) prepareStart();
  }, [warm, headCounts, prepareStart]);
  const onOrder = useCallback(
    (ids: number[]) => {
      order.current = ids;
      prepareStart();
    },
    [prepareStart],
  );

  useCommands((c: Command) => {
    if (c === 'choose-folder') void openFolder('choose');
    else if (c === 'use-samples') void openFolder('samples');
    else if (c === 'set-name') setAskName(true);
    else if (c === 'language-zh-CN' || c === 'language-en') setLanguage(c === 'language-en' ? 'en' : 'zh-CN');
    else if (c === 'shortcuts') setShowKeys(true);
    else if (c === 'export' && settings?.folder) setShowExport(true);
  });

  const loaded = settings !== null && (settings.folder === null || rows !== null);
  const screen = !settings?.folder
    ? 'welcome'
    : panel
      ? panel.view
      : reviewing && reviewId !== null
        ? 'review'
        : 'queue';
  return (
    <I18nContext.Provider value={tr}>
      <div className="app" data-app-state={loaded ? 'loaded' : 'loading'} data-screen={screen}>
        <header className="app-header">
          <span className="app-name">{tr.t('appName')}</span>
          <span className="folder mono" title={settings?.folder ?? ''}>
            {settings?.folder ?? ''}
          </span>
          <span className="spacer" />
          <button type="button" className="link" onClick={() => setAskName(true)} data-testid="reviewer">
            {tr.t('reviewer')}：{settings?.reviewerName ?? tr.t('noReviewer')}
          </button>
          <label className="ocr-setting" title={tr.t('ocrSettingHelp')}>
            <input
              type="checkbox"
              checked={settings?.ocr ?? true}
              onChange={(e) => setOcr(e.target.checked)}
              data-testid="ocr-setting"
            />
            {tr.t('ocrSetting')}
          </label>
          <select
            value={tr.language}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}
            aria-label={tr.t('language')}
          >
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
          <button
            type="button"
            onClick={() => setShowExport(true)}
            title="Ctrl+E"
            disabled={!settings?.folder}
            data-testid="export"
          >
            {tr.t('export')}
          </button>
          <CoverageButton disabled={!settings?.folder} onClick={() => setPanel({ view: 'coverage' })} />
          <button type="button" onClick={() => void openFolder('choose')} title="Ctrl+O">
            {tr.t('chooseFolder')}
          </button>
          <button type="button" className="link" onClick={() => setShowKeys(true)} title="F1">
            ⌨
          </button>
        </header>
        <main className="app-main">
          {screen === 'welcome' && settings ? (
            <Welcome
              onChoose={() => void openFolder('choose')}
              onSamples={() => void openFolder('samples')}
            />
          ) : null}
          {settings?.folder && rows ? (
            <div className="screen" hidden={screen !== 'queue'}>
              <QueueScreen
                active={screen === 'queue'}
                rows={rows}
                headCounts={headCounts}
                progress={progress}
                selectedId={reviewId}
                onOpen={open}
                onFocusReport={focusReport}
                onOrder={onOrder}
              />
            </div>
          ) : null}
          {reviewId !== null || warm ? (
            <div className="screen screen-review" hidden={screen !== 'review'}>
              <Suspense fallback={null}>
                <ReviewScreen
                  reportId={reviewing ? reviewId : (prepared ?? reviewId)}
                  generation={generation}
                  active={screen === 'review'}
                  onBack={back}
                  onNextReport={nextReport}
                  onHeader={onHeader}
                />
              </Suspense>
              <PanelChecks
                reportId={reviewId}
                active={screen === 'review'}
                onOpenReport={open}
                onCompare={(reportId, otherId) =>
                  setPanel({ view: 'compare', reportId, otherId: otherId ?? null })
                }
              />
            </div>
          ) : null}
          {panel?.view === 'coverage' ? (
            <div className="screen">
              <CoverageScreen active onOpenReport={open} onBack={() => setPanel(null)} />
            </div>
          ) : null}
          {panel?.view === 'compare' ? (
            <div className="screen">
              <CompareScreen
                reportId={panel.reportId}
                otherId={panel.otherId}
                onBack={() => setPanel(null)}
                onOpenReport={open}
              />
            </div>
          ) : null}
        </main>
        {askName && settings ? (
          <NameDialog
            initial={settings.reviewerName ?? ''}
            onSave={(name) =>
              void api.setReviewerName({ name }).then((s) => {
                setSettings(s);
                setAskName(false);
              })
            }
            {...(settings.reviewerName ? { onCancel: () => setAskName(false) } : {})}
          />
        ) : null}
        {showKeys ? <ShortcutsDialog onClose={() => setShowKeys(false)} /> : null}
        {showExport ? <ExportDialog onClose={() => setShowExport(false)} /> : null}
      </div>
    </I18nContext.Provider>
  );
}

function CoverageButton({ disabled, onClick }: { disabled: boolean; onClick: () => void }) {
  const { p } = usePanelText();
  return (
    <button type="button" onClick={onClick} disabled={disabled} data-testid="coverage-button">
      {p('coverage')}
    </button>
  );
}

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}
