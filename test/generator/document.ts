// Puts a report together: chrome, title, prose, the rendered tables, signature; and says which publication date
// the page states.
import { chrome, closing, cnDate, dutySection, isoDate, legacyProse, overview, titleLines } from './prose';
import type { Agency, ProseFigures, PublishDate } from './prose';
import type { Random } from './random';

export interface RenderedTables {
  active?: string[];
  apply?: string[];
  review?: string[];
  legacy?: string[];
}

export interface Assembled {
  lines: string[];
  published: string;
}

const NOTE =
  '注：行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量。';
const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

function pageTop(
  rng: Random,
  agency: Agency,
  year: number,
  date: PublishDate,
  legacy: boolean,
): { lines: string[]; dated: boolean; titled: boolean } {
  const title = titleLines(rng, agency, year, legacy);
  const top = chrome(rng, agency, title[0] ?? '', date);
  // A breadcrumb page prints the title inside its chrome and again above the text.
  const repeat = top.lines.includes(title[0] ?? '\0') ? ['\u00a0', ...title, '\u00a0'] : title;
  return { lines: [...top.lines, ...repeat], dated: top.published, titled: title.length > 0 };
}

function signature(rng: Random, agency: Agency, date: PublishDate, monthOnly: boolean): string[] {
  return [agency.name, monthOnly ? `${date.year}年${date.month}月` : cnDate(date)];
}

export function assembleModern(
  rng: Random,
  agency: Agency,
  year: number,
  date: PublishDate,
  tables: RenderedTables,
  figures: ProseFigures,
): Assembled {
  const top = pageTop(rng, agency, year, date, false);
  const lines = [...top.lines];
  if (!top.titled || rng.chance(0.3))
    lines.push(
      `根据《中华人民共和国政府信息公开条例》和上级有关规定，特向社会公布${year}年度${agency.name}政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。`,
    );
  lines.push(...overview(rng, agency, year, figures));
  let n = 1;
  if (rng.chance(0.25))
    lines.push(
      `${NUM[n++]}、创新创优工作情况`,
      `（一）推进基层政务公开标准化规范化`,
      '深化基层政务公开标准化规范化建设，编制完善基层政务公开标准目录。',
    );
  lines.push(`${NUM[n++]}、主动公开政府信息情况`, ...(tables.active ?? []));
  lines.push(`${NUM[n++]}、收到和处理政府信息公开申请情况`, ...(tables.apply ?? []));
  if (rng.chance(0.3)) lines.push(NOTE);
  lines.push(`${NUM[n++]}、政府信息公开行政复议、行政诉讼情况`, ...(tables.review ?? []));
  if (rng.chance(0.3)) lines.push(NOTE);
  if (rng.chance(0.15)) lines.push(...dutySection(NUM[n++] ?? '五'));
  lines.push(...closing(rng, agency, year, n));
  // A report without a title line names its agency in the signature (as 001 of the dev set does).
  const signed = !top.dated || !top.titled || rng.chance(0.3);
  if (signed) lines.push(...signature(rng, agency, date, false));
  if (rng.chance(0.2)) lines.push('附件：', '用户登录', '还没有账号？', '立即注册');
  return { lines, published: isoDate(date) };
}

export function assembleLegacy(
  rng: Random,
  agency: Agency,
  year: number,
  date: PublishDate,
  table: string[],
  figures: ProseFigures,
): Assembled {
  const top = pageTop(rng, agency, year, date, true);
  const lines = [...top.lines, ...legacyProse(rng, agency, year, figures)];
  const monthOnly = !top.dated && rng.chance(0.6);
  lines.push(`附件：《${agency.name}政府信息公开情况统计表（${year}年度）》`);
  if (!top.dated || !top.titled || rng.chance(0.5)) lines.push(...signature(rng, agency, date, monthOnly));
  lines.push(...table);
  const published = monthOnly ? isoDate(date).slice(0, 7) : isoDate(date);
  return { lines, published };
}
