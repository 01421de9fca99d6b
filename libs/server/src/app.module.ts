import { DynamicModule, Global, Module } from '@nestjs/common';
import { Database, REPOSITORIES } from '@claimdesk/db';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccountsService } from './accounts/accounts.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { AppConfig } from './common/config';
import { ErrorsFilter } from './common/errors.filter';
import { AppDatabase } from './common/database.provider';
import { HealthController } from './health/health.controller';
import { InvitationsController } from './members/invitations.controller';
import { InvitationsService } from './members/invitations.service';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { ArticlesController } from './articles/articles.controller';
import { ArticlesService } from './articles/articles.service';
import { DocumentParser } from './articles/document-parser';
import { ArticleClaimsController } from './claims/article-claims.controller';
import { ClaimsController } from './claims/claims.controller';
import { ClaimsService } from './claims/claims.service';
import { CommentsService } from './claims/comments.service';
import { AuditService } from './common/audit.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { EventsController } from './events/events.controller';
import { EventsService } from './events/events.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { SourcesController } from './sources/sources.controller';
import { SourcesService } from './sources/sources.service';
import { VerdictsController } from './verdicts/verdicts.controller';
import { VerdictsService } from './verdicts/verdicts.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { PublicReportsController } from './reports/public-reports.controller';
import { PublicReportsService } from './reports/public-reports.service';
import { JobQueue } from './jobs/job-queue.service';
import { JobsController } from './jobs/jobs.controller';
import { ClaimantsController } from './claimants/claimants.controller';
import { ClaimantsService } from './claimants/claimants.service';
import { AuditController } from './audit/audit.controller';
import { CaptureService } from './evidence/capture.service';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceService } from './evidence/evidence.service';
import { LinkCheckService } from './evidence/link-check.service';
import { WebFetcher } from './evidence/web-fetcher';
import { FeedsController } from './feeds/feeds.controller';
import { FeedsService } from './feeds/feeds.service';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { NewsroomService } from './newsroom/newsroom.service';
import { NotificationsController } from './newsroom/notifications.controller';
import { NotificationsService } from './newsroom/notifications.service';
import { WebhooksController } from './newsroom/webhooks.controller';
import { WebhooksService } from './newsroom/webhooks.service';
import { LibraryController } from './library/library.controller';
import { LibraryIndex } from './library/library-index';
import { LibraryService } from './library/library.service';
import { LibraryMatchesService } from './library/library-matches.service';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, { provide: Database, useClass: AppDatabase }, ...REPOSITORIES, LoginThrottle, AuthService],
      exports: [AppConfig, Database, ...REPOSITORIES, AuthService],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config)],
      controllers: [
        HealthController,
        AuthController,
        MembersController,
        InvitationsController,
        ArticlesController,
        ClaimsController,
        ArticleClaimsController,
        SourcesController,
        VerdictsController,
        SettingsController,
        DashboardController,
        EventsController,
        ReportsController,
        PublicReportsController,
        JobsController,
        ClaimantsController,
        AuditController,
        EvidenceController,
        FeedsController,
        MetricsController,
        NotificationsController,
        WebhooksController,
        LibraryController,
      ],
      providers: [
        AccountsService,
        MembersService,
        InvitationsService,
        AuditService,
        EventsService,
        ArticlesService,
        DocumentParser,
        ClaimsService,
        CommentsService,
        SourcesService,
        VerdictsService,
        SettingsService,
        ReportsService,
        PublicReportsService,
        JobQueue,
        ClaimantsService,
        WebFetcher,
        CaptureService,
        EvidenceService,
        LinkCheckService,
        FeedsService,
        MetricsService,
        NewsroomService,
        NotificationsService,
        WebhooksService,
        LibraryService,
        LibraryMatchesService,
        LibraryIndex,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
