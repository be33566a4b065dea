import { describe, expect, it } from 'vitest';
import { formatPhone, whatsAppLink } from '../../../src/i18n/phone.ts';

describe('formatPhone', () => {
  it('writes a Brazilian mobile and landline with the area code and a dash', () => {
    expect(formatPhone('+5511912345678')).toBe('+55 11 91234-5678');
    expect(formatPhone('+551133334444')).toBe('+55 11 3333-4444');
  });

  it('groups a Brazilian number that is not a phone plan’s shape like any other', () => {
    // An area code cannot start with 0, and a subscriber has 8 or 9 digits.
    expect(formatPhone('+55012345678')).toBe('+55 012 345 678');
    expect(formatPhone('+55119123456')).toBe('+55 119 123 456');
  });

  it('splits off one-, two- and three-digit country codes', () => {
    expect(formatPhone('+12015550123')).toBe('+1 201 555 0123');
    expect(formatPhone('+79161234567')).toBe('+7 916 123 4567');
    expect(formatPhone('+351912345678')).toBe('+351 912 345 678');
    expect(formatPhone('+4915123456789')).toBe('+49 151 2345 6789');
  });

  it('keeps the shortest and longest E.164 numbers whole and readable', () => {
    expect(formatPhone('+35112345')).toBe('+351 12345');
    expect(formatPhone('+123456789012345')).toBe('+1 234 567 8901 2345');
  });

  it('returns what is not E.164 unchanged rather than hiding it', () => {
    for (const odd of ['11912345678', '+0123456789', '+1234567', '+1234567890123456', '']) {
      expect(formatPhone(odd)).toBe(odd);
    }
  });
});

describe('whatsAppLink', () => {
  it('points wa.me at the digits, without the plus', () => {
    expect(whatsAppLink('+5511912345678')).toBe('https://wa.me/5511912345678');
  });

  it('gives no link for what is not a phone number', () => {
    expect(whatsAppLink('javascript:alert(1)')).toBeNull();
    expect(whatsAppLink('11912345678')).toBeNull();
  });
});
