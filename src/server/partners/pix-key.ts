import { classifyTaxId, normalizeTaxId } from './tax-id.ts';

/** The kinds of key the PIX system accepts. */
export type PixKeyKind = 'cpf' | 'cnpj' | 'email' | 'phone' | 'random';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Brazilian numbers in E.164: +55, a two-digit area code, then 8 or 9 digits.
const PHONE = /^\+55[1-9]\d\d{8,9}$/;
const RANDOM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads a PIX key as typed and returns it in its canonical form with its kind, or null when
 * it is no kind of key. A phone must start with +55, so it is never mistaken for a CPF.
 */
export function parsePixKey(input: string): { kind: PixKeyKind; key: string } | null {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) && email.length <= 77 ? { kind: 'email', key: email } : null;
  }
  if (trimmed.startsWith('+')) {
    const phone = trimmed.replace(/[\s()-]/g, '');
    return PHONE.test(phone) ? { kind: 'phone', key: phone } : null;
  }
  const lower = trimmed.toLowerCase();
  if (RANDOM_KEY.test(lower)) return { kind: 'random', key: lower };
  const taxId = normalizeTaxId(trimmed);
  const kind = classifyTaxId(taxId);
  return kind ? { kind, key: taxId } : null;
}
