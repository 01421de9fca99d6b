import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { AppConfig } from './common/config';
import { ErrorsFilter } from './common/errors.filter';
import { PrismaService } from './common/prisma.service';
import { HealthController } from './health/health.controller';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: AppConfig, useValue: config }, PrismaService, AuthService],
      exports: [AppConfig, PrismaService, AuthService],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config)],
      controllers: [HealthController, AuthController, MembersController],
      providers: [
        MembersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorsFilter },
      ],
    };
  }
}
