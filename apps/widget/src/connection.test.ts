import { describe, expect, it } from 'vitest';
import { Outbox, type PendingMessage } from './connection.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

const message = (clientId: string): PendingMessage => ({
  clientId,
  body: `text ${clientId}`,
  attachments: [],
  createdAt: '2026-01-01T00:00:00Z',
});

describe('the outbox of unacknowledged messages', () => {
  it('survives a reload: what was not acknowledged is still there, in order', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, 'k');
    outbox.add(message('a'));
    outbox.add(message('b'));
    outbox.add(message('c'));
    outbox.remove(['b']);
    const afterReload = new Outbox(storage, 'k');
    expect(afterReload.sendable().map((item) => item.clientId)).toEqual(['a', 'c']);
  });

  it('holds back a message refused for good until the visitor retries it', () => {
    const outbox = new Outbox(memoryStorage(), 'k');
    outbox.add(message('a'));
    outbox.add(message('b'));
    outbox.fail('a', 'An attachment is not yours');
    expect(outbox.sendable().map((item) => item.clientId)).toEqual(['b']);
    expect(outbox.all()).toHaveLength(2);
    outbox.fail('a', undefined);
    expect(outbox.sendable().map((item) => item.clientId)).toEqual(['a', 'b']);
  });

  it('works without storage (blocked by the browser) and with corrupt storage', () => {
    const outbox = new Outbox(null, 'k');
    outbox.add(message('a'));
    expect(outbox.sendable()).toHaveLength(1);
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(new Outbox(storage, 'k').all()).toEqual([]);
  });
});
