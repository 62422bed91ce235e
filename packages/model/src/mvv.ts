/** A statement of the MVV with the question it answers (policy II-3-(2)) and its gloss (II-3-(1)). */
export interface MvvStatement {
  questionJa: string;
  questionEn: string;
  statementJa: string;
  statementEn: string;
  explanationJa: string;
  explanationEn: string;
}

export interface StaffIdealPart {
  nameJa: string;
  nameEn: string;
  qualitiesJa: readonly string[];
  qualitiesEn: readonly string[];
  descriptionJa: string;
  descriptionEn: string;
}

export interface Yell {
  code: 'tasukeai' | 'sonchoshiai' | 'tanoshime';
  nameJa: string;
  /** The pun on エール (yell, cheer) that the policy gives in parentheses. */
  readingJa: string;
  nameEn: string;
}

export interface Mvv {
  mission: MvvStatement;
  vision: MvvStatement;
  value: MvvStatement;
  staffIdeal: {
    nameJa: string;
    nameEn: string;
    /** The paragraphs that explain where the name comes from (II-4). */
    originJa: readonly string[];
    originEn: readonly string[];
    offence: StaffIdealPart;
    defence: StaffIdealPart;
    balance: StaffIdealPart;
    summaryJa: string;
    summaryEn: string;
    intentJa: string;
    intentEn: string;
  };
  workplaceIdeal: {
    nameJa: string;
    nameEn: string;
    yells: readonly Yell[];
    descriptionJa: readonly string[];
    descriptionEn: readonly string[];
  };
}

/**
 * The ward's Mission, Vision and Value (policy II-3, II-4, II-5), in the policy's words, with English renderings.
 * II-3-(1) glosses the vision twice, as 「互いに活かす品川区」 in the summary and 「互いに活かし合う品川区」 in the
 * MVV figure; the latter, from the body of the policy, is carried here.
 */
export const MVV: Mvv = {
  mission: {
    questionJa: '品川区役所は、誰の何のために存在するのか',
    questionEn: 'For whom, and for what, does Shinagawa City Office exist?',
    statementJa: '区民のウェルビーイング向上のために',
    statementEn: 'For the well-being of our residents',
    explanationJa: '一人ひとりが多様な生き方を選び、自由に未来を描くことができる品川区を創造します。',
    explanationEn:
      'We create a Shinagawa where everyone can choose their own way of life and freely shape their future.',
  },
  vision: {
    questionJa: '品川区が目指す、区としてのあるべき姿とは何か',
    questionEn: 'What should Shinagawa, as a city, aim to be?',
    statementJa: '誰もが生きがいを感じ、自分らしく暮らしていけるしながわ',
    statementEn: 'A Shinagawa where everyone finds meaning in life and can live as themselves',
    explanationJa: '地域の中で、一人ひとりが個性や能力を発揮でき、互いに活かし合う品川区を築きます。',
    explanationEn:
      'We build a Shinagawa where, in every community, each person can show their character and abilities, and people bring out the best in one another.',
  },
  value: {
    questionJa: '職員はどのような価値観を持ち、日々どのように行動すべきか',
    questionEn: 'What values should staff hold, and how should they act each day?',
    statementJa: '職員像：攻守混同\n職場像：エール×スマイル→ホームしながわ',
    statementEn: 'Staff ideal: offence and defence as one\nWorkplace ideal: Yell × Smile → Home Shinagawa',
    explanationJa: '職員一人ひとりがそれぞれの能力を最大限に発揮して、品川区の未来に貢献します。',
    explanationEn:
      'Every member of staff makes the most of their abilities to contribute to Shinagawa’s future.',
  },
  /** めざす職員像 (II-4). */
  staffIdeal: {
    nameJa: '攻守混同',
    nameEn: 'Offence and defence as one',
    originJa: [
      '「公私混同」という四字熟語があります。',
      '意味は「公的なことと私的なことを区別せずに扱うこと」の意味で、これまでは良い意味で使われていませんでした。',
      'しかし、違う捉え方も出てきました。',
      '働いている時間(公)と、自分の生活時間(私)のそれぞれで出会った人や機会をつなげて、豊かな人生やキャリアを積みあげていく。オフィシャルとプライベートの両方が相乗効果をもたらすことで、良い循環が生まれます。そうやって、公私の境を良い意味で曖昧にして、人生を豊かにするという考え方もあります。',
      'そしてその公私混同からヒントを得て「攻守混同」は生まれました。',
    ],
    originEn: [
      'There is a four-character idiom, 公私混同: “mixing public and private”.',
      'It means treating official and private matters without distinction, and until now it has not been used in a good sense.',
      'But another reading has emerged.',
      'Connecting the people and opportunities met in working time (public) and in one’s own time (private) builds a rich life and career. When the official and the private reinforce each other, a virtuous circle begins. Blurring the line between them in a good way, and so enriching one’s life, is another way of thinking.',
      'From that idea of 公私混同 came 攻守混同: “offence and defence as one”.',
    ],
    offence: {
      nameJa: '攻め',
      nameEn: 'Offence',
      qualitiesJa: ['積極性', '推進力', '向上心'],
      qualitiesEn: ['Initiative', 'Drive', 'Ambition to improve'],
      descriptionJa: 'オフェンス(攻め)は、新たな行政課題に挑むための積極性、推進力、向上心。',
      descriptionEn: 'Offence: the initiative, drive and ambition to take on new administrative challenges.',
    },
    defence: {
      nameJa: '守り',
      nameEn: 'Defence',
      qualitiesJa: ['想像力'],
      qualitiesEn: ['Imagination'],
      descriptionJa: 'ディフェンス(守り)は、あらゆるケースを想定して動くための想像力。',
      descriptionEn: 'Defence: the imagination to anticipate every case before acting.',
    },
    balance: {
      nameJa: 'バランス',
      nameEn: 'Balance',
      qualitiesJa: ['柔軟性'],
      qualitiesEn: ['Flexibility'],
      descriptionJa: 'そしてそれらのバランスをとり、変化の激しい時代に対応するための柔軟性。',
      descriptionEn: 'And the flexibility to balance the two and keep up with fast-changing times.',
    },
    summaryJa: 'これらの攻めと守りをバランスよく、攻守を一体にするのが区のめざす職員像です。',
    summaryEn:
      'Balancing offence and defence, and making them one, is the kind of staff member the ward aims for.',
    intentJa:
      '職員として、仕事もプライベートも大切に、それぞれ自身のやりたいことを実現して欲しいという思いを込めています。',
    intentEn:
      'It carries the wish that staff value both work and private life and achieve what they want to do.',
  },
  /** あるべき職場像 (II-5). */
  workplaceIdeal: {
    nameJa: 'エール×スマイル→ホームしながわ',
    nameEn: 'Yell × Smile → Home Shinagawa',
    yells: [
      { code: 'tasukeai', nameJa: '助けあえる', readingJa: 'たすけあエール', nameEn: 'We help each other' },
      {
        code: 'sonchoshiai',
        nameJa: '尊重しあえる',
        readingJa: 'そんちょうしあエール',
        nameEn: 'We respect each other',
      },
      { code: 'tanoshime', nameJa: '楽しめる', readingJa: 'たのしめエール', nameEn: 'We enjoy our work' },
    ],
    descriptionJa: [
      '3つの「エール」がある職場でこそ、大変なことや困難なことがあっても笑顔で取り組むことができ、新しいことに挑戦する意欲が湧いてきます。',
      // 「いかになくても」 (sic, for いかなくても) is carried as the policy prints it.
      'そして、挑戦がうまくいっても、いかになくても、戻って来られる場所。職場が、温かく迎えてくれる、安心できる場所であって欲しい、ホームにはそういう思いを込めています。',
      '3つのエールと笑顔のある職場、それがホームしながわ。',
      'めざす職員像を支える環境が、あるべき職場像です。あるべき職場像が達成されている、心理的安全性の高い職場であれば、職員が進化や挑戦に前向きになれると考えます。',
      '多様な職員がそれぞれに力を発揮し、チーム力ある職場にするために、職員全員で心がけること、それがあるべき職場像です。',
    ],
    descriptionEn: [
      'Only in a workplace with the three yells can we face hard and difficult things with a smile, and feel the will to try something new.',
      'And whether a challenge succeeds or not, it is a place to come back to. “Home” carries the wish that the workplace be a warm, welcoming and safe place.',
      'A workplace with the three yells and smiles: that is Home Shinagawa.',
      'The workplace ideal is the environment that supports the staff ideal. In a psychologically safe workplace that lives up to it, staff can embrace growth and challenge.',
      'The workplace ideal is what all staff keep in mind so that diverse colleagues can each show their strengths in a workplace with real team strength.',
    ],
  },
};
