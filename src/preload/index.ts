// Exposes exactly one object, `window.nianbao`, implementing the API contract over ipcRenderer.invoke.
// The page never gets ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvents, ArgsOf, Channel, EventName, NianbaoApi, ResultOf } from '../shared/api';

function invoke<C extends Channel>(channel: C, args?: ArgsOf<C>): Promise<ResultOf<C>> {
  return ipcRenderer.invoke(channel, args) as Promise<ResultOf<C>>;
}

const EVENTS: Record<EventName, true> = {
  importProgress: true,
  reportsChanged: true,
  exportProgress: true,
  menuCommand: true,
};

const api = {
  getSettings: () => invoke('getSettings'),
  setReviewerName: (args) => invoke('setReviewerName', args),
  setLanguage: (args) => invoke('setLanguage', args),
  setOcr: (args) => invoke('setOcr', args),
  chooseFolder: () => invoke('chooseFolder'),
  useSampleReports: () => invoke('useSampleReports'),
  importStatus: () => invoke('importStatus'),
  listReports: (args) => invoke('listReports', args),
  queueHead: (args) => invoke('queueHead', args),
  getReport: (args) => invoke('getReport', args),
  editCell: (args) => invoke('editCell', args),
  undo: (args) => invoke('undo', args),
  redo: (args) => invoke('redo', args),
  verifyReport: (args) => invoke('verifyReport', args),
  reopenReport: (args) => invoke('reopenReport', args),
  waiveFinding: (args) => invoke('waiveFinding', args),
  cellHistory: (args) => invoke('cellHistory', args),
  getSourceLocation: (args) => invoke('getSourceLocation', args),
  getPageImage: (args) => invoke('getPageImage', args),
  getOriginal: (args) => invoke('getOriginal', args),
  openOriginalFile: (args) => invoke('openOriginalFile', args),
  exportDataset: (args) => invoke('exportDataset', args),
  coverage: (args) => invoke('coverage', args),
  panelFindings: (args) => invoke('panelFindings', args),
  compareReports: (args) => invoke('compareReports', args),
  listAgencies: () => invoke('listAgencies'),
  agencySuggestions: () => invoke('agencySuggestions'),
  editAgency: (args) => invoke('editAgency', args),
  undoAgencyEdit: () => invoke('undoAgencyEdit'),
  redoAgencyEdit: () => invoke('redoAgencyEdit'),
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (!Object.hasOwn(EVENTS, event)) throw new Error(`未知事件：${String(event)}`);
    const channel = `event:${event}`;
    const wrapped = (_e: IpcRendererEvent, payload: ApiEvents[E]): void => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
} satisfies NianbaoApi;

contextBridge.exposeInMainWorld('nianbao', api);
