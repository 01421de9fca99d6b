import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { extractDocument, formatClaimsTable, toExtractJson } from '@claimdesk/extraction';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('split a .txt, .md, .html or .docx file into claims and print them (no database needed)')
    .argument('<file>', 'the article file')
    .option(
      '--format <format>',
      'json or table',
      (value: string) => {
        if (value !== 'json' && value !== 'table') throw new InvalidArgumentError(`format must be json or table (got "${value}")`);
        return value;
      },
      'table',
    )
    .option('--author <name>', "the article's author or publication: the claimant of claims no source in the text makes")
    .action(async (file: string, opts: { format: 'json' | 'table'; author?: string }) => {
      if (!fs.existsSync(file)) throw new Error(`cannot read ${file}: no such file`);
      const result = await extractDocument(fs.readFileSync(file), file);
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(toExtractJson(result, opts.author?.trim() || null), null, 2)}\n` : `${formatClaimsTable(result)}\n`);
    });
}
