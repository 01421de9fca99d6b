import fs from 'node:fs';
import path from 'node:path';
import { type Command } from 'commander';
import type { INestApplicationContext } from '@nestjs/common';
import type { ImportResultDto } from '@claimdesk/domain';
import { AccountsService, ArticlesService, type Actor } from '@claimdesk/server';
import { detectFormat } from '@claimdesk/extraction';
import { withApp } from './database';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import an article file (.txt, .md, .html, .docx), or the page at a web address, into a workspace, as the API does')
    .argument('<file-or-url>', 'the article file, or an http(s) address whose main content is fetched and imported')
    .option('--title <title>', 'article title (default: from the document)')
    .option('--author <author>', 'article author')
    .option('--url <url>', 'where the article is published (a re-import with the same URL makes a new revision)')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--as <email>', 'the member recorded as importing it (default: the first admin)')
    .action(async (file: string, opts: { title?: string; author?: string; url?: string; workspace?: string; as?: string }) => {
      if (/^https?:\/\//i.test(file)) {
        await withApp(async (app) => {
          const actor = await importingMember(app, opts);
          const result = await app.get(ArticlesService).import(actor, { title: opts.title, author: opts.author, url: file, format: 'text' });
          console.log(importedLine(result));
        });
        return;
      }
      if (!fs.existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
      const content = fs.readFileSync(file);
      await withApp(async (app) => {
        const actor = await importingMember(app, opts);
        const result = await app.get(ArticlesService).import(actor, { title: opts.title, author: opts.author, url: opts.url, format: detectFormat(path.basename(file), content), content });
        console.log(importedLine(result));
      });
    });
}

/** The member an import is recorded as: --as, or the workspace's first admin; never a viewer. */
export async function importingMember(app: INestApplicationContext, opts: { workspace?: string; as?: string }): Promise<Actor> {
  const accounts = app.get(AccountsService);
  const workspaces = await accounts.workspaces(opts.workspace);
  if (workspaces.length === 0) throw new Error(opts.workspace ? `no workspace "${opts.workspace}"` : 'no workspace yet; create one with `claimdesk user create --role admin`');
  if (workspaces.length > 1) throw new Error('there are several workspaces; choose one with --workspace <slug>');
  const workspace = workspaces[0];
  const actor = await accounts.memberActor(workspace, opts.as);
  if (!actor) throw new Error(opts.as ? `${opts.as} is not a member of "${workspace.slug}"` : `workspace "${workspace.slug}" has no admin`);
  if (actor.role === 'VIEWER') throw new Error(`${opts.as} is a viewer and may not import articles`);
  return actor;
}

export function importedLine(result: ImportResultDto): string {
  const c = result.claims;
  return result.created
    ? `imported "${result.article.title}" (${result.article.id}): ${c.detected} claims, ${result.article.checkWorthy} check-worthy`
    : `new revision ${result.revision} of "${result.article.title}" (${result.article.id}): ${c.reanchored} claims re-anchored, ${c.orphaned} orphaned, ${c.added} new`;
}
