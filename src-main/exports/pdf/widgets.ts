// Small graphics shared by the reports: gap bars, headline figures, a progress bar.
import { COVERAGE, INK, MUTED, RULE, TRACK, gapColour } from './colours';
import { contentWidth, type Pdf } from './document';

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
  doc.font('Helvetica').fontSize(8).fillColor(gap <= 0 ? gapColour(0) : INK);
  doc.text(gap <= 0 ? 'met' : formatGap(gap), box.x + barWidth + 4, box.y + (box.height - 8) / 2 + 1, { width: labelWidth, lineBreak: false });
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
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(figure.label.toUpperCase(), x + 10, top + 9, { width: width - 20, characterSpacing: 0.4 });
    doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(figure.value, x + 10, top + 20, { width: width - 20, lineBreak: false });
    if (figure.note) doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(figure.note, x + 10, top + 43, { width: width - 20, lineBreak: false });
  });
  doc.x = left;
  doc.y = top + height + 16;
}
