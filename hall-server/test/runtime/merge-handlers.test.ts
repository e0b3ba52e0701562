import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '../../src/runtime/hall';

// The concerns' modules become the one hall object; a name two modules share would let one
// silently replace the other.

describe('mergeHandlers', () => {
  it('puts every module’s handlers in one object', () => {
    const hall = mergeHandlers({ callNext: () => 'called' }, { snapshot: () => 'snapshot' });
    expect(hall.callNext()).toBe('called');
    expect(hall.snapshot()).toBe('snapshot');
  });

  it('refuses two modules naming the same handler', () => {
    expect(() => mergeHandlers({ window: () => 'view' }, { window: () => 'command' })).toThrow('two hall modules both define window');
  });
});
