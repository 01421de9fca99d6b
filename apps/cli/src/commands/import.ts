import fs from 'node:fs';
import path from 'node:path';
import { type Command } from 'commander';
import { ArticlesService } from '@claimdesk/api/src/articles/articles.service';
import { AuditService } from '@claimdesk/api/src/common/audit.service';
import { EventsService } from '@claimdesk/api/src/events/events.service';
import { detectFormat } from '@claimdesk/extraction';
import { servicePrisma, withDatabase } from './database';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import an article file (.txt, .md, .html, .docx) into a workspace, as the API does')
    .argument('<file>', 'the article file')
    .option('--title <title>', 'article title (default: from the document)')
    .option('--author <author>', 'article author')
    .option('--url <url>', 'where the article is published (a re-import with the same URL makes a new revision)')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--as <email>', 'the member recorded as importing it (default: the first admin)')
    .action(async (file: string, opts: { title?: string; author?: string; url?: string; workspace?: string; as?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
      const content = fs.readFileSync(file);
      await withDatabase(async (db) => {
        const access = servicePrisma(db.url);
        const prisma = access.db;
        try {
          const workspaces = await prisma.workspace.findMany({ where: opts.workspace ? { slug: opts.workspace } : {}, take: 2 });
          if (workspaces.length === 0) throw new Error(opts.workspace ? `no workspace "${opts.workspace}"` : 'no workspace yet; create one with `claimdesk user create --role admin`');
          if (workspaces.length > 1) throw new Error('there are several workspaces; choose one with --workspace <slug>');
          const workspace = workspaces[0];
          const membership = await prisma.membership.findFirst({
            where: { workspaceId: workspace.id, ...(opts.as ? { user: { email: opts.as.toLowerCase() } } : { role: 'ADMIN' }) },
            orderBy: { createdAt: 'asc' },
          });
          if (!membership) throw new Error(opts.as ? `${opts.as} is not a member of "${workspace.slug}"` : `workspace "${workspace.slug}" has no admin`);
          if (membership.role === 'VIEWER') throw new Error(`${opts.as} is a viewer and may not import articles`);
          const service = new ArticlesService(access, new EventsService(), new AuditService(access));
          const result = await service.import(
            { userId: membership.userId, workspaceId: workspace.id, role: membership.role, via: 'token' },
            { title: opts.title, author: opts.author, url: opts.url, format: detectFormat(path.basename(file), content), content },
          );
          const c = result.claims;
          console.log(
            result.created
              ? `imported "${result.article.title}" (${result.article.id}): ${c.detected} claims, ${result.article.checkWorthy} check-worthy`
              : `new revision ${result.revision} of "${result.article.title}" (${result.article.id}): ${c.reanchored} claims re-anchored, ${c.orphaned} orphaned, ${c.added} new`,
          );
        } finally {
          await access.onModuleDestroy();
        }
      });
    });
}
