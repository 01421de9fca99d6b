// The caller's own notifications (any member; nobody reads another's), and the feeds they watch.
import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ANY_MEMBER,
  feedWatchDtoSchema,
  feedWatchSchema,
  notificationDtoSchema,
  notificationPageSchema,
  notificationQuerySchema,
  unreadCountDtoSchema,
  type FeedWatchDto,
  type NotificationDto,
  type Page,
  type UnreadCountDto,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiOk } from '../common/openapi';
import { DocBody, DocQuery, IdParam, ValidBody, ValidQuery } from '../common/zod';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Your notifications, newest first; unread=true for unread ones only, cursor for the next page (any member, your own only)' })
  @DocQuery(notificationQuerySchema)
  @ApiOk(notificationPageSchema, 'A page of your notifications')
  @ApiErrors(400, 401)
  list(@CurrentActor() actor: Actor, @ValidQuery(notificationQuerySchema) query: z.infer<typeof notificationQuerySchema>): Promise<Page<NotificationDto>> {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'How many of your notifications are unread (any member)' })
  @ApiOk(unreadCountDtoSchema, 'The unread count')
  @ApiErrors(401)
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @Allow(ANY_MEMBER)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read (any member)' })
  @ApiOk(unreadCountDtoSchema, 'The unread count after (0)')
  @ApiErrors(401)
  readAll(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return this.notifications.markAllRead(actor);
  }

  @Get('feeds')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'The feeds you watch: you hear when a poll of one imports check-worthy claims (any member)' })
  @ApiOk([feedWatchDtoSchema], 'Your watched feeds')
  @ApiErrors(401)
  watched(@CurrentActor() actor: Actor): Promise<FeedWatchDto[]> {
    return this.notifications.watchedFeeds(actor);
  }

  @Put('feeds/:id')
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Watch a feed of the workspace, or stop watching it (any member)' })
  @DocBody(feedWatchSchema)
  @ApiOk(feedWatchDtoSchema, 'Whether you watch it now')
  @ApiErrors(400, 401, 404)
  watch(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(feedWatchSchema) body: z.infer<typeof feedWatchSchema>): Promise<FeedWatchDto> {
    return this.notifications.watch(actor, id, body.watching);
  }

  @Post(':id/read')
  @Allow(ANY_MEMBER)
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read (any member; another member’s is 404)' })
  @ApiOk(notificationDtoSchema, 'The notification, read')
  @ApiErrors(400, 401, 404)
  read(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
