// What `nianbao status` adds for the panel: the findings across reports of one agency (each naming both reports)
// and the supervisors' checks, counted by rule.
import type { Store } from '../core/store';
import { allPanelFindings } from '../core/panel/findings';
import { refreshPanel } from '../core/panel/refresh';

const RULE_TEXT: Record<string, string> = {
  'cross.carry': '上年结转 ≠ 上一年报告结转下年度',
  'cross.in_force': '现行有效件数不接续（2021版）',
  'cross.items': '上一年项目数量不接续（2019版）',
  'supervision.late': '逾期发布',
  'supervision.no_date': '未读出发布日期',
  'supervision.format': '表格格式与年度不符',
  'supervision.sections': '缺少规定部分',
  'supervision.reuse': '与上一年报告文字重复',
};

/** Lines for the status command; `limit` cross-report findings are listed one by one. */
export function panelStatus(db: Store, limit = 30): string {
  const unplaced = db
    .prepare('SELECT count(*) FROM reports WHERE agency_id IS NULL AND agency IS NOT NULL')
    .pluck()
    .get();
  if (Number(unplaced) > 0) refreshPanel(db);
  const all = allPanelFindings(db);
  const lines: string[] = [];
  const counts = new Map<string, number>();
  for (const f of all) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const cross = all.filter((f) => f.kind === 'cross');
  lines.push('', `跨报告检查 (cross-report findings)：${cross.length} 个`);
  for (const f of cross.slice(0, limit)) {
    lines.push(
      `  ${f.agency ?? '?'}  ${f.otherYear ?? '?'}→${f.year ?? '?'}  #${f.otherReportId}→#${f.reportId}  ${f.message}`,
    );
  }
  if (cross.length > limit) lines.push(`  …另有 ${cross.length - limit} 个`);
  lines.push('', '督查检查 (supervisors’ checks)：');
  for (const [rule, n] of [...counts].sort()) {
    lines.push(`  ${String(n).padStart(6)}  ${rule}  ${RULE_TEXT[rule] ?? ''}`);
  }
  return lines.join('\n');
}
