// The only place the bench reads the environment: the servers it starts inherit it.
export const parentEnv: NodeJS.ProcessEnv = { ...process.env };
