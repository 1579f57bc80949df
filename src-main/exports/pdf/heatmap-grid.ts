// The department heatmap as a grid of coloured cells: people down, skills across. Skills that do not
// fit the page width continue on further pages (each block of skills runs through all people).
import type { Heatmap } from '../../../src-shared/api';
import { INK, MUTED, RULE, STRIPE, gapColour } from './colours';
import { contentBottom, contentWidth, type Pdf } from './document';

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
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(block.caption, left, doc.y, { width: contentWidth(doc) });
  const top = doc.y + 4;
  drawColumnHeads(doc, block.skills, left, top);
  block.people.forEach((person, index) => drawPersonRow(doc, cells, block.skills, person, top + HEADER_HEIGHT + index * ROW_HEIGHT, index % 2 === 1));
  doc.x = left;
  doc.y = top + HEADER_HEIGHT + block.people.length * ROW_HEIGHT + 10;
}

function drawColumnHeads(doc: Pdf, skills: Skill[], left: number, top: number): void {
  const bottom = top + HEADER_HEIGHT;
  doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED);
  doc.text('EMPLOYEE', left + 2, bottom - 12, { width: NAME_WIDTH - 4, lineBreak: false });
  doc.text('JOB', left + NAME_WIDTH + 2, bottom - 12, { width: JOB_WIDTH - 4, lineBreak: false });
  doc.font('Helvetica').fontSize(7.5).fillColor(INK);
  skills.forEach((skill, index) => {
    const x = left + NAME_WIDTH + JOB_WIDTH + index * CELL_WIDTH + (CELL_WIDTH - 8) / 2;
    const y = bottom - 4;
    doc.save().rotate(-90, { origin: [x, y] });
    doc.text(skill.name, x, y, { width: HEADER_HEIGHT - 8, height: 9, ellipsis: true });
    doc.restore();
  });
  const right = left + NAME_WIDTH + JOB_WIDTH + skills.length * CELL_WIDTH;
  doc.moveTo(left, bottom).lineTo(right, bottom).lineWidth(0.75).strokeColor(RULE).stroke();
}

function drawPersonRow(doc: Pdf, cells: Map<string, Cell>, skills: Skill[], person: Person, y: number, striped: boolean): void {
  const left = doc.page.margins.left;
  if (striped) doc.rect(left, y, NAME_WIDTH + JOB_WIDTH, ROW_HEIGHT).fillColor(STRIPE).fill();
  doc.font('Helvetica').fontSize(8).fillColor(INK).text(person.name, left + 2, y + 3.5, { width: NAME_WIDTH - 6, height: 9, ellipsis: true });
  doc.fontSize(7.5).fillColor(MUTED).text(person.jobTitle ?? '—', left + NAME_WIDTH + 2, y + 4, { width: JOB_WIDTH - 6, height: 9, ellipsis: true });
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
  doc.font('Helvetica').fontSize(6.5).fillColor(light ? '#ffffff' : INK);
  doc.text(`${cell.currentLevel ?? '–'}/${cell.requiredLevel}`, x, y + 4.5, { width: CELL_WIDTH, align: 'center', lineBreak: false });
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
  doc.font('Helvetica').fontSize(8);
  for (const [colour, label] of entries) {
    doc.rect(x, y, 12, 9).fillColor(colour).fill();
    doc.fillColor(MUTED).text(label, x + 16, y + 1, { lineBreak: false });
    x += 16 + doc.widthOfString(label) + 14;
  }
  doc.text('Cells read current / required level; – is not rated.', x + 6, y + 1, { lineBreak: false });
  doc.x = doc.page.margins.left;
  doc.y = y + 20;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length ? chunks : [[]];
}
