import type { ClaimDto, Page } from '@claimdesk/domain';

export type { ClaimDto };
export interface InfiniteData {
  pages: Array<Page<ClaimDto>>;
  pageParams: unknown[];
}
