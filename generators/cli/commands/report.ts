import { defineCommand } from '../command.js';
import { headings } from './headings.js';

/** `gatecheck report merge <dirs...> --out DIR`: the shards of a run as one report. */
export const reportCommand = defineCommand({
  ...headings.report,
  examples: [
    {
      line: '$0 report merge shard-1/reports/* shard-2/reports/* --out reports/merged',
      what: 'One report from two CI jobs',
    },
    {
      line: '$0 report merge reports/users-api-shard-1 reports/users-api-shard-2 --out reports/users-api',
      what: 'Two shards run on one machine; exit 1 when the whole run failed',
    },
  ],
  builder: (yargs) =>
    yargs
      .positional('action', {
        type: 'string',
        choices: ['merge'] as const,
        demandOption: true,
        describe: 'merge: combine shards',
      })
      .positional('dirs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'The report folders the shards wrote (each holds a summary.json)',
      })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'Folder for the merged report (must not exist yet)',
      }),
  handler: async (args, io) => {
    const { mergeReportFolders } = await import('../../run/reports/merge-command.js');
    return mergeReportFolders(args.dirs, args.out, io);
  },
});
