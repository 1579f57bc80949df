import type { calibrationArea } from '../../../src-shared/api/calibration';
import { ID, type Examples } from './ids';

const population = { departmentIds: [ID], managerIds: [], jobIds: [], jobLevels: [], employeeIds: [], excludedEmployeeIds: [] };
const settings = {
  potentialLevels: [{ value: 1, label: 'Low' }, { value: 2, label: 'Medium' }, { value: 3, label: 'High' }],
  columns: 3, rows: 3, performanceBands: [2, 1, 2], potentialBands: [1, 1, 1],
  boxes: Array.from({ length: 9 }, (_, i) => ({ name: `Box ${i + 1}`, colour: '#e9ecef' })),
  reasonCodes: [{ code: 'EVIDENCE', label: 'Evidence' }],
};

/** One valid input per calibration method (see api-properties.test.ts). */
export const examples: Examples<typeof calibrationArea.methods> = {
  'calibration.listGuidelineSets': {},
  'calibration.saveGuidelineSet': { name: 'Company', ratingScaleId: ID, mode: 'advisory', rules: [{ fromLevel: 5, toLevel: 5, operator: 'le', percent: 10 }] },
  'calibration.archiveGuidelineSets': { ids: [ID] },
  'calibration.listSessions': {},
  'calibration.getSession': { id: ID },
  'calibration.saveSession': { name: 'Sales 2026', cycleId: ID, date: '2026-03-02', reviewerIds: [], population, settings },
  'calibration.addPeople': { id: ID, version: 1, employeeIds: [ID] },
  'calibration.removePeople': { id: ID, version: 1, memberIds: [ID], reason: 'Moved team' },
  'calibration.startSession': { id: ID, version: 1 },
  'calibration.finaliseSession': { id: ID, version: 1, acknowledgement: 'Agreed by the board' },
  'calibration.reopenSession': { id: ID, version: 1, reason: 'New evidence' },
  'calibration.copySession': { id: ID, name: 'Sales 2027' },
  'calibration.archiveSessions': { ids: [ID] },
  'calibration.listMembers': { sessionId: ID },
  'calibration.movePerson': { sessionId: ID, memberId: ID, version: 1, performance: 4, reasonCode: 'EVIDENCE', comment: 'Led the launch.' },
  'calibration.saveMembers': { sessionId: ID, rows: [{ id: ID, version: 1, values: { discussed: true } }] },
  'calibration.undoLastMove': { sessionId: ID, changeId: ID },
  'calibration.listHistory': { sessionId: ID },
  'calibration.getDistribution': { sessionId: ID, splitBy: 'department' },
  'calibration.getPersonCard': { sessionId: ID, memberId: ID },
  'calibration.getOutcomes': { from: '2026-01-01', to: '2026-12-31' },
  'calibration.exportPdf': { id: ID },
  'calibration.exportPptx': { id: ID },
  'calibration.exportXlsx': { id: ID },
};
