/** Every area of the product, in navigation order; `built` says whether it has screens yet. */
export interface AreaInfo {
  key: string;
  label: string;
  path: string;
  built: boolean;
  summary: string;
}

export const AREAS: AreaInfo[] = [
  { key: 'people', label: 'People', path: '/people/employees', built: true, summary: 'Departments, jobs, positions and employees.' },
  { key: 'skills', label: 'Skills', path: '/skills', built: true, summary: 'Skill repository, rating models, job requirements, employee skill profiles, gap analysis and skill search.' },
  { key: 'goals', label: 'Goals', path: '/goals', built: true, summary: 'Organisation, department and individual goals with alignment, check-ins and roll-up.' },
  { key: 'reviews', label: 'Reviews', path: '/reviews', built: true, summary: 'Review cycles from templates, the feedback journal, questionnaires and surveys.' },
  { key: 'calibration', label: 'Calibration', path: '/calibration', built: false, summary: 'Calibration sessions, the nine-box, rating bins against distribution guidelines.' },
  { key: 'careers', label: 'Careers', path: '/careers', built: false, summary: 'Career paths between jobs and personal career plans.' },
  { key: 'succession', label: 'Succession', path: '/succession', built: false, summary: 'Key positions, succession plans with ready-now / 1–2 / 3+ successors, charts exported to files.' },
  { key: 'learning', label: 'Learning', path: '/learning', built: false, summary: 'Course catalogue and sessions, learning plans, assignments, progress and results.' },
  { key: 'insights', label: 'Insights', path: '/insights', built: true, summary: 'KPIs and reports across every area.' },
  { key: 'admin', label: 'Admin', path: '/admin', built: true, summary: 'Database file, backups, settings and the audit log.' },
];
