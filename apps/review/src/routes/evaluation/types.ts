import type { EvaluationGrade, Goal, SheetAction, SheetState } from '@jinzai/model';

/** The sheet as GET /api/review/sheets/{id} answers it. */
export interface SheetData {
  id: number;
  version: number;
  state: SheetState;
  goalsSubmitted: boolean;
  appealOpen: boolean;
  appealReason: string | null;
  disclosedAt: string | null;
  appealUntil: string | null;
  revision: number;
  updatedAt: string;
  updatedBy: string | null;
  period: { id: number; name: string; fiscalYear: number; startsOn: string; endsOn: string } | null;
  staff: { staffNo: string; name: string; unitName: string; gradeName: string; gradeCode: string };
  evaluators: {
    first: { staffNo: string; name: string } | null;
    second: { staffNo: string; name: string } | null;
  };
  competencies: {
    code: string;
    layer: 'stance' | 'interpersonal' | 'problem';
    nameJa: string;
    nameEn: string;
    descriptionJa: string;
    descriptionEn: string;
  }[];
  goals: Goal[];
  ratings: {
    part: 'self' | 'first' | 'second' | 'final';
    item: string;
    rating: EvaluationGrade | null;
    comment: string | null;
  }[];
  visible: Record<'self' | 'first' | 'second' | 'final', boolean>;
  relations: string[];
  editable: 'goals' | 'self' | 'first' | 'second' | 'final' | null;
  actions: SheetAction[];
  history: {
    at: string;
    loginId: string | null;
    action: string;
    fromState: SheetState;
    toState: SheetState;
    reason: string | null;
    revision: number;
  }[];
  revisions: { revision: number; createdAt: string; createdBy: string | null }[];
}
