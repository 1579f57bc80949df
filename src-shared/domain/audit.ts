/**
 * The audit log in words: record types, actions and fields by their labels, and values as the UI
 * shows them. Pure; the admin service resolves references (ids → names) and calls these for the rest.
 */
import { GOAL_SCOPE_LABELS, GOAL_STATUS_LABELS } from '../api/goals';
import { EMPLOYEE_STATUS_LABELS } from '../api/people';
import { CYCLE_STATUS_LABELS, REVIEW_STATUS_LABELS } from '../api/reviews/cycles';
import { JOURNAL_KIND_LABELS } from '../api/reviews/journal';
import { QUESTIONNAIRE_KIND_LABELS, QUESTIONNAIRE_STATUS_LABELS, RATER_RELATIONSHIP_LABELS } from '../api/reviews/questionnaires';
import { SKILL_SOURCE_LABELS } from '../api/skills';
import { LEVEL_LABELS } from '../api/succession';
import { fieldLabel } from './field-labels';

/** Record types by the table that names them in the log. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  employee: 'Employee',
  department: 'Department',
  job: 'Job',
  position: 'Position',
  skill: 'Skill',
  skill_type: 'Skill type',
  rating_model: 'Rating model',
  employee_skill: 'Skill level',
  employee_skill_target: 'Skill target',
  job_skill: 'Skill requirement',
  saved_skill_search: 'Saved skill search',
  goal: 'Goal',
  goal_check_in: 'Goal check-in',
  goal_library_item: 'Library goal',
  review_cycle: 'Review cycle',
  review: 'Review',
  review_answer: 'Review answer',
  review_step: 'Review step',
  rating_scale: 'Rating scale',
  review_template: 'Review template',
  journal_entry: 'Journal entry',
  answer_group: 'Answer group',
  questionnaire: 'Questionnaire',
  questionnaire_invitation: 'Questionnaire invitation',
  key_position: 'Key position',
  succession_plan: 'Succession plan',
  succession_nomination: 'Successor',
  readiness_level: 'Readiness level',
  external_candidate: 'External candidate',
  loss_risk: 'Risk of loss',
  talent_pool: 'Talent pool',
  talent_pool_member: 'Talent pool member',
  talent_pool_position: 'Position a talent pool feeds',
  employee_photo: 'Photo',
  database: 'Database',
  setting: 'Setting',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  delete: 'Deleted',
  import: 'Imported',
  'load-demo': 'Loaded the demo organisation',
  backup: 'Backed up',
  settings: 'Changed settings',
  reopen: 'Reopened',
};

export const auditEntityLabel = (entity: string) => AUDIT_ENTITY_LABELS[entity] ?? humanise(entity.replaceAll('_', ' '));
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? humanise(action.replaceAll('-', ' '));

const FIELD_LABELS: Record<string, string> = {
  name: 'Name', title: 'Title', code: 'Code', description: 'Description',
  employeeNumber: 'Employee number', firstName: 'First name', lastName: 'Last name', email: 'Email',
  hireDate: 'Hire date', terminationDate: 'Termination date', status: 'Status', location: 'Location',
  managerId: 'Manager', positionId: 'Position', departmentId: 'Department', jobId: 'Job', employeeId: 'Employee',
  effectiveDate: 'Effective date', archived: 'Archived', parentId: 'Parent', family: 'Job family', level: 'Level',
  reportsToId: 'Reports to', incumbentId: 'Incumbent', isKey: 'Key position',
  skillId: 'Skill', skillTypeId: 'Skill type', ratingModelId: 'Rating model', externalId: 'External id',
  weight: 'Weight', source: 'Source', verifiedBy: 'Verified by', notes: 'Notes', recordedAt: 'Recorded', recordedBy: 'Recorded by',
  dueDate: 'Due date', criteria: 'Criteria',
  scope: 'Scope', ownerId: 'Owner', periodStart: 'Period start', periodEnd: 'Period end', category: 'Category', unit: 'Unit',
  startValue: 'Start value', targetValue: 'Target value', actualValue: 'Actual value', stretch: 'Stretch goal',
  alignedToId: 'Aligned to', progress: 'Progress (%)', libraryItemId: 'From library goal', suggestedWeight: 'Suggested weight',
  goalId: 'Goal', date: 'Date', comment: 'Comment', author: 'Author', byCheckIn: 'Set by check-in',
  ratingScaleId: 'Rating scale', templateId: 'Template', population: 'Population', selfReviewDue: 'Self review due',
  managerReviewDue: 'Manager review due', launchedAt: 'Launched', closedAt: 'Closed', openedAt: 'Opened',
  reviewsCreated: 'Reviews created', reviews: 'Reviews', added: 'People added', cycleId: 'Review cycle',
  computedRating: 'Computed rating', overrideRating: 'Override rating', overrideReason: 'Override reason', finalRating: 'Final rating',
  startedAt: 'Started', readyAt: 'Ready for review', finalAt: 'Final review', completedAt: 'Completed',
  snapshotTaken: 'Snapshot taken', what: 'What happened', reason: 'Reason', respondent: 'Respondent', itemKey: 'Item',
  rating: 'Rating', step: 'Step', kind: 'Kind', shared: 'Shared with the employee', text: 'Text', reviewId: 'Review',
  levels: 'Levels', sections: 'Sections', steps: 'Steps', options: 'Options', anonymous: 'Anonymous',
  resultGroups: 'Result groups', subjectEmployeeId: 'Subject', invited: 'Invited', responded: 'Responded',
  responseAdded: 'Response added', answers: 'Answers', relationship: 'Relationship', questionnaireId: 'Questionnaire',
  actorName: 'Your name', path: 'File', file: 'File', responses: 'Responses',
  departments: 'Departments', jobs: 'Jobs', positions: 'Positions', employees: 'Employees',
  criticality: 'Criticality', vacancyRisk: 'Vacancy risk', plannedLeaveDate: 'Planned leaving date', reviewedOn: 'Reviewed on',
  planId: 'Plan', externalCandidateId: 'External candidate', rank: 'Rank', readinessId: 'Readiness', emergency: 'Emergency (interim)',
  developmentActions: 'Development actions', riskOfLoss: 'Risk of loss', impactOfLoss: 'Impact of loss', label: 'Label',
  shortLabel: 'Short label', sortOrder: 'Order', organisation: 'Organisation', currentRole: 'Current role', poolId: 'Talent pool',
  sourceName: 'File', bytes: 'Size (bytes)',
};

const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  department: { parentId: 'Parent department' },
  skill: { parentId: 'Parent skill' },
  goal: { employeeId: 'Owner' },
  review: { employeeId: 'Reviewee', jobId: 'Job at launch', departmentId: 'Department at launch', managerId: 'Manager at launch' },
};

/** Technical columns every record has: never shown as changes. */
const HIDDEN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'version', 'snapshot']);
/** Not worth a line: counts derived from other records ("cycleCount"), and "not archived" on a new record. */
const isNoise = (field: string, value: unknown, kind: RawChange['kind']) =>
  HIDDEN_FIELDS.has(field) || /Count$/.test(field) || (kind === 'set' && field === 'archived' && !value);

/** A field's label ("hireDate" → "Hire date"); an unknown key is turned into words. */
export function auditFieldLabel(entity: string, key: string): string {
  return ENTITY_FIELD_LABELS[entity]?.[key] ?? FIELD_LABELS[key] ?? humanise(key);
}

/** "reviewsCreated" → "Reviews created", "employee_id" → "Employee". */
export function humanise(key: string): string {
  return fieldLabel(key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
}

const REFERENCES: Record<string, string> = {
  managerId: 'employee', employeeId: 'employee', subjectEmployeeId: 'employee', incumbentId: 'employee', ownerId: 'employee',
  departmentId: 'department', jobId: 'job', positionId: 'position', reportsToId: 'position',
  skillId: 'skill', skillTypeId: 'skill_type', ratingModelId: 'rating_model', ratingScaleId: 'rating_scale',
  templateId: 'review_template', cycleId: 'review_cycle', goalId: 'goal', alignedToId: 'goal', reviewId: 'review',
  questionnaireId: 'questionnaire', libraryItemId: 'goal_library_item', byCheckIn: 'goal_check_in',
  planId: 'succession_plan', readinessId: 'readiness_level', externalCandidateId: 'external_candidate', poolId: 'talent_pool',
};

/** The table a field's id points to, so the service can show its name. A parent is of the record's own kind. */
export function referencedTable(entity: string, key: string): string | null {
  if (key === 'parentId') return ['department', 'skill', 'goal'].includes(entity) ? entity : null;
  return REFERENCES[key] ?? null;
}

const GOAL_UNIT_LABELS: Record<string, string> = { number: 'Number', percent: 'Percent', currency: 'Currency', date: 'Date', rating: 'Rating' };
const STEP_STATUS_LABELS: Record<string, string> = { requested: 'Requested', submitted: 'Submitted' };

const ENUMS: Record<string, Record<string, Record<string, string>>> = {
  employee: { status: EMPLOYEE_STATUS_LABELS },
  goal: { status: GOAL_STATUS_LABELS, scope: GOAL_SCOPE_LABELS, unit: GOAL_UNIT_LABELS },
  goal_library_item: { unit: GOAL_UNIT_LABELS },
  review: { status: REVIEW_STATUS_LABELS },
  review_cycle: { status: CYCLE_STATUS_LABELS },
  review_step: { status: STEP_STATUS_LABELS },
  questionnaire: { status: QUESTIONNAIRE_STATUS_LABELS, kind: QUESTIONNAIRE_KIND_LABELS },
  questionnaire_invitation: { relationship: RATER_RELATIONSHIP_LABELS },
  journal_entry: { kind: JOURNAL_KIND_LABELS },
  employee_skill: { source: SKILL_SOURCE_LABELS },
  key_position: { criticality: LEVEL_LABELS, vacancyRisk: LEVEL_LABELS },
  loss_risk: { riskOfLoss: LEVEL_LABELS, impactOfLoss: LEVEL_LABELS },
};

/** An enumerated value by its label ("on_leave" → "On leave"), or null when the field is not an enumeration. */
export function enumLabel(entity: string, key: string, value: unknown): string | null {
  const labels = ENUMS[entity]?.[key];
  return labels && typeof value === 'string' ? (labels[value] ?? value) : null;
}

export interface RawChange {
  field: string;
  kind: 'changed' | 'set';
  before: unknown;
  after: unknown;
}

/**
 * The fields an event records, with their before and after values. An edit lists the fields whose
 * value moved; a creation or a note lists what it set; a deletion lists what was there.
 */
export function auditFieldChanges(before: unknown, after: unknown): RawChange[] {
  const b = asObject(before);
  const a = asObject(after);
  if (!a && !b) return [];
  if (!b) return Object.entries(a!).filter(([key, value]) => !isNoise(key, value, 'set') && value !== null && value !== undefined).map(([field, value]) => ({ field, kind: 'set', before: null, after: value }));
  if (!a) return Object.entries(b).filter(([key, value]) => !isNoise(key, value, 'changed') && value !== null && value !== undefined).map(([field, value]) => ({ field, kind: 'changed', before: value, after: null }));
  const changes: RawChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!(field in b)) {
      if (!isNoise(field, a[field], 'set')) changes.push({ field, kind: 'set', before: null, after: a[field] });
    } else if (field in a && !sameValue(b[field], a[field]) && !isNoise(field, a[field], 'changed')) changes.push({ field, kind: 'changed', before: b[field], after: a[field] });
  }
  return changes;
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Booleans stored as 0/1 and as true/false are the same value. */
function sameValue(x: unknown, y: unknown): boolean {
  const norm = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? Number(v) : v);
  return JSON.stringify(norm(x)) === JSON.stringify(norm(y));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value that is not a reference or an enumeration, as the UI shows it: yes/no, a date as a date, a
 * moment as day and time (UTC), a list by its size; empty is null (the UI shows "—").
 */
export function formatAuditValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return BOOLEAN_FIELDS.has(field) ? (value ? 'Yes' : 'No') : String(value);
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? `${value.slice(0, 10)} ${value.slice(11, 16)} UTC` : value;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  return 'details in the raw view';
}

/** Flags SQLite keeps as 0/1 (a payload read back from a row). */
const BOOLEAN_FIELDS = new Set(['archived', 'isKey', 'stretch', 'shared', 'anonymous', 'emergency']);
