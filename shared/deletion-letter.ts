// The request for a deletion certificate (issue 10): a letter to the vendor listing its data sets
// in scope, to sign and return. In scope: the vendor's live data sets whose deletion is required and
// for which no certificate has come yet; those certified already only when asked for (to ask again).
import { z } from 'zod';
import { addDays } from './dates';

export const deletionLetterInput = z.strictObject({
  vendorId: z.uuid({ error: 'must be the id of a vendor' }),
  /** The day the signed certificate is due back; defaultReplyBy when left out. */
  replyBy: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).optional(),
  includeCertified: z.boolean({ error: 'must be true or false' }).optional(),
});
export type DeletionLetterInput = z.input<typeof deletionLetterInput>;

/** How many of a vendor's data sets a letter would list, and the reply-by day it would ask for. */
export interface DeletionScope {
  /** Deletion required, no certificate received yet: what the letter lists. */
  uncertified: number;
  /** Deletion required and a certificate received: listed only when asked for. */
  certified: number;
  defaultReplyBy: string;
}

/** How long the vendor is given: thirty days. */
export const REPLY_DAYS = 30;

/**
 * The reply-by day a letter asks for unless the user picks one: T+30, the end of the security
 * closure phase, when the exit date is set and that day is still ahead; else thirty days from today
 * (a letter never asks for a day already gone).
 */
export function defaultReplyBy(exitDate: string | null, today: string): string {
  const closure = exitDate ? addDays(exitDate, REPLY_DAYS) : null;
  return closure && closure > today ? closure : addDays(today, REPLY_DAYS);
}
