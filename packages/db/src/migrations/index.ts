import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-recruitment.js';
import * as m0003 from './0003-evaluation.js';
import * as m0004 from './0004-survey.js';
import * as m0005 from './0005-sign-in-delays.js';
import * as m0006 from './0006-credential-generation.js';
import * as m0010 from './0010-survey-plans.js';
import * as m0011 from './0011-accounts.js';
import * as m0012 from './0012-round-version.js';
import * as m0013 from './0013-staff-search.js';
import * as m0015 from './0015-sheet-list.js';
import * as m0016 from './0016-notices.js';
import * as m0017 from './0017-talent.js';
import * as m0018 from './0018-data-versions.js';
import * as m0022 from './0022-survey-pending.js';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-recruitment': m0002,
  '0003-evaluation': m0003,
  '0004-survey': m0004,
  '0005-sign-in-delays': m0005,
  '0006-credential-generation': m0006,
  '0010-survey-plans': m0010,
  '0011-accounts': m0011,
  '0012-round-version': m0012,
  '0013-staff-search': m0013,
  '0015-sheet-list': m0015,
  '0016-notices': m0016,
  '0017-talent': m0017,
  '0018-data-versions': m0018,
  '0022-survey-pending': m0022,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
