/**
 * The agency's accent colour (policy.agency.branding.accent) as the shades both halves of Ponte
 * use: Starlight's accent variables, so the handbook and the app pages share one colour. Light
 * pages use the colour itself (links and buttons on white); dark pages a lighter tint of its hue.
 * The lightness steps follow Starlight's own theme, so contrast holds for any agency's colour.
 */

type Hsl = { hue: number; saturation: number; lightness: number };

/** "#0b5cad" as hue (degrees) and saturation/lightness (percent). */
export function hexToHsl(hex: string): Hsl {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma === 0) return { hue: 0, saturation: 0, lightness: Math.round(lightness * 100) };
  const saturation = chroma / (1 - Math.abs(2 * lightness - 1));
  const sector =
    max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return {
    hue: Math.round((sector * 60 + 360) % 360),
    saturation: Math.round(saturation * 100),
    lightness: Math.round(lightness * 100),
  };
}

const hsl = (hue: number, saturation: number, lightness: number) =>
  `hsl(${hue}, ${saturation}%, ${lightness}%)`;

/** The accent variables of one theme, as CSS declarations. */
function accentDeclarations(accent: string, theme: 'light' | 'dark'): string {
  const { hue, saturation } = hexToHsl(accent);
  const shades =
    theme === 'light'
      ? {
          low: hsl(hue, Math.min(saturation, 88), 92),
          base: accentOnWhite(accent),
          high: hsl(hue, saturation, 24),
        }
      : {
          low: hsl(hue, Math.min(saturation, 54), 20),
          base: hsl(hue, Math.min(saturation, 90), 62),
          high: hsl(hue, Math.min(saturation, 100), 86),
        };
  return `--sl-color-accent-low:${shades.low};--sl-color-accent:${shades.base};--sl-color-accent-high:${shades.high};`;
}

/** The accent on white (e-mails, light pages): dark enough to carry white text. */
export function accentOnWhite(accent: string): string {
  const { hue, saturation, lightness } = hexToHsl(accent);
  return lightness <= 40 ? accent : hsl(hue, saturation, 38);
}

/** The handbook's accent: Starlight is dark by default and light under data-theme="light". */
export function handbookBrandCss(accent: string): string {
  return `:root{${accentDeclarations(accent, 'dark')}}:root[data-theme='light']{${accentDeclarations(accent, 'light')}}`;
}

/** The app pages' accent: light by default, dark when the reader's system asks for it. */
export function appBrandCss(accent: string): string {
  return `:root{${accentDeclarations(accent, 'light')}}@media (prefers-color-scheme: dark){:root{${accentDeclarations(accent, 'dark')}}}`;
}
