// The only place the db package's tests read the environment.
export const testEnv = {
  postgresUrl: process.env['TEST_DATABASE_URL'] || undefined,
  ci: process.env['CI'] === 'true',
};
