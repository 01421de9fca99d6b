import { Controller, Delete, Get, HttpCode, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMINS, ANY_MEMBER, updateMemberSchema, type MemberDto, memberDtoSchema } from '@claimdesk/domain';
import { Allow } from '../common/access';
import { CurrentActor, type Actor } from '../common/actor';
import { ApiErrors, ApiNoContent, ApiOk } from '../common/openapi';
import { DocBody, IdParam, ValidBody } from '../common/zod';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Allow(ANY_MEMBER)
  @ApiOperation({ summary: 'Members of the workspace and their roles (any member)' })
  @ApiOk([memberDtoSchema], 'Members of the workspace')
  @ApiErrors(401)
  list(@CurrentActor() actor: Actor): Promise<MemberDto[]> {
    return this.members.list(actor);
  }

  @Patch(':userId')
  @Allow(ADMINS)
  @ApiOperation({ summary: "Change a member's role (admin)" })
  @DocBody(updateMemberSchema)
  @ApiOk(memberDtoSchema, 'The member with the new role')
  @ApiErrors(400, 401, 403, 404, 422)
  changeRole(@CurrentActor() actor: Actor, @IdParam('userId') userId: string, @ValidBody(updateMemberSchema) body: typeof updateMemberSchema._output): Promise<MemberDto> {
    return this.members.changeRole(actor, userId, body.role);
  }

  @Delete(':userId')
  @Allow(ADMINS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a member; their sessions and tokens stop working (admin)' })
  @ApiNoContent('Removed from the workspace')
  @ApiErrors(401, 403, 404, 422)
  async remove(@CurrentActor() actor: Actor, @IdParam('userId') userId: string): Promise<void> {
    await this.members.remove(actor, userId);
  }
}
