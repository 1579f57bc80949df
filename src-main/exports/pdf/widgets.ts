// Small graphics shared by the reports: gap bars, headline figures, a progress bar.
import { COVERAGE, INK, MUTED, RULE, TRACK, gapColour } from './colours';
import { contentWidth, type Pdf } from './document';
import { drawText } from './text';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const formatGap = (gap: number) => gap.toFixed(2);
export const formatPercent = (value: number) => `${Math.round(value)}%`;

/** A gap (0–1) as a coloured bar with its value beside it; a met requirement is a full green bar and "met". */
export function drawGapBar(doc: Pdf, gap: number, box: Box): void {
  const labelWidth = 28;
  const barWidth = box.width - labelWidth - 4;
  const barY = box.y + (box.height - 6) / 2;
  const share = gap <= 0 ? 1 : Math.max(0.04, Math.min(1, gap));
  doc.roundedRect(box.x, barY, barWidth, 6, 3).fillColor(TRACK).fill();
  doc.roundedRect(box.x, barY, barWidth * share, 6, 3).fillColor(gapColour(gap)).fill();
  const label = gap <= 0 ? 'met' : formatGap(gap);
  drawText(doc, label, box.x + barWidth + 4, box.y + (box.height - 8) / 2, { size: 8, colour: gap <= 0 ? gapColour(0) : INK, width: labelWidth, maxLines: 1 });
}

/** A share (0–100) as a bar in the coverage colour. */
export function drawProgress(doc: Pdf, percent: number, box: Box): void {
  const share = Math.max(0, Math.min(100, percent)) / 100;
  doc.roundedRect(box.x, box.y, box.width, box.height, box.height / 2).fillColor(TRACK).fill();
  if (share > 0) doc.roundedRect(box.x, box.y, Math.max(box.height, box.width * share), box.height, box.height / 2).fillColor(COVERAGE).fill();
}

export interface Figure {
  label: string;
  value: string;
  note?: string;
}

/** Headline figures side by side in outlined tiles, at the current position. */
export function drawFigures(doc: Pdf, figures: Figure[]): void {
  const gap = 10;
  const left = doc.page.margins.left;
  const width = (contentWidth(doc) - gap * (figures.length - 1)) / figures.length;
  const top = doc.y;
  const height = 58;
  figures.forEach((figure, index) => {
    const x = left + index * (width + gap);
    doc.roundedRect(x, top, width, height, 4).lineWidth(0.75).strokeColor(RULE).stroke();
    const inner = { width: width - 20, maxLines: 1 };
    drawText(doc, figure.label.toUpperCase(), x + 10, top + 9, { size: 8, colour: MUTED, characterSpacing: 0.4, ...inner });
    drawText(doc, figure.value, x + 10, top + 20, { size: 20, weight: 'bold', colour: INK, ...inner });
    if (figure.note) drawText(doc, figure.note, x + 10, top + 43, { size: 8, colour: MUTED, ...inner });
  });
  doc.x = left;
  doc.y = top + height + 16;
}
