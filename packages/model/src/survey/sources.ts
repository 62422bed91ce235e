// One source per survey (docs/domain.md §5): answers given online and answers imported from another tool are never
// merged into one figure, or made-up imported rows could pad a small group of online answers up to 5.
export type SurveySource = 'online' | 'import';

/** Why answers from `incoming` cannot join a survey that already holds `existing` answers; null when they can. */
export function sourceConflict(existing: ReadonlySet<SurveySource>, incoming: SurveySource): string | null {
  if (incoming === 'import' && existing.has('online'))
    return 'このアンケートにはオンラインの回答があるため、ファイルの回答は取り込めません（オンラインと取り込みの回答は1つの集計にまとめません）';
  if (incoming === 'online' && existing.has('import'))
    return 'このアンケートは他のツールの回答を取り込んでいるため、オンラインでは回答を受け付けていません';
  return null;
}
