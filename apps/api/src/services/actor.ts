// The person a service acts for, as the audit log records them; null for the system (demo data, migrations).

export interface Actor {
  userId: number | null;
  loginId: string | null;
}
