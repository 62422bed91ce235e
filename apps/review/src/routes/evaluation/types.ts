// Shapes of the evaluation API as the screens use them, read off the typed client (see apps/api evaluation
// routes), so a changed route shape is a compile error on the screen that reads it.
import type { Client, Output } from '@jinzai/ui/client';

type Review = Client['review'];

/** The sheet as GET /api/review/sheets/{id} answers it. */
export type SheetData = Output<Review['sheets'][':id']['$get']>;
export type Analytics = Output<Review['analytics']['$get']>;
export type DistRow = NonNullable<Analytics['overall']>;
export type Progress = Output<Review['periods'][':id']['progress']['$get']>;
export type QueueItem = Output<Review['queue']['$get']>['sheets'][number];
export type MeData = Output<Review['me']['$get']>;
