export * from './articles.repository';
export * from './audit.repository';
export * from './claims.repository';
export * from './members.repository';
export * from './reports.repository';
export * from './sessions.repository';
export * from './sources.repository';
export * from './verdicts.repository';
