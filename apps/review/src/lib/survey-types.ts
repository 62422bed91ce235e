// Shapes of the survey and KPI API as the screens use them, read off the typed client (see apps/api kpi, survey
// and analytics routes), so a changed route shape is a compile error on the screen that reads it.
import type { Client, Output } from '@jinzai/ui/client';

/** The KPI board of a year: each KPI's mean, interval, share favourable, change and progress. */
export type Board = Output<Client['kpis']['$get']>;
export type KpiRow = Board['kpis'][number];
export type Group = Output<Client['kpis']['breakdown']['$get']>['groups'][number];
export type Trend = Output<Client['kpis']['trends']['$get']>['kpis'][number];
export type ScatterUnit = Output<Client['analytics']['evaluation-vs-kpi']['$get']>['units'][number];
export type OpenSurvey = Output<Client['surveys']['custom']['open']['$get']>['surveys'][number];
