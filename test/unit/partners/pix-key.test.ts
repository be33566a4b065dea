import { describe, expect, it } from 'vitest';
import { parsePixKey } from '../../../src/server/partners/pix-key.ts';

describe('parsePixKey', () => {
  it.each([
    ['a CPF with punctuation', '529.982.247-25', { kind: 'cpf', key: '52998224725' }],
    ['an alphanumeric CNPJ', '12.ABC.345/01DE-35', { kind: 'cnpj', key: '12ABC34501DE35' }],
    ['an e-mail, lowercased', ' Ana@Agencia.COM.br ', { kind: 'email', key: 'ana@agencia.com.br' }],
    [
      'a mobile number with spaces',
      '+55 (11) 98765-4321',
      { kind: 'phone', key: '+5511987654321' },
    ],
    [
      'a random key, lowercased',
      '123E4567-E89B-12D3-A456-426614174000',
      { kind: 'random', key: '123e4567-e89b-12d3-a456-426614174000' },
    ],
  ])('reads %s', (_, input, expected) => {
    expect(parsePixKey(input)).toEqual(expected);
  });

  it.each([
    ['a CPF with a wrong check digit', '529.982.247-26'],
    ['a phone without the country code (ambiguous with a CPF)', '11987654321'],
    ['a foreign phone number', '+14155550100'],
    ['an e-mail without a domain', 'ana@'],
    ['a word', 'pix'],
    ['nothing', '   '],
  ])('refuses %s', (_, input) => {
    expect(parsePixKey(input)).toBeNull();
  });
});
