// A notice as a mail (docs/domain.md §12): its title, what to do and the link, in Japanese; nothing of the sheet.
import type { OutgoingMail } from '@jinzai/db';
import addressparser from 'nodemailer/lib/addressparser';
import type { MailConfig } from './config.js';
import type { MailMessage } from './transport.js';

/** The domain of the sender's address, for the notices' Message-IDs. */
function senderDomain(from: string): string {
  const [first] = addressparser(from, { flatten: true });
  return first?.address?.split('@')[1] ?? 'jinzai.invalid';
}

/** The mail of a notice to a person with an address; its only content is the notice's title and link. */
export function composeMail(
  notice: Pick<OutgoingMail, 'id' | 'title' | 'href'>,
  to: { name: string; address: string },
  config: MailConfig,
): MailMessage {
  const link = new URL(notice.href, config.origin).href;
  const text = [
    `${to.name} 様`,
    '',
    notice.title,
    '',
    '次のリンクから人材（Jinzai）を開いてください（ログインが必要です）。',
    link,
    '',
    '--',
    'このメールは人材（Jinzai）から自動で送信しています。評価の内容はメールには記載していません。',
    'このメールに返信しても届きません。お問い合わせは人事担当までお願いします。',
    '',
  ].join('\n');
  return {
    to,
    subject: notice.title,
    text,
    messageId: `<notice-${notice.id}@${senderDomain(config.from)}>`,
    // RFC 3834: an automatic mail; out-of-office replies should not answer it.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
