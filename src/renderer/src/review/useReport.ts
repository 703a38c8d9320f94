// Loads one report and applies every change (edit, undo, redo, waiver, verify) to the grid model and to the
// panels. Each change answered is announced as `nianbao:change-saved`; once the grid shows it, `nianbao:edit-painted`.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { GridApi } from 'ag-grid-community';
import type { CellView, ReportChange, ReportDetail, ReportHeader, UndoState } from '../../../shared/api';
import { api, errorText } from '../api';
import type { Translator } from '../i18n';
import { useToast } from '../common/toast';
import { indexFindings, type FindingIndex } from './findings';
import { buildLayout, type FormLayout, type FormRow } from './layout';
import { cellStates, changedStates } from './cellstate';
import type { GridModel } from './ReviewGrid';

export interface ReportState {
  /** The open (App's generation counter) this state was loaded for. */
  generation: number;
  header: ReportHeader;
  text: string;
  layout: FormLayout;
  undo: UndoState;
  /** Bumped on every applied change so panels re-read the model. */
  seq: number;
  /** Which load of this open: the report read again when its file changed is a new load (useReport's reloads). */
  load: number;
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
    review: false,
  };
}

/** Keys whose finding colour or suspect mark differs between two indexes. */
function changedKeys(a: FindingIndex, b: FindingIndex): Set<string> {
  const keys = new Set<string>();
  for (const k of new Set([...a.severity.keys(), ...b.severity.keys()])) {
    if (a.severity.get(k) !== b.severity.get(k)) keys.add(k);
  }
  for (const k of new Set([...a.suspect.keys(), ...b.suspect.keys()])) {
    if (
      a.suspect.get(k)?.suggestion !== b.suspect.get(k)?.suggestion ||
      a.suspect.has(k) !== b.suspect.has(k)
    ) {
      keys.add(k);
    }
  }
  return keys;
}

/** Whether a report read again is what the screen shows: the same file, status, values and findings. */
function sameContent(detail: ReportDetail, model: GridModel, header: ReportHeader | null): boolean {
  if (
    !header ||
    detail.report.sha256 !== header.sha256 ||
    detail.report.status !== header.status ||
    detail.report.template !== model.template ||
    detail.cells.length !== model.cells.size ||
    detail.findings.filter((f) => f.waiver === null).length !== model.index.standing.length
  )
    return false;
  return detail.cells.every((c) => {
    const shown = model.cells.get(c.key);
    return shown !== undefined && shown.value === c.value && shown.edited === c.edited;
  });
}

/** Repaints only the given cells ('*': all), so an edit costs a few cells of style work, not the whole grid. */
function refreshKeys(api: GridApi<FormRow>, layout: FormLayout, keys: Set<string>): void {
  if (keys.has('*')) return api.refreshCells({ force: true });
  const rows = new Map<string, Set<string>>();
  for (const key of keys) {
    const pos = layout.position.get(key);
    const row = pos ? layout.rows[pos.row] : undefined;
    if (!pos || !row) continue;
    rows.set(row.id, (rows.get(row.id) ?? new Set()).add(`c${pos.col}`));
  }
  for (const [id, cols] of rows) {
    const node = api.getRowNode(id);
    if (node) api.refreshCells({ rowNodes: [node], columns: [...cols], force: true });
  }
}

/** The review screen's root element, while mounted. */
let openScreen: HTMLElement | null = null;

/** A report asked for by the open itself (App), so the request does not wait for the screen's first render. */
let opening: {
  reportId: number;
  detail: Promise<ReportDetail>;
  arrived: ReportDetail | null;
  failed: boolean;
} | null = null;

/** The open's (or a preparation's) request for this report, unless it failed: a later open asks again. */
const askedFor = (reportId: number): typeof opening =>
  opening?.reportId === reportId && !opening.failed ? opening : null;

/** How long a report read ahead stays good to open (a change in this window or the folder drops it at once). */
const AHEAD_MS = 3_000;
/** The report of the queue row the keyboard rests on, read before it is opened; one request at a time. */
let ahead: { reportId: number; detail: Promise<ReportDetail>; at: number; done: boolean } | null = null;
let aheadNext: number | null = null;

const readFor = (reportId: number): typeof ahead =>
  ahead?.reportId === reportId && performance.now() - ahead.at < AHEAD_MS ? ahead : null;

export function readAhead(reportId: number): void {
  if (readFor(reportId) || askedFor(reportId)) return;
  if (ahead && !ahead.done) {
    aheadNext = reportId;
    return;
  }
  const read: NonNullable<typeof ahead> = {
    reportId,
    detail: api.getReport({ reportId }),
    at: performance.now(),
    done: false,
  };
  ahead = read;
  const next = (): void => {
    read.done = true;
    const id = aheadNext;
    aheadNext = null;
    if (id !== null && ahead === read) readAhead(id);
  };
  read.detail.then(next, next);
}

/** The report loaded into the hidden review screen ahead of its open (App prepares it), unchanged since. */
let prepared: number | null = null;

export function preparedReport(): number | null {
  return prepared;
}

/** Whether the report is the one prepared; an open takes it (opening it again reads it again). */
export function takePrepared(reportId: number): boolean {
  if (prepared !== reportId) return false;
  prepared = null;
  return true;
}

/** Reports changed here or in the folder: what was read ahead, or prepared, may be out of date. */
export function forgetAhead(): void {
  ahead = null;
  opening = null;
  aheadNext = null;
  prepared = null;
}

function readAheadFor(reportId: number): Promise<ReportDetail> | null {
  const read = readFor(reportId);
  ahead = null;
  return read?.detail ?? null;
}

/**
 * Asks for a report now (or takes it as read ahead); the review screen takes this answer when it loads the report.
 * Resolves once the answer is in (or failed), so the open can show the screen with its report in one paint.
 */
export function requestReport(reportId: number, preparing = false): Promise<void> {
  // The screen says so at once (tests and the benchmark wait on it), without a render of the screen. A report
  // prepared behind the queue is not being opened yet.
  if (!preparing) openScreen?.setAttribute('data-report-state', 'busy');
  // Asked for already, by a preparation the open overtook: its answer is the open's.
  const before = askedFor(reportId);
  if (before)
    return before.detail.then(
      () => undefined,
      () => undefined,
    );
  const detail = readAheadFor(reportId) ?? api.getReport({ reportId });
  const asked: NonNullable<typeof opening> = { reportId, detail, arrived: null, failed: false };
  opening = asked;
  return asked.detail.then(
    (detail) => void (asked.arrived = detail),
    () => void (asked.failed = true), // said where it is taken; a later open asks again
  );
}

function takeReport(reportId: number): { arrived: ReportDetail | null; detail: Promise<ReportDetail> } {
  const asked = opening?.reportId === reportId ? opening : null;
  opening = null;
  return asked ?? { arrived: null, detail: api.getReport({ reportId }) };
}

function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function useReport(
  reportId: number | null,
  generation: number,
  active: boolean,
  t: Translator,
  onHeader: (h: ReportHeader) => void,
) {
  const toast = useToast();
  const model = useRef<GridModel>({
    cells: new Map(),
    index: indexFindings([]),
    readOnly: true,
    t,
    layout: { rows: [], position: new Map() },
    states: new Map(),
    template: null,
  });
  model.current.t = t;
  const grid = useRef<GridApi<FormRow> | null>(null);
  const [state, setState] = useState<ReportState | null>(null);
  // What the screen shows, for the handlers that compare a report read again with it.
  const shownState = useRef(state);
  shownState.current = state;
  const [error, setError] = useState<string | null>(null);
  // Pending saves, shown as data-saving on the screen's root without re-rendering it.
  const saving = useRef(0);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    openScreen = root.current;
    return () => {
      openScreen = null;
    };
  }, []);
  const setSaving = (delta: number): void => {
    saving.current += delta;
    root.current?.setAttribute('data-saving', String(saving.current));
  };
  const [findings, setFindings] = useState<ReportChange['findings']>([]);
  const tRef = useRef(t);
  tRef.current = t;
  const headerRef = useRef(onHeader);
  headerRef.current = onHeader;
  // The report whose cells the model holds: a change answered for another one (an edit still being saved when the
  // reviewer went on to the next report) must not reach this screen. Set with the model, not read from the state:
  // an answer can arrive between a load and the render that shows it.
  const loaded = useRef<number | null>(null);
  // Hidden behind the queue, the screen is not read again: the next open reads the report anyway.
  const visible = useRef(active);
  visible.current = active;

  // Bumped when the open report is read again (its file changed): the rows are new rows then too.
  const reloads = useRef(0);
  const load = useCallback((detail: ReportDetail, generation: number) => {
    // Rows are keyed by report, template and open (or reload): no row node (and none of its state) crosses reports.
    const scope = `${detail.report.id}:${detail.report.template ?? 'none'}:${generation}.${reloads.current}:`;
    const layout = buildLayout(detail.report.template, detail.cells, scope);
    loaded.current = detail.report.id;
    // Loaded while hidden: a report prepared behind the queue, which its open only has to show.
    prepared = visible.current ? null : detail.report.id;
    model.current.cells = new Map(detail.cells.map((c) => [c.key, c]));
    model.current.index = indexFindings(detail.findings);
    model.current.template = detail.report.template;
    model.current.states = cellStates(detail.report.template, model.current.cells, model.current.index);
    model.current.readOnly = detail.report.status === 'verified' || detail.report.status === 'failed';
    model.current.layout = layout;
    // Straight to the grid (not as a prop applied after the paint): the new rows are in the same paint as the screen.
    grid.current?.setGridOption('rowData', layout.rows);
    setFindings(detail.findings);
    setState({
      generation,
      header: detail.report,
      text: detail.text,
      layout,
      undo: detail.undo,
      seq: 0,
      load: reloads.current,
    });
  }, []);

  // A layout effect: when the open waited for its report (App), the report is loaded before the screen paints.
  useLayoutEffect(() => {
    if (reportId === null) return;
    let live = true;
    performance.mark('nianbao:report-open-start');
    setError(null);
    const { arrived, detail } = takeReport(reportId);
    if (arrived) load(arrived, generation);
    else
      detail.then(
        (d) => live && load(d, generation),
        (err: unknown) => live && setError(tRef.current.message(errorText(err))),
      );
    return () => {
      live = false;
    };
  }, [reportId, generation, load]);

  // The open report's file changed (the folder's watcher read it again): show it as it is now, and say so. A change
  // that leaves its file, status, values and findings as shown (its file deleted, the panel's checks recomputed)
  // updates the header only.
  useEffect(() => {
    if (reportId === null) return;
    let live = true;
    const off = api.on('reportsChanged', ({ reportIds }) => {
      if (!visible.current || !reportIds.includes(reportId)) return;
      api.getReport({ reportId }).then(
        (detail) => {
          if (!live || !visible.current || loaded.current !== reportId) return;
          if (sameContent(detail, model.current, shownState.current?.header ?? null)) {
            // The same content; the header may still differ (the file deleted, the agency's registry changed).
            setState((s) => (s && s.header.id === reportId ? { ...s, header: detail.report } : s));
            return;
          }
          reloads.current += 1;
          load(detail, generation);
          toast(tRef.current.t('reloadedChanged'), 'info');
        },
        () => undefined, // the next open says why
      );
    });
    return () => {
      live = false;
      off();
    };
  }, [reportId, generation, load, toast]);

  const apply = useCallback((change: ReportChange, focusKey: string | null = null) => {
    // The queue's row and the panel's checks follow the change whichever report is on screen; the screen only if it
    // is this report.
    headerRef.current(change.report);
    window.dispatchEvent(new CustomEvent('nianbao:change-saved', { detail: change.report.id }));
    if (change.report.id !== loaded.current) return;
    for (const c of change.cells) model.current.cells.set(c.key, c);
    const before = model.current.index;
    model.current.index = indexFindings(change.findings);
    const keys = changedKeys(before, model.current.index);
    for (const c of change.cells) keys.add(c.key);
    const states = cellStates(model.current.template, model.current.cells, model.current.index);
    for (const k of changedStates(model.current.states, states)) keys.add(k);
    model.current.states = states;
    const wasReadOnly = model.current.readOnly;
    model.current.readOnly = change.report.status === 'verified' || change.report.status === 'failed';
    const paint = {
      key: focusKey ?? change.cells[0]?.key ?? null,
      // Read-only state shows on every cell; otherwise only cells whose value or findings changed repaint.
      keys: wasReadOnly !== model.current.readOnly ? new Set(['*']) : keys,
    };
    // Commit the panels now (not after the next frame), repaint the grid cells, then report once painted.
    flushSync(() => {
      setFindings(change.findings);
      setState((s) => (s ? { ...s, header: change.report, undo: change.undo, seq: s.seq + 1 } : s));
    });
    if (grid.current) refreshKeys(grid.current, model.current.layout, paint.keys);
    afterPaint(() => window.dispatchEvent(new CustomEvent('nianbao:edit-painted', { detail: paint })));
  }, []);

  const run = useCallback(
    async (work: () => Promise<ReportChange>, focusKey: string | null = null): Promise<boolean> => {
      forgetAhead();
      setSaving(1);
      try {
        apply(await work(), focusKey);
        return true;
      } catch (err) {
        toast(t.t('savedError', { msg: t.message(errorText(err)) }), 'error');
        return false;
      } finally {
        // A report read ahead while this change was on its way may predate it.
        forgetAhead();
        setSaving(-1);
      }
    },
    [apply, toast, t],
  );

  const edit = useCallback(
    (key: string, value: number | null, note?: string) => {
      const before = model.current.cells.get(key) ?? blankCell(key);
      model.current.cells.set(key, { ...before, value, edited: true });
      if (reportId === null) return Promise.resolve(false);
      return run(() => api.editCell({ reportId, key, value, ...(note ? { note } : {}) }), key).then((ok) => {
        if (!ok && loaded.current === reportId) {
          model.current.cells.set(key, before);
          grid.current?.refreshCells({ force: true });
        }
        return ok;
      });
    },
    [reportId, run],
  );

  const cells = useMemo(() => model.current.cells, [state?.seq, state?.layout]); // eslint-disable-line react-hooks/exhaustive-deps
  return { model, grid, root, state, error, findings, apply, run, edit, cells };
}
