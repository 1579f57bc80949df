import { describe, expect, it } from 'vitest';
import {
  CARD_HEIGHT, CARD_WIDTH, coveragePercent, layoutTree, paginate, planStrength, readinessCounts, readyNowCount, scopeTree, ScopeError, strengthBand,
  vacancyChain, nominationsOf, type ChainPosition, type PlacedNode, type TreeNode,
} from '../../src-shared/domain/succession';

const levels = [
  { id: 'later', sortOrder: 3 },
  { id: 'now', sortOrder: 1 },
  { id: 'soon', sortOrder: 2 },
];

describe('readiness counts and plan strength', () => {
  it('counts successors per level in scale order, zeros included, ignoring unknown levels', () => {
    const entries = [{ readinessId: 'soon' }, { readinessId: 'now' }, { readinessId: 'soon' }, { readinessId: 'gone' }];
    expect(readinessCounts(entries, levels)).toEqual([
      { readinessId: 'now', count: 1 },
      { readinessId: 'soon', count: 2 },
      { readinessId: 'later', count: 0 },
    ]);
    expect(readyNowCount(entries, levels)).toBe(1);
  });

  it('scores 50 / 25 / 10 / 5 points by band (later levels at most 50 together), capped at 100, with the written bands', () => {
    // one ready now (50) + one ready soon (25) = 75: strong
    expect(planStrength([{ readinessId: 'now' }, { readinessId: 'soon' }], levels)).toBe(75);
    expect(strengthBand(75, 2)).toBe('strong');
    // two ready soon = 50: moderate; three later = 30: weak
    expect(planStrength([{ readinessId: 'soon' }, { readinessId: 'soon' }], levels)).toBe(50);
    expect(strengthBand(50, 2)).toBe('moderate');
    expect(planStrength([{ readinessId: 'later' }, { readinessId: 'later' }, { readinessId: 'later' }], levels)).toBe(30);
    expect(strengthBand(30, 3)).toBe('weak');
    // three ready now = 150, capped
    expect(planStrength([{ readinessId: 'now' }, { readinessId: 'now' }, { readinessId: 'now' }], levels)).toBe(100);
    expect(strengthBand(0, 0)).toBe('none');
    // five ready in 1–2 years make 125 points of later successors, held to 50: moderate without anyone ready now
    expect(planStrength(Array.from({ length: 5 }, () => ({ readinessId: 'soon' })), levels)).toBe(50);
    // one ready now and five soon: 50 + 50
    expect(planStrength([{ readinessId: 'now' }, ...Array.from({ length: 5 }, () => ({ readinessId: 'soon' }))], levels)).toBe(100);
    // a fourth level scores 5
    const four = [...levels, { id: 'far', sortOrder: 4 }];
    expect(planStrength([{ readinessId: 'far' }], four)).toBe(5);
  });

  it('coverage is a share to one decimal, 0 with no key positions', () => {
    expect(coveragePercent(1, 3)).toBe(33.3);
    expect(coveragePercent(0, 0)).toBe(0);
  });
});

const person = (id: string) => ({ id, name: id.toUpperCase() });
const candidate = (personId: string, readinessId: string, rank: number, currentPositionId: string | null, kind: 'employee' | 'external' = 'employee') => ({
  nominationId: `n-${personId}-${rank}`, kind, personId, name: personId.toUpperCase(), rank, readinessId, currentPositionId,
});

describe('vacancy chains', () => {
  it('follows the best-ranked ready successor down and marks the position left without one', () => {
    const positions: ChainPosition[] = [
      { id: 'ceo', title: 'CEO', incumbent: person('ann'), successors: [candidate('cy', 'now', 2, 'cfo'), candidate('bo', 'now', 1, 'coo')] },
      { id: 'coo', title: 'COO', incumbent: person('bo'), successors: [candidate('di', 'soon', 1, 'ops'), candidate('ed', 'now', 2, 'it')] },
      { id: 'it', title: 'IT lead', incumbent: person('ed'), successors: [candidate('fa', 'later', 1, null)] },
      { id: 'cfo', title: 'CFO', incumbent: person('cy'), successors: [] },
    ];
    const chain = vacancyChain(positions, levels, 'ceo');
    expect(chain.steps.map((s) => [s.positionId, s.leaver?.id, s.successor?.personId ?? null])).toEqual([
      ['ceo', 'ann', 'bo'], // bo ranks 1 among the ready
      ['coo', 'bo', 'ed'], // di is not ready now; ed is
      ['it', 'ed', null], // fa is 3+ years away
    ]);
    expect(chain.end).toBe('no-ready-successor');
    expect(chain.gaps).toEqual(['it']);
    // counting the second level as ready, di (rank 1 but later level) still comes after ed (ready now)
    const wider = vacancyChain(positions, levels, 'ceo', { readyLevels: 2 });
    expect(wider.steps[1].successor?.personId).toBe('ed');
  });

  it('ends a loop: A succeeds B and B succeeds A', () => {
    const positions: ChainPosition[] = [
      { id: 'pa', title: 'A', incumbent: person('a'), successors: [candidate('b', 'now', 1, 'pb')] },
      { id: 'pb', title: 'B', incumbent: person('b'), successors: [candidate('a', 'now', 1, 'pa')] },
    ];
    const chain = vacancyChain(positions, levels, 'pb');
    // b leaves; a moves into pb; pa's only ready successor is b, who left
    expect(chain.steps).toHaveLength(2);
    expect(chain.steps[0].successor?.personId).toBe('a');
    expect(chain.steps[1]).toMatchObject({ positionId: 'pa', successor: null, skipped: [{ personId: 'b', reason: 'left' }] });
    expect(chain.gaps).toEqual(['pa']);
  });

  it('passes over someone who already moved up and stops at an external hire', () => {
    const positions: ChainPosition[] = [
      { id: 'p1', title: 'One', incumbent: person('x'), successors: [candidate('y', 'now', 1, 'p2')] },
      { id: 'p2', title: 'Two', incumbent: person('y'), successors: [candidate('z', 'now', 1, 'p3')] },
      { id: 'p3', title: 'Three', incumbent: person('z'), successors: [candidate('y', 'now', 1, 'p2'), candidate('ext', 'now', 2, null, 'external')] },
    ];
    const chain = vacancyChain(positions, levels, 'p1');
    expect(chain.steps.map((s) => s.successor?.personId)).toEqual(['y', 'z', 'ext']);
    expect(chain.steps[2].skipped).toEqual([{ personId: 'y', name: 'Y', reason: 'moved' }]);
    expect(chain.end).toBe('external');
    expect(chain.gaps).toEqual([]);
  });

  it('lists everywhere a person is nominated', () => {
    const positions = [
      { id: 'p1', successors: [candidate('y', 'now', 1, null)] },
      { id: 'p2', successors: [candidate('q', 'now', 1, null)] },
      { id: 'p3', successors: [candidate('y', 'soon', 2, null)] },
    ];
    expect(nominationsOf(positions, 'y').map((n) => [n.positionId, n.rank])).toEqual([['p1', 1], ['p3', 2]]);
  });
});

/** A random forest: node k reports to one of the nodes before it (or to none). */
function randomForest(size: number, seed: number): TreeNode[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: size }, (_, k) => ({ id: `n${k}`, parentId: k === 0 || next() < 0.02 ? null : `n${Math.floor(next() * k)}` }));
}

const overlaps = (a: PlacedNode, b: PlacedNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function assertLayoutInvariants(nodes: TreeNode[]) {
  const layout = layoutTree(nodes);
  // every position placed exactly once
  expect(layout.nodes.map((n) => n.id).sort()).toEqual(nodes.map((n) => n.id).sort());
  // no two cards overlap (sweep by x so large forests stay fast)
  const sorted = [...layout.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].width; j++) {
      expect(overlaps(sorted[i], sorted[j]), `${sorted[i].id} overlaps ${sorted[j].id}`).toBe(false);
    }
  }
  // children below their parents, every card inside the drawing
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const node of layout.nodes) {
    if (node.parentId) expect(node.y).toBeGreaterThanOrEqual(byId.get(node.parentId)!.y + CARD_HEIGHT);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
  }
  // one connector per child, starting at its parent's card and ending on the child's card
  expect(layout.edges).toHaveLength(layout.nodes.filter((n) => n.parentId).length);
  return layout;
}

describe('chart layout', () => {
  it('keeps its invariants on random forests of many shapes', () => {
    for (const [size, seed] of [[1, 1], [7, 2], [60, 3], [400, 4], [2000, 5]]) assertLayoutInvariants(randomForest(size, seed));
  });

  it('centres a manager over two direct reports in one row', () => {
    const layout = assertLayoutInvariants([
      { id: 'boss', parentId: null },
      { id: 'a', parentId: 'boss' },
      { id: 'b', parentId: 'boss' },
    ]);
    const [boss, a, b] = ['boss', 'a', 'b'].map((id) => layout.nodes.find((n) => n.id === id)!);
    expect(a.y).toBe(b.y);
    expect(boss.x + CARD_WIDTH / 2).toBeCloseTo((a.x + b.x + CARD_WIDTH) / 2);
    expect(b.x - a.x).toBeGreaterThanOrEqual(CARD_WIDTH);
  });

  it('stacks a team of five leaves in two columns, read across then down', () => {
    const team: TreeNode[] = [{ id: 'lead', parentId: null }, ...['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({ id, parentId: 'lead' }))];
    const layout = assertLayoutInvariants(team);
    const at = (id: string) => layout.nodes.find((n) => n.id === id)!;
    expect(at('m1').y).toBe(at('m2').y);
    expect(at('m3').x).toBe(at('m1').x);
    expect(at('m3').y).toBeGreaterThan(at('m1').y);
    expect(at('m5').x).toBe(at('m1').x);
    expect(at('m1').stacked).toBe(true);
    // the connector to a stacked card runs down a spine on its left and ends at its side
    const edge = layout.edges.find((e) => e.to === 'm3')!;
    expect(edge.points.at(-1)).toEqual([at('m3').x, at('m3').y + CARD_HEIGHT / 2]);
  });
});

describe('chart scope', () => {
  const positions = [
    { id: 'ceo', title: 'CEO', reportsToId: null },
    { id: 'vp2', title: 'VP Sales', reportsToId: 'ceo' },
    { id: 'vp1', title: 'VP Engineering', reportsToId: 'ceo' },
    { id: 'dev', title: 'Developer', reportsToId: 'vp1' },
    { id: 'rep', title: 'Account Executive', reportsToId: 'vp2' },
  ];

  it('walks depth first with siblings in title order, limited by levels and collapse', () => {
    expect(scopeTree(positions).nodes.map((n) => n.id)).toEqual(['ceo', 'vp1', 'dev', 'vp2', 'rep']);
    const twoLevels = scopeTree(positions, { levels: 1 });
    expect(twoLevels.nodes.map((n) => n.id)).toEqual(['ceo', 'vp1', 'vp2']);
    expect(Object.fromEntries(twoLevels.hidden)).toEqual({ vp1: 1, vp2: 1 });
    const collapsed = scopeTree(positions, { collapsedIds: ['ceo'] });
    expect(collapsed.nodes.map((n) => n.id)).toEqual(['ceo']);
    expect(collapsed.hidden.get('ceo')).toBe(4);
    expect(scopeTree(positions, { rootId: 'vp2' }).nodes).toEqual([{ id: 'vp2', parentId: null }, { id: 'rep', parentId: 'vp2' }]);
  });

  it('refuses a root that is not in the chart', () => {
    expect(() => scopeTree(positions, { rootId: 'nope' })).toThrow(ScopeError);
  });
});

describe('pages by subtree', () => {
  it('puts what fits on the first page and continues cut subtrees on their own pages, each position once as a card body', () => {
    const nodes = randomForest(300, 9).map((n, k) => (k > 0 && n.parentId === null ? { ...n, parentId: 'n0' } : n));
    const frame = { width: 800, height: 520, minScale: 0.6 };
    const pages = paginate(nodes, frame);
    expect(pages.length).toBeGreaterThan(3);
    const owner = new Map<string, number>();
    for (const page of pages) {
      expect(page.layout.width * frame.minScale <= frame.width + 1e-6 || page.layout.nodes.length <= 2).toBe(true);
      for (const node of page.nodes) {
        // a continued position appears as a stub on its parent's page and heads its own page
        const isStub = page.continuations.some((c) => c.nodeId === node.id);
        if (!isStub) {
          expect(owner.has(node.id), `${node.id} twice`).toBe(false);
          owner.set(node.id, page.index);
        }
      }
      for (const continuation of page.continuations) expect(pages[continuation.pageIndex]).toMatchObject({ rootId: continuation.nodeId, continuedFrom: { pageIndex: page.index } });
    }
    expect(owner.size).toBe(300);
  });

  it('spreads a manager with too many direct reports over parts', () => {
    const wide: TreeNode[] = [{ id: 'boss', parentId: null }];
    for (let k = 0; k < 40; k++) {
      wide.push({ id: `m${k}`, parentId: 'boss' }, { id: `m${k}-r`, parentId: `m${k}` });
    }
    const pages = paginate(wide, { width: 900, height: 600, minScale: 0.6 });
    const parts = pages.filter((p) => p.rootId === 'boss');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, k) => ({ number: k + 1, of: parts.length })));
    expect(parts.flatMap((p) => p.nodes.filter((n) => n.id !== 'boss').map((n) => n.id)).sort()).toEqual(wide.filter((n) => n.parentId === 'boss').map((n) => n.id).sort());
  });
});
