export * from './backup';
export * from './client';
export * from './database';
export * from './embedded';
export * from './migrator';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/client';
