import { describe, expect, it } from 'vitest';
import { canSendIMessages } from './i-messages.js';

describe('canSendIMessages', () => {
  it('is for staff, evaluators and HR, not for recruiters or interviewers as such', () => {
    expect(canSendIMessages({ roles: ['staff'] })).toBe(true);
    expect(canSendIMessages({ roles: ['evaluator'] })).toBe(true);
    expect(canSendIMessages({ roles: ['hr'] })).toBe(true);
    expect(canSendIMessages({ roles: ['recruiter'] })).toBe(false);
    expect(canSendIMessages({ roles: ['interviewer'] })).toBe(false);
    expect(canSendIMessages({ roles: ['interviewer', 'staff'] })).toBe(true);
  });
});
