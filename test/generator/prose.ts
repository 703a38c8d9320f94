// Everything around the tables: agency names, page chrome of government sites, titles in their several forms,
// prose sections (some repeating table figures), signatures and dates.
import type { Random } from './random';

export interface Agency {
  /** The name the truth holds: the fullest form the document prints. */
  name: string;
  /** A different form some titles use (`崔东办事处` for `崔东街道办事处`); never contained in `name`. */
  alias?: string;
  /** The body above it (发布机构 on the site). */
  parent: string;
  /** What the agency calls itself in prose. */
  self: string;
}

const PLACE_CHARS = [
  ...'崔东滨海兰亭高碑永城平山青云长安新华龙泉凤凰金水白石南湖北关西岭桃源清河柳营望江红星太和兴隆广德明珠松林枫桥',
];
const DEPARTMENTS = [
  '行政审批和政务信息管理局',
  '自然资源和规划局',
  '教育局',
  '卫生健康委员会',
  '市场监督管理局',
  '生态环境局',
  '住房和城乡建设局',
  '人力资源和社会保障局',
  '民政局',
  '财政局',
  '交通运输局',
  '农业农村局',
  '应急管理局',
  '司法局',
  '医疗保障局',
  '统计局',
  '文化和旅游局',
  '水利局',
];

const place = (rng: Random): string => rng.pick(PLACE_CHARS) + rng.pick(PLACE_CHARS);

export function makeAgency(rng: Random): Agency {
  const p = place(rng);
  const city = place(rng);
  const kind = rng.weighted([
    ['street', 4],
    ['town', 2],
    ['township', 1],
    ['bureau', 3],
    ['office', 1],
  ] as const);
  switch (kind) {
    case 'street':
      return rng.chance(0.6)
        ? { name: `${p}街道办事处`, alias: `${p}办事处`, parent: `${city}区人民政府`, self: '我街道' }
        : { name: `${p}街道`, parent: `${city}区人民政府`, self: '我街道' };
    case 'town':
      return { name: `${p}镇人民政府`, parent: `${city}县人民政府`, self: '我镇' };
    case 'township':
      return { name: `${p}乡人民政府`, parent: `${city}区人民政府`, self: '我乡' };
    case 'bureau':
      return { name: `${city}市${rng.pick(DEPARTMENTS)}`, parent: `${city}市人民政府`, self: '我局' };
    case 'office':
      return { name: `${city}市${p}区人民政府办公室`, parent: `${city}市${p}区人民政府`, self: '我办' };
  }
}

export interface PublishDate {
  year: number;
  month: number;
  day: number;
}
const pad2 = (n: number): string => String(n).padStart(2, '0');
export const isoDate = (d: PublishDate): string => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
export const cnDate = (d: PublishDate): string => `${d.year}年${d.month}月${d.day}日`;

/** Lines of site chrome before the report; `published` says whether they print the publication date. */
export function chrome(
  rng: Random,
  agency: Agency,
  title: string,
  date: PublishDate,
): { lines: string[]; published: boolean } {
  const iso = isoDate(date);
  switch (
    rng.weighted([
      ['table', 3],
      ['index', 2],
      ['breadcrumb', 3],
      ['none', 3],
    ] as const)
  ) {
    case 'table':
      return {
        published: true,
        lines: [
          `索引号： | 发布机构： | ${agency.parent} | |`,
          `信息名称： | ${title || '政府信息公开工作年度报告'} | 主题分类： | 政府信息公开年报 |`,
          `发布日期： | ${iso} | 成文日期： | ${iso} |`,
          '废止日期： | 文 号： | ||',
          '关键词： |',
        ],
      };
    case 'index':
      return {
        published: true,
        lines: [
          `索引号： | MB${rng.int(1000000, 9999999)}/${date.year}-${String(rng.int(1, 99999)).padStart(5, '0')} | 发布机构： | |`,
          `成文日期： | ${iso} | 废止日期： | |`,
          '文 号： | 所属主题： | 政府信息公开年报 |',
        ],
      };
    case 'breadcrumb':
      return {
        published: true,
        lines: [
          '当前位置：',
          '首页',
          `>> ${agency.name} >> 信息公开年报`,
          ...(title ? [title] : []),
          '',
          `发布时间：${iso} ${pad2(rng.int(8, 18))}:${pad2(rng.int(0, 59))}`,
          '',
          '信息来源：',
          '',
          `信息来源：${agency.name}`,
          '',
          `访问次数：${rng.chance(0.5) ? rng.int(20, 3000) : ''}`,
          '',
          '字体大小：',
          '',
          '\u00a0',
          '',
        ],
      };
    case 'none':
      return { published: false, lines: [] };
  }
}

/** Title lines in the forms sites print; empty when the report has no title line. */
export function titleLines(rng: Random, agency: Agency, year: number, legacy: boolean): string[] {
  const forms: [string, number][] = [
    ['bare_year', 2],
    ['year_first', 2],
    ['name_year', 3],
    ['none', legacy ? 4 : 2],
  ];
  if (agency.alias && !legacy) forms.push(['alias_then_heading', 3]);
  switch (rng.weighted(forms)) {
    case 'bare_year':
      return [`${agency.name}${year}政府信息公开工作年度报告`];
    case 'year_first':
      return [`${year}年${agency.name}政府信息公开工作年度报告`];
    case 'name_year':
      return [`${agency.name}${year}年${rng.chance(0.3) ? '度' : ''}政府信息公开工作年度报告`];
    case 'alias_then_heading':
      return [
        `${year}年${agency.alias ?? agency.name}政府信息公开工作年度报告`,
        `${agency.name}政府信息公开工作年度报告`,
        `（${year}年度）`,
      ];
    default:
      return [];
  }
}

const FILLER = [
  '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署',
  '严格按照《中华人民共和国政府信息公开条例》和上级有关要求，扎实推进决策、执行、管理、服务、结果公开',
  '坚持“以公开为常态、不公开为例外”原则，进一步丰富公开内容、畅通公开渠道、创新公开形式',
  '调整充实了政府信息公开工作领导小组，形成主要领导亲自抓、分管领导具体抓、各科室各负其责的工作机制',
  '依托门户网站、政务新媒体、便民服务大厅公开栏等平台，及时发布各类政府信息',
  '严格落实信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”，确保公开信息准确无误',
  '围绕年度政务公开工作要点，将公开任务分解到各科室，明确公开时限和责任人',
  '加强政策解读，通过图文、视频、问答等多种形式解读重要政策文件，提高政策知晓度',
  '畅通依申请公开渠道，严格把好受理、办理、答复三个关键环节，依法保障群众知情权',
  '组织开展政务公开业务培训，提高工作人员的业务水平和公开意识',
  '定期对网站栏目更新情况进行检查，对空白栏目、更新不及时的栏目及时整改',
  '将政务公开工作纳入年度考核，开展日常监督检查，确保各项工作落到实处',
  '设立群众监督举报箱和意见箱，公开投诉电话，及时收集群众意见建议',
  '按照要求及时更新政府信息公开指南和政府信息公开目录，方便公众查询',
  '在办事大厅设置政府信息查阅点，配备查阅设备，为群众查阅信息提供便利',
  '建立健全政府信息公开工作制度，对信息公开的范围、程序、时限和保密审查作出明确规定',
  '加强政府网站信息公开专栏建设，规范栏目设置，做到应公开尽公开',
  '及时回应群众关切，对社会关注度高的事项主动发布权威信息，做好政策解读和舆情引导',
  '做好人大代表建议和政协委员提案办理结果公开，接受社会监督',
  '推进重点领域信息公开，及时公开财政预决算、重大建设项目、公共资源配置等信息',
  '完善依申请公开工作流程，规范登记、审核、办理、答复、归档等环节',
];
const PROBLEMS = [
  '公开信息的内容、范围仍不够全面，政策解读形式还不够丰富',
  '从事信息公开的工作人员多为兼职，业务能力有待进一步提高',
  '部分信息公开时效性不强，个别栏目更新不够及时',
  '与群众互动交流的深度和广度还有待加强',
];
const PLANS = [
  '进一步完善工作机制，明确分管领导和具体工作人员',
  '进一步加强业务学习培训，提高工作人员的政策水平',
  '进一步规范信息发布流程，提高信息发布的质量和时效',
  '进一步拓展公开渠道，充分利用政务新媒体扩大公开覆盖面',
];

const sentences = (rng: Random, pool: readonly string[], min: number, max: number): string =>
  rng
    .sample(pool, rng.int(min, max))
    .map((s) => `${s}。`)
    .join('');

export interface ProseFigures {
  applications?: number;
  carriedOver?: number;
  reviews?: number;
  lawsuits?: number;
  activeItems?: number;
}

/** The 总体情况 section: headed sub-parts of filler, some with figures the tables also hold. */
export function overview(rng: Random, agency: Agency, year: number, figures: ProseFigures): string[] {
  const lines = [
    '一、总体情况',
    `${year}年，${agency.name}${sentences(rng, FILLER, 4, 8)}`,
    '（一）主动公开',
    `${sentences(rng, FILLER, 3, 6)}${
      figures.activeItems !== undefined ? `全年主动公开政府信息${figures.activeItems}条。` : ''
    }`,
    '（二）依申请公开',
  ];
  const n = figures.applications;
  if (n === 0) lines.push(`${year}年，${agency.self}未收到政府信息公开申请。${sentences(rng, FILLER, 1, 2)}`);
  else if (n !== undefined)
    lines.push(
      `${year}年，全年共受理政府信息公开申请${n}件${
        figures.carriedOver ? `，上年结转${figures.carriedOver}件` : ''
      }，均已依法依规予以答复。${sentences(rng, FILLER, 0, 2)}`,
    );
  else lines.push(sentences(rng, FILLER, 1, 3));
  if (figures.reviews !== undefined && rng.chance(0.6))
    lines.push(
      figures.reviews > 0
        ? `全年办理行政复议${figures.reviews}件，行政诉讼${figures.lawsuits ?? 0}件。`
        : '全年未发生因政府信息公开引起的行政复议、行政诉讼。',
    );
  lines.push(
    '（三）政府信息管理',
    sentences(rng, FILLER, 3, 7),
    '（四）平台建设',
    sentences(rng, FILLER, 2, 5),
  );
  lines.push('（五）监督保障', sentences(rng, FILLER, 2, 5));
  if (rng.chance(0.3))
    lines.push(
      `${year}年驻${agency.self.slice(1)}人大代表${rng.int(5, 30)}名，政协委员${rng.int(5, 30)}名。`,
    );
  return lines;
}

const DUTIES = [
  '不依法履行政府信息公开义务的',
  '不按规定公开或不及时更新政府信息内容、政府信息公开指南和政府信息公开目录的',
  '公开的政府信息内容不真实，搞虚假公开的',
  '公开不应当公开的政府信息的',
  '提供政府信息违反国家收费规定的',
  '违反有关政府信息公开法律、法规、规章的其他行为',
];

/** A section some reports add after the tables (004 does): numbered items that look like table labels. */
export function dutySection(num: string): string[] {
  return [
    `${num}、信息公开责任追究`,
    '为保证政府信息公开工作规范进行，有下列情形之一的，应立即责令改正；情节严重的，依法追究责任：',
    ...DUTIES.map((d, i) => `  （${['一', '二', '三', '四', '五', '六'][i]}）${d}；`),
  ];
}

export function closing(rng: Random, agency: Agency, year: number, first: number): string[] {
  const num = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return [
    `${num[first] ?? '五'}、存在的主要问题及改进情况`,
    `${agency.self}在${year}年度政务公开工作中虽然取得了一定进展，但还存在一些不足：${sentences(rng, PROBLEMS, 1, 3)}`,
    `${year + 1}年，${agency.self}将重点做好以下工作：${sentences(rng, PLANS, 2, 4)}`,
    `${num[first + 1] ?? '六'}、其他需要报告的事项`,
    rng.pick([
      '无。',
      `${year}年度本机关未收取信息处理费。发出收费通知的件数和总金额，以及实际收取的总金额均为0。`,
      '本单位依申请公开和主动公开的信息均不收取任何费用。',
    ]),
  ];
}

/** Prose of a pre-2019 report: several numbered paragraphs, one repeating the application figures. */
export function legacyProse(rng: Random, agency: Agency, year: number, figures: ProseFigures): string[] {
  const heads = [
    '加强组织领导，工作机制健全优化',
    '加大公开力度，工作成果实实在在',
    '多措并举，政务公开实现新成效',
  ];
  const lines = [
    `为深入贯彻落实《${year}年政务公开工作要点》有关要求，${agency.name}${sentences(rng, FILLER, 1, 2)}`,
  ];
  heads.forEach((h, i) => {
    const second =
      i === 1 && figures.applications !== undefined
        ? `做好依申请公开。全年接收申请公开${figures.applications}件，${figures.applications}件全部依法答复。`
        : sentences(rng, FILLER, 1, 2);
    lines.push(
      `${['一', '二', '三'][i]}、${h}`,
      `一是${sentences(rng, FILLER, 2, 4)}二是${second}三是${sentences(rng, FILLER, 1, 3)}`,
    );
  });
  lines.push('四、存在的问题和下一步计划', sentences(rng, PROBLEMS, 1, 2) + sentences(rng, PLANS, 1, 3));
  return lines;
}
