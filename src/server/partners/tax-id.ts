/** A Brazilian tax id: CPF for people, CNPJ for companies. */
export type TaxIdKind = 'cpf' | 'cnpj';

/** Removes the punctuation people type (dots, slashes, dashes, spaces) and uppercases letters. */
export function normalizeTaxId(input: string): string {
  return input.replace(/[\s./-]/g, '').toUpperCase();
}

// Each character's value: digits 0–9, and since the alphanumeric CNPJ, letters as ASCII − 48.
const charValue = (char: string) => char.charCodeAt(0) - 48;

/** A mod-11 check digit over values and weights, as both CPF and CNPJ define it. */
function checkDigit(values: number[], weights: number[]): number {
  const sum = values.reduce((total, value, index) => total + value * (weights[index] ?? 0), 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** True for an 11-digit CPF whose two check digits are right (and not one digit repeated). */
export function isValidCpf(cpf: string): boolean {
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1{10}$/.test(cpf)) return false;
  const values = [...cpf].map(Number);
  const first = checkDigit(values.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(values.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return values[9] === first && values[10] === second;
}

const CNPJ_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * True for a CNPJ whose check digits are right: 12 letters or digits (alphanumeric from
 * July 2026, numeric before) followed by two numeric check digits.
 */
export function isValidCnpj(cnpj: string): boolean {
  if (!/^[0-9A-Z]{12}\d{2}$/.test(cnpj) || /^(\d)\1{13}$/.test(cnpj)) return false;
  const values = [...cnpj].map(charValue);
  const first = checkDigit(values.slice(0, 12), CNPJ_WEIGHTS.slice(1));
  const second = checkDigit(values.slice(0, 13), CNPJ_WEIGHTS);
  return values[12] === first && values[13] === second;
}

/** The kind of a normalized tax id when it is valid, or null. */
export function classifyTaxId(normalized: string): TaxIdKind | null {
  if (isValidCpf(normalized)) return 'cpf';
  if (isValidCnpj(normalized)) return 'cnpj';
  return null;
}

/** Shows a tax id with its usual punctuation: 000.000.000-00 or 00.000.000/0000-00. */
export function formatTaxId(taxId: string): string {
  if (taxId.length === 11) return taxId.replace(/^(.{3})(.{3})(.{3})(.{2})$/, '$1.$2.$3-$4');
  if (taxId.length === 14)
    return taxId.replace(/^(.{2})(.{3})(.{3})(.{4})(.{2})$/, '$1.$2.$3/$4-$5');
  return taxId;
}
