// Loads one report and applies every change (edit, undo, redo, waiver, verify) to the grid model and to the
// panels. After each change the grid is refreshed and `nianbao:edit-painted` is dispatched once painted.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { CellView, ReportChange, ReportDetail, ReportHeader, UndoState } from '../../../shared/api';
import { api, errorText } from '../api';
import type { Translator } from '../i18n';
import { useToast } from '../common/toast';
import { indexFindings } from './findings';
import { buildLayout, type FormLayout, type FormRow } from './layout';
import type { GridModel } from './ReviewGrid';

export interface ReportState {
  header: ReportHeader;
  text: string;
  layout: FormLayout;
  undo: UndoState;
  /** Bumped on every applied change so panels re-read the model. */
  seq: number;
}

function blankCell(key: string): CellView {
  return {
    key,
    label: null,
    raw: null,
    extracted: null,
    value: null,
    how: null,
    span: null,
    edited: false,
    attention: null,
  };
}

function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function useReport(reportId: number, t: Translator, onHeader: (h: ReportHeader) => void) {
  const toast = useToast();
  const model = useRef<GridModel>({
    cells: new Map(),
    index: indexFindings([]),
    readOnly: true,
    t,
    layout: { rows: [], position: new Map() },
  });
  model.current.t = t;
  const grid = useRef<GridApi<FormRow> | null>(null);
  const [state, setState] = useState<ReportState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const [findings, setFindings] = useState<ReportChange['findings']>([]);
  const pendingPaint = useRef<{ key: string | null } | null>(null);
  const headerRef = useRef(onHeader);
  headerRef.current = onHeader;

  const load = useCallback((detail: ReportDetail) => {
    const layout = buildLayout(detail.report.template, detail.cells);
    model.current.cells = new Map(detail.cells.map((c) => [c.key, c]));
    model.current.index = indexFindings(detail.findings);
    model.current.readOnly = detail.report.status === 'verified' || detail.report.status === 'failed';
    model.current.layout = layout;
    setFindings(detail.findings);
    setState({ header: detail.report, text: detail.text, layout, undo: detail.undo, seq: 0 });
  }, []);

  useEffect(() => {
    let live = true;
    performance.mark('nianbao:report-open-start');
    setError(null);
    api.getReport({ reportId }).then(
      (detail) => live && load(detail),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [reportId, load]);

  const apply = useCallback((change: ReportChange, focusKey: string | null = null) => {
    for (const c of change.cells) model.current.cells.set(c.key, c);
    model.current.index = indexFindings(change.findings);
    model.current.readOnly = change.report.status === 'verified' || change.report.status === 'failed';
    pendingPaint.current = { key: focusKey ?? change.cells[0]?.key ?? null };
    setFindings(change.findings);
    setState((s) => (s ? { ...s, header: change.report, undo: change.undo, seq: s.seq + 1 } : s));
    headerRef.current(change.report);
  }, []);

  // Runs after React committed the panels for a change: repaint the grid, then tell whoever measures.
  useEffect(() => {
    const paint = pendingPaint.current;
    if (!paint || !grid.current) return;
    pendingPaint.current = null;
    grid.current.refreshCells({ force: true });
    afterPaint(() => window.dispatchEvent(new CustomEvent('nianbao:edit-painted', { detail: paint })));
  }, [state?.seq]);

  const run = useCallback(
    async (work: () => Promise<ReportChange>, focusKey: string | null = null): Promise<boolean> => {
      setSaving((n) => n + 1);
      try {
        apply(await work(), focusKey);
        return true;
      } catch (err) {
        toast(t.t('savedError', { msg: errorText(err) }), 'error');
        return false;
      } finally {
        setSaving((n) => n - 1);
      }
    },
    [apply, toast, t],
  );

  const edit = useCallback(
    (key: string, value: number | null, note?: string) => {
      const before = model.current.cells.get(key) ?? blankCell(key);
      model.current.cells.set(key, { ...before, value });
      void run(() => api.editCell({ reportId, key, value, ...(note ? { note } : {}) }), key).then((ok) => {
        if (!ok) {
          model.current.cells.set(key, before);
          grid.current?.refreshCells({ force: true });
        }
      });
    },
    [reportId, run],
  );

  const cells = useMemo(() => model.current.cells, [state?.seq, state?.layout]); // eslint-disable-line react-hooks/exhaustive-deps
  return { model, grid, state, error, saving, findings, apply, run, edit, cells };
}
