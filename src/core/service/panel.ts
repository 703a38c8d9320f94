// The panel's channels on the service, and keeping the panel in step: after an import batch (debounced, so a
// large import recomputes each agency a few times, not once per batch) and right after a reviewer's change.
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

  constructor(
    private readonly db: () => Store,
    private readonly reviewer: () => string,
    /** Reports whose panel findings were recomputed (for the views to refresh). */
    private readonly onRefreshed: (reportIds: number[]) => void,
  ) {}

  handlers(): PanelChannels {
    return {
      coverage: async (q) => coverage(this.db(), q),
      panelFindings: async ({ reportId }) => panelFindingViews(this.db(), reportId),
      compareReports: async ({ reportId, otherId }) => compareReports(this.db(), reportId, otherId),
      listAgencies: async () => listAgencies(this.db()),
      agencySuggestions: async () => suggestAgencies(this.db()),
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
    const db = this.db();
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

  /** Reports changed: recompute now (a reviewer's change) or soon (an import batch). */
  changed(reportIds: readonly number[], soon = false): void {
    if (!soon) {
      refreshPanel(this.db(), reportIds);
      return;
    }
    for (const id of reportIds) this.dirty.add(id);
    this.timer ??= setTimeout(() => this.flush(), DEBOUNCE_MS);
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
  }
}
