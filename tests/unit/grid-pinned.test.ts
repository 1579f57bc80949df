import { describe, expect, it } from 'vitest';
import { splitPinned } from '../../src-renderer/grid/layout';

const col = (width: number, pinned = false) => ({ column: { pinned }, width });

describe('pinned leading columns', () => {
  const columns = [col(100, true), col(50, true), col(80), col(80), col(80), col(80)];

  it('renders pinned columns with their sticky offsets and starts the scrolled window after them', () => {
    expect(splitPinned(columns, { start: 0, padLeft: 0 })).toEqual({ pinned: [{ col: 0, left: 0 }, { col: 1, left: 100 }], start: 2, padLeft: 0 });
  });

  it('keeps the padding of the scrolled-past columns only', () => {
    // Window from column 4: columns 0–3 are before it (100 + 50 + 80 + 80); the pinned 150 px are rendered.
    expect(splitPinned(columns, { start: 4, padLeft: 310 })).toEqual({ pinned: [{ col: 0, left: 0 }, { col: 1, left: 100 }], start: 4, padLeft: 160 });
  });

  it('changes nothing without pinned columns, or when only a later column is marked', () => {
    expect(splitPinned([col(80), col(80, true), col(80)], { start: 1, padLeft: 80 })).toEqual({ pinned: [], start: 1, padLeft: 80 });
  });
});
