import { describe, expect, it } from 'vitest';
import {
  EMPTY_UNDO_STACK,
  completeStep,
  nextEntry,
  pushEntry,
  stepChanges,
  type UndoEntry,
} from '../../src-renderer/grid/undo';

const entry = (id: string, before: unknown, after: unknown): UndoEntry => ({
  edits: [{ id, before: { name: before }, after: { name: after } }],
});

describe('undo stack', () => {
  it('undoes the newest step and redoes it', () => {
    let stack = pushEntry(pushEntry(EMPTY_UNDO_STACK, entry('a', 'A0', 'A1')), entry('b', 'B0', 'B1'));
    expect(nextEntry(stack, 'undo')?.edits[0].id).toBe('b');
    stack = completeStep(stack, 'undo');
    expect(nextEntry(stack, 'undo')?.edits[0].id).toBe('a');
    expect(nextEntry(stack, 'redo')?.edits[0].id).toBe('b');
    stack = completeStep(stack, 'redo');
    expect(stack.future).toHaveLength(0);
    expect(stack.past).toHaveLength(2);
  });

  it('drops the redo history when a new step is pushed', () => {
    let stack = pushEntry(EMPTY_UNDO_STACK, entry('a', 1, 2));
    stack = completeStep(stack, 'undo');
    stack = pushEntry(stack, entry('b', 1, 2));
    expect(stack.future).toEqual([]);
  });

  it('ignores empty steps and keeps at most `limit` steps', () => {
    expect(pushEntry(EMPTY_UNDO_STACK, { edits: [] })).toBe(EMPTY_UNDO_STACK);
    let stack = EMPTY_UNDO_STACK;
    for (let i = 0; i < 5; i++) stack = pushEntry(stack, entry(`r${i}`, i, i + 1), 3);
    expect(stack.past.map((e) => e.edits[0].id)).toEqual(['r2', 'r3', 'r4']);
  });

  it('completing a step with nothing to do changes nothing', () => {
    expect(completeStep(EMPTY_UNDO_STACK, 'undo')).toBe(EMPTY_UNDO_STACK);
  });

  it('builds inverse changes from the version the edit left the record at', () => {
    const saved: UndoEntry = { edits: [{ ...entry('a', 'old', 'new').edits[0], version: 7 }] };
    expect(stepChanges(saved, 'undo')).toEqual([{ rowKey: 'a', id: 'a', version: 7, values: { name: 'old' } }]);
    expect(stepChanges(saved, 'redo')[0].values).toEqual({ name: 'new' });
  });
});
