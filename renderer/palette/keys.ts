// Shortcuts as this computer writes them: Cmd on a Mac, Ctrl elsewhere (shared/commands.ts).
import { COMMANDS, shortcutLabel, type CommandName } from '../../shared/commands';

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The shortcut of a command for people to read, or undefined when it has none. */
export function shortcutOf(name: CommandName): string | undefined {
  const accelerator = COMMANDS[name].accelerator;
  return accelerator ? shortcutLabel(accelerator, isMac) : undefined;
}
