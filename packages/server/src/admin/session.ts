/**
 * Dashboard sessions: the merchant token is exchanged once for a random session id (256 bits)
 * sent as an HttpOnly, SameSite=Strict cookie scoped to /admin. The database keeps only the
 * id's SHA-256, the CSRF token bound to it, and its times; sign-out revokes it there, so it ends
 * on every server instance sharing the database.
 */
import { randomBytes } from 'node:crypto';
import { safeEqual, sha256Hex } from '../canonical.js';

import type { AdminSessionRecord, Repository } from '../db/index.js';

export const SESSION_COOKIE = 'mendunia_admin';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionPolicy {
  /** unused this long → over */
  idleMs: number;
  /** this long after sign-in → over */
  maxAgeMs: number;
}

/** The session id from a Cookie header, if there is one of ours (43 base64url characters). */
export function sessionIdFrom(header: string | undefined): string | undefined {
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The Set-Cookie value: an empty id and Max-Age=0 clear it. */
export function sessionCookie(id: string, { maxAgeMs, secure }: { maxAgeMs: number, secure: boolean }): string {
  return [`${SESSION_COOKIE}=${id}`, 'Path=/admin', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(maxAgeMs / 1000)}`, ...(secure ? ['Secure'] : [])].join('; ');
}

export interface Sessions {
  /** A new session: the id for the cookie (never stored) and its CSRF token. */
  open(now?: Date): Promise<{ id: string, csrfToken: string }>;
  /** The live session for a cookie's id, marked as used now. */
  find(id: string | undefined, now?: Date): Promise<AdminSessionRecord | undefined>;
  revoke(id: string, now?: Date): Promise<void>;
}

export function createSessions(repo: Repository, policy: SessionPolicy): Sessions {
  return {
    async open(now = new Date()) {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      await repo.createAdminSession({ idHash: sha256Hex(id), csrfToken, now, expiresAt: new Date(now.getTime() + policy.maxAgeMs) });
      return { id, csrfToken };
    },
    async find(id, now = new Date()) {
      if (!id) return undefined;
      return repo.useAdminSession(sha256Hex(id), { now, idleSince: new Date(now.getTime() - policy.idleMs) });
    },
    async revoke(id, now = new Date()) {
      await repo.revokeAdminSession(sha256Hex(id), now);
    },
  };
}

/** Constant-time check of the CSRF header against the session's token. */
export function csrfMatches(header: unknown, expected: string): boolean {
  return typeof header === 'string' && header.length > 0 && safeEqual(header, expected);
}
