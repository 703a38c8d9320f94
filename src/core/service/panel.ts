// The panel's channels on the service, and keeping the panel in step: after an import batch (debounced, so a
// large import recomputes each agency a few times, not once per batch) and right after a reviewer's change (once
// the change's answer is on its way: every panel read settles what is pending first, so none reads stale rows).
import type { ApiHandlers } from '../../shared/api';
import type { AgencyEditResult } from '../../shared/panel';
import { applyAgencyEdit, agencyUndoState, stepAgencyEdit } from '../agencies/edits';
import { listAgencies } from '../agencies/registry';
import { suggestAgencies } from '../agencies/suggest';
import { compareReports } from '../panel/compare';
import { coverage } from '../panel/coverage';
import { panelFindingViews } from '../panel/findings';
import { refreshPanel } from '../panel/refresh';
import type { Store } from '../store';

export type PanelChannels = Pick<
  ApiHandlers,
  | 'coverage'
  | 'panelFindings'
  | 'compareReports'
  | 'listAgencies'
  | 'agencySuggestions'
  | 'editAgency'
  | 'undoAgencyEdit'
  | 'redoAgencyEdit'
>;

const DEBOUNCE_MS = 300;

export class PanelService {
  private dirty = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** Reports a reviewer changed, recomputed right after the change's answer has been sent. */
  private urgent = new Set<number>();
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    private readonly db: () => Store,
    private readonly reviewer: () => string,
    /** Reports whose panel findings were recomputed (for the views to refresh). */
    private readonly onRefreshed: (reportIds: number[]) => void,
  ) {}

  handlers(): PanelChannels {
    return {
      coverage: async (q) => coverage(this.settled(), q),
      panelFindings: async ({ reportId }) => panelFindingViews(this.settled(), reportId),
      compareReports: async ({ reportId, otherId }) => compareReports(this.settled(), reportId, otherId),
      listAgencies: async () => listAgencies(this.settled()),
      agencySuggestions: async () => suggestAgencies(this.settled()),
      editAgency: async (edit) =>
        this.registryChange(() => applyAgencyEdit(this.db(), edit, this.reviewer())),
      undoAgencyEdit: async () =>
        this.registryChange(() => stepAgencyEdit(this.db(), 'undo', this.reviewer())),
      redoAgencyEdit: async () =>
        this.registryChange(() => stepAgencyEdit(this.db(), 'redo', this.reviewer())),
    };
  }

  /** A registry change and the whole panel recomputed, in one transaction. */
  private registryChange(change: () => string): AgencyEditResult {
    const db = this.settled();
    const summary = db
      .transaction(() => {
        const s = change();
        refreshPanel(db);
        return s;
      })
      .immediate();
    this.onRefreshed([]);
    return { agencies: listAgencies(db), ...agencyUndoState(db), summary };
  }

  /**
   * Reports changed: recompute next (a reviewer's change: after the current answer is sent, or before any panel
   * read, whichever comes first) or soon (an import batch).
   */
  changed(reportIds: readonly number[], soon = false): void {
    if (!soon) {
      for (const id of reportIds) this.urgent.add(id);
      this.immediate ??= setImmediate(() => this.settle());
      return;
    }
    for (const id of reportIds) this.dirty.add(id);
    this.timer ??= setTimeout(() => this.flush(), DEBOUNCE_MS);
  }

  /** Recomputes what a reviewer's changes left pending. */
  settle(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    if (this.urgent.size === 0) return;
    const ids = [...this.urgent];
    this.urgent.clear();
    try {
      refreshPanel(this.db(), ids);
    } catch {
      // The folder was closed meanwhile; the next open recomputes everything.
    }
  }

  /** The store, with the panel in step with every change made so far. */
  settled(): Store {
    this.settle();
    return this.db();
  }

  /** Recomputes what import batches left pending. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.dirty.size === 0) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    try {
      refreshPanel(this.db(), ids);
      this.onRefreshed(ids);
    } catch {
      // The folder was closed meanwhile; the next open recomputes everything.
    }
  }

  /** Everything, e.g. when a database is opened (it may come from before the panel existed). */
  refreshAll(): void {
    refreshPanel(this.db());
  }

  stop(): void {
    this.settle();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
  }
}
