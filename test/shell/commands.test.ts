// The one list of commands: shortcuts matched the same way on both faces, Cmd on a Mac and Ctrl
// elsewhere, whatever Shift or Alt made of the key, and written for people the way each OS does.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, commandOfKey, isCommandName, matchesAccelerator, shortcutLabel } from '../../shared/commands';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, code?: string) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods, ...(code ? { code } : {}),
});

describe('commands and their shortcuts', () => {
  it('matches Ctrl+Shift+P to the palette elsewhere, Cmd+Shift+P on a Mac, and nothing else', () => {
    expect(commandOfKey(press('P', { ctrlKey: true, shiftKey: true }, 'KeyP'), false)).toBe('palette.open');
    expect(commandOfKey(press('p', { metaKey: true, shiftKey: true }, 'KeyP'), true)).toBe('palette.open');
    // Ctrl on a Mac, or Cmd elsewhere, is another chord.
    expect(commandOfKey(press('P', { ctrlKey: true, shiftKey: true }, 'KeyP'), true)).toBeNull();
    expect(commandOfKey(press('P', { metaKey: true, shiftKey: true }, 'KeyP'), false)).toBeNull();
    // Without Shift it is Print report; with an extra Alt it is nothing.
    expect(commandOfKey(press('p', { ctrlKey: true }, 'KeyP'), false)).toBe('report.print');
    expect(commandOfKey(press('P', { ctrlKey: true, shiftKey: true, altKey: true }, 'KeyP'), false)).toBeNull();
    expect(commandOfKey(press('p'), false)).toBeNull();
  });

  it('reads the key from its position when Alt changed the character (⌥N is "˜" on a Mac)', () => {
    expect(commandOfKey(press('˜', { metaKey: true, altKey: true }, 'KeyN'), true)).toBe('vendor.new');
    expect(commandOfKey(press(',', { ctrlKey: true }, 'Comma'), false)).toBe('settings.open');
    expect(matchesAccelerator('CmdOrCtrl+K', press('k', { ctrlKey: true }), false)).toBe(true);
  });

  it('writes shortcuts as each OS does', () => {
    expect(shortcutLabel('CmdOrCtrl+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(shortcutLabel('CmdOrCtrl+Shift+P', true)).toBe('⌘⇧P');
    expect(shortcutLabel('CmdOrCtrl+Alt+N', true)).toBe('⌘⌥N');
    expect(shortcutLabel('CmdOrCtrl+,', false)).toBe('Ctrl+,');
  });

  it('gives every shortcut to one command only, and knows its own names only', () => {
    const accelerators = COMMAND_NAMES.map((n) => COMMANDS[n].accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(isCommandName('pack.export')).toBe(true);
    for (const name of ['toString', '__proto__', 'pack.exports', '', 3, null]) expect(isCommandName(name)).toBe(false);
  });
});
