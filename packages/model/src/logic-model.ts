import { z } from 'zod';

export const OUTCOME_CODES = ['11', '12', '13', '01', '02', '03', '04', '05', '06'] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];
export const outcomeCodeSchema = z.enum(OUTCOME_CODES);

/** The final outcome of the logic model (policy IV-1): the long-term goal. */
export const FINAL_OUTCOME = {
  code: 'final',
  nameJa: '「誰もが生きがいを感じ、自分らしく暮らしていけるしながわ」を職員が支えている',
  nameEn: 'Staff support “a Shinagawa where everyone finds meaning in life and can live as themselves”',
} as const;

/** A group of activities (取組) serving a direct outcome, as policy IV-2 lists them. */
export interface ActivityGroup {
  groupJa: string;
  groupEn: string;
  itemsJa: readonly string[];
  itemsEn: readonly string[];
  /** The policy's explanation of the group (its ▶ notes, in order). */
  descriptionJa?: string;
  /** The footnote the policy attaches to the group's name. */
  noteJa?: string;
}

export interface Outcome {
  code: OutcomeCode;
  /** 中間アウトカム (mid-term goal) or 直接アウトカム (short-term change brought about by the activities). */
  kind: 'intermediate' | 'direct';
  nameJa: string;
  nameEn: string;
  /** The outcomes this one serves: intermediate outcomes for a direct one, 'final' for an intermediate one. */
  parents: readonly string[];
  /** The policy's lead paragraph for a direct outcome (IV-2). */
  descriptionJa?: string;
  activities: readonly ActivityGroup[];
}

/**
 * The intermediate and direct outcomes of the logic model with their activities (policy IV-1, IV-2), in the words
 * of the policy. Slips in the printed policy (「つくとともに」, 「定期的を確認し」, 「つくれます」) are carried as
 * printed, since the policy text is the source of truth.
 */
export const OUTCOMES: readonly Outcome[] = [
  {
    code: '11',
    kind: 'intermediate',
    nameJa: 'すべての職員が安心して働くことができる',
    nameEn: 'All staff can work with peace of mind',
    parents: ['final'],
    activities: [],
  },
  {
    code: '12',
    kind: 'intermediate',
    nameJa: 'すべての職員が誇りとやりがいを感じ、能力を活かして働くことができる',
    nameEn: 'All staff take pride in and find fulfilment in their work, and can use their abilities',
    parents: ['final'],
    activities: [],
  },
  {
    code: '13',
    kind: 'intermediate',
    nameJa: '職員同士がお互いを尊重し、高めあうことができる',
    nameEn: 'Staff respect one another and help one another grow',
    parents: ['final'],
    activities: [],
  },
  {
    code: '01',
    kind: 'direct',
    nameJa: '職員が多様な働き方を選ぶことができる',
    nameEn: 'Staff can choose from diverse ways of working',
    parents: ['11'],
    descriptionJa:
      '区政運営において、その価値を最大化する源泉は職員の能力です。職員が能力を最大限発揮するためには、仕事と生活の両立をしながら働けることが重要です。ワーク・ライフ・バランスを実現できる職場環境づくりを推進するとともに、新しいワークスタイルへの移行をめざします。',
    activities: [
      {
        groupJa: 'ワークスタイルイノベーション',
        groupEn: 'Work-style innovation',
        itemsJa: ['シフト勤務の充実', 'テレワーク推進', '服装の軽装化', '兼業(副業)推進'],
        itemsEn: [
          'More shift-working options',
          'Promoting telework',
          'More casual dress',
          'Promoting secondary employment (side jobs)',
        ],
        descriptionJa:
          '多様な働き方を選択できる体制および働きやすい環境をつくることにより、ワーク・ライフ・バランスの向上および生産性向上を図ります。地域貢献活動や講演等、職務以外の活動について理解されやすい風土を醸成し、仕事を超えた自己実現を支援します。',
        noteJa: '働き方や仕事の方法を根本的に変革すること。',
      },
      {
        groupJa: '休暇制度の充実',
        groupEn: 'Better leave schemes',
        itemsJa: [
          '育児休業・部分休業の取得推進',
          '特別休暇制度の充実(介護休暇、出生サポート休暇、子の看護のための休暇等)',
          '有給休暇取得推進',
        ],
        itemsEn: [
          'Encouraging childcare leave and partial leave',
          'Better special leave (family-care leave, fertility-support leave, leave to nurse a sick child, etc.)',
          'Encouraging the use of paid leave',
        ],
        descriptionJa:
          '自身の事情にあわせた制度を利用しやすい職場環境をつくとともに、育児休業取得の際には適切な人事配置を行う等、制度利用を推進します。自身の事情に合わせた休暇を取得できるよう、休暇制度を充実させるとともに、利用しやすい風土をつくることで、ワーク・ライフ・バランスの向上を図ります。',
      },
    ],
  },
  {
    code: '02',
    kind: 'direct',
    nameJa: '職員の心身の健康が保たれている',
    nameEn: 'Staff stay healthy in body and mind',
    parents: ['11'],
    descriptionJa:
      '職員が能力を最大限に発揮するためには、心身の健康が保たれていることが重要です。健康に働ける職場環境づくりや職員支援を推進します。',
    activities: [
      {
        groupJa: '相談体制整備',
        groupEn: 'Consultation services',
        itemsJa: [
          '健康相談（健康診断、ストレスチェック含む）',
          'カウンセリング',
          'ハラスメント相談（内部/弁護士）',
        ],
        itemsEn: [
          'Health consultation (including health checks and stress checks)',
          'Counselling',
          'Harassment consultation (internal / lawyer)',
        ],
        descriptionJa:
          '健康状態等を定期的を確認し、相談しやすい環境をつくることで、職員一人ひとりの健康づくりを支援します。悩み事について専門家に相談できる窓口を設置し、相談しやすい環境をつくれます。ハラスメントについて相談できる窓口を内部と外部に設置し、相談しやすい環境をつくれます。',
      },
      {
        groupJa: 'コンプライアンス意識の強化',
        groupEn: 'Stronger compliance awareness',
        itemsJa: ['研修の充実（ハラスメント、心理的安全性、ハードクレーム対応）'],
        itemsEn: ['Better training (harassment, psychological safety, handling aggressive complaints)'],
        descriptionJa:
          'ハラスメント防止・組織の心理的安全性を高める方法・ハードクレームへの対応方法を学ぶことで、安心して働ける職場づくりを進めます。',
      },
      {
        groupJa: '横のつながりの強化',
        groupEn: 'Stronger ties across the organisation',
        itemsJa: ['職員間コミュニケーションの活性化'],
        itemsEn: ['Livelier communication between staff'],
        descriptionJa:
          '庁内横断PTや組織力・連携力向上研修等を実施し、職員間のコミュニケーションを活性化させ、柔軟に協力しあえる職場づくりに取り組みます。',
      },
    ],
  },
  {
    code: '03',
    kind: 'direct',
    nameJa: '職員の能力を活かす仕組みが整っている',
    nameEn: 'Systems are in place to make use of staff abilities',
    parents: ['12'],
    descriptionJa:
      '人材を重要な経営資源と捉え、職員の能力を最大限に高め、活用する必要があります。適切な人員配置や業務改善を推進し、個人の能力を最大限に活かせる環境をつくることで、職員エンゲージメントの向上を図ります。',
    activities: [
      {
        groupJa: '人材データの集約と活用',
        groupEn: 'Collecting and using people data',
        itemsJa: ['人的資本経営の導入'],
        itemsEn: ['Introducing human-capital management'],
        descriptionJa:
          '職員のスキルや人事評価、コンピテンシー等の情報を一元化してデータ管理することで、データに基づいた人材の育成や適切な人員配置に活用します。職員一人ひとりが能力を発揮できる環境を整え、ひいてはワークエンゲージメントを高めます。',
      },
      {
        groupJa: '業務のスリム化',
        groupEn: 'Leaner operations',
        itemsJa: ['DX推進(ICTの利活用促進)', '事業の見直し'],
        itemsEn: ['Driving DX (making more use of ICT)', 'Reviewing programmes'],
        descriptionJa:
          'AIやRPA等の最新技術の活用や、事務作業の電子化等により業務プロセスを見直し、効率化を図ります。スクラップ、事業の委託化の検討、業務支援室の活用等、事業の見直しを行い、限られた人的資源を重要な行政課題へ集中させることで、的確に対応できる環境をつくります。',
      },
      {
        groupJa: 'ダイバーシティ&インクルージョン',
        groupEn: 'Diversity & inclusion',
        itemsJa: ['リクルーティングの強化', '多様な採用方法の活用'],
        itemsEn: ['Stronger recruiting', 'Using diverse hiring methods'],
        descriptionJa:
          '区からの情報発信を増やし、採用活動を強化することで、品川で働きたいと感じる人を増やすとともに、区が求める人材へのアプローチも強化し、双方の意思が一致する人材確保を推進します。経験者採用や任期付採用等の多様な手段を取り入れ、様々な知識・経験をもった職員を確保します。',
        noteJa:
          'ダイバーシティ(diversity)は「多様性」を意味し、性別や年齢、価値観等、様々なバックグラウンドを持つ人材を活用することで新たな価値を創造すること。インクルージョン(inclusion)は「受容」を意味し、職員がお互いを認め合いながら一体化をめざしていく組織のあり方のこと。職員一人ひとりの多様性を受け入れることに加え、組織の一体感を醸成することで成長や変化を推進する取組のことを指す。',
      },
    ],
  },
  {
    code: '04',
    kind: 'direct',
    nameJa: '職員が自分のやりたいことを提案できる',
    nameEn: 'Staff can propose what they want to do',
    parents: ['12'],
    descriptionJa:
      '区政の課題解決や改善を進めていくには、職員が意欲を持って積極的に仕事に取り組むことが必要です。そのために、積極的にチャレンジできる仕組みを整え、職員の能力や意欲の向上を図ります。',
    activities: [
      {
        groupJa: '政策提案能力の向上',
        groupEn: 'Better policy-proposal skills',
        itemsJa: ['研修の充実'],
        itemsEn: ['Better training'],
        descriptionJa:
          'ロジックモデル研修や政策形成研修等、職員の政策提案能力を向上させるための研修を実施します。',
      },
      {
        groupJa: '意見反映の仕組み',
        groupEn: 'Channels for staff views',
        itemsJa: ['職員事業提案制度', 'みんなの目安箱'],
        itemsEn: ['Staff programme-proposal scheme', 'Everyone’s suggestion box'],
        descriptionJa:
          '直接区長に事業提案を行い、自ら考えた事業が具体的な形となり実現化される機会をつくります。職員の思いやアイデアを気軽に意見できる機会を提供します。',
      },
      {
        groupJa: 'キャリアの自己決定感の醸成',
        groupEn: 'A sense of owning one’s career',
        itemsJa: [
          'キャリアプランやロールモデルの提示・啓発',
          '公募制人事異動の拡充',
          '管理職選考の受験勧奨',
          '人事制度の積極的情報発信',
        ],
        itemsEn: [
          'Presenting and promoting career plans and role models',
          'More open-application transfers',
          'Encouraging staff to sit the management selection',
          'Actively publicising personnel schemes',
        ],
        descriptionJa:
          '職員自らがキャリアを考え選択できるよう制度やロールモデルを提示し、併せて研修を実施します。定期異動の際に広く人材を募ることが望ましい職務について、意欲的に取り組む職員の公募を拡充します。管理職の仕事の魅力を発信することで、昇任意欲を喚起するとともに管理職をめざす職員への支援を行います。人事に関する制度について積極的に発信し、制度の認知度を高めるとともに、職員のキャリア形成を支援します。',
      },
    ],
  },
  {
    code: '05',
    kind: 'direct',
    nameJa: '職員が積極的にスキルアップに取り組み、必要な能力が向上する',
    nameEn: 'Staff actively build their skills, and the abilities needed improve',
    parents: ['12', '13'],
    descriptionJa:
      '複雑・多様化する行政課題を解決し、事業を展開していくためには、職員の能力を最大限に引き出していくことが必要です。職員が仕事の目的や区のめざす姿を理解し、個々の能力を積極的に高めていくための取組を進めます。',
    activities: [
      {
        groupJa: '共通理念の浸透',
        groupEn: 'Spreading shared values',
        itemsJa: ['MVVの策定'],
        itemsEn: ['Establishing the MVV'],
        descriptionJa:
          'MVV (Mission/使命、Vision/思い描く未来、Value/行動規範) について職員への理解浸透を進め、区のめざす姿の共通認識と一体感を醸成します。',
      },
      {
        groupJa: '自己啓発の推進',
        groupEn: 'Promoting self-development',
        itemsJa: ['リスクリングの推奨', '自己啓発助成の拡充', '公共政策等大学院修学支援'],
        itemsEn: [
          'Encouraging reskilling',
          'More self-development grants',
          'Support for graduate study in public policy and related fields',
        ],
        descriptionJa:
          '部長・課長・係長を中心として、DX等、新たな知識・技能等の獲得や向上の後押しを行う等、自己研鑽に取り組みやすい職場環境づくりを進めます。検定料や講座受講料の一部を助成することで、職員の資質および能力の向上に資する自発的な学習を支援します。授業料等の一部を助成することで、複雑化・高度化する行政課題に対応できる専門的能力を有する職員の育成を支援します。',
      },
      {
        groupJa: '研修事業の改革',
        groupEn: 'Reforming training',
        itemsJa: ['時代に応じた能力向上の促進', 'デジタルリテラシーの向上'],
        itemsEn: ['Building the abilities the times demand', 'Raising digital literacy'],
        descriptionJa:
          '集合研修の充実やeラーニングの実施等、職員に求められる能力の向上を図る研修を拡充します。デジタル時代の住民ニーズにあった行政サービスを恒常的に提供できるよう、全職員のデジタルリテラシーの向上を図ります。',
      },
      {
        groupJa: '外部派遣交流',
        groupEn: 'Secondments',
        itemsJa: ['他団体派遣', '民間企業派遣'],
        itemsEn: ['Secondment to other public bodies', 'Secondment to private companies'],
        descriptionJa:
          '国、都、他自治体等、異なる環境での経験が得られる派遣交流を実施します。経営感覚や接遇等、異業種ならではの学びが得られる機会をつくとともに、官民連携を促進する契機とします。',
      },
    ],
  },
  {
    code: '06',
    kind: 'direct',
    nameJa: '職員の頑張りが認められる',
    nameEn: 'Staff efforts are recognised',
    parents: ['13'],
    descriptionJa:
      '多様な職員が個々の能力を発揮するためには、大変なことや困難なことがあっても前向きに意欲的に仕事に取り組める環境が必要です。そのために、職員の仕事の取組や成果を認め、適切に評価する仕組みを整えます。',
    activities: [
      {
        groupJa: '心理的安全性の高い職場づくり',
        groupEn: 'Psychologically safe workplaces',
        itemsJa: ['I・メッセージ(品川式360°フィードバック)導入'],
        itemsEn: ['Introducing I-messages (Shinagawa-style 360° feedback)'],
        descriptionJa:
          '新たな気づきによる自己成長や周囲への理解を深めることを目的として、上司や同僚を対象とした長所に焦点を当てた評価を実施し、職員同士が尊重しあい、認め合う職場づくりを進めます。',
      },
      {
        groupJa: '公平な評価制度',
        groupEn: 'Fair evaluation',
        itemsJa: ['適正な人事評価'],
        itemsEn: ['Sound personnel evaluation'],
        descriptionJa:
          '区がめざす姿とリンクした個人目標を立て、さらに評価者を対象とした研修の実施や評価結果の開示等を行うことで、職員の信頼と納得が得られるように評価精度を高め、職員の成長を支援します。',
      },
      {
        groupJa: '成果を認める仕組み',
        groupEn: 'Recognising achievement',
        itemsJa: ['職員表彰制度(職員表彰・キャリアデザイン顕彰・部長賞)'],
        itemsEn: ['Staff awards (staff commendation, career-design award, director’s award)'],
        descriptionJa: '成果を上げた職員を表彰し、職員の士気高揚を図ります。',
      },
    ],
  },
];

/** The outcome of the logic model with this code (policy IV-1, IV-2). */
export function outcomeByCode(code: OutcomeCode): Outcome;
export function outcomeByCode(code: string): Outcome | undefined;
export function outcomeByCode(code: string): Outcome | undefined {
  return OUTCOMES.find((o) => o.code === code);
}

/** The direct outcomes that serve an intermediate outcome (policy IV-1). */
export function directOutcomesOf(intermediate: OutcomeCode): Outcome[] {
  return OUTCOMES.filter((o) => o.kind === 'direct' && o.parents.includes(intermediate));
}
