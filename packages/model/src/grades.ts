import { z } from 'zod';

/** The two job families of the grade standards (policy II-7). */
export const JOB_FAMILIES = [
  {
    code: 'general',
    nameJa: '事務系・福祉系・一般技術系・医療技術系',
    nameEn: 'Administrative, welfare, general engineering and medical technology',
  },
  { code: 'skilled', nameJa: '技能系・業務系', nameEn: 'Skilled trades and operational services' },
] as const;
export type JobFamilyCode = (typeof JOB_FAMILIES)[number]['code'];
export type JobFamily = (typeof JOB_FAMILIES)[number];
export const jobFamilyCodeSchema = z.enum(['general', 'skilled']);

/** One item of a grade's 標準職務遂行能力, under the layer the policy lists it under. */
export interface Competency {
  /** `<grade>.<item>`, stable ASCII. */
  code: string;
  layer: 'stance' | 'interpersonal' | 'problem';
  nameJa: string;
  descriptionJa: string;
  nameEn: string;
  descriptionEn: string;
}

export interface Grade {
  code: GradeCode;
  familyCode: JobFamilyCode;
  nameJa: string;
  nameEn: string;
  /** 1 = the highest grade in its family. */
  rank: number;
  competencies: readonly Competency[];
}

export const GRADE_CODES = [
  'bucho',
  'kacho',
  'kacho-hosa',
  'kakaricho',
  'shunin',
  'shuji',
  'tokatsu-ginocho',
  'ginocho',
  'gino-shunin',
  'kakariin',
] as const;
export type GradeCode = (typeof GRADE_CODES)[number];
export const gradeCodeSchema = z.enum(GRADE_CODES);

type Item = [
  key: string,
  layer: Competency['layer'],
  nameJa: string,
  descriptionJa: string,
  nameEn: string,
  descriptionEn: string,
];

function grade(
  code: GradeCode,
  familyCode: JobFamilyCode,
  rank: number,
  nameJa: string,
  nameEn: string,
  items: readonly Item[],
): Grade {
  return {
    code,
    familyCode,
    nameJa,
    nameEn,
    rank,
    competencies: items.map(([key, layer, nJa, dJa, nEn, dEn]) => ({
      code: `${code}.${key}`,
      layer,
      nameJa: nJa,
      descriptionJa: dJa,
      nameEn: nEn,
      descriptionEn: dEn,
    })),
  };
}

// Texts the policy repeats word for word across grades.
const ETHICS_STAFF: Item = [
  'ethics',
  'stance',
  '倫理',
  '全体の奉仕者として、責任を持って業務に取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
  'Ethics',
  'As a servant of the whole community, works responsibly, observes the rules of service and performs their duties fairly.',
];
const COOPERATION: Item = [
  'cooperation',
  'interpersonal',
  '協調性',
  '上司・部下等と協力的な関係を構築することができる。',
  'Cooperation',
  'Builds cooperative relationships with superiors, subordinates and others.',
];
const COMMUNICATION: Item = [
  'communication',
  'interpersonal',
  'コミュニケーション',
  '上司・同僚等と円滑かつ適切なコミュニケーションをとることができる。',
  'Communication',
  'Communicates smoothly and appropriately with superiors, colleagues and others.',
];
const JUDGEMENT_PLANNING: Item = [
  'judgement-planning',
  'problem',
  '判断・企画',
  '現実に適した結論や将来の事柄を推測し、最適な手段・方法を考えることができる。',
  'Judgement and planning',
  'Infers conclusions that fit reality and how things will develop, and works out the best means and methods.',
];
const KNOWLEDGE_CRAFT: Item = [
  'knowledge-craft',
  'problem',
  '知識・技能',
  '業務に必要な知識・技能を習得することができる。',
  'Knowledge and practical skills',
  'Acquires the knowledge and practical skills the work requires.',
];

/**
 * The ten grades of the grade standards, in the policy's order, each item under the layer the policy lists it
 * under (II-7). Where an item sits under a layer its name does not suggest (主任's 業務遂行 and 主事's 知識・技術
 * under 対人力), the policy's placement is kept.
 */
export const GRADES: readonly Grade[] = [
  grade('bucho', 'general', 1, '部長級', 'Department director level', [
    [
      'ethics',
      'stance',
      '倫理',
      '全体の奉仕者として、高い倫理観を有し、部の課題に責任を持って取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
      'Ethics',
      'As a servant of the whole community, holds high ethical standards, takes responsibility for the issues of the department, observes the rules of service and performs their duties fairly.',
    ],
    [
      'explanation-coordination',
      'interpersonal',
      '説明・調整',
      '所管行政について適切な説明を行うとともに、組織方針の実現に向け、困難な調整を行い、合意を形成することができる。',
      'Explanation and coordination',
      'Explains the administration in their charge appropriately and, to realise the organisation’s policy, carries out difficult coordination and builds consensus.',
    ],
    [
      'leadership',
      'interpersonal',
      '組織統率',
      '指導力を発揮し、部下の統率を行い、成果を挙げることができる。',
      'Organisational leadership',
      'Shows leadership, leads their subordinates and delivers results.',
    ],
    [
      'vision',
      'problem',
      '構想',
      '区政全般を取り巻く状況を的確に把握し、先々を見通しつつ、区民の視点に立って、行政課題について基本的な方針を示すことができる。',
      'Vision',
      'Accurately grasps the situation surrounding the ward’s administration as a whole and, looking ahead and taking the residents’ point of view, sets out the basic direction on administrative issues.',
    ],
    [
      'judgement',
      'problem',
      '判断',
      '部の責任者として、その課題について、豊富な知識・経験および情報に基づき、冷静かつ迅速な判断を行うことができる。',
      'Judgement',
      'As the head of the department, makes calm and prompt decisions on its issues, based on extensive knowledge, experience and information.',
    ],
    [
      'management',
      'problem',
      '業務運営',
      '区民の視点に立ち、不断の業務見直しに率先して取り組むことができる。',
      'Management of operations',
      'Taking the residents’ point of view, leads the way in reviewing operations continually.',
    ],
  ]),
  grade('kacho', 'general', 2, '課長級', 'Division manager level', [
    [
      'ethics',
      'stance',
      '倫理',
      '全体の奉仕者として、高い倫理観を有し、課の課題に責任を持って取り組むとともに、服務規律を遵守し、公正に職務を遂行することができる。',
      'Ethics',
      'As a servant of the whole community, holds high ethical standards, takes responsibility for the issues of the division, observes the rules of service and performs their duties fairly.',
    ],
    [
      'explanation-coordination',
      'interpersonal',
      '説明・調整',
      '所管行政について適切な説明を行うとともに、組織方針の実現に向け、関係者と調整を行い、合意を形成することができる。',
      'Explanation and coordination',
      'Explains the administration in their charge appropriately and, to realise the organisation’s policy, coordinates with the parties concerned and builds consensus.',
    ],
    [
      'leadership-development',
      'interpersonal',
      // The policy prints this name as 「組織統率 ・ 人材育成」 with spaces around the ・; normalised here.
      '組織統率・人材育成',
      '適切に業務を配分した上、進捗管理および的確な指示を行い、成果を挙げるとともに、部下の指導・育成を行うことができる。',
      'Organisational leadership and staff development',
      'Allocates work appropriately, manages progress and gives precise instructions to deliver results, and guides and develops their subordinates.',
    ],
    [
      'vision',
      'problem',
      '構想',
      '所管行政を取り巻く状況を的確に把握し、区民の視点に立って、行政課題に対応するための方針を示すことができる。',
      'Vision',
      'Accurately grasps the situation surrounding the administration in their charge and, taking the residents’ point of view, sets out the direction for addressing administrative issues.',
    ],
    [
      'judgement',
      'problem',
      '判断',
      '課の責任者として、適切な判断を行うことができる。',
      'Judgement',
      'As the head of the division, makes appropriate decisions.',
    ],
    [
      'management',
      'problem',
      '業務運営',
      'コスト意識を持って効率的に業務を進めることができる。',
      'Management of operations',
      'Runs operations efficiently and with an eye on cost.',
    ],
  ]),
  grade('kacho-hosa', 'general', 3, '課長補佐級', 'Assistant division manager level', [
    ETHICS_STAFF,
    [
      'explanation-coordination',
      'interpersonal',
      '説明・調整',
      '担当する特に困難な事案について、豊富な経験、知識等に基づき分かりやすい説明を行うとともに、係間等の調整を行うことができる。',
      'Explanation and coordination',
      'Explains especially difficult cases in their charge clearly, drawing on extensive experience and knowledge, and coordinates between sections and other units.',
    ],
    COOPERATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '課長を補佐し、部下や同僚・後輩を指導・助言・育成するとともに、計画的に業務を進め、担当業務全体のチェックを行い、確実に業務を遂行することができる。',
      'Execution of work',
      'Assists the division manager; guides, advises and develops subordinates, colleagues and juniors; plans the work, checks all the work in their charge and carries it out reliably.',
    ],
    [
      'problem-handling',
      'problem',
      '課題対応',
      '担当業務に必要な専門的知識・技術を習得し、問題点を的確に把握し、特に困難な課題に対応することができる。',
      'Problem handling',
      'Acquires the specialist knowledge and skills their work requires, pinpoints problems accurately and deals with especially difficult issues.',
    ],
    JUDGEMENT_PLANNING,
  ]),
  grade('kakaricho', 'general', 4, '係長級', 'Section chief level', [
    ETHICS_STAFF,
    [
      'explanation',
      'interpersonal',
      '説明',
      '担当する事案について分かりやすい説明を行うことができる。',
      'Explanation',
      'Explains the cases in their charge clearly.',
    ],
    COOPERATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '部下や同僚・後輩を指導・助言・育成するとともに、計画的に業務を進め、担当業務全体のチェックを行い、確実に業務を遂行することができる。',
      'Execution of work',
      'Guides, advises and develops subordinates, colleagues and juniors; plans the work, checks all the work in their charge and carries it out reliably.',
    ],
    [
      'problem-handling',
      'problem',
      '課題対応',
      '担当業務に必要な専門的知識・技術を習得し、問題点を的確に把握し、課題に対応することができる。',
      'Problem handling',
      'Acquires the specialist knowledge and skills their work requires, pinpoints problems accurately and deals with issues.',
    ],
    JUDGEMENT_PLANNING,
  ]),
  grade('shunin', 'general', 5, '主任', 'Senior staff', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'execution',
      'interpersonal',
      '業務遂行',
      '係長職を補佐し、同僚・後輩を指導・助言・育成するとともに、意欲的に業務に取り組むことができる。',
      'Execution of work',
      'Assists the section chief, guides, advises and develops colleagues and juniors, and works with enthusiasm.',
    ],
    [
      'knowledge-technique',
      'problem',
      '知識・技術',
      '業務に必要な特に高度の知識・技術を習得し、活用することができる。',
      'Knowledge and technical skills',
      'Acquires and applies the especially advanced knowledge and technical skills the work requires.',
    ],
    JUDGEMENT_PLANNING,
  ]),
  grade('shuji', 'general', 6, '主事', 'Staff', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'knowledge-technique',
      'interpersonal',
      '知識・技術',
      '業務に必要な知識・技術を習得することができる。',
      'Knowledge and technical skills',
      'Acquires the knowledge and technical skills the work requires.',
    ],
    JUDGEMENT_PLANNING,
    [
      'execution',
      'problem',
      '業務遂行',
      '意欲的に業務に取り組むことができる。',
      'Execution of work',
      'Works with enthusiasm.',
    ],
  ]),
  grade('tokatsu-ginocho', 'skilled', 1, '統括技能長', 'Chief skilled supervisor', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '複数の技能長を統括し、常に適切な指導および業務の監督等を行うとともに、最適な手段・方法を考え、意欲的に業務に取り組み、業務の安全および能率的運営を維持するよう努めることができる。',
      'Execution of work',
      'Oversees several skilled supervisors, always gives appropriate guidance and supervises the work, works out the best means and methods, works with enthusiasm, and strives to keep the work safe and efficiently run.',
    ],
    KNOWLEDGE_CRAFT,
  ]),
  grade('ginocho', 'skilled', 2, '技能長', 'Skilled supervisor', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '常に適切な指導および業務の監督等を行うとともに、最適な手段・方法を考え、意欲的に業務に取り組み、業務の安全および能率的運営を維持するよう努めることができる。',
      'Execution of work',
      'Always gives appropriate guidance and supervises the work, works out the best means and methods, works with enthusiasm, and strives to keep the work safe and efficiently run.',
    ],
    KNOWLEDGE_CRAFT,
  ]),
  grade('gino-shunin', 'skilled', 3, '技能主任', 'Senior skilled staff', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '業務の円滑化を図るため、現場作業におけるリーダー、あるいは、職務上の指導・育成等を行うとともに、最適な手段・方法を考え、意欲的に業務に取り組むことができる。',
      'Execution of work',
      'To keep the work running smoothly, leads field work or guides and develops others on the job, works out the best means and methods, and works with enthusiasm.',
    ],
    KNOWLEDGE_CRAFT,
  ]),
  grade('kakariin', 'skilled', 4, '係員', 'Skilled staff', [
    ETHICS_STAFF,
    COMMUNICATION,
    [
      'execution',
      'problem',
      '業務遂行',
      '最適な手段・方法を考え、意欲的に業務に取り組むことができる。',
      'Execution of work',
      'Works out the best means and methods and works with enthusiasm.',
    ],
    KNOWLEDGE_CRAFT,
  ]),
];

/** The grade (職層) with this code and its 標準職務遂行能力 (policy II-7). */
export function gradeByCode(code: GradeCode): Grade;
export function gradeByCode(code: string): Grade | undefined;
export function gradeByCode(code: string): Grade | undefined {
  return GRADES.find((g) => g.code === code);
}

/** The job family with this code (policy II-7-(1), (2)). */
export function familyByCode(code: JobFamilyCode): JobFamily;
export function familyByCode(code: string): JobFamily | undefined;
export function familyByCode(code: string): JobFamily | undefined {
  return JOB_FAMILIES.find((f) => f.code === code);
}

/** The grades of one job family, highest first (policy II-7). */
export function gradesOfFamily(familyCode: JobFamilyCode): Grade[] {
  return GRADES.filter((g) => g.familyCode === familyCode).sort((a, b) => a.rank - b.rank);
}
