import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from '../../../src/server/files/file-names.ts';

const PNG = 'image/png';
const PDF = 'application/pdf';
const TEXT = 'text/plain; charset=utf-8';

describe('stored file names keep their base and take the extension of their bytes', () => {
  it.each([
    ['relatorio\u202Efdp.bat', TEXT, 'relatoriofdp.txt'],
    ['relatorio\u202Efdp.bat', PNG, 'relatoriofdp.png'],
    ['relatorio\u202Efdp.bat', PDF, 'relatoriofdp.pdf'],
    ['\u2066foto\u2069\u202A\u202B\u202C\u202D.PNG', PNG, 'foto.png'],
    ['C:\\Users\\ana\\Documents\\fatura.pdf', PDF, 'fatura.pdf'],
    ['../../etc/passwd', TEXT, 'passwd.txt'],
    ['nota\u0000\u0007\u001b[31m\u007f\u0085.pdf', PDF, 'nota[31m.pdf'],
    ['foto.JPEG', 'image/jpeg', 'foto.jpeg'],
    ['foto.png', 'image/jpeg', 'foto.jpg'],
    ['planilha.xlsx', 'application/zip', 'planilha.xlsx'],
    ['planilha.exe', 'application/zip', 'planilha.docx'],
    ['dados.csv', TEXT, 'dados.csv'],
    ['sem extensão', PDF, 'sem extensão.pdf'],
    ['  ...\u202E  ', PDF, 'arquivo.pdf'],
    ['Orçamento "final" (v2).pdf', PDF, 'Orçamento "final" (v2).pdf'],
    ['.bashrc', TEXT, 'arquivo.txt'],
  ])('%j as %s → %j', (name, type, expected) => {
    expect(cleanFileName(name, type)).toBe(expected);
  });

  it('keeps at most 120 characters of the base, never splitting one', () => {
    const name = cleanFileName(`${'😀'.repeat(200)}.png`, PNG);
    expect([...name]).toHaveLength(124);
    expect(name.endsWith('😀.png')).toBe(true);
  });

  it('uses the fallback when nothing of the base is left', () => {
    expect(cleanFileName('.pdf', PDF, 'fatura')).toBe('fatura.pdf');
  });
});

describe('one Content-Disposition for every download (RFC 6266, RFC 8187)', () => {
  it('gives the UTF-8 name percent-encoded, with an ASCII fallback', () => {
    expect(contentDisposition('attachment', 'Relatório de março (final).pdf')).toBe(
      `attachment; filename="Relatorio de marco (final).pdf"; filename*=UTF-8''Relat%C3%B3rio%20de%20mar%C3%A7o%20%28final%29.pdf`,
    );
    expect(contentDisposition('inline', 'Отчёт.pdf')).toBe(
      `inline; filename="_____.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.pdf`,
    );
  });

  it("escapes ' ( ) * too, and leaves only RFC 8187 attr-chars unencoded", () => {
    const header = contentDisposition('inline', "it's (a)*b.png");
    const encoded = header.split("filename*=UTF-8''")[1] ?? '';
    expect(encoded).toBe('it%27s%20%28a%29%2Ab.png');
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('never lets a quote, a backslash, a control or a bidi character into the header', () => {
    const header = contentDisposition('attachment', 'a"b\\c\r\nSet-Cookie: x\u202Egpj.exe');
    expect(header).not.toMatch(/[\r\n\u202E]/);
    expect(header).toBe(
      `attachment; filename="a_b_cSet-Cookie: xgpj.exe"; filename*=UTF-8''a%22b_cSet-Cookie%3A%20xgpj.exe`,
    );
    expect(header).not.toContain('%E2%80%AE');
  });
});
