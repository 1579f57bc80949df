// The department heatmap as a grid of coloured cells: people down, skills across. Skills that do not
// fit the page width continue on further pages (each block of skills runs through all people).
import type { Heatmap } from '../../../src-shared/api';
import { INK, MUTED, RULE, STRIPE, gapColour } from './colours';
import { contentBottom, contentWidth, type Pdf } from './document';
import { drawText, textWidth } from './text';

const NAME_WIDTH = 150;
const JOB_WIDTH = 120;
const CELL_WIDTH = 22;
const ROW_HEIGHT = 14;
const HEADER_HEIGHT = 110;

type Cell = Heatmap['cells'][number];
type Person = Heatmap['employees'][number];
type Skill = Heatmap['skills'][number];

interface Block {
  skills: Skill[];
  people: Person[];
  caption: string;
}

/** Draws the grid from the current position on, one block of skills × people per page. */
export function drawHeatmapGrid(doc: Pdf, data: Heatmap): void {
  const cells = new Map(data.cells.map((cell) => [`${cell.employeeId}|${cell.skillId}`, cell]));
  const perPage = Math.floor((contentWidth(doc) - NAME_WIDTH - JOB_WIDTH) / CELL_WIDTH);
  const skillBlocks = chunk(data.skills, perPage);
  let first = true;
  skillBlocks.forEach((skills, blockIndex) => {
    let start = 0;
    while (start < data.employees.length) {
      if (!first) doc.addPage();
      first = false;
      const rows = Math.max(1, Math.floor((contentBottom(doc) - doc.y - 14 - HEADER_HEIGHT) / ROW_HEIGHT));
      const people = data.employees.slice(start, start + rows);
      drawBlock(doc, cells, { skills, people, caption: caption(data, skillBlocks.length, blockIndex, perPage, start, people.length) });
      start += people.length;
    }
  });
}

function caption(data: Heatmap, blocks: number, blockIndex: number, perPage: number, start: number, count: number): string {
  const people = `People ${start + 1}–${start + count} of ${data.employees.length}`;
  if (blocks === 1) return people;
  const first = blockIndex * perPage + 1;
  const last = Math.min(data.skills.length, first + perPage - 1);
  return `Skills ${first}–${last} of ${data.skills.length} · ${people}`;
}

function drawBlock(doc: Pdf, cells: Map<string, Cell>, block: Block): void {
  const left = doc.page.margins.left;
  drawText(doc, block.caption, left, doc.y, { size: 8, colour: MUTED, width: contentWidth(doc) });
  const top = doc.y + 4;
  drawColumnHeads(doc, block.skills, left, top);
  block.people.forEach((person, index) => drawPersonRow(doc, cells, block.skills, person, top + HEADER_HEIGHT + index * ROW_HEIGHT, index % 2 === 1));
  doc.x = left;
  doc.y = top + HEADER_HEIGHT + block.people.length * ROW_HEIGHT + 10;
}

function drawColumnHeads(doc: Pdf, skills: Skill[], left: number, top: number): void {
  const bottom = top + HEADER_HEIGHT;
  const head = { size: 8, weight: 'bold', colour: MUTED, maxLines: 1 } as const;
  drawText(doc, 'EMPLOYEE', left + 2, bottom - 12, { ...head, width: NAME_WIDTH - 4 });
  drawText(doc, 'JOB', left + NAME_WIDTH + 2, bottom - 12, { ...head, width: JOB_WIDTH - 4 });
  skills.forEach((skill, index) => {
    const x = left + NAME_WIDTH + JOB_WIDTH + index * CELL_WIDTH + (CELL_WIDTH - 8) / 2;
    const y = bottom - 4;
    doc.save().rotate(-90, { origin: [x, y] });
    drawText(doc, skill.name, x, y, { size: 7.5, colour: INK, width: HEADER_HEIGHT - 8, maxLines: 1 });
    doc.restore();
  });
  const right = left + NAME_WIDTH + JOB_WIDTH + skills.length * CELL_WIDTH;
  doc.moveTo(left, bottom).lineTo(right, bottom).lineWidth(0.75).strokeColor(RULE).stroke();
}

function drawPersonRow(doc: Pdf, cells: Map<string, Cell>, skills: Skill[], person: Person, y: number, striped: boolean): void {
  const left = doc.page.margins.left;
  if (striped) doc.rect(left, y, NAME_WIDTH + JOB_WIDTH, ROW_HEIGHT).fillColor(STRIPE).fill();
  drawText(doc, person.name, left + 2, y + 3, { size: 8, colour: INK, width: NAME_WIDTH - 6, maxLines: 1 });
  drawText(doc, person.jobTitle ?? '—', left + NAME_WIDTH + 2, y + 3.5, { size: 7.5, colour: MUTED, width: JOB_WIDTH - 6, maxLines: 1 });
  skills.forEach((skill, index) => {
    const cell = cells.get(`${person.id}|${skill.id}`);
    drawCell(doc, cell, left + NAME_WIDTH + JOB_WIDTH + index * CELL_WIDTH, y);
  });
}

/** A coloured cell reading "current/required" ("–" when not rated); a pale empty cell where not required. */
function drawCell(doc: Pdf, cell: Cell | undefined, x: number, y: number): void {
  doc.rect(x + 0.5, y + 0.5, CELL_WIDTH - 1, ROW_HEIGHT - 1).fillColor(cell ? gapColour(cell.gap) : STRIPE).fill();
  if (!cell) return;
  const light = cell.gap <= 0 || cell.gap >= 0.6;
  const label = `${cell.currentLevel ?? '–'}/${cell.requiredLevel}`;
  drawText(doc, label, x, y + 4, { size: 6.5, colour: light ? '#ffffff' : INK, width: CELL_WIDTH, align: 'center', maxLines: 1 });
}

/** Swatches for met, growing gaps and not required, with how to read a cell. */
export function drawHeatmapLegend(doc: Pdf): void {
  const entries: [string, string][] = [
    [gapColour(0), 'met'],
    [gapColour(0.25), 'gap 0.25'],
    [gapColour(0.5), 'gap 0.50'],
    [gapColour(0.75), 'gap 0.75'],
    [gapColour(1), 'whole scale short'],
    [STRIPE, 'not required'],
  ];
  const y = doc.y;
  let x = doc.page.margins.left;
  const text = { size: 8, colour: MUTED };
  for (const [colour, label] of entries) {
    doc.rect(x, y, 12, 9).fillColor(colour).fill();
    drawText(doc, label, x + 16, y + 0.5, text);
    x += 16 + textWidth(label, text) + 14;
  }
  drawText(doc, 'Cells read current / required level; – is not rated.', x + 6, y + 0.5, text);
  doc.x = doc.page.margins.left;
  doc.y = y + 20;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}
