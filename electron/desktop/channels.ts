// IPC channels that are not API methods. Method calls travel on `channelOf(method)` from the
// contract (`handover:<method>`); events from the shell to the page use their own prefix so an
// event name can never be mistaken for a method.

/** Sent to the page after the desktop shell opened another workbook; it carries no data. */
export const WORKBOOK_CHANGED = 'handover-event:workbook-changed';

/** Sent to the page by the menu: a command name from shared/commands.ts for the renderer to run. */
export const COMMAND = 'handover-event:command';

/** Sent to the page after each committed write: the backend's ChangeEvent (shared/events.ts), a plain object. */
export const CHANGE = 'handover-event:change';
