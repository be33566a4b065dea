// A time zone for reading: a city and the zone's name in the reader's language, never an IANA
// identifier such as America/Sao_Paulo. Intl names zones ("Horário Padrão de Brasília") but has
// no exemplar cities, so the city is the identifier's last segment, with CLDR's spelling for
// the Brazilian zones where it differs from the ASCII one.
import type { Locale } from './locales.ts';

type CityNames = { 'pt-BR': string; en: string; ru: string };

// CLDR exemplar cities of Brazil's zones whose names the identifier cannot spell.
const CITIES: Record<string, CityNames> = {
  'America/Sao_Paulo': { 'pt-BR': 'São Paulo', en: 'São Paulo', ru: 'Сан-Паулу' },
  'America/Belem': { 'pt-BR': 'Belém', en: 'Belem', ru: 'Белен' },
  'America/Cuiaba': { 'pt-BR': 'Cuiabá', en: 'Cuiaba', ru: 'Куяба' },
  'America/Maceio': { 'pt-BR': 'Maceió', en: 'Maceio', ru: 'Масейо' },
  'America/Araguaina': { 'pt-BR': 'Araguaína', en: 'Araguaina', ru: 'Арагуаина' },
  'America/Santarem': { 'pt-BR': 'Santarém', en: 'Santarem', ru: 'Сантарен' },
  'America/Manaus': { 'pt-BR': 'Manaus', en: 'Manaus', ru: 'Манаус' },
  'America/Fortaleza': { 'pt-BR': 'Fortaleza', en: 'Fortaleza', ru: 'Форталеза' },
  'America/Recife': { 'pt-BR': 'Recife', en: 'Recife', ru: 'Ресифи' },
  'America/Noronha': { 'pt-BR': 'Fernando de Noronha', en: 'Noronha', ru: 'Норонья' },
};

/** The city a zone is named after, in the reader's language where known: "São Paulo". */
export function timeZoneCity(timeZone: string, locale: Locale): string {
  const known = CITIES[timeZone]?.[locale];
  if (known) return known;
  const last = timeZone.split('/').at(-1) ?? timeZone;
  return last.replaceAll('_', ' ');
}

/** The zone's own name in the reader's language: "Horário Padrão de Brasília", "Eastern Time". */
export function timeZoneName(timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    // The name does not depend on the day for the generic form; any instant will do.
    .formatToParts(0);
  return (
    parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZoneCity(timeZone, locale)
  );
}

/** A zone as one phrase: "São Paulo (Horário Padrão de Brasília)". */
export function formatTimeZone(timeZone: string, locale: Locale): string {
  return `${timeZoneCity(timeZone, locale)} (${timeZoneName(timeZone, locale)})`;
}
