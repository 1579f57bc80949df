import { AppShell, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import './app.css';
import { Link as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useApi, useApiEvents } from '../api/hooks';
import { HomePage } from '../features/home/HomePage';
import { NotBuiltPage } from '../features/not-built/NotBuiltPage';
import type { NavLinkSpec } from './area-module';
import { AREAS } from './areas';

export function App() {
  useApiEvents();
  const status = useApi('admin.getDatabaseStatus', {});
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <Text component="span" fz={22} fw={700} c="teal.9">Canopy</Text>
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
      <AppShell.Main id="main-content" tabIndex={-1} style={{ display: 'flex', flexDirection: 'column', height: '100dvh', outline: 'none' }}>
        <AppRoutes />
      </AppShell.Main>
    </AppShell>
  );
}

/** The first stop of the Tab key: straight to the page, past the navigation (hidden until focused). */
function SkipLink() {
  return (
    <button type="button" className="skip-link" onClick={() => document.getElementById('main-content')?.focus()}>
      Skip to main content
    </button>
  );
}

function Navigation() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Areas">
      <NavLink component={RouterLink} to="/" label="Home" active={pathname === '/'} />
      {AREAS.map(({ key, label, path, built, ui }) =>
        ui?.links ? (
          <NavLink key={key} label={label} defaultOpened active={false} childrenOffset={12}>
            {ui.links.map((link) => (
              <NavLink key={link.to} component={RouterLink} to={link.to} label={link.label} active={isActive(pathname, link, ui.links!)} />
            ))}
          </NavLink>
        ) : (
          <NavLink
            key={key}
            component={RouterLink}
            to={path}
            label={label}
            active={pathname.startsWith(path)}
            rightSection={built ? null : <Text size="xs" c="dimmed">not built</Text>}
          />
        ),
      )}
    </nav>
  );
}

/** The link whose path is the longest prefix of the current path wins, so only one sub-link is ever highlighted. */
function isActive(pathname: string, link: NavLinkSpec, siblings: NavLinkSpec[]): boolean {
  const matches = (l: NavLinkSpec) => (l.exact ? pathname === l.to : pathname === l.to || pathname.startsWith(`${l.to}/`));
  if (!matches(link)) return false;
  return !siblings.some((other) => other !== link && other.to.length > link.to.length && matches(other));
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      {AREAS.map((area) => (
        <Route key={area.key} path={`${area.path}/*`} element={area.ui?.element ?? <NotBuiltPage area={area} />} />
      ))}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
