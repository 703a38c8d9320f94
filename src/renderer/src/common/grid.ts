// ag-grid: most of the renderer's code by size, so it is a chunk of its own, loaded while the queue's top is drawn
// without it (queue/QueuePreview). Only the features the queue and the review grid use are registered.
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ExternalFilterModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TextFilterModule,
  themeBalham,
} from 'ag-grid-community';
import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
import type { Language } from '../../../shared/api';
import { GRID_PARAMS } from './theme';

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  TextFilterModule,
  NumberFilterModule,
  QuickFilterModule,
  ExternalFilterModule,
  RowSelectionModule,
  TextEditorModule,
  CellStyleModule,
  RowStyleModule,
  LocaleModule,
]);

export { AgGridReact } from 'ag-grid-react';

export const gridTheme = themeBalham.withParams(GRID_PARAMS);

/** ag-grid's own words are English; only the Chinese ones are bundled. */
const ENGLISH: Record<string, string> = {};

export function gridLocale(language: Language): Record<string, string> {
  return language === 'en' ? ENGLISH : AG_GRID_LOCALE_CN;
}
