import type { calibrationArea } from '../../../src-shared/api/calibration';
import type { AreaHandlers } from '../../api/types';
import { exportSessionPdf } from '../../exports/pdf/calibration-pdf';
import { exportSessionPptx } from '../../exports/calibration-pptx';
import { exportSessionXlsx } from '../../exports/calibration-xlsx';
import { getSession, listMembers, listSessions } from './common';
import { getDistribution } from './distribution';
import { finaliseSession, reopenSession } from './finalise';
import { archiveGuidelineSets, listGuidelineSets, saveGuidelineSet } from './guidelines';
import { getOutcomes, getPersonCard } from './insights';
import { listHistory, movePerson, saveMembers, undoLastMove } from './members';
import { addPeople, archiveSessions, copySession, removePeople, saveSession, startSession } from './sessions';

export const calibrationHandlers: AreaHandlers<typeof calibrationArea.methods> = {
  'calibration.listGuidelineSets': async (input, ctx) => ({ rows: listGuidelineSets(ctx, input.includeArchived) }),
  'calibration.saveGuidelineSet': (input, ctx) => saveGuidelineSet(ctx, input),
  'calibration.archiveGuidelineSets': async (input, ctx) => ({ count: await archiveGuidelineSets(ctx, input.ids, input.archived ?? true) }),
  'calibration.listSessions': async (input, ctx) => ({ rows: listSessions(ctx, input.includeArchived) }),
  'calibration.getSession': async (input, ctx) => getSession(ctx, input.id),
  'calibration.saveSession': (input, ctx) => saveSession(ctx, input),
  'calibration.addPeople': (input, ctx) => addPeople(ctx, input),
  'calibration.removePeople': (input, ctx) => removePeople(ctx, input),
  'calibration.startSession': (input, ctx) => startSession(ctx, input),
  'calibration.finaliseSession': (input, ctx) => finaliseSession(ctx, input),
  'calibration.reopenSession': (input, ctx) => reopenSession(ctx, input),
  'calibration.copySession': (input, ctx) => copySession(ctx, input),
  'calibration.archiveSessions': async (input, ctx) => ({ count: await archiveSessions(ctx, input.ids, input.archived ?? true) }),
  'calibration.listMembers': async (input, ctx) => ({ rows: listMembers(ctx, getSession(ctx, input.sessionId), input.includeRemoved) }),
  'calibration.movePerson': (input, ctx) => movePerson(ctx, input),
  'calibration.saveMembers': (input, ctx) => saveMembers(ctx, input),
  'calibration.undoLastMove': (input, ctx) => undoLastMove(ctx, input),
  'calibration.listHistory': async (input, ctx) => ({ rows: listHistory(ctx, getSession(ctx, input.sessionId).id, input.memberId) }),
  'calibration.getDistribution': async (input, ctx) => getDistribution(ctx, getSession(ctx, input.sessionId), input.splitBy),
  'calibration.getPersonCard': (input, ctx) => getPersonCard(ctx, input),
  'calibration.getOutcomes': async (input, ctx) => getOutcomes(ctx, input),
  'calibration.exportPdf': (input, ctx) => exportSessionPdf(ctx, input.id),
  'calibration.exportPptx': (input, ctx) => exportSessionPptx(ctx, input.id),
  'calibration.exportXlsx': (input, ctx) => exportSessionXlsx(ctx, input.id),
};
