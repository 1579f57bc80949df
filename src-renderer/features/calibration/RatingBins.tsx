import type { CalibrationMember } from '../../../src-shared/api/calibration';
import { BoardDnd, CardList, DropZone, type CardDisplay } from './board';
import type { Board } from './model';
import { HoldingArea } from './NineBox';

/** A column per rating level; dropping a card on a column moves the person to that level. */
export function RatingBins({ board, display, onDropInBin }: { board: Board; display: CardDisplay; onDropInBin(member: CalibrationMember, levelIndex: number): void }) {
  const { levels } = display.session;
  const total = board.countsByLevel.reduce((a, b) => a + b, 0);
  return (
    <BoardDnd display={display} members={[...board.bins.flat(), ...board.binHolding]} onDrop={(member, id) => id.startsWith('bin:') && onDropInBin(member, Number(id.slice(4)))}>
      <div className="cal-bins" data-testid="rating-bins">
        {levels.map((level, index) => {
          const people = board.bins[index];
          const rule = board.evaluation?.rules.find((r) => r.fromIndex === index && r.toIndex === index);
          return (
            <DropZone key={level.value} id={`bin:${index}`} className="cal-bin" testId={`bin-${index}`} label={`${level.label}: ${people.length} people`}>
              <div className="cal-box-head">
                <span className="cal-box-name" title={level.label}>{level.value} · {level.label}</span>
                <span className="cal-box-count" data-testid="bin-count">{people.length}{total ? ` · ${Math.round((people.length / total) * 1000) / 10} %` : ''}</span>
              </div>
              {rule && (
                <div className="cal-box-count" style={{ padding: '0 8px 4px', color: `var(--mantine-color-${rule.status === 'within' ? 'teal' : rule.status === 'over' ? 'red' : 'orange'}-7)` }}>
                  Target {rule.target.replace(/ of \d+.*$/, '')}{rule.status === 'within' ? ' ✓' : ` · ${rule.status} by ${rule.outsideBy}`}
                </div>
              )}
              <CardList members={people} display={display} />
            </DropZone>
          );
        })}
        <HoldingArea members={board.binHolding} display={display} what="no performance rating yet" />
      </div>
    </BoardDnd>
  );
}
