// Webhook endpoints of the workspace and their deliveries (admins only).
import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ADMINS,
  createWebhookSchema,
  createdWebhookEndpointDtoSchema,
  updateWebhookSchema,
  webhookDeliveryDtoSchema,
  webhookEndpointDtoSchema,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
} from '@claimdesk/domain';
import type { z } from 'zod';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Allow(ADMINS)
  @ApiOperation({ summary: "The workspace's webhook endpoints (admin)" })
  @ApiOk([webhookEndpointDtoSchema], 'The endpoints')
  @ApiErrors(401, 403)
  list(@CurrentActor() actor: Actor): Promise<WebhookEndpointDto[]> {
    return this.webhooks.list(actor);
  }

  @Post()
  @Allow(ADMINS)
  @ApiOperation({
    summary: 'Register an endpoint for event types (https only; an address that resolves to an internal network is refused). The answer carries the signing secret, shown only this once (admin)',
  })
  @DocBody(createWebhookSchema)
  @ApiOk(createdWebhookEndpointDtoSchema, 'The new endpoint with its secret', 201)
  @ApiErrors(400, 401, 403)
  create(@CurrentActor() actor: Actor, @ValidBody(createWebhookSchema) body: z.infer<typeof createWebhookSchema>): Promise<WebhookEndpointDto & { secret: string }> {
    return this.webhooks.create(actor, body);
  }

  @Get(':id')
  @Allow(ADMINS)
  @ApiOperation({ summary: 'One endpoint (admin)' })
  @ApiOk(webhookEndpointDtoSchema, 'The endpoint')
  @ApiErrors(400, 401, 403, 404)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get(actor, id);
  }

  @Patch(':id')
  @Allow(ADMINS)
  @ApiOperation({ summary: 'Change the address, event types or format, or pause and resume an endpoint (admin)' })
  @DocBody(updateWebhookSchema)
  @ApiOk(webhookEndpointDtoSchema, 'The endpoint')
  @ApiErrors(400, 401, 403, 404)
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @ValidBody(updateWebhookSchema) body: z.infer<typeof updateWebhookSchema>): Promise<WebhookEndpointDto> {
    return this.webhooks.update(actor, id, body);
  }

  @Delete(':id')
  @Allow(ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an endpoint and its delivery log (admin)' })
  @ApiNoContent('Removed')
  @ApiErrors(400, 401, 403, 404)
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.webhooks.remove(actor, id);
  }

  @Get(':id/deliveries')
  @Allow(ADMINS)
  @ApiOperation({ summary: "The endpoint's latest 50 deliveries, newest first, each with its attempts (status code, response time, error) (admin)" })
  @ApiOk([webhookDeliveryDtoSchema], 'The deliveries')
  @ApiErrors(400, 401, 403, 404)
  deliveries(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WebhookDeliveryDto[]> {
    return this.webhooks.deliveries(actor, id);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @Allow(ADMINS)
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again, as a new delivery of the same event and payload, by the job queue (admin)' })
  @ApiOk(webhookDeliveryDtoSchema, 'The new delivery, pending', 202)
  @ApiErrors(400, 401, 403, 404, 422)
  redeliver(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('deliveryId') deliveryId: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.redeliver(actor, id, deliveryId);
  }
}
