import type { Deps } from './deps.ts';
import { countAgents, createAgent } from './modules/agents/index.ts';
import { AppError } from './platform/errors.ts';

const defaultAdminEmail = 'admin@frontline.local';

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword: string | undefined };

/**
 * On an empty database, creates the first admin from FRONTLINE_ADMIN_EMAIL/PASSWORD, or with a
 * generated password that the caller prints once. Several instances may start together: the
 * loser of the race finds the email taken and leaves it.
 */
export async function bootstrapFirstAdmin(deps: Pick<Deps, 'db' | 'config'>): Promise<BootstrapResult> {
  if ((await countAgents(deps.db)) > 0) return { created: false };
  const email = deps.config.admin.email ?? defaultAdminEmail;
  try {
    const admin = await createAgent(deps, {
      email,
      name: 'Administrator',
      role: 'admin',
      password: deps.config.admin.password,
      languages: ['en'],
      skills: [],
      uiLanguage: 'en',
      teamIds: [],
    });
    return { created: true, email: admin.email, generatedPassword: admin.initialPassword };
  } catch (error) {
    if (error instanceof AppError && error.code === 'agents.email_taken') return { created: false };
    throw error;
  }
}
