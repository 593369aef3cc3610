import type { Logger } from 'pino';
import type { AccountService } from './account-service.js';
import { generatePassword } from './passwords.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@toonbank.local';

/**
 * On the first start (no account at all) creates the first supervisor from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or with a generated password that is printed this once and never stored in clear.
 */
export async function ensureFirstSupervisor(
  accounts: AccountService,
  admin: { email?: string; password?: string },
  logger: Logger,
): Promise<void> {
  if (accounts.listAgents().length > 0) return;
  const email = admin.email ?? DEFAULT_ADMIN_EMAIL;
  const password = admin.password ?? generatePassword();
  await accounts.createAgent({ name: 'Supervisor', email, password, role: 'supervisor' });
  if (admin.password) {
    logger.info({ email }, 'first supervisor created from ADMIN_EMAIL/ADMIN_PASSWORD');
  } else {
    // Printed once, on purpose: this is the only way to learn the generated password.
    logger.warn({ email, password }, 'first supervisor created: sign in with this password and keep it safe');
  }
}
