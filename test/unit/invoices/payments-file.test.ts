import { describe, expect, it } from 'vitest';
import { paymentsFile } from '../../../src/server/invoices/payments-export.ts';

const headers = ['Parceiro', 'CPF/CNPJ', 'Chave PIX', 'Número', 'Valor', 'Moeda', 'Pagamento'];
const payment = {
  partner: 'Ana',
  taxId: '11222333000181',
  pixKey: '=cmd',
  number: 'NF 9',
  amountMinor: 240_000,
  currency: 'BRL',
  paymentDate: '2026-03-31',
};
const rowOf = (file: string) => file.replace(/^\uFEFF/, '').split('\r\n')[1];

describe('the payments files', () => {
  it('writes the spreadsheet as a Brazilian spreadsheet reads it', () => {
    const file = paymentsFile([payment], headers, 'spreadsheet', 'pt-BR');
    expect(file.startsWith('\uFEFFParceiro;CPF/CNPJ;')).toBe(true);
    // The CNPJ punctuated, the amount with a decimal comma and no grouping, the date dd/mm/aaaa,
    // and a formula still disarmed.
    expect(rowOf(file)).toBe("Ana;11.222.333/0001-81;'=cmd;NF 9;2400,00;BRL;31/03/2026");
  });

  it('follows the reader’s spreadsheet: commas and a decimal point in English, semicolons in Russian', () => {
    expect(rowOf(paymentsFile([payment], headers, 'spreadsheet', 'en'))).toBe(
      "Ana,11.222.333/0001-81,'=cmd,NF 9,2400.00,BRL,03/31/2026",
    );
    expect(rowOf(paymentsFile([payment], headers, 'spreadsheet', 'ru'))).toBe(
      "Ana;11.222.333/0001-81;'=cmd;NF 9;2400,00;BRL;31.03.2026",
    );
  });

  it('keeps the bank’s file as bank imports read it, whatever the reader’s language', () => {
    expect(rowOf(paymentsFile([payment], headers, 'bank', 'pt-BR'))).toBe(
      "Ana,11222333000181,'=cmd,NF 9,2400.00,BRL,2026-03-31",
    );
  });
});
