// Live updates: after a change commits, connected clients of the same workspace hear which entity changed.
import { Injectable } from '@nestjs/common';
import type { LiveEvent } from '@claimdesk/domain';
import { Subject, filter, map, type Observable } from 'rxjs';

interface Envelope {
  workspaceId: string;
  event: LiveEvent;
}

@Injectable()
export class EventsService {
  private readonly bus = new Subject<Envelope>();

  publish(workspaceId: string, event: LiveEvent): void {
    this.bus.next({ workspaceId, event });
  }

  stream(workspaceId: string): Observable<LiveEvent> {
    return this.bus.pipe(
      filter((e) => e.workspaceId === workspaceId),
      map((e) => e.event),
    );
  }
}
