// The signed-in user, shared by the header and the pages.
import {
  api,
  ApiError,
  retryWhenBusy,
  setCsrfToken,
  setUnauthenticatedHandler,
} from "./api/client";
import type { Session, User } from "./api/types";

let current: Session | null = null;
const listeners = new Set<() => void>();

export function user(): User | null {
  return current?.user ?? null;
}

/** Whether this server sends e-mail copies of notifications. */
export function emailDelivery(): boolean {
  return current?.email_delivery ?? false;
}

export function setSession(s: Session | null): void {
  current = s;
  setCsrfToken(s?.csrf_token ?? null);
  listeners.forEach((f) => f());
}

// A session that expired on the server signs the user out here too.
setUnauthenticatedHandler(() => setSession(null));

export function onSessionChange(f: () => void): void {
  listeners.add(f);
}

/** Asks the server who is signed in (the cookie is HttpOnly); 401 means nobody. */
export async function loadSession(): Promise<void> {
  try {
    setSession(await api.me());
  } catch (e) {
    // 401: nobody is signed in; anything else (server down): treat as anonymous, pages say why.
    if (!(e instanceof ApiError) || e.status !== 401)
      console.warn("Tatakerja: sesi tidak dapat diperiksa", e);
    setSession(null);
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  setSession(await retryWhenBusy(() => api.login(username, password)));
}

export async function signOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    setSession(null);
  }
}
