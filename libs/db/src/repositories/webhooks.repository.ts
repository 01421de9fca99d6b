// Webhook endpoints of a workspace, the delivery outbox (a row per event and endpoint, written with the change) and each attempt.
import { Prisma } from '../generated/prisma/client';
import { prismaOf, type DbExecutor } from '../client';
import { execute, queryRows } from '../sql';

export class WebhooksRepository {
  list(db: DbExecutor, workspaceId: string) {
    return prismaOf(db).webhookEndpoint.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  find(db: DbExecutor, workspaceId: string, id: string) {
    return prismaOf(db).webhookEndpoint.findFirst({ where: { id, workspaceId } });
  }

  create(tx: DbExecutor, data: Prisma.WebhookEndpointUncheckedCreateInput) {
    return prismaOf(tx).webhookEndpoint.create({ data });
  }

  update(tx: DbExecutor, workspaceId: string, id: string, data: Pick<Prisma.WebhookEndpointUncheckedUpdateInput, 'url' | 'events' | 'format' | 'active'>) {
    return prismaOf(tx).webhookEndpoint.update({ where: { workspaceId_id: { workspaceId, id } }, data });
  }

  async remove(tx: DbExecutor, workspaceId: string, id: string): Promise<void> {
    await prismaOf(tx).webhookEndpoint.delete({ where: { workspaceId_id: { workspaceId, id } } });
  }

  /** Active endpoints of the workspace that hear the event. */
  listenersOf(db: DbExecutor, workspaceId: string, event: string) {
    return prismaOf(db).webhookEndpoint.findMany({ where: { workspaceId, active: true, events: { has: event } }, select: { id: true } });
  }

  /** The outbox: one pending delivery per endpoint, in the caller's transaction. Returns the new ids. */
  async enqueue(tx: DbExecutor, workspaceId: string, endpointIds: string[], event: string, payload: Prisma.InputJsonValue): Promise<string[]> {
    const ids: string[] = [];
    for (const endpointId of endpointIds) {
      const row = await prismaOf(tx).webhookDelivery.create({ data: { workspaceId, endpointId, event, payload }, select: { id: true } });
      ids.push(row.id);
    }
    return ids;
  }

  /** A delivery with its endpoint (for the sender). */
  findDelivery(db: DbExecutor, id: string) {
    return queryRows<{ id: string; workspaceId: string; event: string; payload: unknown; status: string; createdAt: Date; url: string; secret: string; format: string; active: boolean }>(
      db,
      Prisma.sql`SELECT d.id, d.workspace_id AS "workspaceId", d.event, d.payload, d.status, d.created_at AS "createdAt", e.url, e.secret, e.format, e.active
        FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ${id}::uuid`,
    ).then((rows) => rows[0] ?? null);
  }

  findDeliveryOf(db: DbExecutor, workspaceId: string, endpointId: string, id: string) {
    return prismaOf(db).webhookDelivery.findFirst({ where: { id, workspaceId, endpointId } });
  }

  /** The latest deliveries of an endpoint with their attempts, newest first. */
  listDeliveries(db: DbExecutor, workspaceId: string, endpointId: string, take = 50) {
    return prismaOf(db).webhookDelivery.findMany({ where: { workspaceId, endpointId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
  }

  attemptsOf(db: DbExecutor, deliveryIds: string[]) {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return prismaOf(db).webhookAttempt.findMany({ where: { deliveryId: { in: deliveryIds } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  async recordAttempt(db: DbExecutor, attempt: { workspaceId: string; deliveryId: string; statusCode: number | null; responseMs: number; error: string | null }): Promise<void> {
    await prismaOf(db).webhookAttempt.create({ data: attempt });
  }

  async setStatus(db: DbExecutor, id: string, status: 'pending' | 'delivered' | 'failed'): Promise<void> {
    await execute(db, Prisma.sql`UPDATE webhook_deliveries SET status = ${status}, delivered_at = CASE WHEN ${status} = 'delivered' THEN now() ELSE NULL END WHERE id = ${id}::uuid`);
  }

  /**
   * Pending deliveries that no live job will send (the process stopped between the commit and queueing the job, or its
   * job ended without recording an outcome), older than `olderThanSeconds`: the sweep queues them again.
   */
  async orphaned(db: DbExecutor, olderThanSeconds: number, limit = 500): Promise<Array<{ id: string; workspaceId: string }>> {
    return queryRows<{ id: string; workspaceId: string }>(
      db,
      Prisma.sql`SELECT d.id, d.workspace_id AS "workspaceId" FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.created_at < now() - make_interval(secs => ${olderThanSeconds})
          AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'webhook-deliver' AND j.data->>'deliveryId' = d.id::text AND j.state IN ('created', 'retry', 'active'))
        ORDER BY d.created_at LIMIT ${limit}`,
    );
  }
}
