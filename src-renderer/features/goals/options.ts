import { GOAL_SCOPES, GOAL_SCOPE_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS, GOAL_UNITS, GOAL_UNIT_LABELS, type Goal } from '../../../src-shared/api';
import type { Option } from '../../grid';

export const SCOPE_OPTIONS: Option[] = GOAL_SCOPES.map((value) => ({ value, label: GOAL_SCOPE_LABELS[value] }));
export const STATUS_OPTIONS: Option[] = GOAL_STATUSES.map((value) => ({ value, label: GOAL_STATUS_LABELS[value] }));
export const UNIT_OPTIONS: Option[] = GOAL_UNITS.map((value) => ({ value, label: GOAL_UNIT_LABELS[value] }));

export const goalLabel = (g: Pick<Goal, 'title' | 'scope' | 'ownerName'>) =>
  `${g.title} · ${GOAL_SCOPE_LABELS[g.scope]}${g.ownerName ? ` (${g.ownerName})` : ''}`;

export const progressColor = (p: number) => (p >= 70 ? 'teal' : p >= 40 ? 'yellow' : 'red');

/** Badge colour of a goal status: good news green, trouble orange/red, neutral grey. */
export const GOAL_STATUS_COLORS: Record<(typeof GOAL_STATUSES)[number], string> = {
  not_started: 'gray', on_track: 'teal', at_risk: 'yellow', behind: 'orange', achieved: 'green', missed: 'red', cancelled: 'gray',
};
