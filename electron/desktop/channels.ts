// IPC channels that are not API methods. Method calls travel on `channelOf(method)` from the
// contract (`handover:<method>`); events from the shell to the page use their own prefix so an
// event name can never be mistaken for a method.

/** Sent to the page after the desktop shell opened another workbook; it carries no data. */
export const WORKBOOK_CHANGED = 'handover-event:workbook-changed';
