// Where each contract stands today, kept for the day: the backend's PositionOf for the pure
// functions of shared/contract-deadlines.ts and shared/contract-flags.ts. A thousand vendors'
// contracts take over 100 ms to work out, and the dashboard asks again after every write; kept by
// the terms they were worked out from, so after an edit only the contract whose terms changed is
// worked out again. Held here, not in shared/, so shared/ stays pure functions.
import { positionOn, type ContractFacts, type PositionOf } from '../../../shared/contract-deadlines';
import type { TermPosition } from '../../../shared/contract-terms';

/** Past this many (terms edited over and over), the kept positions are emptied. */
const MAX_KEPT = 50_000;

const positions = new Map<string, TermPosition>();
let positionsDay = '';

const termsKey = (c: ContractFacts) =>
  `${c.initialEnd}|${c.renewal}|${c.renewalMonths}|${c.optionsExercised}|${c.noticeAmount}|${c.noticeUnit}|${c.leadDays}`;

/**
 * Where the contract stands on `today`, as positionOn works it out. Emptied when the day changes.
 * The answer is shared between callers: never change it.
 */
export const keptPositionOf: PositionOf = (c, today) => {
  if (today !== positionsDay || positions.size > MAX_KEPT) {
    positions.clear();
    positionsDay = today;
  }
  const key = termsKey(c);
  let position = positions.get(key);
  if (!position) {
    position = positionOn(c, today);
    positions.set(key, position);
  }
  return position;
};
