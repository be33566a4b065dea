// Phone numbers kept in E.164 (+5511912345678), shown the way people write them. Pure; no
// library: libphonenumber's smallest build would weigh more than a page's whole budget, and the
// agency's contacts are Brazilian, so Brazil is formatted exactly and the rest grouped plainly.
// The international form reads the same in every language, so no locale is taken.

// Country codes of two digits (ITU E.164 zones 2–9); 1 and 7 have one digit, every other three.
// biome-ignore format: a table reads better in rows
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47',
  '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65',
  '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

const E164 = /^\+[1-9]\d{7,14}$/;

/** The length of the country code that starts these digits (no plus). */
function countryCodeLength(digits: string): number {
  if (digits.startsWith('1') || digits.startsWith('7')) return 1;
  return TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
}

/** Groups of three, ending in one or two groups of four so no group is shorter than three. */
function groupNational(national: string): string {
  if (national.length <= 5) return national;
  const fours = national.length % 3;
  const threes = national.slice(0, national.length - 4 * fours).match(/\d{3}/g) ?? [];
  const tail = national.slice(national.length - 4 * fours).match(/\d{4}/g) ?? [];
  return [...threes, ...tail].join(' ');
}

/** Brazil: area code, then the subscriber number split before its last four digits. */
function formatBrazilian(national: string): string | null {
  if (!/^[1-9]{2}\d{8,9}$/.test(national)) return null;
  const area = national.slice(0, 2);
  const subscriber = national.slice(2);
  return `${area} ${subscriber.slice(0, -4)}-${subscriber.slice(-4)}`;
}

/**
 * An E.164 number for reading: "+55 11 91234-5678" (Brazil), "+1 201 555 0123" (elsewhere,
 * the country code apart and the rest in groups). Anything that is not E.164 comes back as it
 * was, so a stored oddity is still shown rather than hidden.
 */
export function formatPhone(e164: string): string {
  if (!E164.test(e164)) return e164;
  const digits = e164.slice(1);
  const codeLength = countryCodeLength(digits);
  const code = digits.slice(0, codeLength);
  const national = digits.slice(codeLength);
  const brazilian = code === '55' ? formatBrazilian(national) : null;
  return `+${code} ${brazilian ?? groupNational(national)}`;
}

/** The link that opens a WhatsApp chat with this number (wa.me takes the digits only). */
export function whatsAppLink(e164: string): string | null {
  return E164.test(e164) ? `https://wa.me/${e164.slice(1)}` : null;
}
