import type { Translator } from '../../i18n/index.ts';
import { PARTNER_ROLES } from '../../policy/index.ts';

/**
 * The role an action item asks, as sentences name it ("tráfego pago"); null for one Ponte
 * does not know, which the caller shows as stored (escaped for its medium), never a crash.
 */
export function assigneeRoleLabel(t: Translator, role: string): string | null {
  const found = PARTNER_ROLES.find((known) => known === role);
  return found ? t(`history.roles.${found}`) : null;
}
