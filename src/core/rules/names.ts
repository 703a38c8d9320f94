// Reviewer-facing names of every rule and extraction check, 简体中文 and English. The consistency rules' names come
// from their definitions (the equation's left side); the ids stay for tooltips, exports and the English UI.
import type { TemplateId } from '../../shared/types';
import { rulesFor } from './definitions';

const NAMES: Record<string, [string, string]> = {
  'apply.balance': ['申请数收支平衡', 'Applications in = out'],
  'apply.results': ['办理结果合计', 'Results add up to the total'],
  'apply.row_total': ['行合计', 'Row total'],
  'review.total': ['行政复议合计', 'Administrative reconsideration total'],
  'litigation.direct.total': ['行政诉讼（直接起诉）合计', 'Litigation (direct) total'],
  'litigation.after_review.total': ['行政诉讼（复议后起诉）合计', 'Litigation (after reconsideration) total'],
  'prose.table': ['正文数字与表格不符', 'Prose figure differs from the table'],
  'extract.missing_table': ['缺少统计表', 'Table not found'],
  'extract.missing_row': ['缺少表行', 'Row not found'],
  'extract.short_row': ['表行数值过少', 'Row has too few values'],
  'extract.long_row': ['表行数值过多', 'Row has too many values'],
  'extract.ambiguous_split': ['连写数字拆分不唯一', 'Glued digits split more than one way'],
  'extract.split': ['连写数字已拆分', 'Glued digits split'],
  'extract.row_arithmetic': ['表行算术不符', 'Row arithmetic does not hold'],
};

/** Legacy rules are named by their equation's left side: `申请办结数 = …` → 申请办结数. */
function legacyNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const rule of rulesFor('legacy' as TemplateId, () => true)) {
    const left = rule.text.split('=')[0]?.trim();
    if (left) names.set(rule.id, `${left}合计`);
  }
  return names;
}

let legacy: Map<string, string> | null = null;

/** The rule's name in the interface language; an unknown id is shown as it is. */
export function ruleName(id: string, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const known = NAMES[id];
  if (known) return language === 'en' ? known[1] : known[0];
  if (id.startsWith('legacy.')) {
    legacy ??= legacyNames();
    const zh = legacy.get(id);
    if (zh) return language === 'en' ? id : zh;
  }
  if (id.startsWith('extract.')) return language === 'en' ? 'Extraction check' : '提取检查';
  return id;
}
