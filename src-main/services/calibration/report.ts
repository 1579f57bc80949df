// Everything a calibration file shows, read once: the session, its people, the distribution
// and the history, plus the names the nine-box and the bins list per box and per level.
import type { CalibrationChange, CalibrationMember, CalibrationSession, SessionDistribution } from '../../../src-shared/api/calibration';
import { boxIndex, boxOf } from '../../../src-shared/domain/calibration';
import type { ServiceContext } from '../context';
import { organisationName } from '../../exports/pdf/gap-report';
import { getSession, listMembers } from './common';
import { getDistribution } from './distribution';
import { listHistory } from './members';

export interface SessionReport {
  organisation: string;
  session: CalibrationSession;
  members: CalibrationMember[];
  distribution: SessionDistribution;
  history: CalibrationChange[];
  /** People per box (row by row from the lowest potential), by name. */
  byBox: CalibrationMember[][];
  /** People per performance level, by name. */
  byLevel: CalibrationMember[][];
  /** People on no box yet (no performance or no potential). */
  unplaced: CalibrationMember[];
  generatedAt: string;
}

export function sessionReport(ctx: ServiceContext, sessionId: string): SessionReport {
  const session = getSession(ctx, sessionId);
  const members = listMembers(ctx, session);
  const { settings, levels } = session;
  const byBox: CalibrationMember[][] = Array.from({ length: settings.columns * settings.rows }, () => []);
  const byLevel: CalibrationMember[][] = levels.map(() => []);
  const unplaced: CalibrationMember[] = [];
  for (const member of members) {
    const box = boxOf(settings, levels, settings.potentialLevels, member.performance, member.potential);
    if (box) byBox[boxIndex(settings, box.column, box.row)].push(member);
    else unplaced.push(member);
    const level = levels.findIndex((l) => l.value === member.performance);
    if (level >= 0) byLevel[level].push(member);
  }
  return {
    organisation: organisationName(ctx), session, members, distribution: getDistribution(ctx, session), history: listHistory(ctx, session.id),
    byBox, byLevel, unplaced, generatedAt: ctx.now,
  };
}

/** "Calibration 2026 Engineering 2026-03-02" for file names: letters, digits, dashes and spaces only. */
export const reportFileName = (report: SessionReport, extension: string) =>
  `${`Calibration ${report.session.name}`.replace(/[^\p{L}\p{N}\- ]+/gu, '').replace(/\s+/g, ' ').trim()} ${report.session.date}.${extension}`;
