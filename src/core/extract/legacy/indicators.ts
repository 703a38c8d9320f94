// Pre-2019 indicators: which printed labels mean a canonical indicator of spec/fields.json. Provinces word the
// same indicator differently (主动公开信息数 / 主动公开文件数 / 主动公开政府信息数); a label is mapped only when it
// means exactly that indicator, otherwise it keeps its printed label (信函、传真申请数 is neither 信函 nor 传真).

export type Section = 'active' | 'response' | 'apply' | 'review' | 'litigation' | 'other';

interface Indicator {
  key: string;
  /** Tested against the core label: numbering, 其中, remarks in brackets, spaces and punctuation removed. */
  re: RegExp;
  section?: Section;
}

const INDICATORS: Indicator[] = [
  { key: 'active.normative_docs', re: /^主动公开规范性文件数$/ },
  { key: 'active.normative_made', re: /^制发规范性文件总?数$/ },
  { key: 'active.total', re: /^主动公开(?:政府)?(?:信息|文件)总?数$/ },
  { key: 'key_areas.total', re: /^重点领域公开政府信息数$/ },
  { key: 'key_areas.budget', re: /财政预算决算|三公经费/ },
  { key: 'key_areas.housing', re: /保障性安居工程|保障性住房/ },
  { key: 'key_areas.food_safety', re: /^主动公开食品安全/ },
  { key: 'key_areas.environment', re: /环境核查|环境状况公报|突发环境事件/ },
  { key: 'key_areas.tendering', re: /招投标违法违规/ },
  { key: 'key_areas.work_safety', re: /生产安全事故/ },
  { key: 'key_areas.land', re: /农用地转为建设用地|征收集体土地/ },
  { key: 'key_areas.pricing', re: /政府指导价|政府定价/ },
  { key: 'key_areas.credit', re: /企业信用信息/ },
  { key: 'key_areas.audit', re: /预算执行审计/ },
  { key: 'key_areas.public_enterprises', re: /公共企事业单位进行监督管理/ },
  { key: 'key_areas.other', re: /决定主动公开的其他信息/ },
  { key: 'channels.gazette', re: /^政府公报公开(?:政府信息)?数?$/ },
  { key: 'channels.website', re: /^(?:政府)?网站公开(?:政府信息)?数?$/ },
  { key: 'channels.weibo', re: /^政务微博公开(?:政府信息)?数?$/ },
  { key: 'channels.wechat', re: /^政务微信公开(?:政府信息)?数?$/ },
  { key: 'channels.other', re: /^其他方式公开(?:政府信息)?数?$/ },
  { key: 'response.hotspots', re: /^回应公众关注热点或重大舆情数$/ },
  { key: 'response.press_conferences_leaders', re: /^主要负责同志参加新闻发布会次数$/ },
  { key: 'response.press_conferences', re: /^参加或举办新闻发布会总?次数$/ },
  { key: 'response.online_interviews_leaders', re: /^主要负责同志参加政府网站在线访谈次数$/ },
  { key: 'response.online_interviews', re: /^政府网站在线访谈次数$/ },
  { key: 'response.interpretations', re: /^政策解读稿件发布数$/ },
  { key: 'response.weibo_wechat', re: /^微博微信回应事件数$/ },
  { key: 'response.other', re: /^其他方式回应事件数$/ },
  { key: 'apply.received', re: /^(?:收到申请数|受理(?:依申请公开信息|政府信息公开申请|申请)总?数)$/ },
  { key: 'apply.in_person', re: /^当面申请数$/ },
  { key: 'apply.fax', re: /^传真申请数$/ },
  { key: 'apply.online', re: /^(?:网络|网上)申请数$/ },
  { key: 'apply.letter', re: /^信函申请数$/ },
  { key: 'apply.closed', re: /^申请办结数$/ },
  { key: 'apply.closed_on_time', re: /^按时办结数$/ },
  { key: 'apply.closed_extended', re: /^延期办结数$/ },
  { key: 'apply.answered', re: /^(?:申请答复数|对申请的答复总?数)$/ },
  { key: 'apply.already_public', re: /^属于已主动公开范围数$/ },
  { key: 'apply.granted', re: /^同意公开答复数$/ },
  { key: 'apply.partial', re: /^同意部分公开答复数$/ },
  { key: 'apply.denied', re: /^(?:不同意公开答复数|否决公开答复总?数|不予公开答复数)$/ },
  { key: 'apply.denied_state_secret', re: /^涉及国家秘密$/ },
  { key: 'apply.denied_commercial_secret', re: /^涉及商业秘密$/ },
  { key: 'apply.denied_privacy', re: /^涉及个人隐私$/ },
  { key: 'apply.denied_security', re: /^危及国家安全公共安全经济安全和社会稳定$/ },
  { key: 'apply.denied_not_gov_info', re: /^不是条例所指政府信息$/ },
  { key: 'apply.denied_other_law', re: /^法律法规规定的其他情形$/ },
  { key: 'apply.not_this_agency', re: /^不属于本行政机关公开数$/ },
  { key: 'apply.not_exist', re: /^申请信息不存在数$/ },
  { key: 'apply.needs_change', re: /^告知作出更改补充数$/ },
  { key: 'apply.other_channel', re: /^告知通过其他途径办理数$/ },
  { key: 'review.total', re: /^行政复议(?:数量|数|案件数)$/ },
  { key: 'litigation.total', re: /^行政诉讼(?:数量|数|案件数)$/ },
  { key: 'review.maintained', re: /^维持具体行政行为数$/, section: 'review' },
  { key: 'review.corrected', re: /^被依法纠错数$/, section: 'review' },
  { key: 'review.other', re: /^其他情形数$/, section: 'review' },
  {
    key: 'litigation.maintained',
    re: /^维持具体行政行为(?:或者驳回原告诉讼请求)?数$/,
    section: 'litigation',
  },
  { key: 'litigation.corrected', re: /^被依法纠错数$/, section: 'litigation' },
  { key: 'litigation.other', re: /^其他情形数$/, section: 'litigation' },
  { key: 'complaints', re: /^举报投诉数量?$/ },
  { key: 'fees', re: /^依申请公开信息收取的费用$/ },
  { key: 'org.units', re: /^政府信息公开工作专门机构数$/ },
  { key: 'org.reading_points', re: /^设置政府信息公开查阅点数$/ },
  { key: 'org.staff', re: /^从事政府信息公开工作人员数$/ },
  { key: 'org.staff_full_time', re: /^专职人员数$/ },
  { key: 'org.staff_part_time', re: /^兼职人员数$/ },
  { key: 'org.budget', re: /^政府信息公开专项经费$/ },
  { key: 'meetings.meetings', re: /^召开政府信息公开工作会议或专题会议数$/ },
  { key: 'meetings.trainings', re: /^举办各类培训班数$/ },
  { key: 'meetings.trainees', re: /^接受培训人员数$/ },
];

/** Every canonical key a printed label can map to (each is a key of spec/fields.json; a test holds it). */
export const INDICATOR_KEYS: readonly string[] = INDICATORS.map((d) => `legacy.${d.key}`);

/** Numbering at the head of a label: 一、 / (一) / 1. (after an optional 其中:). */
export const NUMBERING =
  /^(?:其中\s*[:：]?\s*)?(?:[一二三四五六七八九十]+\s*[、.]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|\d{1,2}\s*[.、](?!\d))/;

/** The label without numbering, 其中, bracketed remarks, spaces and punctuation: what an indicator is matched on. */
export function coreLabel(label: string): string {
  let s = label.normalize('NFKC').replace(/\s+/g, '');
  for (let i = 0; i < 3; i++) s = s.replace(NUMBERING, '').replace(/^其中[:：]?/, '');
  s = s.replace(/[(（][^()（）]*[)）]/g, '');
  return s.replace(/[\p{P}\p{S}]/gu, '');
}

export function sectionOf(label: string, current: Section): Section {
  const s = label.normalize('NFKC').replace(/\s+/g, '');
  if (!/^[一二三四五六七八九十]+[、.]/.test(s)) return current;
  if (/回应解读/.test(s)) return 'response';
  if (/依申请公开/.test(s)) return 'apply';
  if (/行政复议/.test(s)) return 'review';
  if (/行政诉讼/.test(s)) return 'litigation';
  if (/主动公开/.test(s)) return 'active';
  return 'other';
}

/** The canonical key (without `legacy.`) of a printed label, or null when it has none. */
export function indicatorKey(label: string, section: Section, used: ReadonlySet<string>): string | null {
  const core = coreLabel(label);
  if (!core) return null;
  const found = INDICATORS.find(
    (d) => d.re.test(core) && (!d.section || d.section === section) && !used.has(d.key),
  );
  return found ? found.key : null;
}
