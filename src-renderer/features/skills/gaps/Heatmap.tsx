import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Heatmap as HeatmapData } from '../../../../src-shared/api';
import { formatGap, gapColor } from './GapBar';
import './heatmap.css';

const NAME_WIDTH = 240;
const HEADER_HEIGHT = 150;
const CELL_WIDTH = 26;
const ROW_HEIGHT = 24;

interface HeatmapProps {
  data: HeatmapData;
  height: number;
  levelLabel: (skillId: string, level: number | null) => string;
  onOpenPerson: (employeeId: string) => void;
  onOpenSkill: (skillId: string) => void;
}

/**
 * Employees × skills, each cell coloured by its normalised gap (blank where the job does not
 * require the skill). Both axes are virtualised and rows are memoised, so scrolling down only
 * renders the rows coming into view. Arrows move the active cell, Enter opens the person.
 */
export function Heatmap({ data, height, levelLabel, onOpenPerson, onOpenSkill }: HeatmapProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const cells = useMemo(() => new Map(data.cells.map((cell) => [cellKey(cell.employeeId, cell.skillId), cell])), [data]);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const rows = useVirtualizer({
    count: data.employees.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 8,
  });
  const columns = useVirtualizer({
    horizontal: true,
    count: data.skills.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CELL_WIDTH,
    paddingStart: NAME_WIDTH,
    scrollPaddingStart: NAME_WIDTH,
    overscan: 6,
  });
  const width = columns.getTotalSize();
  const visibleColumns = columns.getVirtualItems();
  const colRange = { first: visibleColumns[0]?.index ?? 0, last: visibleColumns.at(-1)?.index ?? -1 };

  const describe = useCallback(
    (row: number, col: number) => {
      const employee = data.employees[row];
      const skill = data.skills[col];
      if (!employee || !skill) return '';
      const cell = cells.get(cellKey(employee.id, skill.id));
      if (!cell) return `${employee.name} · ${skill.name}: not required`;
      const current = cell.currentLevel === null ? 'not rated' : levelLabel(skill.id, cell.currentLevel);
      return `${employee.name} · ${skill.name}: required ${levelLabel(skill.id, cell.requiredLevel)}, current ${current}, gap ${formatGap(cell.gap)}`;
    },
    [data, cells, levelLabel],
  );

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') return data.employees[active.row] && onOpenPerson(data.employees[active.row].id);
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = {
      row: clamp(active.row + move[0], data.employees.length - 1),
      col: clamp(active.col + move[1], data.skills.length - 1),
    };
    setActive(next);
    rows.scrollToIndex(next.row);
    columns.scrollToIndex(next.col);
  }

  /** One click handler for every cell: the cell names its row and column. */
  function onClick(event: MouseEvent) {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!target) return;
    const [row, col] = target.dataset.cell!.split(':').map(Number);
    setActive({ row, col });
    onOpenPerson(data.employees[row].id);
  }

  return (
    <div>
      <div
        ref={scroller}
        className="hm-scroller"
        style={{ height }}
        role="grid"
        tabIndex={0}
        aria-label="Skill gap heatmap"
        aria-rowcount={data.employees.length + 1}
        aria-colcount={data.skills.length + 1}
        aria-activedescendant={`hm-${active.row}-${active.col}`}
        onKeyDown={onKeyDown}
        onClick={onClick}
        data-testid="heatmap"
      >
        <div style={{ width, height: rows.getTotalSize(), position: 'relative' }}>
          <div className="hm-header" role="row" style={{ width, height: HEADER_HEIGHT }}>
            <div className="hm-corner" style={{ width: NAME_WIDTH }}>
              <Text size="xs" c="dimmed">{data.employees.length} people × {data.skills.length} skills</Text>
            </div>
            {visibleColumns.map((column) => {
              const skill = data.skills[column.index];
              return (
                <button
                  key={skill.id}
                  type="button"
                  role="columnheader"
                  className="hm-skill"
                  style={{ left: column.start, width: column.size, height: HEADER_HEIGHT }}
                  title={`${skill.name}: who is short of it`}
                  onClick={() => onOpenSkill(skill.id)}
                  tabIndex={-1}
                >
                  <span>{skill.name}</span>
                </button>
              );
            })}
          </div>
          {rows.getVirtualItems().map((row) => (
            <HeatmapRow
              key={data.employees[row.index].id}
              index={row.index}
              top={row.start}
              width={width}
              employee={data.employees[row.index]}
              skills={data.skills}
              cells={cells}
              first={colRange.first}
              last={colRange.last}
              activeCol={active.row === row.index ? active.col : -1}
              describe={describe}
            />
          ))}
        </div>
      </div>
      <Text size="xs" c="dimmed" mt={4} mih={18} data-testid="heatmap-active">
        {describe(active.row, active.col)}
      </Text>
    </div>
  );
}

interface HeatmapRowProps {
  index: number;
  top: number;
  width: number;
  employee: HeatmapData['employees'][number];
  skills: HeatmapData['skills'];
  cells: Map<string, HeatmapData['cells'][number]>;
  /** The visible columns, first to last (inclusive). */
  first: number;
  last: number;
  /** The active cell's column when it is in this row, else -1. */
  activeCol: number;
  describe: (row: number, col: number) => string;
}

const HeatmapRow = memo(function HeatmapRow({ index, top, width, employee, skills, cells, first, last, activeCol, describe }: HeatmapRowProps) {
  const rendered = [];
  for (let col = first; col <= last; col++) {
    const skill = skills[col];
    const cell = cells.get(cellKey(employee.id, skill.id));
    const label = describe(index, col);
    rendered.push(
      <div
        key={col}
        id={`hm-${index}-${col}`}
        role="gridcell"
        aria-label={label}
        title={label}
        className={`hm-cell${cell ? ' hm-required' : ''}${col === activeCol ? ' hm-active' : ''}`}
        style={{ left: NAME_WIDTH + col * CELL_WIDTH, width: CELL_WIDTH, background: cell ? gapColor(cell.gap) : undefined }}
        data-cell={`${index}:${col}`}
        data-testid={cell ? `heatmap-cell-${employee.id}-${skill.id}` : undefined}
      />,
    );
  }
  return (
    <div role="row" aria-rowindex={index + 2} className="hm-row" style={{ top, height: ROW_HEIGHT, width }}>
      <div className="hm-name" role="rowheader" style={{ width: NAME_WIDTH }} title={employee.jobTitle ?? undefined}>
        {employee.name}
        {employee.jobTitle && <span className="hm-job"> · {employee.jobTitle}</span>}
      </div>
      {rendered}
    </div>
  );
});

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
const cellKey = (employeeId: string, skillId: string) => `${employeeId}|${skillId}`;
const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** The colour scale under the heatmap. */
export function HeatmapLegend() {
  const stops = [0.05, 0.25, 0.5, 0.75, 1].map((gap) => gapColor(gap)).join(', ');
  return (
    <div className="hm-legend">
      <div className="hm-legend-swatch" style={{ background: gapColor(0) }} />
      <Text size="xs" c="dimmed" mr="sm">met</Text>
      <Text size="xs" c="dimmed">small gap</Text>
      <div className="hm-legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <Text size="xs" c="dimmed">whole scale short</Text>
      <div className="hm-legend-swatch hm-legend-blank" />
      <Text size="xs" c="dimmed">not required</Text>
    </div>
  );
}
