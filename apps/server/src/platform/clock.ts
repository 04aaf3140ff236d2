/** Time as the application sees it; tests substitute a fixed or advancing clock. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
