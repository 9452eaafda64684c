import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, emptyHistory, record, redo, undo } from './history';

describe('history', () => {
  it('records one step per change and walks back and forth', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 'v0', 0);
    h = record(h, 'b', 'v1', 10_000);
    const back = undo(h, 'v2');
    expect(back?.document).toBe('v1');
    expect(back?.label).toBe('b');
    const back2 = undo(back!.history, 'v1');
    expect(back2?.document).toBe('v0');
    expect(undo(back2!.history, 'v0')).toBeUndefined();
    const forward = redo(back2!.history, 'v0');
    expect(forward?.document).toBe('v1');
    expect(redo(forward!.history, 'v1')?.document).toBe('v2');
  });

  it('coalesces a burst of the same change into one step', () => {
    let h = emptyHistory<string>();
    h = record(h, 'type', 'v0', 0);
    h = record(h, 'type', 'v1', COALESCE_MS - 1);
    h = record(h, 'type', 'v2', 2 * COALESCE_MS - 2);
    expect(h.past).toHaveLength(1);
    expect(undo(h, 'v3')?.document).toBe('v0');
  });

  it('does not coalesce different labels, pauses, or across an undo', () => {
    let h = emptyHistory<string>();
    h = record(h, 'type', 'v0', 0);
    h = record(h, 'other', 'v1', 1);
    expect(h.past).toHaveLength(2);
    h = record(h, 'other', 'v2', 1 + COALESCE_MS);
    expect(h.past).toHaveLength(3);
    const back = undo(h, 'v3')!;
    const after = record(back.history, 'other', 'v2', 2 + COALESCE_MS);
    expect(after.past).toHaveLength(3);
    expect(after.future).toHaveLength(0);
  });

  it('a new change clears the redo stack', () => {
    let h = record(emptyHistory<string>(), 'a', 'v0', 0);
    h = undo(h, 'v1')!.history;
    expect(h.future).toHaveLength(1);
    h = record(h, 'b', 'v0', 5000);
    expect(h.future).toHaveLength(0);
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, `s${i}`, i, i * 10_000);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]?.snapshot).toBe(5);
  });
});
