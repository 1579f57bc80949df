import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { connectTransport } from './api/client';
import { queryClient } from './api/hooks';
import { App } from './app/App';
import { LockGate } from './app/LockGate';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'sm', fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' });

connectTransport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
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
