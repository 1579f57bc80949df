import { AppShell, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Link as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useApi, useApiEvents } from '../api/hooks';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { HomePage } from '../features/home/HomePage';
import { InsightsPage } from '../features/insights/InsightsPage';
import { NotBuiltPage } from '../features/not-built/NotBuiltPage';
import { DepartmentsPage } from '../features/people/DepartmentsPage';
import { EmployeePage } from '../features/people/EmployeePage';
import { EmployeesPage } from '../features/people/EmployeesPage';
import { ImportPage } from '../features/people/ImportPage';
import { JobsPage } from '../features/people/JobsPage';
import { OrgTreePage } from '../features/people/OrgTreePage';
import { PositionsPage } from '../features/people/PositionsPage';
import { GapAnalysisPage } from '../features/skills/gaps/GapAnalysisPage';
import { SkillsRepositoryPage } from '../features/skills/repository/SkillsRepositoryPage';
import { RequirementsPage } from '../features/skills/requirements/RequirementsPage';
import { SkillSearchPage } from '../features/skills/search/SkillSearchPage';
import { AlignmentTreePage } from '../features/goals/AlignmentTreePage';
import { GoalsPage } from '../features/goals/GoalsPage';
import { GoalLibraryPage } from '../features/goals/library/GoalLibraryPage';
import { JournalArea } from '../features/reviews/journal/JournalArea';
import { QuestionnairesArea } from '../features/reviews/questionnaires/QuestionnairesArea';
import { ReviewsArea } from '../features/reviews/ReviewsArea';
import { AREAS } from './areas';

const SKILLS_LINKS = [
  { to: '/skills', label: 'Repository', exact: true },
  { to: '/skills/requirements', label: 'Job requirements' },
  { to: '/skills/gaps', label: 'Gap analysis' },
  { to: '/skills/search', label: 'Skill search' },
  { to: '/skills/import', label: 'Import taxonomy' },
];

const GOALS_LINKS = [
  { to: '/goals', label: 'Goals', exact: true },
  { to: '/goals/alignment', label: 'Alignment tree' },
  { to: '/goals/library', label: 'Goal library' },
];

const REVIEWS_LINKS = [
  { to: '/reviews', label: 'Review cycles' },
  { to: '/reviews/templates', label: 'Templates' },
  { to: '/reviews/scales', label: 'Rating scales' },
  { to: '/reviews/journal', label: 'Feedback journal' },
  { to: '/reviews/questionnaires', label: 'Questionnaires' },
];

const PEOPLE_LINKS = [
  { to: '/people/employees', label: 'Employees' },
  { to: '/people/departments', label: 'Departments' },
  { to: '/people/jobs', label: 'Jobs' },
  { to: '/people/positions', label: 'Positions' },
  { to: '/people/org', label: 'Org tree' },
  { to: '/people/import', label: 'Import' },
];

/** Areas whose navigation entry opens into sub-pages. */
const SUB_LINKS: Record<string, { to: string; label: string; exact?: boolean }[] | undefined> = {
  people: PEOPLE_LINKS, skills: SKILLS_LINKS, goals: GOALS_LINKS, reviews: REVIEWS_LINKS,
};

export function App() {
  useApiEvents();
  const status = useApi('admin.getDatabaseStatus', {});
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Title order={3} c="teal.8">Canopy</Title>
            <Text size="sm" c="dimmed">Performance & growth</Text>
          </Group>
          <Text size="xs" c="dimmed" data-testid="db-path" title="The database file in use">{status.data?.path ?? ''}</Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <ScrollArea p="xs">
          <Navigation />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100dvh' }}>
        <AppRoutes />
      </AppShell.Main>
    </AppShell>
  );
}

function Navigation() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Areas">
      <NavLink component={RouterLink} to="/" label="Home" active={pathname === '/'} />
      {AREAS.map((area) =>
        SUB_LINKS[area.key] ? (
          <NavLink key={area.key} label={area.label} defaultOpened active={false} childrenOffset={12}>
            {SUB_LINKS[area.key]!.map((link) => (
              <NavLink
                key={link.to}
                component={RouterLink}
                to={link.to}
                label={link.label}
                active={isActive(pathname, link, SUB_LINKS[area.key]!)}
              />
            ))}
          </NavLink>
        ) : (
          <NavLink
            key={area.key}
            component={RouterLink}
            to={area.path}
            label={area.label}
            active={pathname.startsWith(area.path)}
            rightSection={area.built ? null : <Text size="xs" c="dimmed">not built</Text>}
          />
        ),
      )}
    </nav>
  );
}

/** The link whose path is the longest prefix of the current path wins, so only one sub-link is ever highlighted. */
function isActive(pathname: string, link: { to: string; exact?: boolean }, siblings: { to: string; exact?: boolean }[]): boolean {
  const matches = (l: { to: string; exact?: boolean }) => (l.exact ? pathname === l.to : pathname === l.to || pathname.startsWith(`${l.to}/`));
  if (!matches(link)) return false;
  return !siblings.some((other) => other !== link && other.to.length > link.to.length && matches(other));
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/people" element={<Navigate to="/people/employees" replace />} />
      <Route path="/people/employees" element={<EmployeesPage />} />
      <Route path="/people/employees/:id" element={<EmployeePage />} />
      <Route path="/people/departments" element={<DepartmentsPage />} />
      <Route path="/people/jobs" element={<JobsPage />} />
      <Route path="/people/positions" element={<PositionsPage />} />
      <Route path="/people/org" element={<OrgTreePage />} />
      <Route path="/people/import" element={<ImportPage key="employees" kind="employees" />} />
      <Route path="/skills" element={<SkillsRepositoryPage />} />
      <Route path="/skills/requirements" element={<RequirementsPage />} />
      <Route path="/skills/gaps" element={<GapAnalysisPage />} />
      <Route path="/skills/search" element={<SkillSearchPage />} />
      <Route path="/skills/import" element={<ImportPage key="skills" kind="skills" />} />
      <Route path="/goals" element={<GoalsPage />} />
      <Route path="/goals/alignment" element={<AlignmentTreePage />} />
      <Route path="/goals/library" element={<GoalLibraryPage />} />
      <Route path="/reviews/*" element={<ReviewsArea />} />
      <Route path="/reviews/journal/*" element={<JournalArea />} />
      <Route path="/reviews/questionnaires/*" element={<QuestionnairesArea />} />
      <Route path="/insights" element={<InsightsPage />} />
      <Route path="/admin" element={<AdminPage />} />
      <Route path="/admin/audit" element={<AuditLogPage />} />
      {AREAS.filter((area) => !area.built).map((area) => (
        <Route key={area.key} path={`${area.path}/*`} element={<NotBuiltPage area={area} />} />
      ))}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
