// Shapes of the recruitment API as the screens use them, read off the typed client (see apps/api recruitment
// routes), so a changed route shape is a compile error on the screen that reads it.
import type { LayerCode, TrackCode } from '@jinzai/ui';
import type { Client, Output } from '@jinzai/ui/client';

type Recruit = Client['recruit'];
type RoundRoute = Recruit['rounds'][':id'];

export type Round = Output<Recruit['rounds']['$get']>['rounds'][number];
export type RoundDetail = Output<RoundRoute['$get']>;
export type StageDetail = RoundDetail['stages'][number];
export type Criterion = RoundDetail['criteria'][number];
export type Results = Output<RoundRoute['results']['$get']>;
export type QueueStage = Output<Recruit['queue']['$get']>['stages'][number];
export type SheetForm = Output<RoundRoute['stages'][':stageId']['sheets'][':applicantNo']['$get']>;
export type SheetJson = NonNullable<SheetForm['mine']>;
export type ApplicantRow = Output<RoundRoute['applicants']['$get']>['applicants'][number];
export type ApplicantDetail = Output<RoundRoute['applicants'][':applicantNo']['$get']>;

export const TRACKS: readonly TrackCode[] = ['new-graduate', 'experienced', 'specialist'];
export const LAYERS: readonly LayerCode[] = [
  'potential',
  'stance',
  'interpersonal',
  'problem',
  'ict',
  'technical',
];
