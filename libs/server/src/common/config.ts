// Runtime settings of one API process, resolved once at startup.
import fs from 'node:fs';
import path from 'node:path';

export interface AppConfigOptions {
  databaseUrl: string;
  embedded?: boolean;
  webDir?: string | null;
  secureCookies?: boolean;
  poolSize?: number;
  sessionHours?: number;
  version?: string;
  publicUrl?: string | null;
  /** Host headers accepted (host or host:port); empty accepts any well-formed one. */
  allowedHosts?: string[];
}

export class AppConfig {
  readonly databaseUrl: string;
  readonly embedded: boolean;
  readonly webDir: string | null;
  readonly secureCookies: boolean;
  readonly poolSize: number;
  readonly sessionHours: number;
  readonly version: string;
  readonly publicUrl: string | null;
  readonly allowedHosts: string[];

  constructor(options: AppConfigOptions) {
    this.databaseUrl = options.databaseUrl;
    this.embedded = options.embedded ?? false;
    this.webDir = options.webDir ?? null;
    this.secureCookies = options.secureCookies ?? false;
    this.poolSize = options.poolSize ?? 20;
    this.sessionHours = options.sessionHours ?? 12;
    this.version = options.version ?? '0.0.0';
    this.publicUrl = options.publicUrl ?? null;
    this.allowedHosts = options.allowedHosts ?? [];
  }
}

/**
 * The settings from the environment (CLAIMDESK_DB_POOL, CLAIMDESK_SESSION_HOURS, CLAIMDESK_SECURE_COOKIES,
 * CLAIMDESK_PUBLIC_URL, DATABASE_URL), with what the caller knows better (the database it opened, the web build) on top.
 * Overrides left undefined fall back to the environment.
 */
export function configFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<AppConfigOptions> = {}): AppConfig {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)) as Partial<AppConfigOptions>;
  const databaseUrl = given.databaseUrl ?? env.DATABASE_URL;
  if (!databaseUrl) throw new Error('no database: set DATABASE_URL');
  return new AppConfig({
    embedded: false,
    webDir: null,
    secureCookies: env.CLAIMDESK_SECURE_COOKIES === '1',
    poolSize: Number(env.CLAIMDESK_DB_POOL ?? 20),
    sessionHours: Number(env.CLAIMDESK_SESSION_HOURS ?? 12),
    version: readVersion(),
    publicUrl: env.CLAIMDESK_PUBLIC_URL ?? null,
    allowedHosts: (env.CLAIMDESK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...given,
    databaseUrl,
  });
}

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
