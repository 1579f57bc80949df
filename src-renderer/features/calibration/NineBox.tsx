import { Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { CalibrationMember, CalibrationSession } from '../../../src-shared/api/calibration';
import { bandLabel, levelsOfBand, nineBoxLayout } from '../../../src-shared/domain/calibration';
import { BoardDnd, CardList, DropZone, type CardDisplay } from './board';
import type { Board } from './model';

/**
 * Performance × potential, laid out by the same function as the PDF and the slides: each box a
 * drop target with a virtualised list of its people, so a box of hundreds scrolls instead of
 * overflowing and only the visible cards are in the page.
 */
export function NineBox({ board, display, onDropInBox }: { board: Board; display: CardDisplay; onDropInBox(member: CalibrationMember, boxIndex: number): void }) {
  const { ref, width, height } = useElementSize();
  const { session, presenter } = display;
  const { settings, levels } = session;
  const layout = width > 0 && height > 0 ? nineBoxLayout(settings, { width, height, labelSize: presenter ? 24 : 18, gap: 6 }) : null;
  const total = board.countsByLevel.reduce((a, b) => a + b, 0);
  return (
    <BoardDnd display={display} members={[...board.boxes.flat(), ...board.boxHolding]} onDrop={(member, id) => id.startsWith('box:') && onDropInBox(member, Number(id.slice(4)))}>
      <div style={{ display: 'flex', gap: 8, height: '100%', minHeight: 0 }}>
      <div className="cal-board" ref={ref} data-testid="nine-box">
        {layout?.boxes.map((box) => {
          const style = settings.boxes[box.index];
          const people = board.boxes[box.index];
          return (
            <DropZone
              key={box.index}
              id={`box:${box.index}`}
              className="cal-box"
              style={{ left: box.x, top: box.y, width: box.width, height: box.height, background: style.colour }}
              testId={`box-${box.index}`}
              label={`${style.name}: ${people.length} people`}
            >
              <div className="cal-box-head">
                <span className="cal-box-name" title={style.name}>{style.name}</span>
                <span className="cal-box-count" data-testid="box-count">{people.length}{total ? ` · ${Math.round((people.length / total) * 100)} %` : ''}</span>
              </div>
              <CardList members={people} display={display} />
            </DropZone>
          );
        })}
        {layout?.columnLabels.map((label) => (
          <div key={`c${label.column}`} className="cal-axis" style={{ left: label.x, top: label.y, width: label.width, height: label.height }}>
            {bandLabel(levels, settings.performanceBands, label.column)}
          </div>
        ))}
        {layout && (
          <div className="cal-axis cal-axis-title" style={{ left: layout.performanceAxis.x, top: layout.performanceAxis.y, width: layout.performanceAxis.width, height: layout.performanceAxis.height }}>
            Performance →
          </div>
        )}
        {layout?.rowLabels.map((label) => (
          <div key={`r${label.row}`} className="cal-axis cal-axis-rotated" style={{ left: label.x, top: label.y, width: label.width, height: label.height }}>
            {bandLabel(settings.potentialLevels, settings.potentialBands, label.row)}
          </div>
        ))}
        {layout && (
          <div className="cal-axis cal-axis-title cal-axis-rotated" style={{ left: layout.potentialAxis.x, top: layout.potentialAxis.y, width: layout.potentialAxis.width, height: layout.potentialAxis.height }}>
            Potential →
          </div>
        )}
        {!layout && <Text c="dimmed">Laying out…</Text>}
      </div>
      <HoldingArea members={board.boxHolding} display={display} what="no performance rating or no potential yet" />
      </div>
    </BoardDnd>
  );
}

/** People not placed yet: drag them (or press Enter on them) into a box or a bin. */
export function HoldingArea({ members, display, what }: { members: CalibrationMember[]; display: CardDisplay; what: string }) {
  return (
    <section className="cal-bin cal-holding" style={{ flex: display.presenter ? '0 0 300px' : '0 0 230px' }} data-testid="holding-area" aria-label={`Holding area: ${members.length} people`}>
      <div className="cal-box-head">
        <span className="cal-box-name">Holding area</span>
        <span className="cal-box-count" data-testid="holding-count">{members.length}</span>
      </div>
      <Text size="xs" c="dimmed" px={8} pb={4}>{members.length ? what : 'Everyone is placed.'}</Text>
      <CardList members={members} display={display} />
    </section>
  );
}

/** The performance levels a nine-box column holds, for the move prompt. */
export const columnLevels = (session: CalibrationSession, column: number) =>
  levelsOfBand(session.settings.performanceBands, column).map((index) => session.levels[index].value);
