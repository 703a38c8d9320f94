// How long the review desk waits on the store before it shows what it has (also read by the e2e tests).

/** Enter in a cell editor holds the editor open for the store's answer at most this long (enterHold). */
export const HOLD_MS = 40;
