import { type Command } from 'commander';
import type { FeedDto, FeedPollDto } from '@claimdesk/domain';
import { FeedsService } from '@claimdesk/server';
import { withApp } from './database';
import { importingMember } from './import';

function feedLine(f: FeedDto): string {
  const state = f.paused ? 'paused' : `every ${f.intervalMinutes} min`;
  const last = f.lastPolledAt ? `last polled ${f.lastPolledAt}` : 'never polled';
  return `${f.id}  ${f.url}  ${state}, ${last}, ${f.itemsImported} imported${f.lastError ? `, last error: ${f.lastError}` : ''}`;
}

function pollLine(url: string, r: FeedPollDto): string {
  if (r.outcome === 'not-modified') return `${url}: not modified since the last poll`;
  if (r.outcome === 'failed') return `${url}: failed: ${r.error}`;
  return `${url}: ${r.imported} imported, ${r.revised} revised, ${r.skipped} already seen, ${r.checkWorthy.claims} new check-worthy claims${r.error ? `; ${r.error}` : ''}`;
}

export function registerFeed(program: Command): void {
  const feed = program.command('feed').description("the RSS and Atom feeds a workspace watches (the API's /api/feeds)");
  const who = (c: Command) => c.option('--workspace <slug>', 'workspace slug (default: the only workspace)').option('--as <email>', 'the editor or admin acting (default: the first admin)');

  who(feed.command('add').description('subscribe the workspace to a feed').argument('<url>', 'the feed address').option('--interval <minutes>', 'minutes between polls (5 to 10080)', '60')).action(
    async (url: string, opts: { interval: string; workspace?: string; as?: string }) => {
      await withApp(async (app) => {
        const actor = await editingMember(app, opts);
        const created = await app.get(FeedsService).create(actor, { url, intervalMinutes: Number(opts.interval) });
        console.log(`added ${feedLine(created)}`);
      });
    },
  );

  who(feed.command('list').description("list the workspace's feeds")).action(async (opts: { workspace?: string; as?: string }) => {
    await withApp(async (app) => {
      const feeds = await app.get(FeedsService).list(await importingMember(app, opts));
      console.log(feeds.length ? feeds.map(feedLine).join('\n') : 'no feeds yet; add one with `claimdesk feed add URL`');
    });
  });

  who(feed.command('remove').description('unsubscribe (imported articles stay)').argument('<id>', 'feed id')).action(async (id: string, opts: { workspace?: string; as?: string }) => {
    await withApp(async (app) => {
      await app.get(FeedsService).remove(await editingMember(app, opts), id);
      console.log(`removed feed ${id}`);
    });
  });

  who(feed.command('poll').description('poll one feed now, or every feed whose interval has passed').argument('[id]', 'feed id (default: every due feed of every workspace)')).action(
    async (id: string | undefined, opts: { workspace?: string; as?: string }) => {
      await withApp(async (app) => {
        const feeds = app.get(FeedsService);
        if (id) {
          const actor = await editingMember(app, opts);
          const polled = await feeds.pollNow(actor, id);
          console.log(pollLine((await feeds.get(actor, id)).url, polled));
          return;
        }
        const results = await feeds.pollDue();
        console.log(results.length ? results.map((r) => pollLine(r.feedId, r)).join('\n') : 'no feed is due');
      });
    },
  );
}

async function editingMember(app: Parameters<typeof importingMember>[0], opts: { workspace?: string; as?: string }) {
  const actor = await importingMember(app, opts);
  if (actor.role !== 'ADMIN' && actor.role !== 'EDITOR') throw new Error(`${opts.as} is not an editor or admin; only they manage feeds`);
  return actor;
}
