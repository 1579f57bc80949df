import type { ApiEvent, Input, Method, Output } from '../../src-shared/api';
import { isLockedError } from '../../src-shared/api/admin-security';
import type { ApiErrorBody } from '../../src-shared/errors';
import { pickTransport, type Transport } from './transport';

/** Thrown by `call` when the main process answers `{ok:false}`; keeps the code and issues. */
export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
  get issues() {
    return this.body.issues ?? [];
  }
}

let transport: Transport | null = null;
const current = () => (transport ??= pickTransport());

/** Called before the router starts: the launch token arrives in the URL hash the router takes over. */
export const connectTransport = () => void current();

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  let response;
  try {
    response = await current().call(method, input);
  } catch {
    throw new ApiCallError({ code: 'INTERNAL', message: 'Canopy’s background process is not answering. Is the browser host still running?' });
  }
  if (!response.ok) {
    if (isLockedError(response.error)) lockedListeners.forEach((listener) => listener());
    throw new ApiCallError(response.error);
  }
  return response.data as Output<M>;
}

const lockedListeners = new Set<() => void>();

/** Told when a call was refused because the file is locked (by idle time, the OS, or another window): the lock screen takes over. */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export const onApiEvent = (listener: (event: ApiEvent) => void) => current().on(listener);
