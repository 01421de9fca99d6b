// Who may do what in a workspace.
export const ROLES = ['ADMIN', 'EDITOR', 'FACT_CHECKER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/** Named groups of roles, so a route declares intent ("writers") rather than repeating lists. */
export const ANY_MEMBER: readonly Role[] = [...ROLES];
export const WRITERS: readonly Role[] = ['ADMIN', 'EDITOR', 'FACT_CHECKER'];
export const REVIEWERS: readonly Role[] = ['ADMIN', 'EDITOR'];
export const ADMINS: readonly Role[] = ['ADMIN'];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  EDITOR: 'Editor',
  FACT_CHECKER: 'Fact-checker',
  VIEWER: 'Viewer',
};
