// Runtime settings of one API process, resolved once at startup.
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_POOL_SIZE } from '@claimdesk/db';

export interface AppConfigOptions {
  databaseUrl: string;
  embedded?: boolean;
  webDir?: string | null;
  secureCookies?: boolean;
  poolSize?: number;
  sessionHours?: number;
  version?: string;
  publicUrl?: string | null;
  /** Whether this process runs background jobs (CLAIMDESK_WORKERS=0 turns that off; the command line's one-off commands never do). */
  workers?: boolean;
  /** Seconds a running job may take before it counts as lost (a killed worker) and is retried (CLAIMDESK_JOB_TIMEOUT_SECONDS, 600). */
  jobTimeoutSeconds?: number;
  /** How often lost jobs are looked for, in seconds (CLAIMDESK_JOB_MAINTENANCE_SECONDS, 30). */
  jobMaintenanceSeconds?: number;
  /** Whether processes that run workers also start the scheduled jobs: feed polls every minute, the daily link check (CLAIMDESK_SCHEDULES=0 turns them off). */
  schedules?: boolean;
  /** When the link check of every workspace's captured sources runs, as a cron expression in UTC (CLAIMDESK_LINK_CHECK_CRON, daily at 04:00). */
  linkCheckCron?: string;
  /** Feed polls one process runs at once (CLAIMDESK_FEED_POLLS); unset, the `feed-poll` policy's `workers` (2). */
  feedPolls?: number | null;
  /** Host headers accepted (host or host:port); empty accepts any well-formed one. */
  allowedHosts?: string[];
  /** A draft PDF report of more entries than this is laid out by a background job, answered 202 (CLAIMDESK_PDF_JOB_ENTRIES, 200; 0: every draft PDF). */
  pdfJobEntries?: number;
}

const DEFAULT_LINK_CHECK_CRON = '0 4 * * *';
/** About a fifth of a second of layout on the machine measured (docs/benchmarks.md, section 6: 1,000 entries in 0.8 s). */
const DEFAULT_PDF_JOB_ENTRIES = 200;

export class AppConfig {
  readonly databaseUrl: string;
  readonly embedded: boolean;
  readonly webDir: string | null;
  readonly secureCookies: boolean;
  readonly poolSize: number;
  readonly sessionHours: number;
  readonly version: string;
  readonly publicUrl: string | null;
  readonly workers: boolean;
  readonly jobTimeoutSeconds: number;
  readonly jobMaintenanceSeconds: number;
  readonly allowedHosts: string[];
  readonly schedules: boolean;
  readonly linkCheckCron: string;
  readonly feedPolls: number | null;
  readonly pdfJobEntries: number;

  constructor(options: AppConfigOptions) {
    this.databaseUrl = options.databaseUrl;
    this.embedded = options.embedded ?? false;
    this.webDir = options.webDir ?? null;
    this.secureCookies = options.secureCookies ?? false;
    this.poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    this.sessionHours = options.sessionHours ?? 12;
    this.version = options.version ?? '0.0.0';
    this.publicUrl = options.publicUrl ?? null;
    this.workers = options.workers ?? true;
    this.jobTimeoutSeconds = options.jobTimeoutSeconds ?? 600;
    this.jobMaintenanceSeconds = options.jobMaintenanceSeconds ?? 30;
    this.allowedHosts = options.allowedHosts ?? [];
    this.schedules = options.schedules ?? true;
    this.linkCheckCron = options.linkCheckCron ?? DEFAULT_LINK_CHECK_CRON;
    this.feedPolls = options.feedPolls ?? null;
    this.pdfJobEntries = options.pdfJobEntries ?? DEFAULT_PDF_JOB_ENTRIES;
  }
}

/**
 * The settings from the environment (CLAIMDESK_DB_POOL, CLAIMDESK_SESSION_HOURS, CLAIMDESK_SECURE_COOKIES,
 * CLAIMDESK_PUBLIC_URL, CLAIMDESK_WORKERS, CLAIMDESK_JOB_TIMEOUT_SECONDS, CLAIMDESK_JOB_MAINTENANCE_SECONDS, CLAIMDESK_SCHEDULES, CLAIMDESK_LINK_CHECK_CRON, CLAIMDESK_FEED_POLLS, CLAIMDESK_PDF_JOB_ENTRIES, DATABASE_URL), with what the caller knows better (the database it opened, the web build) on top.
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
    poolSize: Number(env.CLAIMDESK_DB_POOL ?? DEFAULT_POOL_SIZE),
    sessionHours: Number(env.CLAIMDESK_SESSION_HOURS ?? 12),
    version: readVersion(),
    publicUrl: env.CLAIMDESK_PUBLIC_URL ?? null,
    workers: env.CLAIMDESK_WORKERS !== '0',
    jobTimeoutSeconds: Number(env.CLAIMDESK_JOB_TIMEOUT_SECONDS ?? 600),
    jobMaintenanceSeconds: Number(env.CLAIMDESK_JOB_MAINTENANCE_SECONDS ?? 30),
    schedules: env.CLAIMDESK_SCHEDULES !== '0',
    linkCheckCron: env.CLAIMDESK_LINK_CHECK_CRON?.trim() || DEFAULT_LINK_CHECK_CRON,
    feedPolls: wholeNumber(env.CLAIMDESK_FEED_POLLS, 'CLAIMDESK_FEED_POLLS', 1),
    pdfJobEntries: wholeNumber(env.CLAIMDESK_PDF_JOB_ENTRIES, 'CLAIMDESK_PDF_JOB_ENTRIES', 0) ?? DEFAULT_PDF_JOB_ENTRIES,
    allowedHosts: (env.CLAIMDESK_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...given,
    databaseUrl,
  });
}

/** A whole number of at least `min`, or null when unset; anything else stops the start with the setting's name. */
function wholeNumber(value: string | undefined, name: string, min: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}
