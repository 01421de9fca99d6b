import { ArticlesRepository } from './articles.repository';
import { AuditRepository } from './audit.repository';
import { ClaimantsRepository } from './claimants.repository';
import { ClaimsRepository } from './claims.repository';
import { FeedsRepository } from './feeds.repository';
import { InboxRepository } from './inbox.repository';
import { InvitationsRepository } from './invitations.repository';
import { JobsRepository } from './jobs.repository';
import { LibraryRepository } from './library.repository';
import { LoginThrottleRepository } from './login-throttle.repository';
import { MembersRepository } from './members.repository';
import { NotificationsRepository } from './notifications.repository';
import { PublishingRepository } from './publishing.repository';
import { ReportsRepository } from './reports.repository';
import { SessionsRepository } from './sessions.repository';
import { SnapshotsRepository } from './snapshots.repository';
import { SourcesRepository } from './sources.repository';
import { VerdictsRepository } from './verdicts.repository';
import { WebhooksRepository } from './webhooks.repository';

/** Every repository, for the application's dependency container (each method takes the database or an open transaction). */
export const REPOSITORIES = [
  ArticlesRepository,
  AuditRepository,
  ClaimantsRepository,
  ClaimsRepository,
  FeedsRepository,
  InboxRepository,
  InvitationsRepository,
  JobsRepository,
  LibraryRepository,
  LoginThrottleRepository,
  MembersRepository,
  NotificationsRepository,
  PublishingRepository,
  ReportsRepository,
  SessionsRepository,
  SnapshotsRepository,
  SourcesRepository,
  VerdictsRepository,
  WebhooksRepository,
] as const;
