import { evaluationEn, evaluationJa } from './evaluation.js';
import { roleMessages } from './labels.js';

// Every screen text of both apps, in Japanese (the working language) and English.
// `ja` defines the keys; `en` is typed against them, so a missing or extra key is a type error.
// Texts quoted from the policy (policy-2024) are carried word for word in `ja`.
import { recruitmentEn, recruitmentJa } from './recruit.js';

import { orgEn, orgJa } from './org.js';
import { surveyEn, surveyJa } from './survey.js';
import { customSurveyEn, customSurveyJa } from './customSurvey.js';
import { accountsEn, accountsJa } from './accounts.js';
import { sheetsEn, sheetsJa } from './sheets.js';
import { noticesEn, noticesJa } from './notices.js';
import { talentEn, talentJa } from './talent.js';
import { rosterEn, rosterJa } from './roster.js';

export const ja = {
  'product.name': '人材 Jinzai',
  'app.recruit': '採用',
  'app.review': '人事評価',

  'shell.skip': '本文へ移動',
  'shell.nav': 'メインメニュー',
  'shell.account': 'アカウント',
  'shell.accountOf': '（アカウント）',
  'shell.signedInAs': 'ログイン中',
  'shell.roles': '権限',
  'shell.signOut': 'ログアウト',
  'shell.language': '言語',
  'shell.footer': '品川区人材育成・確保基本方針（令和6年4月）に基づく人材マネジメント支援システム',

  'tasks.nav': 'やること',
  'tasks.title': 'やること',
  'tasks.lead': 'いまあなたが行う手続きです。期限を過ぎたものから順に並んでいます。',
  'tasks.empty': 'いまあなたが行う手続きはありません。',
  'tasks.caption': 'やることの一覧',
  'tasks.task': '内容',
  'tasks.due': '期限',
  'tasks.noDue': '期限なし',
  'tasks.overdue': '期限超過',
  'tasks.open': '開く',

  ...roleMessages('ja'),

  'login.title': 'ログイン',
  'login.lead': 'ログインIDとパスワードを入力してください。',
  'login.loginId': 'ログインID',
  'login.password': 'パスワード',
  'login.submit': 'ログイン',
  'login.error.invalid': 'ログインIDまたはパスワードが正しくありません',
  'login.error.rateLimited': 'ログイン試行が多すぎます。しばらくしてから再度お試しください',
  'login.error.rateLimitedFor': 'ログイン試行が多すぎます。{seconds}秒後に再度お試しください',
  'login.error.missing': 'ログインIDとパスワードを入力してください',
  'login.error.unavailable': 'ただいまログインできません。しばらくしてから再度お試しください',

  'error.403.title': 'このページを表示する権限がありません',
  'error.403.body':
    'お手数ですが、必要な場合は人事担当までお問い合わせください。ほかのページは上のメニューからご利用いただけます。',
  'error.404.title': 'ページが見つかりません',
  'error.404.body': 'お探しのページは移動または削除された可能性があります。',
  'error.other.title': 'エラーが発生しました',
  'error.other.body': '申し訳ありません。しばらくしてから再度お試しください。',
  'error.status': 'エラーコード：{status}',
  'error.home': 'トップページへ戻る',

  'common.jaOnly': '英語の説明が未登録のため、日本語で表示しています。',
  'upload.busy': '取り込み中…',
  'upload.busyStatus':
    'ファイルを取り込んでいます。大きなファイルは数分かかることがあります。このままお待ちください',
  'upload.progress': '取り込みの進み具合',
  'import.row': '行',
  'import.column': '列',
  'import.message': '内容',
  'upload.sending': 'ファイルを送信中 {percent}%',
  'upload.processing': '送信しました。サーバーで内容を確認し、書き込んでいます…',

  'layer.potential': 'ポテンシャル',
  'layer.stance': 'スタンス',
  'layer.interpersonal': 'ポータブルスキル 対人力',
  'layer.problem': 'ポータブルスキル 対課題力',
  'layer.ict': 'ICTリテラシー',
  'layer.technical': 'テクニカルスキル',

  'recruit.tracks.title': '採用区分と配点',
  'recruit.tracks.lead':
    '採用段階で重視する能力と、採用後の育成で重視する能力を区分し、区として採用する職員に求めるスキルを明確化します。',
  'recruit.tracks.potential':
    'スキルピラミッドにおいて、「ポテンシャル」は採用後の育成が困難であることから、採用時において重視します。',
  'recruit.tracks.source': '出典：品川区人材育成・確保基本方針 II-6-(3) 職員採用の際に着目すべき能力',
  'recruit.tracks.weightSet': '現在の配点',
  'recruit.tracks.version': '版',
  'recruit.tracks.effectiveFrom': '適用開始日',
  'recruit.tracks.note': '備考',
  'recruit.tracks.versionNote': '配点は人事担当が変更できます。選考は開始時点の版の配点で採点されます。',
  'recruit.tracks.tableCaption': '採用区分ごとの配点（％）',
  'recruit.tracks.trackColumn': '採用区分',
  'recruit.tracks.total': '合計',
  'recruit.tracks.chartTitle': '配点の内訳',
  'recruit.tracks.chartNote': 'グラフは上の表と同じ数値です。',
  'recruit.tracks.descriptions': '各採用区分で着目する能力',
  'recruit.tracks.percent': '{value}%',

  'review.standards.title': '標準職務遂行能力',
  'review.standards.lead':
    'MVVを踏まえ、職層ごとに求める役割と必要な能力を改めて確認します。これらは地方公務員法に基づく標準職務遂行能力であり、職員の人事評価の際の基準とします。',
  'review.standards.source': '出典：品川区人材育成・確保基本方針 II-7 標準職務遂行能力',
  'review.standards.choose': '職層を選ぶと、スタンス・対人力・対課題力の各項目を表示します。',
  'review.standards.itemCount': '{count}項目',
  'review.grade.title': '{grade}の標準職務遂行能力',
  'review.grade.family': '職種区分：{family}',
  'review.grade.breadcrumb': '現在の位置',
  'review.grade.empty': 'この区分の項目はありません。',
  'review.grade.otherGrades': '同じ職種区分のほかの職層',
  ...orgJa,
  ...evaluationJa,
  ...recruitmentJa,
  ...surveyJa,
  ...customSurveyJa,
  ...accountsJa,
  ...sheetsJa,
  ...noticesJa,
  ...talentJa,
  ...rosterJa,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof ja;
export type Messages = Readonly<Record<MessageKey, string>>;

export const en: Messages = {
  'product.name': '人材 Jinzai',
  'app.recruit': 'Recruitment',
  'app.review': 'Personnel evaluation',

  'shell.skip': 'Skip to main content',
  'shell.nav': 'Main menu',
  'shell.account': 'Account',
  'shell.accountOf': ' (your account)',
  'shell.signedInAs': 'Signed in as',
  'shell.roles': 'Roles',
  'shell.signOut': 'Sign out',
  'shell.language': 'Language',
  'shell.footer':
    'People management system based on the Shinagawa City Human Resources Development and Recruitment Policy (April 2024)',

  'tasks.nav': 'To do',
  'tasks.title': 'To do',
  'tasks.lead': 'What you have to do now, the overdue items first.',
  'tasks.empty': 'There is nothing for you to do right now.',
  'tasks.caption': 'Your to-do list',
  'tasks.task': 'Task',
  'tasks.due': 'Due',
  'tasks.noDue': 'No date',
  'tasks.overdue': 'Overdue',
  'tasks.open': 'Open',

  ...roleMessages('en'),

  'login.title': 'Sign in',
  'login.lead': 'Enter your login ID and password.',
  'login.loginId': 'Login ID',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.error.invalid': 'The login ID or password is incorrect',
  'login.error.rateLimited': 'Too many sign-in attempts. Please wait a while and try again',
  'login.error.rateLimitedFor': 'Too many sign-in attempts. Please try again in {seconds} seconds',
  'login.error.missing': 'Enter your login ID and password',
  'login.error.unavailable': 'Signing in is not possible right now. Please try again later',

  'error.403.title': 'You do not have access to this page',
  'error.403.body':
    'If you need access, please contact HR. The other pages are available from the menu above.',
  'error.404.title': 'Page not found',
  'error.404.body': 'The page you are looking for may have been moved or removed.',
  'error.other.title': 'Something went wrong',
  'error.other.body': 'We are sorry. Please try again later.',
  'error.status': 'Error code: {status}',
  'error.home': 'Back to the home page',

  'common.jaOnly': 'No English text yet; shown in Japanese.',
  'upload.busy': 'Importing…',
  'upload.busyStatus': 'Importing the file. A large file can take a few minutes; please wait.',
  'upload.progress': 'Import progress',
  'import.row': 'Row',
  'import.column': 'Column',
  'import.message': 'Problem',
  'upload.sending': 'Sending the file: {percent}%',
  'upload.processing': 'Sent. The server is checking and writing the rows…',

  'layer.potential': 'Potential',
  'layer.stance': 'Stance',
  'layer.interpersonal': 'Portable skills: interpersonal',
  'layer.problem': 'Portable skills: problem-solving',
  'layer.ict': 'ICT literacy',
  'layer.technical': 'Technical skills',

  'recruit.tracks.title': 'Hiring tracks and weights',
  'recruit.tracks.lead':
    'The ward separates the abilities it weighs when hiring from those it develops after hiring, and states clearly the skills it asks of the staff it hires.',
  'recruit.tracks.potential':
    'In the skill pyramid, potential is hard to develop after hiring, so it is weighed at hiring.',
  'recruit.tracks.source':
    'Source: Shinagawa City Human Resources Development and Recruitment Policy, II-6-(3) Abilities to look for when hiring',
  'recruit.tracks.weightSet': 'Weights in force',
  'recruit.tracks.version': 'Version',
  'recruit.tracks.effectiveFrom': 'Effective from',
  'recruit.tracks.note': 'Note',
  'recruit.tracks.versionNote':
    'HR can change the weights. A selection round is scored with the version in force when it opened.',
  'recruit.tracks.tableCaption': 'Weights per hiring track (%)',
  'recruit.tracks.trackColumn': 'Hiring track',
  'recruit.tracks.total': 'Total',
  'recruit.tracks.chartTitle': 'Weights at a glance',
  'recruit.tracks.chartNote': 'The chart shows the same figures as the table above.',
  'recruit.tracks.descriptions': 'What each track looks for',
  'recruit.tracks.percent': '{value}%',

  'review.standards.title': 'Standard job performance competencies',
  'review.standards.lead':
    'Based on the MVV, the roles and abilities required at each grade are set out anew. These are the standard job performance competencies under the Local Public Service Act and the criteria of personnel evaluation.',
  'review.standards.source':
    'Source: Shinagawa City Human Resources Development and Recruitment Policy, II-7 Standard job performance competencies',
  'review.standards.choose':
    'Choose a grade to see its items for stance, interpersonal skills and problem-solving skills.',
  'review.standards.itemCount': '{count} items',
  'review.grade.title': 'Competencies for {grade}',
  'review.grade.family': 'Job family: {family}',
  'review.grade.breadcrumb': 'You are here',
  'review.grade.empty': 'No items in this group.',
  'review.grade.otherGrades': 'Other grades in this job family',
  ...orgEn,
  ...evaluationEn,
  ...recruitmentEn,
  ...surveyEn,
  ...customSurveyEn,
  ...accountsEn,
  ...sheetsEn,
  ...noticesEn,
  ...talentEn,
  ...rosterEn,
};
