import type { EmploymentType, GradeCode, UnitLevel } from '@jinzai/model';
import { createRandom, type Random } from './random.js';
import { GIVEN_NAMES, SURNAMES } from './names.js';

export type DemoLevel = UnitLevel;
export type DemoEmploymentType = EmploymentType;

export interface DemoUnit {
  code: string;
  name: string;
  parentCode: string | null;
  level: DemoLevel;
}

export interface DemoStaff {
  staffNo: string;
  name: string;
  nameKana: string;
  unitCode: string;
  gradeCode: GradeCode;
  employmentType: DemoEmploymentType;
  birthYear: number;
}

export interface DemoOrg {
  units: DemoUnit[];
  staff: DemoStaff[];
}

/**
 * The people behind the demo logins of docs/interfaces.md "Start, sign-in, demo": staff1 (a 主事 in 人事課 人事係) is
 * evaluated first by evaluator1 (課長 of 人事課) and then by evaluator2 (部長 of 総務部). generateDemoOrg places them
 * as real staff.
 */
export const DEMO_PEOPLE = {
  evaluator2: {
    staffNo: '000101',
    name: '高木 正人',
    nameKana: 'タカギ マサト',
    unitCode: '02',
    gradeCode: 'bucho',
    employmentType: 'regular',
    birthYear: 1967,
  },
  evaluator1: {
    staffNo: '000102',
    name: '中村 由美子',
    nameKana: 'ナカムラ ユミコ',
    unitCode: '0202',
    gradeCode: 'kacho',
    employmentType: 'regular',
    birthYear: 1973,
  },
  staff1: {
    staffNo: '000103',
    name: '小林 翔太',
    nameKana: 'コバヤシ ショウタ',
    unitCode: '020201',
    gradeCode: 'shuji',
    employmentType: 'regular',
    birthYear: 1998,
  },
} as const satisfies Record<string, DemoStaff>;

/** How many people the demo ward employs. */
const TOTAL_STAFF = 4000;

/*
 * The organisation: 部 → 課 → "係 係 …". A 係 may carry `:size` (staffing relative to an ordinary 係 = 1) and
 * `:size:share` (the share of 技能系・業務系 staff: cleaning, school caretaking, nursery kitchens, road and park
 * maintenance). Codes follow the order: 部 '02', its second 課 '0202', that 課's first 係 '020201'.
 */
const ORGANISATION: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  [
    '企画経営部',
    [
      ['企画調整課', '庶務係 企画調整係 政策推進係 統計係'],
      ['財政課', '財政係:1.3 予算係 公有財産係'],
      ['広報広聴課', '広報係 広聴係 報道係'],
      ['情報推進課', '情報政策係 システム運用係:1.3 DX推進係'],
      ['経営改革推進課', '経営改革係 行政評価係'],
    ],
  ],
  [
    '総務部',
    [
      ['総務課', '庶務係 文書係 法務係 情報公開係'],
      ['人事課', '人事係 研修係 給与係:1.3 厚生係 人材育成係'],
      ['経理課', '契約係:1.3 用度係 管財係:1:0.3'],
      ['区民相談課', '区民相談係 法律相談係'],
      ['施設整備課', '営繕係 設備係 工事監理係'],
    ],
  ],
  [
    '地域振興部',
    [
      ['地域活動課', '地域活動係 協働推進係 地域センター係:4'],
      ['戸籍住民課', '戸籍係:2 住民記録係:2 証明係:1.5 住居表示係'],
      ['税務課', '課税係:2.5 収納係:2 滞納対策係:1.5 税証明係'],
      ['商業・ものづくり課', '商業振興係 産業振興係 消費者センター係'],
    ],
  ],
  [
    '文化スポーツ振興部',
    [
      ['文化観光戦略課', '戦略推進係 国際交流係'],
      ['文化観光課', '文化振興係 観光振興係 文化施設係:1:0.2'],
      ['スポーツ推進課', 'スポーツ推進係 スポーツ施設係:1.5:0.3 健康スポーツ係'],
    ],
  ],
  [
    '子ども未来部',
    [
      ['子ども育成課', '育成係 放課後児童係:1.5 児童センター係:3:0.1'],
      ['子ども家庭支援センター', '相談係:1.5 子育て支援係 母子福祉係'],
      ['保育課', '保育運営係 東品川保育園:3:0.15 大井保育園:3:0.15 荏原保育園:3:0.15 五反田保育園:3:0.15'],
      ['保育入園課', '入園相談係:1.5 保育給付係'],
      ['児童相談所', '児童相談係:2 一時保護係:2:0.1 措置支援係'],
    ],
  ],
  [
    '福祉部',
    [
      ['福祉計画課', '計画係 福祉推進係'],
      ['高齢者福祉課', '高齢者支援係:1.5 在宅サービス係 施設係'],
      ['高齢者地域支援課', '地域支援係:1.5 介護予防係'],
      ['障害者支援課', '障害者福祉係:1.5 障害者相談係:1.5 障害者施設係:1:0.2'],
      ['介護保険課', '資格保険料係:1.5 給付係:1.5 認定係:1.5'],
      ['生活福祉課', '保護第一係:2.5 保護第二係:2.5 保護第三係:2.5 自立支援係'],
    ],
  ],
  // 健康推進部 is also the ward's 保健所.
  [
    '健康推進部',
    [
      ['健康課', '健康づくり係 健診係 地域医療係'],
      ['保健予防課', '感染症対策係:1.5 予防係 精神保健係'],
      ['生活衛生課', '食品衛生係:1.5 環境衛生係 医務薬事係'],
      ['品川保健センター', '管理係 保健指導係:2 母子保健係:1.5'],
      ['荏原保健センター', '管理係 保健指導係:2 母子保健係:1.5'],
      ['国保医療年金課', '国保資格係:1.5 国保給付係:1.5 後期高齢者医療係 国民年金係'],
    ],
  ],
  [
    '都市環境部',
    [
      ['都市計画課', '都市計画係 交通企画係 景観係'],
      ['都市開発課', '開発調整係 再開発係'],
      ['環境課', '環境管理係 環境推進係 公害対策係'],
      [
        '品川区清掃事務所',
        '庶務係 作業第一係:4:0.92 作業第二係:4:0.92 作業第三係:3.5:0.92 資源循環係:1.5:0.5',
      ],
    ],
  ],
  [
    '防災まちづくり部',
    [
      ['防災課', '防災計画係 防災体制係 地域防災係'],
      ['建築課', '建築審査係 建築指導係 耐震化促進係'],
      ['住宅課', '住宅政策係 区営住宅係'],
      ['道路課', '道路管理係 道路工事係 道路維持係:2.5:0.6'],
      ['公園課', '公園計画係 公園工事係 公園維持係:2.5:0.6'],
      ['河川下水道課', '河川係 下水道係'],
    ],
  ],
  [
    '会計管理部',
    [
      ['会計課', '庶務係 決算係'],
      ['審査課', '支出審査係 契約審査係'],
      ['出納課', '出納係 資金管理係'],
    ],
  ],
  [
    '教育委員会事務局',
    [
      ['庶務課', '庶務係 教育企画係 教育施設係'],
      ['学務課', '学務係 就学係 学校給食係:2:0.5 学校用務係:8:0.95'],
      ['指導課', '指導係 教育相談係 教職員係'],
      ['教育総合支援センター', '特別支援教育係 不登校支援係'],
      ['品川区立図書館', '管理係 奉仕係:2 地域館係:2.5:0.1'],
      ['学校施設課', '営繕係 学校施設整備係'],
    ],
  ],
  [
    '区議会事務局',
    [
      ['庶務課', '庶務係 秘書係'],
      ['議事課', '議事係 委員会係'],
      ['調査課', '調査係 区議会広報係'],
    ],
  ],
];

interface Section {
  unit: DemoUnit;
  size: number;
  ginoShare: number;
}

interface Division {
  unit: DemoUnit;
  sections: Section[];
}

const two = (n: number) => String(n).padStart(2, '0');

function buildUnits(): { bu: DemoUnit[]; ka: Division[] } {
  const bu: DemoUnit[] = [];
  const ka: Division[] = [];
  ORGANISATION.forEach(([buName, kaList], b) => {
    const buUnit: DemoUnit = { code: two(b + 1), name: buName, parentCode: null, level: '部' };
    bu.push(buUnit);
    kaList.forEach(([kaName, kakari], k) => {
      const kaUnit: DemoUnit = {
        code: buUnit.code + two(k + 1),
        name: kaName,
        parentCode: buUnit.code,
        level: '課',
      };
      const sections = kakari.split(' ').map((spec, s): Section => {
        const [name = spec, size = '1', share = '0'] = spec.split(':');
        return {
          unit: { code: kaUnit.code + two(s + 1), name, parentCode: kaUnit.code, level: '係' },
          size: Number(size),
          ginoShare: Number(share),
        };
      });
      ka.push({ unit: kaUnit, sections });
    });
  });
  return { bu, ka };
}

type Grade = GradeCode;

/** Birth years of regular staff by grade, as of fiscal 2024 (retirement at 61: born 1964 or later). */
const BIRTH_YEARS: Record<Grade, readonly [number, number]> = {
  bucho: [1964, 1975],
  kacho: [1965, 1982],
  'kacho-hosa': [1965, 1979],
  kakaricho: [1968, 1990],
  shunin: [1970, 1995],
  shuji: [1976, 2002],
  'tokatsu-ginocho': [1964, 1972],
  ginocho: [1965, 1980],
  'gino-shunin': [1968, 1994],
  kakariin: [1975, 2004],
};

interface Draft {
  unitCode: string;
  gradeCode: Grade;
  employmentType: DemoEmploymentType;
  birthYear: number;
}

function birthYear(rnd: Random, grade: Grade, employment: DemoEmploymentType): number {
  // 再任用 are past retirement; 会計年度任用 span every age; 臨時的任用 tend to be younger.
  if (employment === 'reappointed') return rnd.int(1959, 1963);
  if (employment === 'fiscal-year') return rnd.int(1955, 2003);
  if (employment === 'temporary') return rnd.int(1978, 2002);
  const [lo, hi] = BIRTH_YEARS[grade];
  // The mean of two draws leans to the middle of the range, as real age pyramids of a grade do.
  return Math.round((rnd.int(lo, hi) + rnd.int(lo, hi)) / 2);
}

function employment(rnd: Random): DemoEmploymentType {
  return rnd.weighted<DemoEmploymentType>([
    ['regular', 73],
    ['reappointed', 9],
    ['fiscal-year', 14],
    ['temporary', 4],
  ]);
}

/** The grade of a non-managerial member of staff, given family and employment type. */
function memberGrade(rnd: Random, gino: boolean, type: DemoEmploymentType): Grade {
  if (type === 'fiscal-year' || type === 'temporary') return gino ? 'kakariin' : 'shuji';
  const shuninShare = type === 'reappointed' ? 0.6 : 0.4;
  if (gino) return rnd.chance(shuninShare - 0.05) ? 'gino-shunin' : 'kakariin';
  return rnd.chance(shuninShare) ? 'shunin' : 'shuji';
}

/** Splits `total` over the weights in whole numbers that add up exactly (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

/**
 * A believable demo ward (品川区-like): 12 部, their 課 and 係, and about 4,000 staff across the ten grades of
 * both job families, with employment types and birth years to match. Deterministic: the same seed always
 * gives the same organisation, and the people of DEMO_PEOPLE always hold their posts.
 */
export function generateDemoOrg(seed = 20240401): DemoOrg {
  const rnd = createRandom(seed);
  const { bu, ka } = buildUnits();
  const drafts: Draft[] = [];
  const fixed: DemoStaff[] = Object.values(DEMO_PEOPLE).map((p) => ({ ...p }));
  const fixedPost = new Set(fixed.map((p) => `${p.unitCode}/${p.gradeCode}`));
  const regular = (unitCode: string, gradeCode: Grade): void => {
    // The demo people hold their posts themselves.
    if (fixedPost.has(`${unitCode}/${gradeCode}`)) return;
    drafts.push({
      unitCode,
      gradeCode,
      employmentType: 'regular',
      birthYear: birthYear(rnd, gradeCode, 'regular'),
    });
  };

  for (const unit of bu) regular(unit.code, 'bucho');
  for (const { unit, sections } of ka) {
    regular(unit.code, 'kacho');
    // 課長補佐 are few: one in the first 課 of each 部, which runs the 部's affairs.
    if (unit.code.endsWith('01')) regular(unit.code, 'kacho-hosa');
    for (const s of sections) regular(s.unit.code, 'kakaricho');
  }

  const sections = ka.flatMap((k) => k.sections);
  const members = TOTAL_STAFF - drafts.length - fixed.length;
  const counts = apportion(
    members,
    sections.map((s) => s.size * (0.85 + 0.3 * rnd.next())),
  );

  const ginoByDivision = new Map<string, { section: Section; gino: number }[]>();
  sections.forEach((s, i) => {
    const n = counts[i] ?? 0;
    const gino = Math.round(n * s.ginoShare);
    if (gino > 0) {
      const list = ginoByDivision.get(s.unit.parentCode ?? '') ?? [];
      list.push({ section: s, gino });
      ginoByDivision.set(s.unit.parentCode ?? '', list);
    }
    // A 技能長 leads each sizeable crew, one more for every further 30.
    const leaders = gino >= 6 ? 1 + Math.floor(gino / 30) : 0;
    for (let k = 0; k < leaders; k += 1) regular(s.unit.code, 'ginocho');
    for (let k = 0; k < n - leaders; k += 1) {
      const isGino = k < gino - leaders;
      const type = employment(rnd);
      const grade = memberGrade(rnd, isGino, type);
      drafts.push({
        unitCode: s.unit.code,
        gradeCode: grade,
        employmentType: type,
        birthYear: birthYear(rnd, grade, type),
      });
    }
  });
  // 統括技能長: one over each 課 with a large 技能系 workforce (清掃事務所, 学校用務), in its largest crew.
  for (const list of ginoByDivision.values()) {
    const total = list.reduce((a, b) => a + b.gino, 0);
    if (total < 40) continue;
    const largest = list.reduce((a, b) => (b.gino > a.gino ? b : a));
    regular(largest.section.unit.code, 'tokatsu-ginocho');
  }
  // Keep the total exact: 統括技能長 posts came on top, so drop as many rank-and-file fiscal-year posts.
  let excess = drafts.length + fixed.length - TOTAL_STAFF;
  for (let i = drafts.length - 1; i >= 0 && excess > 0; i -= 1) {
    if (drafts[i]?.employmentType === 'fiscal-year') {
      drafts.splice(i, 1);
      excess -= 1;
    }
  }

  const staff = [...fixed, ...assignPeople(rnd, drafts, new Set(fixed.map((p) => p.staffNo)))];
  staff.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  const units = [...bu, ...ka.flatMap((k) => [k.unit, ...k.sections.map((s) => s.unit)])];
  units.sort((a, b) => a.code.localeCompare(b.code));
  return { units, staff };
}

const SURNAME_WEIGHTS = SURNAMES.map((s, rank) => [s, 1 / Math.sqrt(rank + 8)] as const);

/**
 * Gives every post a person: a name, and a staff number. Regular staff are numbered roughly by age (numbers
 * are handed out at hiring); appointees on fixed terms get numbers from the 800000 range.
 */
function assignPeople(rnd: Random, drafts: readonly Draft[], taken: ReadonlySet<string>): DemoStaff[] {
  const keyed = drafts.map((d) => ({ d, key: d.birthYear + rnd.int(0, 8) }));
  keyed.sort((a, b) => a.key - b.key);
  let career = 1000;
  let fixedTerm = 800000;
  return keyed.map(({ d }) => {
    let no: string;
    do {
      if (d.employmentType === 'fiscal-year' || d.employmentType === 'temporary') {
        fixedTerm += rnd.int(1, 3);
        no = String(fixedTerm).padStart(6, '0');
      } else {
        career += rnd.int(1, 3);
        no = String(career).padStart(6, '0');
      }
    } while (taken.has(no));
    const surname = rnd.weighted(SURNAME_WEIGHTS);
    const given = rnd.pick(GIVEN_NAMES);
    return {
      staffNo: no,
      name: `${surname.kanji} ${given.kanji}`,
      nameKana: `${surname.kana} ${given.kana}`,
      unitCode: d.unitCode,
      gradeCode: d.gradeCode,
      employmentType: d.employmentType,
      birthYear: d.birthYear,
    };
  });
}
