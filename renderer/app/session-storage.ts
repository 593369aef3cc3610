import { LoginResponseSchema, type LoginResponse } from '../../shared/protocol/accounts.js';

/*
 * The signed-in session lives in sessionStorage for now, so a reload keeps you signed in and
 * closing the window signs you out. (The OS keychain replaces this in the desktop-integration issue.)
 */
export type Session = LoginResponse;

const KEY = 'toonbank.session';

export function loadSession(now: number = Date.now()): Session | null {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = LoginResponseSchema.safeParse(json);
  if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now) {
    clearSession();
    return null;
  }
  return parsed.data;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: nothing was kept either.
  }
}
