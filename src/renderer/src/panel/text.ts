// The panel screens' wording: 简体中文 first, English as the language setting says.
import type { CoverageStatus } from '../../../shared/panel';
import { STATUS_WORDS } from '../../../core/words';
import { useT } from '../i18n';

const zh = {
  coverage: '覆盖情况',
  coverageTitle: '机关 × 年度覆盖情况',
  agencies: '机关登记',
  region: '地区',
  allRegions: '全部地区',
  anyStatus: '全部状态',
  years: '年度',
  yearsPlaceholder: '如 2019-2024 或 2023,2024',
  agencyFilter: '机关名称',
  exportGaps: '导出缺报清单…',
  gapsDone: '缺报清单已导出：{files}',
  unplaced: '无法归入机关或年度的文件（{n}）',
  rowsShown: '{rows} 个机关 × {years} 个年度，用时 {ms} 毫秒',
  noReports: '还没有可归入机关的报告。',
  checks: '跨报告与督查检查',
  noChecks: '本报告没有跨报告或督查检查问题。',
  openOther: '打开 {year} 年报告',
  compareYears: '逐年对比',
  compareTitle: '逐年对比',
  changedOnly: '只看有变化的单元格',
  cell: '单元格',
  sections: '正文各部分的差异',
  unchangedSection: '（无变化）',
  pickOther: '对比的报告',
  reuseShare: '重复语句 {repeated}/{sentences}（{pct}%）',
  suggestions: '可能是同一机关',
  noSuggestions: '没有合并建议。',
  merge: '合并到 {name}',
  rename: '改名',
  setRegion: '设地区',
  split: '拆出',
  names: '印刷名称',
  undoRegistry: '撤销机关修改',
  redoRegistry: '重做机关修改',
  back: '返回',
  open: '打开',
  status_none: '无报告',
  status_failed: STATUS_WORDS.failed,
  status_needs_review: STATUS_WORDS.needs_review,
  status_verified: STATUS_WORDS.verified,
  status_several: '多个文件',
};

const en: typeof zh = {
  coverage: 'Coverage',
  coverageTitle: 'Agencies × years',
  agencies: 'Agency registry',
  region: 'Region',
  allRegions: 'All regions',
  anyStatus: 'Any status',
  years: 'Years',
  yearsPlaceholder: 'e.g. 2019-2024 or 2023,2024',
  agencyFilter: 'Agency name',
  exportGaps: 'Export gaps…',
  gapsDone: 'Gaps exported: {files}',
  unplaced: 'Files without agency or year ({n})',
  rowsShown: '{rows} agencies × {years} years in {ms} ms',
  noReports: 'No report could be placed under an agency yet.',
  checks: 'Cross-report and supervisors’ checks',
  noChecks: 'No cross-report or supervisors’ finding for this report.',
  openOther: 'Open the {year} report',
  compareYears: 'Year over year',
  compareTitle: 'Year over year',
  changedOnly: 'Changed cells only',
  cell: 'Cell',
  sections: 'Text difference by section',
  unchangedSection: '(unchanged)',
  pickOther: 'Compare with',
  reuseShare: 'Repeated sentences {repeated}/{sentences} ({pct}%)',
  suggestions: 'May be one agency',
  noSuggestions: 'No suggestion.',
  merge: 'Merge into {name}',
  rename: 'Rename',
  setRegion: 'Set region',
  split: 'Split off',
  names: 'Printed names',
  undoRegistry: 'Undo agency change',
  redoRegistry: 'Redo agency change',
  back: 'Back',
  open: 'Open',
  status_none: 'None',
  status_failed: 'Failed',
  status_needs_review: 'To review',
  status_verified: 'Verified',
  status_several: 'Several files',
};

export type PanelKey = keyof typeof zh;

export function usePanelText(): {
  p: (key: PanelKey, params?: Record<string, string | number>) => string;
  statusText: (s: CoverageStatus) => string;
} {
  const { language } = useT();
  const table = language === 'en' ? en : zh;
  const p = (key: PanelKey, params?: Record<string, string | number>): string =>
    table[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(params?.[name] ?? ''));
  return { p, statusText: (s) => p(`status_${s}`) };
}

/** `2019-2024`, `2023,2024`, `2024` → years; null when the text is not years. */
export function parseYearRange(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text.split(/[\s,，、]+/).filter(Boolean)) {
    const m = /^(\d{4})(?:[-–~](\d{4}))?$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from < 1990 || to > 2100 || to < from || to - from > 60) return null;
    for (let y = from; y <= to; y++) out.push(y);
  }
  return out;
}
