import fs from 'node:fs';
import path from 'node:path';
import { type Command } from 'commander';
import { REVIEWERS } from '@claimdesk/domain';
import { LibraryService } from '@claimdesk/server';
import { withApp } from './database';
import { importingMember } from './import';

export function registerLibrary(program: Command): void {
  const library = program.command('library').description("the workspace's fact-check library");
  library
    .command('import')
    .description('import a fact-check library file (ClaimReview JSON-LD, or CSV/TSV with a header naming claim, rating, url, publisher, date) as the API does, and print its report')
    .argument('<file>', 'a .json/.jsonld ClaimReview file, or a .csv/.tsv file')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--as <email>', 'the editor or admin recorded as importing it (default: the first admin)')
    .action(async (file: string, opts: { workspace?: string; as?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
      const content = fs.readFileSync(file);
      await withApp(async (app) => {
        const actor = await importingMember(app, opts);
        if (!REVIEWERS.includes(actor.role)) throw new Error(`${opts.as ?? 'that member'} may not import library files (editors and admins may)`);
        const result = await app.get(LibraryService).importNow(actor, path.basename(file), content);
        if (result.status === 'FAILED') throw new Error(`cannot import ${path.basename(file)}: ${result.error}`);
        console.log(`imported ${result.imported} entries from ${result.fileName} (${result.id}), ${result.skipped} skipped`);
        for (const line of result.report) console.log(`  line ${line.line}: ${line.skipped ? 'skipped, ' : ''}${line.reason}`);
      });
    });
  library
    .command('rematch')
    .description('match every check-worthy claim of the workspace against its library again and store what is checked before (after an upgrade whose matching model ranks differently)')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .action(async (opts: { workspace?: string }) => {
      await withApp(async (app) => {
        const actor = await importingMember(app, opts);
        const result = await app.get(LibraryService).rematchWorkspace(actor);
        console.log(`matched ${result.claims} claims again against the library: ${result.strong} checked before`);
      });
    });
}
