// The application: first start (folder, reviewer name), the queue, the review screen, shortcuts and menus.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportProgress, Language, ReportHeader, ReportRow, Settings } from '../../shared/api';
import { api, errorText } from './api';
import { I18nContext, makeTranslator } from './i18n';
import { emitCommand, useCommands } from './common/commands';
import { NameDialog, ShortcutsDialog, Welcome } from './common/dialogs';
import { commandOf, isTyping, type Command } from './common/keys';
import { ToastProvider, useToast } from './common/toast';
import { QueueScreen } from './queue/QueueScreen';
import { ReviewScreen } from './review/ReviewScreen';

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
  };
}

function Shell() {
  const toast = useToast();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [rows, setRows] = useState<ReportRow[] | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [lastId, setLastId] = useState<number | null>(null);
  const [askName, setAskName] = useState(false);
  const [showKeys, setShowKeys] = useState(false);
  const order = useRef<number[]>([]);
  const rowsRef = useRef<ReportRow[]>([]);
  rowsRef.current = rows ?? [];
  const tr = useMemo(() => makeTranslator(settings?.language ?? 'zh-CN'), [settings?.language]);

  const refresh = useCallback(() => {
    api.listReports({}).then(setRows, (err: unknown) => toast(errorText(err), 'error'));
  }, [toast]);

  useEffect(() => {
    void api.getSettings().then((s) => {
      setSettings(s);
      if (!s.reviewerName) setAskName(true);
      if (s.folder) refresh();
    });
    void api.importStatus().then(setProgress);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const offProgress = api.on('importProgress', setProgress);
    const offChanged = api.on('reportsChanged', () => {
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
  }, [refresh]);

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
    document.documentElement.lang = tr.language;
  }, [tr.language]);

  const openFolder = async (how: 'choose' | 'samples'): Promise<void> => {
    try {
      const s = how === 'choose' ? await api.chooseFolder() : await api.useSampleReports();
      if (!s) return;
      setSettings(s);
      setOpenId(null);
      setRows(null);
      refresh();
    } catch (err) {
      toast(errorText(err), 'error');
    }
  };
  const setLanguage = (language: Language): void => void api.setLanguage({ language }).then(setSettings);

  const nextReport = (): boolean => {
    const byId = new Map(rowsRef.current.map((r) => [r.id, r]));
    const ids = order.current;
    const at = openId === null ? -1 : ids.indexOf(openId);
    const candidates = [...ids.slice(at + 1), ...ids.slice(0, Math.max(at, 0))];
    const toReview = (id: number): boolean => {
      const status = byId.get(id)?.status;
      return status === 'needs_review' || status === 'new';
    };
    const next = candidates.find((id) => id !== openId && toReview(id));
    if (next === undefined) return false;
    setOpenId(next);
    setLastId(next);
    return true;
  };

  const onHeader = useCallback((h: ReportHeader) => {
    setRows((list) => (list ? list.map((r) => (r.id === h.id ? toRow(h) : r)) : list));
  }, []);

  useCommands((c: Command) => {
    if (c === 'choose-folder') void openFolder('choose');
    else if (c === 'use-samples') void openFolder('samples');
    else if (c === 'set-name') setAskName(true);
    else if (c === 'language-zh-CN' || c === 'language-en') setLanguage(c === 'language-en' ? 'en' : 'zh-CN');
    else if (c === 'shortcuts') setShowKeys(true);
  });

  const loaded = settings !== null && (settings.folder === null || rows !== null);
  const screen = !settings?.folder ? 'welcome' : openId !== null ? 'review' : 'queue';
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
          <select
            value={tr.language}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'zh-CN')}
            aria-label={tr.t('language')}
          >
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
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
                rows={rows}
                progress={progress}
                selectedId={lastId}
                onOpen={(id) => (setOpenId(id), setLastId(id))}
                onOrder={(ids) => (order.current = ids)}
              />
            </div>
          ) : null}
          {openId !== null ? (
            <ReviewScreen
              reportId={openId}
              active={screen === 'review'}
              onBack={() => setOpenId(null)}
              onNextReport={nextReport}
              onHeader={onHeader}
            />
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
      </div>
    </I18nContext.Provider>
  );
}

export function App() {
  return (
    <ToastProvider>
      <Shell />
    </ToastProvider>
  );
}
