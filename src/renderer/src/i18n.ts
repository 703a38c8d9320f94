// Interface text: 简体中文 first, English as a setting.
import { createContext, useContext } from 'react';
import type { Language, ReportStatus } from '../../shared/api';
import type { ReadHow, Severity, Template } from '../../shared/types';

const zh = {
  appName: '年报审校',
  loading: '正在加载…',
  queue: '报告队列',
  back: '返回队列',
  search: '快速搜索（机关、文件、年度）',
  all: '全部',
  status: '状态',
  agency: '机关',
  year: '年度',
  template: '格式',
  errors: '错误',
  warnings: '警告',
  edited: '已改',
  file: '文件',
  published: '发布日期',
  updated: '更新时间',
  note: '说明',
  missing: '文件已删除',
  importing: '正在导入',
  imported: '已导入',
  failedFiles: '失败',
  folder: '文件夹',
  chooseFolder: '选择文件夹…',
  useSamples: '使用示例报告',
  reviewer: '审核人',
  welcomeTitle: '欢迎使用年报审校',
  welcomeText:
    '选择存放政府信息公开工作年度报告的文件夹（.txt、.html、.docx），程序会自动读取其中的统计表并持续关注文件夹的变化。也可以先用随附的示例报告熟悉操作。',
  nameTitle: '审核人姓名',
  nameText: '每一次修改都会记录审核人的姓名。此设置只需填写一次，之后可在“视图”菜单中更改。',
  namePlaceholder: '例如：张敏',
  save: '保存',
  cancel: '取消',
  findings: '问题',
  noFindings: '本报告没有未处理的问题。',
  source: '原文',
  cell: '单元格',
  raw: '原文字符',
  extracted: '程序读取',
  current: '当前值',
  suggestion: '建议值',
  accept: '采纳建议',
  history: '修改历史',
  noHistory: '此单元格没有修改记录。',
  undo: '撤销',
  redo: '重做',
  verify: '核验通过',
  reopen: '重新打开',
  nextFinding: '下一个问题',
  previousFinding: '上一个问题',
  nextReport: '下一份待审',
  waive: '豁免',
  waived: '已豁免',
  waiveTitle: '豁免错误后核验',
  waiveText:
    '本报告仍有 {n} 个错误。若确认报告原文如此（例如原表自身计算有误），请填写说明，这些错误将被豁免并记录。',
  waiveNote: '豁免说明',
  verifyBlocked: '仍有 {n} 个错误，不能直接核验。',
  verifiedBy: '{who} 于 {at} 核验',
  readOnlyVerified: '报告已核验。如需修改，请先“重新打开”。',
  invalidNumber: '“{text}”不是有效数值',
  notInteger: '此单元格只能填写整数',
  notNegative: '此单元格不能为负数',
  savedError: '保存失败：{msg}',
  endOfFindings: '本报告已无未处理的问题',
  noMoreReports: '没有其他待审报告了',
  openedNext: '已打开下一份待审报告',
  language: '语言',
  shortcuts: '键盘快捷键',
  close: '关闭',
  reportMissing: '报告不存在或已被删除',
  cellsOfReport: '{n} 个单元格',
  howClean: '原文清晰读取',
  howSplit: '由连写数字串拆分',
  howBlank: '空白或“—”“/”“无”按 0 计',
  howGuessed: '原文缺少此格，程序推断',
  howManual: '审核人添加',
  emptyFolder: '文件夹中还没有报告。',
  templateUnknown: '未识别',
  statusReason: '原因',
  noReviewer: '（未设置）',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'Nianbao',
  loading: 'Loading…',
  queue: 'Report queue',
  back: 'Back to queue',
  search: 'Quick search (agency, file, year)',
  all: 'All',
  status: 'Status',
  agency: 'Agency',
  year: 'Year',
  template: 'Format',
  errors: 'Errors',
  warnings: 'Warnings',
  edited: 'Edited',
  file: 'File',
  published: 'Published',
  updated: 'Updated',
  note: 'Note',
  missing: 'file deleted',
  importing: 'Importing',
  imported: 'Imported',
  failedFiles: 'failed',
  folder: 'Folder',
  chooseFolder: 'Choose folder…',
  useSamples: 'Use sample reports',
  reviewer: 'Reviewer',
  welcomeTitle: 'Welcome to Nianbao',
  welcomeText:
    'Choose the folder that holds the annual information-disclosure reports (.txt, .html, .docx). Their tables are read and the folder is watched for changes. Or start with the bundled sample reports.',
  nameTitle: 'Reviewer name',
  nameText: 'Every edit records the reviewer’s name. Asked once; change it later from the View menu.',
  namePlaceholder: 'e.g. Zhang Min',
  save: 'Save',
  cancel: 'Cancel',
  findings: 'Findings',
  noFindings: 'No open findings in this report.',
  source: 'Source',
  cell: 'Cell',
  raw: 'Printed',
  extracted: 'Read',
  current: 'Current',
  suggestion: 'Suggestion',
  accept: 'Accept suggestion',
  history: 'History',
  noHistory: 'No edits to this cell.',
  undo: 'Undo',
  redo: 'Redo',
  verify: 'Verify',
  reopen: 'Reopen',
  nextFinding: 'Next finding',
  previousFinding: 'Previous finding',
  nextReport: 'Next to review',
  waive: 'Waive',
  waived: 'Waived',
  waiveTitle: 'Waive errors and verify',
  waiveText:
    '{n} errors stand. If the document itself is wrong (its own arithmetic), write a note: the errors are waived and the note recorded.',
  waiveNote: 'Waiver note',
  verifyBlocked: '{n} errors stand; the report cannot be verified as is.',
  verifiedBy: 'Verified by {who} at {at}',
  readOnlyVerified: 'This report is verified. Reopen it to edit.',
  invalidNumber: '“{text}” is not a valid number',
  notInteger: 'This cell takes whole numbers only',
  notNegative: 'This cell cannot be negative',
  savedError: 'Not saved: {msg}',
  endOfFindings: 'No more open findings in this report',
  noMoreReports: 'No other report needs review',
  openedNext: 'Opened the next report to review',
  language: 'Language',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  reportMissing: 'The report does not exist or was removed',
  cellsOfReport: '{n} cells',
  howClean: 'Read as printed',
  howSplit: 'Split from a glued digit run',
  howBlank: 'Blank, “—”, “/” or “无” read as 0',
  howGuessed: 'Not printed; inferred',
  howManual: 'Added by the reviewer',
  emptyFolder: 'No reports in the folder yet.',
  templateUnknown: 'Unknown',
  statusReason: 'Reason',
  noReviewer: '(not set)',
};

const STATUS: Record<Language, Record<ReportStatus, string>> = {
  'zh-CN': { new: '新导入', needs_review: '待审', verified: '已核验', failed: '读取失败' },
  en: { new: 'New', needs_review: 'To review', verified: 'Verified', failed: 'Failed' },
};

const TEMPLATE: Record<Language, Record<Template, string>> = {
  'zh-CN': { '2021': '2021 版', '2019': '2019 版', legacy: '2019 年前', unknown: '未识别' },
  en: { '2021': '2021 form', '2019': '2019 form', legacy: 'Pre-2019', unknown: 'Unknown' },
};

const SEVERITY: Record<Language, Record<Severity, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

const HOW: Record<ReadHow, MessageKey> = {
  clean: 'howClean',
  split: 'howSplit',
  blank_as_zero: 'howBlank',
  guessed: 'howGuessed',
};

export interface Translator {
  language: Language;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  status: (s: ReportStatus) => string;
  template: (t: Template | null) => string;
  severity: (s: Severity) => string;
  how: (h: ReadHow | null) => string;
}

export function makeTranslator(language: Language): Translator {
  const table: Record<MessageKey, string> = language === 'en' ? en : zh;
  const t = (key: MessageKey, params?: Record<string, string | number>): string =>
    table[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(params?.[name] ?? ''));
  return {
    language,
    t,
    status: (s) => STATUS[language][s],
    template: (tpl) => TEMPLATE[language][tpl ?? 'unknown'],
    severity: (s) => SEVERITY[language][s],
    how: (h) => t(h ? HOW[h] : 'howManual'),
  };
}

export const I18nContext = createContext<Translator>(makeTranslator('zh-CN'));

export function useT(): Translator {
  return useContext(I18nContext);
}
