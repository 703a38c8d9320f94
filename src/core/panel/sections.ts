// The sections of a report's text, found by their numbered headings (一、总体情况 … 六、其他需要报告的事项; before
// 2019: 一、概述 … 六、…存在的主要问题及改进措施). Headings are often glued to the text around them, so they are
// sought anywhere, in order, not only at the start of a line.

export type SectionKey = 'overview' | 'active' | 'apply' | 'fees' | 'review' | 'problems' | 'other';

export const SECTION_TITLES: Record<SectionKey, string> = {
  overview: '总体情况',
  active: '主动公开政府信息情况',
  apply: '收到和处理政府信息公开申请情况',
  fees: '收费及减免情况',
  review: '政府信息公开行政复议、行政诉讼情况',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
};

const ORDER: SectionKey[] = ['overview', 'active', 'apply', 'fees', 'review', 'problems', 'other'];

/** The six sections the 2019 and 2021 formats require (国办公开办函〔2019〕60号, 〔2021〕30号). */
export const REQUIRED_SECTIONS: SectionKey[] = ['overview', 'active', 'apply', 'review', 'problems', 'other'];

const HEADING_TEXT: Record<SectionKey, RegExp> = {
  overview: /^(?:总体情况|概述|概况|基本情况)/u,
  active: /^[^。]{0,6}主动公开/u,
  apply: /^[^。]{0,6}(?:收到和处理政府信息公开申请|依申请公开|申请公开)/u,
  fees: /^[^。]{0,8}收费/u,
  review: /^[^。]{0,12}(?:行政复议|复议)/u,
  problems: /^[^。]{0,14}(?:问题|不足)/u,
  other: /^(?:其他需要报告|需要说明的其他事项|其他需要说明|其他事项)/u,
};

const HEADING = /[一二三四五六七八九十]{1,2}[、.．]\s{0,2}/gu;

export interface Section {
  key: SectionKey;
  title: string;
  /** The heading as printed. */
  heading: string;
  start: number;
  end: number;
}

/** Sections in text order; each key at most once, keys in the order of the formats. Text before the first is left out. */
export function findSections(text: string): Section[] {
  const found: { key: SectionKey; at: number; heading: string }[] = [];
  let next = 0;
  HEADING.lastIndex = 0;
  for (let m = HEADING.exec(text); m; m = HEADING.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    for (let k = next; k < ORDER.length; k++) {
      const key = ORDER[k]!;
      if (!HEADING_TEXT[key].test(after)) continue;
      found.push({ key, at: m.index, heading: (m[0] + after).split(/[。\n|]/u)[0]!.trim() });
      next = k + 1;
      break;
    }
  }
  return found.map((f, i) => ({
    key: f.key,
    title: SECTION_TITLES[f.key],
    heading: f.heading,
    start: f.at,
    end: found[i + 1]?.at ?? text.length,
  }));
}

/** Required sections the text lacks (2019 and 2021 formats). */
export function missingSections(text: string): SectionKey[] {
  const present = new Set(findSections(text).map((s) => s.key));
  return REQUIRED_SECTIONS.filter((k) => !present.has(k));
}
