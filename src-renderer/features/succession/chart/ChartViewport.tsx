// Pan and zoom over a laid-out chart. Connectors are drawn on a canvas; cards are DOM elements, but
// only those in view (plus a margin) are mounted, so a chart of thousands of positions keeps a few
// hundred nodes in the DOM. Zoomed far out, cards become coloured boxes on the canvas. Panning moves
// one transform (no React render); the visible set is recomputed at most once a frame.
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChartLayout, PlacedNode } from '../../../../src-shared/domain/succession';

export interface ViewportHandle {
  fit(): void;
  zoomBy(factor: number): void;
  centreOn(id: string, zoom?: number): void;
}

interface Props {
  layout: ChartLayout;
  renderCard: (node: PlacedNode) => ReactNode;
  /** The fill of a card drawn as a box when zoomed far out. */
  boxColour: (id: string) => string;
  /** Positions to ring in the overview (selected, highlighted). */
  marked: ReadonlySet<string>;
  onBoxClick: (id: string) => void;
  onBackgroundClick: () => void;
}

/** Below this zoom, cards are drawn as boxes on the canvas instead of DOM elements. */
export const OVERVIEW_ZOOM = 0.35;
/** The first view is never smaller than this (cards readable). */
const READABLE_ZOOM = 0.75;
const BUCKET = 600;
const MIN_ZOOM = 0.02;
const MAX_ZOOM = 2.5;

interface View { x: number; y: number; k: number }

/** Nodes by grid bucket, so the visible ones are found without scanning all of them. */
function bucketIndex(nodes: PlacedNode[]): Map<string, PlacedNode[]> {
  const index = new Map<string, PlacedNode[]>();
  for (const node of nodes) {
    for (let bx = Math.floor(node.x / BUCKET); bx <= Math.floor((node.x + node.width) / BUCKET); bx++) {
      for (let by = Math.floor(node.y / BUCKET); by <= Math.floor((node.y + node.height) / BUCKET); by++) {
        const key = `${bx}:${by}`;
        const list = index.get(key);
        if (list) list.push(node);
        else index.set(key, [node]);
      }
    }
  }
  return index;
}

export const ChartViewport = forwardRef<ViewportHandle, Props>(function ChartViewport(props, ref) {
  const { layout } = props;
  const container = useRef<HTMLDivElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<View>({ x: 0, y: 0, k: 1 });
  const frame = useRef(0);
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const [overview, setOverview] = useState(false);
  const index = useMemo(() => bucketIndex(layout.nodes), [layout]);
  const propsRef = useRef(props);
  propsRef.current = props;

  const inView = useCallback((margin: number): PlacedNode[] => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return [];
    const { x, y, k } = view.current;
    const left = (-x - margin) / k;
    const top = (-y - margin) / k;
    const right = (box.width - x + margin) / k;
    const bottom = (box.height - y + margin) / k;
    const found = new Map<string, PlacedNode>();
    for (let bx = Math.floor(left / BUCKET); bx <= Math.floor(right / BUCKET); bx++) {
      for (let by = Math.floor(top / BUCKET); by <= Math.floor(bottom / BUCKET); by++) {
        for (const node of index.get(`${bx}:${by}`) ?? []) {
          if (node.x + node.width >= left && node.x <= right && node.y + node.height >= top && node.y <= bottom) found.set(node.id, node);
        }
      }
    }
    return [...found.values()];
  }, [index]);

  const draw = useCallback(() => {
    const element = canvas.current;
    const box = container.current?.getBoundingClientRect();
    if (!element || !box) return;
    const dpr = window.devicePixelRatio || 1;
    if (element.width !== Math.round(box.width * dpr) || element.height !== Math.round(box.height * dpr)) {
      element.width = Math.round(box.width * dpr);
      element.height = Math.round(box.height * dpr);
    }
    const ctx = element.getContext('2d')!;
    const { x, y, k } = view.current;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, element.width, element.height);
    ctx.setTransform(k * dpr, 0, 0, k * dpr, x * dpr, y * dpr);
    const visible = inView(200);
    const ids = new Set(visible.map((node) => node.id));
    ctx.strokeStyle = '#8a96a3';
    ctx.lineWidth = Math.max(1.2, 1 / k);
    ctx.beginPath();
    for (const edge of layout.edges) {
      if (!ids.has(edge.to) && !ids.has(edge.from)) continue;
      ctx.moveTo(edge.points[0][0], edge.points[0][1]);
      for (let p = 1; p < edge.points.length; p++) ctx.lineTo(edge.points[p][0], edge.points[p][1]);
    }
    ctx.stroke();
    if (k < OVERVIEW_ZOOM) {
      const { boxColour, marked } = propsRef.current;
      for (const node of visible) {
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(node.x, node.y, node.width, node.height);
        ctx.fillStyle = boxColour(node.id);
        ctx.fillRect(node.x, node.y, node.width, 28);
        ctx.strokeStyle = marked.has(node.id) ? '#7048e8' : '#c5ccd3';
        ctx.lineWidth = marked.has(node.id) ? 6 / Math.max(k, 0.05) / 4 : 1 / k;
        ctx.strokeRect(node.x, node.y, node.width, node.height);
      }
    }
  }, [inView, layout]);

  const refreshVisible = useCallback(() => {
    const overviewNow = view.current.k < OVERVIEW_ZOOM;
    setOverview(overviewNow);
    const next = overviewNow ? [] : inView(200).map((node) => node.id);
    setVisibleIds((previous) => (previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next));
  }, [inView]);

  const apply = useCallback(() => {
    const { x, y, k } = view.current;
    if (world.current) world.current.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      draw();
      refreshVisible();
    });
  }, [draw, refreshVisible]);

  const fit = useCallback(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box || layout.width === 0) return;
    const k = Math.max(MIN_ZOOM, Math.min(1, (box.width - 32) / layout.width, (box.height - 32) / layout.height));
    view.current = { k, x: (box.width - layout.width * k) / 2, y: 16 };
    apply();
  }, [apply, layout]);

  const zoomAt = useCallback((factor: number, px: number, py: number) => {
    const { x, y, k } = view.current;
    const next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k * factor));
    view.current = { k: next, x: px - ((px - x) * next) / k, y: py - ((py - y) * next) / k };
    apply();
  }, [apply]);

  useImperativeHandle(ref, () => ({
    fit,
    zoomBy(factor) {
      const box = container.current!.getBoundingClientRect();
      zoomAt(factor, box.width / 2, box.height / 2);
    },
    centreOn(id, zoom) {
      const node = layout.nodes.find((n) => n.id === id);
      const box = container.current?.getBoundingClientRect();
      if (!node || !box) return;
      const k = zoom ?? Math.max(view.current.k, 0.8);
      view.current = { k, x: box.width / 2 - (node.x + node.width / 2) * k, y: box.height / 3 - (node.y + node.height / 2) * k };
      apply();
    },
  }), [apply, fit, layout, zoomAt]);

  /** The first view: the whole chart when its cards stay readable, else the top of it at a readable size. */
  const start = useCallback(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box || layout.width === 0) return;
    const fitK = Math.min(1, (box.width - 32) / layout.width, (box.height - 32) / layout.height);
    if (fitK >= READABLE_ZOOM) return fit();
    const top = layout.nodes.reduce((best, node) => (node.y < best.y ? node : best), layout.nodes[0]);
    view.current = { k: READABLE_ZOOM, x: box.width / 2 - (top.x + top.width / 2) * READABLE_ZOOM, y: 16 };
    apply();
  }, [apply, fit, layout]);

  // A new layout (expand, collapse, focus) keeps the view; the first one is framed by start().
  const started = useRef(false);
  useLayoutEffect(() => {
    if (!started.current && layout.nodes.length) {
      started.current = true;
      start();
    } else apply();
  }, [layout, start, apply]);

  // Highlights change what the overview draws.
  useEffect(() => apply(), [props.marked, props.boxColour, apply]);

  useEffect(() => {
    const element = container.current!;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey || !event.shiftKey) zoomAt(Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015)), event.clientX - box.left, event.clientY - box.top);
      else {
        view.current = { ...view.current, x: view.current.x - event.deltaX - event.deltaY, y: view.current.y };
        apply();
      }
    };
    const observer = new ResizeObserver(() => apply());
    observer.observe(element);
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('wheel', onWheel);
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [apply, zoomAt]);

  // Drag to pan; a click without a drag on empty space (or on a box in the overview) selects.
  const drag = useRef<{ x: number; y: number; moved: boolean; id: number } | null>(null);
  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0 || (event.target as HTMLElement).closest('[data-chart-card]')) return;
    drag.current = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: React.PointerEvent) => {
    const state = drag.current;
    if (!state) return;
    const dx = event.clientX - state.x;
    const dy = event.clientY - state.y;
    if (!state.moved && Math.hypot(dx, dy) < 4) return;
    state.moved = true;
    state.x = event.clientX;
    state.y = event.clientY;
    view.current = { ...view.current, x: view.current.x + dx, y: view.current.y + dy };
    apply();
  };
  const onPointerUp = (event: React.PointerEvent) => {
    const state = drag.current;
    drag.current = null;
    if (!state || state.moved) return;
    const box = container.current!.getBoundingClientRect();
    const { x, y, k } = view.current;
    const wx = (event.clientX - box.left - x) / k;
    const wy = (event.clientY - box.top - y) / k;
    const hit = k < OVERVIEW_ZOOM ? layout.nodes.find((n) => wx >= n.x && wx <= n.x + n.width && wy >= n.y && wy <= n.y + n.height) : undefined;
    if (hit) props.onBoxClick(hit.id);
    else props.onBackgroundClick();
  };

  const byId = useMemo(() => new Map(layout.nodes.map((node) => [node.id, node])), [layout]);
  return (
    <div
      ref={container}
      className="sc-viewport"
      data-testid="chart-viewport"
      data-overview={overview || undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
    >
      <canvas ref={canvas} className="sc-canvas" aria-hidden />
      <div ref={world} className="sc-world">
        {visibleIds.map((id) => {
          const node = byId.get(id);
          return node ? <Placed key={id} node={node} render={props.renderCard} /> : null;
        })}
      </div>
    </div>
  );
});

const Placed = memo(function Placed({ node, render }: { node: PlacedNode; render: (node: PlacedNode) => ReactNode }) {
  return (
    <div className="sc-slot" style={{ transform: `translate(${node.x}px, ${node.y}px)`, width: node.width, height: node.height }}>
      {render(node)}
    </div>
  );
});
