import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyTaxId,
  formatTaxId,
  isValidCnpj,
  isValidCpf,
  normalizeTaxId,
} from '../../../src/server/partners/tax-id.ts';

describe('CPF', () => {
  it.each(['52998224725', '11144477735', '39053344705'])('accepts %s', (cpf) => {
    expect(isValidCpf(cpf)).toBe(true);
  });

  it.each([
    ['a wrong first check digit', '52998224735'],
    ['a wrong second check digit', '52998224726'],
    ['one digit repeated', '11111111111'],
    ['ten digits', '5299822472'],
    ['a letter', '5299822472A'],
  ])('refuses %s', (_, cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe('CNPJ', () => {
  it.each([
    ['a numeric CNPJ', '11222333000181'],
    ['another numeric CNPJ', '11444777000161'],
    // The Receita Federal's own example of the alphanumeric format (from July 2026).
    ['an alphanumeric CNPJ', '12ABC34501DE35'],
  ])('accepts %s', (_, cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '11222333000182'],
    ['an alphanumeric CNPJ with a wrong check digit', '12ABC34501DE36'],
    ['letters in the check digits', '12ABC34501DE3A'],
    ['one digit repeated', '00000000000000'],
    ['lowercase letters (normalize first)', '12abc34501de35'],
  ])('refuses %s', (_, cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });

  it('finds every single-digit typo in a numeric CNPJ', () => {
    const valid = '11222333000181';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 13 }),
        fc.constantFrom(...'0123456789'),
        (index, char) => {
          fc.pre(valid[index] !== char);
          const typo = valid.slice(0, index) + char + valid.slice(index + 1);
          expect(isValidCnpj(typo)).toBe(false);
        },
      ),
    );
  });
});

describe('normalizeTaxId, classifyTaxId and formatTaxId', () => {
  it('removes the punctuation people type and uppercases letters', () => {
    expect(normalizeTaxId(' 529.982.247-25 ')).toBe('52998224725');
    expect(normalizeTaxId('12.abc.345/01de-35')).toBe('12ABC34501DE35');
  });

  it('tells a CPF from a CNPJ, and nothing from garbage', () => {
    expect(classifyTaxId('52998224725')).toBe('cpf');
    expect(classifyTaxId('12ABC34501DE35')).toBe('cnpj');
    expect(classifyTaxId('123')).toBeNull();
  });

  it('shows the usual punctuation, and round-trips through normalize', () => {
    expect(formatTaxId('52998224725')).toBe('529.982.247-25');
    expect(formatTaxId('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(normalizeTaxId(formatTaxId('11222333000181'))).toBe('11222333000181');
  });
});
