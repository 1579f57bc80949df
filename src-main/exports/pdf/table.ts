// A table writer: fixed-height rows, striped, header repeated on every page it spans.
import { INK, MUTED, RULE, STRIPE } from './colours';
import { contentBottom, contentWidth, type Pdf } from './document';
import { drawText, type TextOptions } from './text';
import type { Box } from './widgets';

export interface Column<Row> {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  share: number;
  align?: 'left' | 'right';
  /** The cell as text … */
  text?: (row: Row) => string;
  /** … or drawn into its box (a bar, a swatch). */
  draw?: (doc: Pdf, row: Row, box: Box) => void;
}

const ROW_HEIGHT = 18;
const HEADER_HEIGHT = 20;
const PADDING = 6;

/** Writes the rows from the current position, breaking pages and repeating the header. */
export function writeTable<Row>(doc: Pdf, columns: Column<Row>[], rows: Row[], emptyText = 'Nothing to show.'): void {
  const boxes = columnBoxes(doc, columns);
  drawHeader(doc, columns, boxes);
  if (rows.length === 0) {
    drawText(doc, emptyText, boxes[0].x + PADDING, doc.y + 5, { size: 9, italic: true, colour: MUTED, width: contentWidth(doc) - 2 * PADDING });
    doc.y += 10;
    return;
  }
  rows.forEach((row, index) => {
    if (doc.y + ROW_HEIGHT > contentBottom(doc)) {
      doc.addPage();
      drawHeader(doc, columns, boxes);
    }
    drawRow(doc, columns, boxes, row, index % 2 === 1);
  });
  doc.x = doc.page.margins.left;
  doc.y += 14;
}

function columnBoxes<Row>(doc: Pdf, columns: Column<Row>[]): { x: number; width: number }[] {
  const total = columns.reduce((sum, column) => sum + column.share, 0);
  const width = contentWidth(doc);
  let x = doc.page.margins.left;
  return columns.map((column) => {
    const box = { x, width: (width * column.share) / total };
    x += box.width;
    return box;
  });
}

function drawHeader<Row>(doc: Pdf, columns: Column<Row>[], boxes: { x: number; width: number }[]): void {
  const y = doc.y;
  const right = boxes[boxes.length - 1].x + boxes[boxes.length - 1].width;
  columns.forEach((column, index) => cellText(doc, column.header.toUpperCase(), boxes[index], y, HEADER_HEIGHT, { size: 8, weight: 'bold', colour: MUTED, align: column.align }));
  doc.moveTo(boxes[0].x, y + HEADER_HEIGHT).lineTo(right, y + HEADER_HEIGHT).lineWidth(0.75).strokeColor(RULE).stroke();
  doc.y = y + HEADER_HEIGHT;
}

function drawRow<Row>(doc: Pdf, columns: Column<Row>[], boxes: { x: number; width: number }[], row: Row, striped: boolean): void {
  const y = doc.y;
  const right = boxes[boxes.length - 1].x + boxes[boxes.length - 1].width;
  if (striped) doc.rect(boxes[0].x, y, right - boxes[0].x, ROW_HEIGHT).fillColor(STRIPE).fill();
  columns.forEach((column, index) => {
    const box = boxes[index];
    if (column.draw) column.draw(doc, row, { x: box.x + PADDING, y, width: box.width - 2 * PADDING, height: ROW_HEIGHT });
    else cellText(doc, column.text?.(row) ?? '', box, y, ROW_HEIGHT, { size: 9, colour: INK, align: column.align });
  });
  doc.y = y + ROW_HEIGHT;
}

/** One line, vertically centred, cut with an ellipsis when too long. */
function cellText(doc: Pdf, text: string, box: { x: number; width: number }, y: number, height: number, options: TextOptions): void {
  drawText(doc, text, box.x + PADDING, y + (height - options.size) / 2, { ...options, width: box.width - 2 * PADDING, maxLines: 1 });
}
