import { describe, expect, it } from 'vitest';
import { wouldRemoveLastAdmin } from './admin-guard.ts';

describe('the last active admin cannot be removed', () => {
  it.each([
    // agent before, changes, other active admins, refused?
    [{ role: 'admin', isActive: true }, { role: 'supervisor' }, 0, true],
    [{ role: 'admin', isActive: true }, { role: 'agent' }, 0, true],
    [{ role: 'admin', isActive: true }, { isActive: false }, 0, true],
    [{ role: 'admin', isActive: true }, { role: 'agent', isActive: false }, 0, true],
    [{ role: 'admin', isActive: true }, { role: 'supervisor' }, 1, false],
    [{ role: 'admin', isActive: true }, { isActive: false }, 2, false],
    [{ role: 'admin', isActive: true }, { role: 'admin', isActive: true }, 0, false],
    [{ role: 'admin', isActive: true }, {}, 0, false],
    // an inactive admin or a non-admin is not what keeps the instance manageable
    [{ role: 'admin', isActive: false }, { role: 'agent' }, 0, false],
    [{ role: 'supervisor', isActive: true }, { isActive: false }, 0, false],
    [{ role: 'agent', isActive: true }, { role: 'admin' }, 0, false],
  ] as const)(
    '%o changed by %o with %i other active admins → refused: %s',
    (agent, changes, others, refused) => {
      expect(wouldRemoveLastAdmin(agent, changes, others)).toBe(refused);
    },
  );
});
