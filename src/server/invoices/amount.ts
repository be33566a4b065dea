/**
 * Reads an amount as people type it — "1.234,56" (Brazilian), "1234.56" or "1234" — into
 * minor units (cents). Null when it is not a positive amount with at most two decimals.
 */
export function parseAmountToMinor(input: string): number | null {
  const text = input.trim().replace(/\s|R\$/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$|^\d+(\.\d{1,2})?$/.test(text)) return null;
  const decimal = text.includes(',')
    ? text.replace(/\./g, '').replace(',', '.')
    : isThousands(text)
      ? text.replace(/\./g, '')
      : text;
  const [units = '0', cents = ''] = decimal.split('.');
  const minor = Number(units) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

// "1.234" is a thousand two hundred and thirty-four in Brazil, never 1.234 (three decimals).
const isThousands = (text: string) => /^\d{1,3}(\.\d{3})+$/.test(text);
