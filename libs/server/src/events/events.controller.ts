import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER } from '@claimdesk/domain';
import { catchError, concatMap, filter, from, interval, map, merge, of, take, takeUntil, type Observable } from 'rxjs';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiFile } from '../common/openapi';
import { AuthService } from '../auth/auth.service';
import { EventsService } from './events.service';

/** How often an open stream checks that its session or token still signs the member in. */
const STREAM_CHECK_MS = 5_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly auth: AuthService,
  ) {}

  @Sse()
  @Allow(ANY_MEMBER)
  @ApiOperation({
    summary:
      'Server-sent events: which claims, verdicts, articles, reports and jobs of your workspace changed (`change`), and `notification` when your own notifications change (any member); ends when the session or token stops signing you in',
  })
  @ApiFile('A stream of change and heartbeat events', 'text/event-stream')
  @ApiErrors(401)
  stream(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    // A notification event (ids only: the client refetches its unread count) goes only to its recipient, as the named event `notification`.
    const changes = this.events.stream(actor.workspaceId).pipe(
      filter((event) => event.type !== 'notification' || event.recipientId === actor.userId),
      map((event) => ({ data: event, type: event.type === 'notification' ? 'notification' : 'change' }) as MessageEvent),
    );
    // A comment-like heartbeat keeps proxies from closing an idle stream.
    const heartbeat = interval(25_000).pipe(map(() => ({ data: { type: 'heartbeat' }, type: 'heartbeat' }) as MessageEvent));
    // Logged out, expired, token revoked or member removed: the stream ends (a database hiccup does not end it).
    const signedOut = interval(STREAM_CHECK_MS).pipe(
      concatMap(() => from(this.auth.stillSignedIn(actor)).pipe(catchError(() => of(true)))),
      filter((live) => !live),
      take(1),
    );
    return merge(changes, heartbeat).pipe(takeUntil(signedOut));
  }
}
