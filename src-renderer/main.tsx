import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { DEFAULT_THEME, MantineProvider, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { connectTransport } from './api/client';
import { queryClient } from './api/hooks';
import { App } from './app/App';
import { LockGate } from './app/LockGate';

/**
 * Every colour's text, filled and outline shade is its darkest (9), the one with at least 4.5:1
 * against white (WCAG AA); teal, yellow, orange, green and lime get a darker 9 than Mantine's (light backgrounds are that 9 at 10%).
 */
const darkerNine = (name: keyof typeof DEFAULT_THEME.colors, nine: string): MantineColorsTuple =>
  [...DEFAULT_THEME.colors[name].slice(0, 9), nine] as unknown as MantineColorsTuple;

const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 8 },
  colors: { teal: darkerNine('teal', '#066b4d'), yellow: darkerNine('yellow', '#8a5300'), orange: darkerNine('orange', '#b33c0a'), green: darkerNine('green', '#237032'), lime: darkerNine('lime', '#46700a') },
  defaultRadius: 'sm',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

/** Secondary text at 4.5:1 or better on white (Mantine's default grey is 3.3:1). */
const readableGreys: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': '#6b7178' },
  dark: {},
});

connectTransport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={readableGreys}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <LockGate>
            <App />
          </LockGate>
        </HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
