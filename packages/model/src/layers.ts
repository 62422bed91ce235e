import { z } from 'zod';

/** The six layers of the skill pyramid, from the base up to the apex (policy II-6). */
export const LAYER_CODES = ['potential', 'stance', 'interpersonal', 'problem', 'ict', 'technical'] as const;
export type LayerCode = (typeof LAYER_CODES)[number];
export const layerCodeSchema = z.enum(LAYER_CODES);

export interface Layer {
  code: LayerCode;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  elementsJa: readonly string[];
}

/**
 * The skill pyramid (スキルピラミッド). Its shape is the same for every grade; a higher grade only makes it bigger.
 * The elements of the portable skills are the item names the policy uses in the grade standards (II-7).
 */
export const LAYERS: readonly Layer[] = [
  {
    code: 'potential',
    nameJa: 'ポテンシャル',
    nameEn: 'Potential',
    descriptionJa: '「ポテンシャル」は採用後の育成が困難であることから、採用時において重視します。',
    elementsJa: ['素直さ', '勤勉さ', '行動力', '成長性', '成長意欲', '前向きさ', '責任感'],
  },
  {
    code: 'stance',
    nameJa: 'スタンス（マインドセット）',
    nameEn: 'Stance (mindset)',
    descriptionJa:
      '全体の奉仕者としての倫理と、区のMVV（めざす職員像「攻守混同」、あるべき職場像「エール×スマイル→ホームしながわ」）への共感。',
    elementsJa: [
      '倫理',
      '積極性',
      '推進力',
      '向上心',
      '想像力',
      '柔軟性',
      '助けあえる',
      '尊重しあえる',
      '楽しめる',
    ],
  },
  {
    code: 'interpersonal',
    nameJa: 'ポータブルスキル（対人力）',
    nameEn: 'Portable skills: interpersonal',
    descriptionJa:
      '職場を問わず求められる能力のうち、人に働きかける力。職層や経験によって求められるレベルが異なります。',
    elementsJa: ['説明・調整', '説明', '協調性', 'コミュニケーション', '組織統率', '人材育成'],
  },
  {
    code: 'problem',
    nameJa: 'ポータブルスキル（対課題力）',
    nameEn: 'Portable skills: problem-solving',
    descriptionJa:
      '職場を問わず求められる能力のうち、課題に取り組む力。職層や経験によって求められるレベルが異なります。',
    elementsJa: [
      '構想',
      '判断',
      '業務運営',
      '業務遂行',
      '課題対応',
      '判断・企画',
      '知識・技術',
      '知識・技能',
    ],
  },
  {
    code: 'ict',
    nameJa: 'ICTリテラシー',
    nameEn: 'ICT literacy',
    descriptionJa: '全職員が一定水準のICTに関する知識やその能力を活用する力を身に付けることが求められます。',
    elementsJa: ['ICTに関する知識', 'ICTを活用する力'],
  },
  {
    code: 'technical',
    nameJa: 'テクニカルスキル',
    nameEn: 'Technical skills',
    descriptionJa:
      '職務・職種に固有の専門的な知識・技術。各課や外部機関で実施する専門研修や自己啓発制度、リスキリング等によって高めていきます。',
    elementsJa: ['職務に固有の専門知識', '職務に固有の専門技術'],
  },
];

/** The layer of the skill pyramid with this code (policy II-6-(1)). */
export function layerByCode(code: LayerCode): Layer;
export function layerByCode(code: string): Layer | undefined;
export function layerByCode(code: string): Layer | undefined {
  return LAYERS.find((l) => l.code === code);
}

/** An interview criterion under a layer, scored 1–5 against its behavioural anchors. */
export interface Criterion {
  /** `<layer>.<name>`, stable ASCII, usable in the scores CSV. */
  code: string;
  layer: LayerCode;
  nameJa: string;
  nameEn: string;
  /** Behavioural anchors for the scores 1, 2, 3, 4 and 5. */
  anchorsJa: readonly [string, string, string, string, string];
  /** Suggested interview questions. */
  questionsJa: readonly string[];
}

/**
 * Default interview criteria for recruitment rounds, drawn from what the policy says to look for at hiring
 * (II-6-(3)): the elements of potential, the MVV for stance, the portable skills, ICT literacy and technical skills.
 * HR may replace them per round. The anchors describe what an answer at that point looks like.
 */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  {
    code: 'potential.sunaosa',
    layer: 'potential',
    nameJa: '素直さ',
    nameEn: 'Openness to feedback',
    anchorsJa: [
      '指摘や助言を受け入れず、言い訳や反論に終始する。失敗を他者や環境のせいにする。',
      '指摘は聞くが表面的に受け止めるだけで、自分の行動を変えた例を示せない。',
      '指摘や助言を受け止め、自分の行動を改めた具体例を説明できる。',
      '耳の痛い指摘も前向きに受け入れ、自ら周囲に意見を求めて改善につなげた例を示せる。',
      '立場や年齢にかかわらず他者から学ぶ姿勢が一貫しており、受けた助言を行動と成果の変化にまで結び付けた例を複数示せる。',
    ],
    questionsJa: [
      'これまでに受けた指摘や助言で、最も印象に残っているものは何ですか。それを受けてどう行動を変えましたか。',
      '自分と異なる意見を聞いて、考えを改めた経験を教えてください。',
    ],
  },
  {
    code: 'potential.kinben',
    layer: 'potential',
    nameJa: '勤勉さ',
    nameEn: 'Diligence',
    anchorsJa: [
      '地道な作業や継続的な取組の経験を示せない。途中で投げ出した例が目立つ。',
      '与えられたことはこなすが、継続や工夫の跡が乏しい。',
      '目標に向けて計画的にこつこつと取り組み、最後までやり遂げた具体例を説明できる。',
      '困難や単調さがあっても手を抜かずに続け、質を高める工夫をした例を示せる。',
      '長期にわたる地道な努力を自らを律して続け、周囲から信頼される成果に結び付けた例を示せる。',
    ],
    questionsJa: [
      '長い期間こつこつと続けてきたことは何ですか。続けるためにどんな工夫をしましたか。',
      '単調な作業や地道な仕事に取り組んだとき、どのように向き合いましたか。',
    ],
  },
  {
    code: 'potential.kodoryoku',
    layer: 'potential',
    nameJa: '行動力',
    nameEn: 'Drive to act',
    anchorsJa: [
      '考えを行動に移した例を示せない。指示を待つ姿勢が目立つ。',
      '指示や機会があれば動くが、自分から一歩を踏み出した例は乏しい。',
      '必要と考えたことを自ら行動に移し、結果を出した具体例を説明できる。',
      '前例のないことや困難なことにも自ら着手し、周囲に働きかけて前に進めた例を示せる。',
      '状況を素早く判断して主体的に行動し、周囲を巻き込んで新たな取組を実現させた例を複数示せる。',
    ],
    questionsJa: [
      '誰かに言われる前に、自分から動いて状況を変えた経験を教えてください。',
      '前例のないことに挑戦した経験はありますか。最初の一歩として何をしましたか。',
    ],
  },
  {
    code: 'potential.seichosei',
    layer: 'potential',
    nameJa: '成長性',
    nameEn: 'Growth potential',
    anchorsJa: [
      '経験から何を学んだかを説明できない。同じ失敗を繰り返している。',
      '経験から学んだことを述べるが一般論にとどまり、その後の行動への反映が見えない。',
      '経験を振り返って学びを言葉にし、次の場面で活かした具体例を説明できる。',
      '新しい環境や役割に短期間で適応し、できることを着実に広げてきた例を示せる。',
      '失敗や困難を糧に大きく成長した過程を具体的に示し、自分の伸びしろと今後の伸ばし方まで的確に語れる。',
    ],
    questionsJa: [
      'この数年で自分が最も成長したと感じる点は何ですか。何がきっかけでしたか。',
      '失敗から学び、次に活かした経験を教えてください。',
    ],
  },
  {
    code: 'potential.seicho-iyoku',
    layer: 'potential',
    nameJa: '成長意欲',
    nameEn: 'Desire to grow',
    anchorsJa: [
      '学びたいことや伸ばしたい能力を語れない。学習の経験も受け身のものに限られる。',
      '学ぶ意欲は口にするが、具体的な計画や行動が伴っていない。',
      '伸ばしたい能力を明確に挙げ、そのために自ら取り組んでいる学習を説明できる。',
      '目標を定めて計画的に学び続け、身に付けたことを実際に活かした例を示せる。',
      '自らの課題を的確に捉えて学び続け、資格の取得や新たな役割への挑戦など目に見える成果につなげている。採用後の学びの計画も具体的である。',
    ],
    questionsJa: [
      '今、自分で学んでいることは何ですか。なぜそれを選びましたか。',
      '採用後、どんな能力を伸ばしたいですか。そのために何をするつもりですか。',
    ],
  },
  {
    code: 'potential.maemuki',
    layer: 'potential',
    nameJa: '前向きさ',
    nameEn: 'Positive outlook',
    anchorsJa: [
      '困難な状況について、否定的・他責的な語りに終始する。',
      '困難を乗り越えた経験はあるが、周囲の助けや状況の好転を待つ姿勢が強い。',
      '困難な状況でも気持ちを切り替え、できることに取り組んだ具体例を説明できる。',
      '逆境を学びや機会と捉えて前向きに取り組み、周囲の雰囲気も明るくした例を示せる。',
      '大きな困難や挫折の中でも前向きに行動し続け、自分と周囲を立て直して成果につなげた例を示せる。',
    ],
    questionsJa: [
      '思うようにいかなかった経験と、そのとき気持ちをどう立て直したかを教えてください。',
      'つらい状況の中で、周りの人を励ましたり雰囲気を変えたりした経験はありますか。',
    ],
  },
  {
    code: 'potential.sekininkan',
    layer: 'potential',
    nameJa: '責任感',
    nameEn: 'Sense of responsibility',
    anchorsJa: [
      '引き受けたことを最後までやり遂げた例を示せない。問題が起きると責任を回避する。',
      '自分の担当は果たすが、問題が起きたときの報告や対応が不十分である。',
      '引き受けた役割を最後までやり遂げ、問題が起きた際も自ら報告・対応した具体例を説明できる。',
      '困難な状況でも役割を投げ出さず、自分の担当を超えて結果に責任を持って行動した例を示せる。',
      '重い責任を伴う役割を自ら引き受け、失敗も自分のこととして受け止めて最後まで成果に導いた例を複数示せる。',
    ],
    questionsJa: [
      '責任ある役割を任され、最後までやり遂げた経験を教えてください。',
      '自分のミスで周囲に迷惑をかけそうになったとき、どう対応しましたか。',
    ],
  },
  {
    code: 'stance.rinri',
    layer: 'stance',
    nameJa: '倫理',
    nameEn: 'Ethics',
    anchorsJa: [
      '公務員として守るべき倫理や公正さへの理解が乏しい。ルールを軽視する発言がある。',
      '倫理の重要性を一般論としては理解しているが、自分の行動に結び付けて語れない。',
      '全体の奉仕者としての役割を理解し、ルールを守り公正に行動した具体例を説明できる。',
      '利害や人間関係に流されず、公正さを保つために判断・行動した例を示せる。',
      '倫理的に難しい場面でも自らの責任で正しい判断を貫き、周囲にも公正な行動を促した例を示せる。',
    ],
    questionsJa: [
      'ルールと周囲の都合が食い違ったとき、どう判断し行動しましたか。',
      '「全体の奉仕者」として働くとは、どういうことだと考えますか。',
    ],
  },
  {
    code: 'stance.mvv',
    layer: 'stance',
    nameJa: 'MVVへの共感',
    nameEn: 'Empathy with the mission and vision',
    anchorsJa: [
      '区のミッション・ビジョンを理解しておらず、志望理由も待遇や安定に限られる。',
      'MVVの言葉は知っているが、自分の経験や志望動機と結び付けて語れない。',
      '「区民のウェルビーイング向上のために」というミッションと、めざすしながわの姿への共感を、自分の言葉と経験で説明できる。',
      'MVVを踏まえて区で取り組みたいことを具体的に語り、自分の強みとの結び付きを示せる。',
      'MVVを深く理解し、区民の「不」の解消に向けて自分が果たす役割を、これまでの経験に根差して具体的かつ説得力をもって語れる。',
    ],
    questionsJa: [
      '「誰もが生きがいを感じ、自分らしく暮らしていけるしながわ」の実現に向けて、あなたはどんなことに取り組みたいですか。',
      '区民のウェルビーイングを高めるために、職員に求められることは何だと考えますか。',
    ],
  },
  {
    code: 'stance.seme',
    layer: 'stance',
    nameJa: '攻め（積極性・推進力・向上心）',
    nameEn: 'Offence: initiative, drive and ambition',
    anchorsJa: [
      '新しいことへの挑戦や改善の経験を語れない。現状維持を好む。',
      '挑戦の経験はあるが周囲に促されたもので、最後まで推し進めた例がない。',
      '自ら課題を見つけて新しい取組に挑み、最後まで推し進めた具体例を説明できる。',
      '抵抗や困難があっても周囲を説得しながら取組を推進し、より高い目標に挑み続けた例を示せる。',
      '前例のない課題に積極的に挑み、周囲を巻き込んで大きな変化を実現した例を示し、さらに高みをめざす意欲も明確である。',
    ],
    questionsJa: [
      '現状に満足せず、自ら新しいことに挑戦した経験を教えてください。',
      '反対や困難があった中で、取組を前に進めた経験はありますか。',
    ],
  },
  {
    code: 'stance.mamori',
    layer: 'stance',
    nameJa: '守り（想像力）',
    nameEn: 'Defence: imagination',
    anchorsJa: [
      'リスクや相手の立場を想定せずに行動し、問題が起きてから対応した例が目立つ。',
      '起こりうる問題をある程度は想定するが、考えが一面的で備えが不十分である。',
      '起こりうる事態や相手の立場を想定し、事前に備えて行動した具体例を説明できる。',
      '多様な立場の人への影響まで想像し、複数の事態を想定して準備したことで問題を防いだ例を示せる。',
      'あらゆるケースを想定して先回りした備えを講じ、大きな問題を未然に防いだり、将来の展開を見据えた提案をしたりした例を示せる。',
    ],
    questionsJa: [
      '物事を進める前に、起こりうる問題を想定して備えた経験を教えてください。',
      '自分とは異なる立場の人の事情を想像して、やり方を変えた経験はありますか。',
    ],
  },
  {
    code: 'stance.junansei',
    layer: 'stance',
    nameJa: '柔軟性',
    nameEn: 'Flexibility',
    anchorsJa: [
      '自分のやり方に固執し、状況の変化に対応できなかった例が目立つ。',
      '変化には従うが、対応が遅れたり受け身であったりする。',
      '状況や方針の変化に応じて、やり方を切り替えて対応した具体例を説明できる。',
      '攻めと守りのバランスを取りながら、急な変化にも機敏に対応して成果を保った例を示せる。',
      '予期しない大きな変化の中でも素早く状況を捉えて最適な方法に切り替え、周囲の対応も導いた例を示せる。',
    ],
    questionsJa: [
      '途中で状況や前提が大きく変わったとき、どのように対応しましたか。',
      '挑戦することと慎重に進めることのバランスを、どのように取っていますか。',
    ],
  },
  {
    code: 'stance.home-shinagawa',
    layer: 'stance',
    nameJa: '職場像への共感（エール×スマイル→ホームしながわ）',
    nameEn: 'Fit with the workplace ideal (Yell × Smile → Home Shinagawa)',
    anchorsJa: [
      'チームの中で自分の役割だけを考え、周囲を助けたり尊重したりする姿勢が見られない。',
      '協力や尊重の大切さは語るが、自分から働きかけた具体例が乏しい。',
      '困っている仲間を助け、異なる意見や立場を尊重し、楽しく働ける場づくりに関わった具体例を説明できる。',
      '自ら声をかけて助けあい・尊重しあう関係をつくり、チームの雰囲気を良くした例を示せる。',
      '多様なメンバーが安心して力を発揮できる場を主体的につくり、困難な場面でも笑顔で挑戦できるチームを支えた例を示せる。',
    ],
    questionsJa: [
      'チームで困っている人がいたとき、どのように関わりましたか。',
      'どのような職場なら安心して挑戦できると思いますか。そのためにあなた自身は何をしますか。',
    ],
  },
  {
    code: 'interpersonal.setsumei-chosei',
    layer: 'interpersonal',
    nameJa: '説明・調整',
    nameEn: 'Explanation and coordination',
    anchorsJa: [
      '相手に合わせた説明ができず、意見の異なる相手との調整を避ける。',
      '説明はできるが一方的で、調整は他者に頼りがちである。',
      '相手の理解度に合わせて分かりやすく説明し、関係者の意見を聞いて合意点を見いだした具体例を説明できる。',
      '利害の対立する関係者の間に立ち、根拠を示して粘り強く調整し、合意を形成した例を示せる。',
      '困難な利害調整を主導して関係者の納得を得て合意に導き、その後の協力関係まで築いた例を示せる。',
    ],
    questionsJa: [
      '専門知識のない人に複雑な内容を説明した経験を教えてください。どのような工夫をしましたか。',
      '意見の対立する人たちの間に立って、調整した経験はありますか。',
    ],
  },
  {
    code: 'interpersonal.kyochosei',
    layer: 'interpersonal',
    nameJa: '協調性',
    nameEn: 'Cooperation',
    anchorsJa: [
      '周囲と協力した経験を示せない。自分の考えを優先して摩擦を生じた例が目立つ。',
      '求められれば協力するが、チーム全体への関心は薄い。',
      '上司・同僚等と協力的な関係を築き、チームの目標達成に貢献した具体例を説明できる。',
      '立場や考えの異なるメンバーとも信頼関係を築き、自分の役割を超えてチームを支えた例を示せる。',
      '関係が難しい状況でも協力関係を立て直し、チーム全体の力を引き出して成果につなげた例を示せる。',
    ],
    questionsJa: [
      'チームで成果を上げた経験の中で、あなたが果たした役割を教えてください。',
      '考え方の合わない人と一緒に取り組んだとき、どのように関係を築きましたか。',
    ],
  },
  {
    code: 'interpersonal.communication',
    layer: 'interpersonal',
    nameJa: 'コミュニケーション',
    nameEn: 'Communication',
    anchorsJa: [
      '質問の意図を捉えられず、受け答えが一方的、または要領を得ない。',
      '受け答えはできるが相手の話を十分に聞かず、報告・連絡・相談の経験も乏しい。',
      '相手の話をよく聞き、要点を押さえて分かりやすく伝えられる。報告・連絡・相談を適切に行った具体例を説明できる。',
      '相手や場面に応じて伝え方を変え、誤解や行き違いを防いだり解消したりした例を示せる。',
      '多様な相手と円滑に意思疎通を図り、対話を通じて信頼関係を築いて物事を前に進めた例を複数示せる。面接でのやり取りも的確である。',
    ],
    questionsJa: [
      '相手との行き違いが生じたとき、どのように解消しましたか。',
      '上司や先輩への報告・相談で心がけていることは何ですか。',
    ],
  },
  {
    code: 'problem.handan-kikaku',
    layer: 'problem',
    nameJa: '判断・企画',
    nameEn: 'Judgement and planning',
    anchorsJa: [
      '状況を整理せずに結論を出す。根拠のない判断や思いつきの提案にとどまる。',
      '情報を集めて判断するが、選択肢の比較や将来の見通しが不十分である。',
      '情報を整理して現実に適した結論を導き、目的に合った手段・方法を考えた具体例を説明できる。',
      '複数の選択肢を比較し、将来の影響を見通したうえで最適な方法を選び、企画として形にした例を示せる。',
      '不確実な状況でも根拠に基づいて的確に判断し、先を見据えた企画を立てて実現させ、成果を検証した例を示せる。',
    ],
    questionsJa: [
      '限られた情報の中で重要な判断をした経験を教えてください。何を根拠に決めましたか。',
      '自分で企画を立てて実行した経験はありますか。手段をどのように選びましたか。',
    ],
  },
  {
    code: 'problem.gyomu-suiko',
    layer: 'problem',
    nameJa: '業務遂行',
    nameEn: 'Task execution',
    anchorsJa: [
      '段取りを考えずに取り組み、期限や質を守れなかった例が目立つ。',
      '指示された業務はこなすが、計画性や確認が不十分である。',
      '計画を立てて意欲的に業務を進め、確認を怠らずに確実にやり遂げた具体例を説明できる。',
      '複数の業務に優先順位を付けて計画的に進め、周囲と分担・確認しながら質と期限を守った例を示せる。',
      '業務全体を見渡して段取りと進捗を管理し、周囲を指導・支援しながら、困難な状況でも確実に成果を上げた例を示せる。',
    ],
    questionsJa: [
      '複数の仕事が重なったとき、どのように優先順位を付けて進めましたか。',
      '仕事を確実にやり遂げるために、日頃どんな工夫をしていますか。',
    ],
  },
  {
    code: 'problem.kadai-taio',
    layer: 'problem',
    nameJa: '課題対応',
    nameEn: 'Problem handling',
    anchorsJa: [
      '問題に気づかない、または気づいても対応しなかった例が目立つ。',
      '問題には気づくが、原因の把握が浅く、対応が場当たり的である。',
      '問題点を的確に把握し、必要な知識を身に付けて課題に対応した具体例を説明できる。',
      '問題の原因を分析し、関係者と連携して根本的な解決策を実行した例を示せる。',
      '困難な課題に対して専門的な知識を活かして原因を突き止め、再発防止や仕組みの改善まで実現した例を示せる。',
    ],
    questionsJa: [
      'これまでに直面した最も難しい問題と、その解決までの過程を教えてください。',
      'その問題の原因を、どのように突き止めましたか。',
    ],
  },
  {
    code: 'ict.literacy',
    layer: 'ict',
    nameJa: 'ICTリテラシー',
    nameEn: 'ICT literacy',
    anchorsJa: [
      '基本的なICTツールの利用に不安があり、デジタル化への抵抗感が見られる。',
      '一般的なソフトウェアは使えるが、業務の効率化に活かした経験は乏しい。',
      '文書作成・表計算・オンライン会議等を業務で使いこなし、情報セキュリティにも配慮して活用した具体例を説明できる。',
      'ICTを活用して業務の手順を見直し、効率化を実現した例を示せる。新しいツールも自ら学んで使いこなせる。',
      'データやデジタルツールを活用した業務改善を主導し、周囲の活用も支援して、組織全体の効率化やサービスの向上につなげた例を示せる。',
    ],
    questionsJa: [
      'ICTやデジタルツールを使って、仕事のやり方を改善した経験を教えてください。',
      '新しいツールやシステムを使い始めるとき、どのように習得していますか。',
      '個人情報や情報セキュリティについて、業務で気を付けていたことは何ですか。',
    ],
  },
  {
    code: 'technical.senmon',
    layer: 'technical',
    nameJa: 'テクニカルスキル（専門知識・技術）',
    nameEn: 'Technical skills (specialist knowledge and expertise)',
    anchorsJa: [
      '採用区分の職務に必要な専門知識・技術が不足しており、関連する経験も示せない。',
      '基礎的な専門知識はあるが、実務で活用した経験が限られる。',
      '職務に必要な専門知識・技術を持ち、実務で活用した具体例を説明できる。',
      '高度な専門知識・技術を持ち、困難な事案に活かして成果を上げた例を示せる。継続的な研鑽も行っている。',
      '専門分野で指導的な水準の知識・技術を持ち、その知見で組織の課題解決や他者の育成に貢献した例を示せる。',
    ],
    questionsJa: [
      'あなたの専門性が最も活きた仕事の事例を教えてください。',
      '専門知識・技術を高めるために、現在取り組んでいることは何ですか。',
    ],
  },
];

/** The default interview criteria under one layer of the pyramid (policy II-6-(3)). */
export function defaultCriteriaOf(layer: LayerCode): readonly Criterion[] {
  return DEFAULT_CRITERIA.filter((c) => c.layer === layer);
}
