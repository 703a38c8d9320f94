// Queue columns: what a reviewer scans to pick the next report.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ReportRow, ReportStatus } from '../../../shared/api';
import type { Translator } from '../i18n';

const STATUS_RANK: Record<ReportStatus, number> = { needs_review: 0, new: 1, failed: 2, verified: 3 };

/** Another file of a report that has a primary version: hidden unless the reviewer asks for versions. */
export function isSecondary(r: ReportRow | undefined): boolean {
  return r?.group !== null && r?.group !== undefined && r.group.primaryId !== r.id;
}

/** A queue row's class: a file gone from the folder, another version of a report. */
export function queueRowClass(r: ReportRow | undefined): string | undefined {
  return (
    [r?.missing ? 'row-missing' : '', isSecondary(r) ? 'row-secondary' : ''].join(' ').trim() || undefined
  );
}

function count(field: 'errors' | 'warnings' | 'edited', headerName: string, cls: string): ColDef<ReportRow> {
  return {
    field,
    // Within a status, the reports with the most errors come first.
    ...(field === 'errors' ? { sort: 'desc' as const, sortIndex: 1 } : {}),
    headerName,
    width: 66,
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    // A column's own cellClass replaces the rightAligned type's, so its class is repeated here.
    cellClass: (p) =>
      `ag-right-aligned-cell num ${typeof p.value === 'number' && p.value > 0 ? cls : 'zero'}`,
    valueFormatter: (p) => (p.value ? String(p.value) : '·'),
  };
}

/** `主 +2` for a primary with two other versions, `副本 1` for identical copies, `→#12` for another version. */
function duplicateText(tr: Translator, r: ReportRow | undefined): string {
  if (!r) return '';
  const parts: string[] = [];
  if (r.group) {
    parts.push(
      r.group.primaryId === r.id
        ? tr.t('dupPrimary', { n: r.group.memberIds.length - 1 })
        : `→#${r.group.primaryId}`,
    );
  }
  if (r.copies.length > 0) parts.push(tr.t('dupCopies', { n: r.copies.length }));
  return parts.join(' · ');
}

function duplicateTooltip(tr: Translator, r: ReportRow | undefined): string | undefined {
  if (!r) return undefined;
  const lines: string[] = [];
  if (r.group && r.group.primaryId === r.id)
    lines.push(
      tr.t('groupPrimary', {
        n: r.group.memberIds.length - 1,
        formats: r.group.memberIds
          .slice(1)
          .map((id) => `#${id}`)
          .join('、'),
      }),
    );
  else if (r.group) lines.push(tr.t('sameReport', { id: r.group.primaryId }));
  if (r.copies.length > 0) lines.push(tr.t('copiesOf', { n: r.copies.length, paths: r.copies.join('、') }));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function noteText(tr: Translator, r: ReportRow | undefined): string {
  return [r?.missing ? tr.t('missing') : '', r?.error ?? ''].filter(Boolean).join('；');
}

/** Tooltips of the queue's cells by column (see common/tips): the whole text where a cell may cut it off. */
export function queueTip(tr: Translator, r: ReportRow | undefined, colId: string): string | undefined {
  if (!r) return undefined;
  if (colId === 'agency') return r.agency ?? undefined;
  if (colId === 'path') return r.path;
  if (colId === 'duplicates') return duplicateTooltip(tr, r);
  if (colId === 'note') return noteText(tr, r) || undefined;
  return undefined;
}

export function queueColumns(tr: Translator): ColDef<ReportRow>[] {
  const { t } = tr;
  return [
    {
      field: 'status',
      headerName: t('status'),
      width: 92,
      sort: 'asc',
      sortIndex: 0,
      comparator: (a: ReportStatus, b: ReportStatus) => STATUS_RANK[a] - STATUS_RANK[b],
      valueFormatter: (p: ValueFormatterParams<ReportRow, ReportStatus>) =>
        p.value ? tr.status(p.value) : '',
      getQuickFilterText: (p) => tr.status(p.value as ReportStatus),
      cellClass: (p) => `status-cell status-${String(p.value)}`,
      filter: false,
    },
    {
      field: 'agency',
      headerName: t('agency'),
      flex: 1.3,
      minWidth: 160,
      filter: 'agTextColumnFilter',
      valueFormatter: (p) => p.value ?? '—',
    },
    { field: 'year', headerName: t('year'), width: 76, filter: 'agNumberColumnFilter', type: 'rightAligned' },
    {
      field: 'template',
      headerName: t('template'),
      width: 96,
      valueFormatter: (p) => tr.template(p.value ?? null),
      getQuickFilterText: (p) => tr.template(p.value ?? null),
      filter: 'agTextColumnFilter',
      filterValueGetter: (p) => tr.template(p.data?.template ?? null),
    },
    count('errors', t('errors'), 'count-error'),
    count('warnings', t('warnings'), 'count-warning'),
    count('edited', t('edited'), 'count-edited'),
    {
      colId: 'duplicates',
      headerName: t('duplicates'),
      width: 96,
      filter: false,
      valueGetter: (p) => duplicateText(tr, p.data),
      cellClass: 'dup-cell',
    },
    {
      field: 'published',
      headerName: t('published'),
      width: 100,
      filter: 'agTextColumnFilter',
      cellClass: 'mono',
    },
    {
      field: 'path',
      headerName: t('file'),
      flex: 1.2,
      minWidth: 160,
      filter: 'agTextColumnFilter',
      cellClass: 'mono path-cell',
    },
    {
      colId: 'note',
      headerName: t('note'),
      flex: 1.2,
      minWidth: 140,
      valueGetter: (p) => noteText(tr, p.data),
      filter: 'agTextColumnFilter',
      cellClass: (p) => (p.data?.error || p.data?.missing ? 'note-cell note-alert' : 'note-cell'),
    },
    {
      field: 'updatedAt',
      headerName: t('updated'),
      width: 136,
      cellClass: 'mono muted',
      valueFormatter: (p) => (typeof p.value === 'string' ? p.value.replace('T', ' ').slice(0, 16) : ''),
      filter: false,
    },
  ];
}
