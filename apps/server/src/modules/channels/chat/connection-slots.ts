import type pg from 'pg';

/**
 * Some use cases hold their own transaction (a row lock) while a use case of another module runs
 * its transaction on a second connection: opening a chat under the visitor's lock, claiming under
 * the agent's lock, a web form linking its files. If every pooled connection were held by such an
 * outer transaction, every inner one would wait for a connection forever (until the pool's
 * timeout). So at most half the pool, less one, may be inside such a section at a time: the
 * holders can always get their second connection, and the rest of the app keeps a margin.
 */
type Slots = { active: number; limit: number; waiting: (() => void)[] };
const slotsByPool = new WeakMap<pg.Pool, Slots>();

function slotsOf(pool: pg.Pool): Slots {
  let slots = slotsByPool.get(pool);
  if (!slots) {
    slots = { active: 0, limit: Math.max(1, Math.floor((pool.options.max ?? 10) / 2) - 1), waiting: [] };
    slotsByPool.set(pool, slots);
  }
  return slots;
}

export async function withTwoConnections<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const slots = slotsOf(pool);
  if (slots.active >= slots.limit) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.active += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (active stays), or give it back.
    const next = slots.waiting.shift();
    if (next) next();
    else slots.active -= 1;
  }
}
