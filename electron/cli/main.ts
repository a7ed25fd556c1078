// The `handover` command line over the same backend as the app. Exit codes: 0 done, 1 failed,
// 2 wrong usage; messages on stderr.
import { ApiError } from '../../shared/errors';
import { knownErrorBody } from '../core/services/errors';
import { attachCommand, usage as attachUsage } from './commands/attach';
import { calendarCommand, usage as calendarUsage } from './commands/calendar';
import { demo, usage as demoUsage } from './commands/demo';
import { readinessCommand, usage as readinessUsage } from './commands/readiness';
import { deadlinesCommand, usage as deadlinesUsage } from './commands/deadlines';
import { deletionLetterCommand, usage as deletionLetterUsage } from './commands/deletionLetter';
import { statsCommand, usage as statsUsage } from './commands/stats';
import { exportCommand, usage as exportUsage } from './commands/export';
import { importCommand, usage as importUsage } from './commands/import';
import { verifyCommand, usage as verifyUsage } from './commands/verify';
import { keyCommand, usage as keyUsage } from './commands/key';
import { verifyLogCommand, usage as verifyLogUsage } from './commands/verifyLog';
import { importSheetCommand, sheetTemplateCommand, templateUsage as sheetTemplateUsage, usage as importSheetUsage } from './commands/importSheet';
import { appVersion } from '../core/project';
import { processIo, UsageError, type Io } from './usage';

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => number | Promise<number>; usage: string }> = {
  demo: { run: demo, usage: demoUsage },
  stats: { run: statsCommand, usage: statsUsage },
  export: { run: exportCommand, usage: exportUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
  'verify-log': { run: verifyLogCommand, usage: verifyLogUsage },
  import: { run: importCommand, usage: importUsage },
  key: { run: keyCommand, usage: keyUsage },
  attach: { run: attachCommand, usage: attachUsage },
  readiness: { run: readinessCommand, usage: readinessUsage },
  calendar: { run: calendarCommand, usage: calendarUsage },
  deadlines: { run: deadlinesCommand, usage: deadlinesUsage },
  'deletion-letter': { run: deletionLetterCommand, usage: deletionLetterUsage },
  'import-sheet': { run: importSheetCommand, usage: importSheetUsage },
  'sheet-template': { run: sheetTemplateCommand, usage: sheetTemplateUsage },
};

function help(): string {
  return ['Usage: handover <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`), '', '  handover --version'].join('\n');
}

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.out : io.err)(help());
    return command ? 0 : 2;
  }
  if (command === '--version') { io.out(appVersion); return 0; }
  const entry = COMMANDS[command];
  if (!entry) {
    io.err(`Unknown command "${command}".\n${help()}`);
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${err.message}\nUsage: ${entry.usage}`);
      return 2;
    }
    // A full disk or a workbook locked by another program reads as such, as in the other faces.
    const known = knownErrorBody(e);
    io.err(e instanceof ApiError ? e.message : known && known.code !== 'FILE_ERROR' ? known.message : `handover ${command} failed: ${err.message}`);
    return 1;
  }
}
