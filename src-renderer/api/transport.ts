import type { ApiEvent } from '../../src-shared/api';
import type { ApiResponse } from '../../src-shared/errors';

export interface Transport {
  kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  on(listener: (event: ApiEvent) => void): () => void;
}

interface PreloadBridge {
  call(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  on(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    canopy?: PreloadBridge;
  }
}

const TOKEN_KEY = 'canopy.token';

/** Electron's preload bridge when present, else the loopback browser host over HTTP. */
export function pickTransport(): Transport {
  const bridge = window.canopy;
  if (bridge) return { kind: 'ipc', call: bridge.call, on: (listener) => bridge.on((event) => listener(event as ApiEvent)) };
  return httpTransport(takeToken());
}

/** The browser host prints a URL with `#token=…`; keep it for reloads and give the hash back to the router. */
function takeToken(): string {
  const match = /^#token=([a-f0-9]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(token: string): Transport {
  // One event stream for every listener: each EventSource holds an HTTP connection, and the
  // browser allows six per host, so a stream per grid or page would leave API calls waiting.
  const listeners = new Set<(event: ApiEvent) => void>();
  let stream: EventSource | null = null;
  return {
    kind: 'http',
    async call(method, input) {
      const response = await fetch('/api', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-canopy-token': token },
        body: JSON.stringify({ method, input }),
      });
      if (response.status === 403) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This page was opened without the launch link. Open the URL the browser host printed.' } };
      }
      return response.json();
    },
    on(listener) {
      listeners.add(listener);
      if (!stream) {
        stream = new EventSource(`/events?token=${encodeURIComponent(token)}`);
        stream.onmessage = (message) => {
          const event = JSON.parse(message.data) as ApiEvent;
          for (const each of [...listeners]) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stream) {
          stream.close();
          stream = null;
        }
      };
    },
  };
}
