// The pieces the nine-box and the rating bins share: a person's card (dragged with the mouse,
// lifted with Space and moved with the arrow keys, or sent to a box picked from a list with
// Enter), a virtualised list of cards, and the drag-and-drop context around them.
import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';
import { labelOf, matches, type MemberFilter } from './model';
import './calibration.css';

export interface CardDisplay {
  session: CalibrationSession;
  filter: MemberFilter;
  /** Filter mode hides people who do not match; highlight mode dims them. */
  mode: 'highlight' | 'filter';
  presenter: boolean;
  readOnly: boolean;
  pendingIds: ReadonlySet<string>;
  onOpen(member: CalibrationMember): void;
  onPick(member: CalibrationMember): void;
}

export const cardHeight = (presenter: boolean) => (presenter ? 58 : 40);

/** What a card says about the rating: the level, or the original struck through beside the new one. */
function RatingText({ session, member }: { session: CalibrationSession; member: CalibrationMember }) {
  const now = labelOf(session.levels, member.performance);
  if (member.movement === 'up' || member.movement === 'down' || member.movement === 'placed') {
    return (
      <>
        {member.movement !== 'placed' && <span className="cal-struck">{labelOf(session.levels, member.originalLevel)}</span>}{' '}
        <span className={member.movement === 'down' ? 'cal-down' : 'cal-up'}>{member.movement === 'down' ? '↓' : '↑'} {now}</span>
      </>
    );
  }
  return <>{now ?? 'Not rated'}</>;
}

export function CardBody({ member, display }: { member: CalibrationMember; display: CardDisplay }) {
  const { session, presenter } = display;
  return (
    <>
      <div className="cal-card-main">
        <div className="cal-card-name">{member.employeeName}</div>
        <div className="cal-card-sub">{presenter ? member.jobTitle ?? '' : [member.jobTitle, member.departmentName].filter(Boolean).join(' · ')}</div>
      </div>
      <div className="cal-card-rating">
        <RatingText session={session} member={member} />
        <div className="cal-card-sub">
          {member.potential !== null ? `Potential ${labelOf(session.settings.potentialLevels, member.potential)}` : 'No potential'}
          {member.discussed ? ' · ✓' : ''}
        </div>
      </div>
    </>
  );
}

export function MemberCard({ member, display }: { member: CalibrationMember; display: CardDisplay }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: member.id, data: { member }, disabled: display.readOnly });
  const matched = matches(display.filter, member);
  const filtering = display.filter.departmentIds || display.filter.managerId || display.filter.jobLevel;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !display.readOnly) {
      event.preventDefault();
      display.onPick(member);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <div
      ref={setNodeRef}
      className="cal-card"
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      onClick={() => display.onOpen(member)}
      aria-roledescription="person card"
      aria-label={`${member.employeeName}: ${labelOf(display.session.levels, member.performance) ?? 'not rated'}, potential ${labelOf(display.session.settings.potentialLevels, member.potential) ?? 'not set'}. Enter to move, Space to drag with the arrow keys.`}
      data-testid="person-card"
      data-name={member.employeeName}
      data-dim={Boolean(filtering) && !matched}
      data-hl={Boolean(filtering) && matched}
      data-pending={display.pendingIds.has(member.id)}
      data-dragging={isDragging}
    >
      <CardBody member={member} display={display} />
    </div>
  );
}

/** A scrollable list of cards of which only the visible ones (and a few more) are in the DOM. */
export function CardList({ members, display }: { members: CalibrationMember[]; display: CardDisplay }) {
  const scroller = useRef<HTMLDivElement>(null);
  const shown = display.mode === 'filter' ? members.filter((m) => matches(display.filter, m)) : members;
  const height = cardHeight(display.presenter);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => height + 4, overscan: 3 });
  return (
    <div className="cal-list" ref={scroller}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={shown[item.index].id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${item.start}px)` }}>
            <MemberCard member={shown[item.index]} display={display} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** A drop target (a box or a bin) that shows when a card is over it. */
export function DropZone({ id, className, style, children, testId, label }: { id: string; className: string; style?: React.CSSProperties; children: ReactNode; testId: string; label: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section ref={setNodeRef} className={className} style={style} data-over={isOver} data-testid={testId} aria-label={label}>
      {children}
    </section>
  );
}

/** Arrow keys carry a lifted card to the nearest drop target in that direction. */
const toNearestTarget: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers } }) => {
  const direction = ({ ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] } as Record<string, [number, number]>)[event.code];
  if (!direction || !collisionRect) return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number; score: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const along = (x - cx) * direction[0] + (y - cy) * direction[1];
    if (along <= 8) continue;
    const across = Math.abs((x - cx) * direction[1]) + Math.abs((y - cy) * direction[0]);
    const score = along + across * 2;
    if (!best || score < best.score) best = { x, y, score };
  }
  return best ? { x: best.x - collisionRect.width / 2, y: best.y - collisionRect.height / 2 } : undefined;
};

/** Drag and drop for a board: a card dropped on a target calls `onDrop` with the target's id. */
export function BoardDnd({ display, members, onDrop, children }: {
  display: CardDisplay;
  members: CalibrationMember[];
  onDrop(member: CalibrationMember, targetId: string): void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: toNearestTarget, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const [active, setActive] = useState<CalibrationMember | null>(null);
  const byId = (id: string) => members.find((m) => m.id === id) ?? null;
  return (
    <DndContext
      sensors={sensors}
      onDragStart={(event: DragStartEvent) => setActive(byId(String(event.active.id)))}
      onDragCancel={() => setActive(null)}
      onDragEnd={(event: DragEndEvent) => {
        setActive(null);
        const member = byId(String(event.active.id));
        if (member && event.over) onDrop(member, String(event.over.id));
      }}
      accessibility={{ screenReaderInstructions: { draggable: 'Press Enter to pick a box for this person, or Space to lift the card, the arrow keys to move it and Space again to drop it.' } }}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {active && (
          <div className="cal-card cal-overlay" style={{ height: cardHeight(display.presenter), width: 240 }}>
            <CardBody member={active} display={display} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
