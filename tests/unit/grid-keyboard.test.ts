import { describe, expect, it } from 'vitest';
import { resolveKey, type KeyContext, type KeyInput } from '../../src-renderer/grid/keyboard';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const idle: KeyContext = { editing: null };
const typing: KeyContext = { editing: { mode: 'replace', kind: 'text' } };
const editing: KeyContext = { editing: { mode: 'edit', kind: 'text' } };
const picking: KeyContext = { editing: { mode: 'replace', kind: 'select' } };

describe('resolveKey while navigating', () => {
  it('moves and extends with arrows', () => {
    expect(resolveKey(key('ArrowDown'), idle)).toEqual({ type: 'move', dRow: 1, dCol: 0, extend: false });
    expect(resolveKey(key('ArrowLeft', { shiftKey: true }), idle)).toEqual({ type: 'move', dRow: 0, dCol: -1, extend: true });
  });

  it('maps Tab, Home/End, Ctrl+Home/End and paging', () => {
    expect(resolveKey(key('Tab', { shiftKey: true }), idle)).toMatchObject({ type: 'move', dCol: -1, exitAtEdge: true });
    expect(resolveKey(key('Home'), idle)).toMatchObject({ type: 'jump', to: 'rowStart' });
    expect(resolveKey(key('End', { ctrlKey: true }), idle)).toMatchObject({ type: 'jump', to: 'last' });
    expect(resolveKey(key('PageDown'), idle)).toMatchObject({ type: 'page', direction: 1 });
  });

  it('starts editing with Enter, F2 or a printable key', () => {
    expect(resolveKey(key('Enter'), idle)).toEqual({ type: 'startEdit' });
    expect(resolveKey(key('F2'), idle)).toEqual({ type: 'startEdit' });
    expect(resolveKey(key('q'), idle)).toEqual({ type: 'startEdit', initial: 'q' });
  });

  it('opens the row\'s record with Ctrl+Enter (Cmd+Enter on a Mac), and commits with it while editing', () => {
    expect(resolveKey(key('Enter', { ctrlKey: true }), idle)).toEqual({ type: 'openRow' });
    expect(resolveKey(key('Enter', { metaKey: true }), idle)).toEqual({ type: 'openRow' });
    expect(resolveKey(key('Enter', { ctrlKey: true }), editing)).toEqual({ type: 'commit', dRow: 1, dCol: 0 });
  });

  it('clears, undoes and redoes', () => {
    expect(resolveKey(key('Delete'), idle)).toEqual({ type: 'clear' });
    expect(resolveKey(key('Backspace'), idle)).toEqual({ type: 'clear' });
    expect(resolveKey(key('z', { ctrlKey: true }), idle)).toEqual({ type: 'undo' });
    expect(resolveKey(key('Z', { ctrlKey: true, shiftKey: true }), idle)).toEqual({ type: 'redo' });
    expect(resolveKey(key('y', { metaKey: true }), idle)).toEqual({ type: 'redo' });
  });

  it('leaves Ctrl+C and Ctrl+V to the native clipboard events', () => {
    expect(resolveKey(key('c', { ctrlKey: true }), idle)).toBeNull();
    expect(resolveKey(key('v', { ctrlKey: true }), idle)).toBeNull();
  });
});

describe('resolveKey while editing', () => {
  it('commits with Enter (down), Shift+Enter (up) and Tab (right)', () => {
    expect(resolveKey(key('Enter'), editing)).toEqual({ type: 'commit', dRow: 1, dCol: 0 });
    expect(resolveKey(key('Enter', { shiftKey: true }), editing)).toEqual({ type: 'commit', dRow: -1, dCol: 0 });
    expect(resolveKey(key('Tab'), editing)).toEqual({ type: 'commit', dRow: 0, dCol: 1 });
  });

  it('cancels with Escape', () => {
    expect(resolveKey(key('Escape'), typing)).toEqual({ type: 'cancel' });
  });

  it('commits on arrows only when the edit was started by typing', () => {
    expect(resolveKey(key('ArrowRight'), typing)).toEqual({ type: 'commit', dRow: 0, dCol: 1 });
    expect(resolveKey(key('ArrowRight'), editing)).toBeNull();
    expect(resolveKey(key('ArrowDown'), picking)).toBeNull();
  });

  it('leaves typing and Ctrl+Z to the input', () => {
    expect(resolveKey(key('a'), editing)).toBeNull();
    expect(resolveKey(key('z', { ctrlKey: true }), editing)).toBeNull();
  });
});
