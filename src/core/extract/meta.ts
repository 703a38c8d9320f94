// The reporting body, the year reported on and the publication date.
import type { ReportMeta } from '../../shared/types';

const TITLE = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)|信息公开(?:工作)?(?:年度)?报告/;
const ORG_SUFFIX =
  /(?:人民政府|政府|办事处|街道|乡|镇|局|委员会|委|办公室|办|厅|中心|院|署|馆|站|所|处|公司|集团|大学|学校|银行|部|会)$/;

function cleanAgency(s: string): string {
  return s
    .replace(/^[\s|:：,，。、"'《》()（）\-—]+|[\s|:：,，。、"'《》()（）\-—]+$/g, '')
    .replace(/^(?:信息名称|标题|名称|关于)[:：]?/, '')
    .replace(/(?:关于|的|年度|度)$/, '')
    .replace(/^(?:关于)/, '')
    .trim();
}

const plausibleAgency = (s: string): boolean =>
  s.length >= 2 &&
  s.length <= 40 &&
  /[\u3400-\u9fff]/.test(s) &&
  !/[。；，,]/.test(s) &&
  !/^(?:本|我|年度|工作)/.test(s);

function titleCandidates(lines: string[]): { agency: string; year: number | null }[] {
  const out: { agency: string; year: number | null }[] = [];
  for (const [index, fullLine] of lines.entries()) {
    // A title sits at the start of its line; a page that lost its line breaks has it in its first characters.
    const line = fullLine.length > 300 ? fullLine.slice(0, 300) : fullLine;
    if (!TITLE.test(line)) continue;
    // Page titles and breadcrumbs join their parts with `_`, `>` or `|`.
    for (const cell of line.split(/[|_>›»]/)) {
      const t = TITLE.exec(cell);
      // A title is short; a sentence citing another document's title is not one.
      if (!t || cell.trim().length > 60 || /[《》]|条例/.test(cell.slice(0, t.index))) continue;
      const head = cell.slice(0, t.index).replace(/\s+/g, '');
      const year = /((?:19|20)\d{2})\s*年?\s*度?/.exec(head);
      let agency = '';
      if (year) {
        const pre = cleanAgency(
          head.slice(0, year.index).replace(/^.*(?:公布|发布|印发|编制|现将|特向社会)/, ''),
        );
        const post = cleanAgency(head.slice(year.index + year[0].length));
        agency = plausibleAgency(pre) && pre.length <= 30 ? pre : post;
      } else {
        agency = cleanAgency(head);
      }
      // A title set on two lines: the agency's name alone on the line above (洪泽区人民政府 / 2023年…报告).
      if (year && agency === '' && cell === line && index > 0) {
        const above = lines[index - 1]!.trim();
        if (
          !/[|_>›»:：]/.test(above) &&
          plausibleAgency(above) &&
          above.length <= 30 &&
          ORG_SUFFIX.test(above)
        )
          agency = above;
      }
      out.push({ agency: plausibleAgency(agency) ? agency : '', year: year ? Number(year[1]) : null });
    }
  }
  return out;
}

const FILLED_BY = /填报单位(?:[(（]盖章[)）])?/;
const PUBLISHER = /发布机构|信息来源|来源/;
const DATE_FIELDS = [/发布日期|发布时间|发文日期|公开日期/, /成文日期|印发日期|生成日期/];
const fieldPatterns = new Map<RegExp, RegExp>();

/** The value printed after a field name: `发布日期： | 2022-01-25`. */
function fieldValue(text: string, names: RegExp): string | null {
  let re = fieldPatterns.get(names);
  if (!re) {
    re = new RegExp(`(?:${names.source})\\s*[:：]?\\s*\\|?\\s*([^|\\n]{2,60})`);
    fieldPatterns.set(names, re);
  }
  const m = re.exec(text);
  return m ? m[1]!.trim() : null;
}

const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*(?:[-月/.]\s*(\d{1,2})\s*日?)?/;

function formatDate(m: RegExpExecArray): string {
  const mm = m[2]!.padStart(2, '0');
  return m[3] ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`;
}

function publishedDate(text: string, lines: string[]): string | null {
  for (const names of DATE_FIELDS) {
    const v = fieldValue(text, names);
    const m = v ? DATE.exec(v) : null;
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return formatDate(m);
  }
  // A signature date on a line of its own, e.g. 2021年1月20日 after the agency's name.
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*$/.exec(lines[i]!);
    if (m) return formatDate(m);
  }
  return null;
}

function signatureAgency(lines: string[]): string | null {
  for (let i = lines.length - 1; i > 0; i--) {
    if (!/^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*$/.test(lines[i]!)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
      const name = cleanAgency(lines[k]!);
      if (plausibleAgency(name) && name.length <= 30 && ORG_SUFFIX.test(name)) return name;
    }
  }
  return null;
}

function reportYear(
  text: string,
  titles: { year: number | null }[],
  published: string | null,
): number | null {
  const fromTitle = titles.find((t) => t.year !== null)?.year;
  if (fromTitle) return fromTitle;
  const yearly =
    /[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]/.exec(text) ?? /统计期限自\s*((?:19|20)\d{2})\s*年/.exec(text);
  if (yearly) return Number(yearly[1]);
  const anyYearly = /((?:19|20)\d{2})\s*年度/.exec(text);
  if (anyYearly) return Number(anyYearly[1]);
  if (published) return Number(published.slice(0, 4)) - 1;
  return null;
}

/** Reads the metadata from the normalised text. */
export function readMeta(text: string): ReportMeta {
  // Metadata sits in a report's first few thousand lines; a page padded with more is not searched to its end.
  const lines = text.split('\n', 5000).filter((l) => l.trim() !== '');
  // The page title and the report's own headings come first; lists of other reports (related links) come later.
  const headTitles = titleCandidates(lines.slice(0, 40));
  const titles = headTitles.some((t) => t.agency !== '') ? headTitles : titleCandidates(lines.slice(0, 400));
  const published = publishedDate(text, lines);
  // The fullest name: a page title may shorten 崔东街道办事处 to 崔东办事处.
  const longestTitle = titles
    .map((t) => t.agency)
    .filter((a) => a !== '')
    .sort((a, b) => b.length - a.length)[0];
  const filledBy = fieldValue(text, FILLED_BY);
  const agency =
    longestTitle ??
    signatureAgency(lines) ??
    (filledBy && plausibleAgency(cleanAgency(filledBy)) ? cleanAgency(filledBy) : null) ??
    fieldValue(text, PUBLISHER) ??
    null;
  return {
    agency: agency && agency.length > 0 ? agency : null,
    year: reportYear(text, titles, published),
    published,
  };
}

/**
 * Agency and year as a file name gives them (`某某局2023年政府信息公开工作年度报告附件.xls`), for documents whose
 * text does not: a workbook that holds only the tables.
 */
export function metaFromFileName(fileName: string): ReportMeta {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base).normalize('NFKC');
  const meta = readMeta(stem.replace(/_/g, ' '));
  return { agency: meta.agency, year: meta.year, published: null };
}
