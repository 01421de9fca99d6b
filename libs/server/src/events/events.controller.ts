import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_MEMBER } from '@claimdesk/domain';
import { interval, map, merge, type Observable } from 'rxjs';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiFile } from '../common/openapi';
import { EventsService } from './events.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Sse()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Server-sent events: which claims, verdicts, articles and reports of your workspace changed (any member)' })
  @ApiFile('A stream of change and heartbeat events', 'text/event-stream')
  @ApiErrors(401)
  stream(@CurrentActor() actor: Actor): Observable<MessageEvent> {
    const changes = this.events.stream(actor.workspaceId).pipe(map((event) => ({ data: event, type: 'change' }) as MessageEvent));
    // A comment-like heartbeat keeps proxies from closing an idle stream.
    const heartbeat = interval(25_000).pipe(map(() => ({ data: { type: 'heartbeat' }, type: 'heartbeat' }) as MessageEvent));
    return merge(changes, heartbeat);
  }
}
