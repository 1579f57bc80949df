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
      const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message) => listener(JSON.parse(message.data) as ApiEvent);
      return () => source.close();
    },
  };
}
