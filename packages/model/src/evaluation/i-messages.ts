// Who takes part in I・メッセージ (品川式360°フィードバック, docs/domain.md §4).
import { hasRole, type Role, type User } from '../schemas/auth.js';

/**
 * Who sends I・メッセージ and so may search the staff directory: staff and evaluators (HR passes every role check);
 * recruiters and interviewers as such do not (docs/domain.md §9: personal data is read only by who needs it).
 */
export const I_MESSAGE_SENDERS = ['staff', 'evaluator'] as const satisfies readonly Role[];

/** Whether this person may search colleagues and send them an I・メッセージ. */
export const canSendIMessages = (user: Pick<User, 'roles'>): boolean => hasRole(user, ...I_MESSAGE_SENDERS);
