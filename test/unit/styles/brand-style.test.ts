import { describe, expect, it } from 'vitest';
import {
  accentOnWhite,
  appBrandCss,
  handbookBrandCss,
  hexToHsl,
} from '../../../src/styles/brand-style.ts';

describe('hexToHsl', () => {
  it('reads the primaries, grey and the default accent', () => {
    expect(hexToHsl('#ff0000')).toEqual({ hue: 0, saturation: 100, lightness: 50 });
    expect(hexToHsl('#00ff00')).toEqual({ hue: 120, saturation: 100, lightness: 50 });
    expect(hexToHsl('#0000ff')).toEqual({ hue: 240, saturation: 100, lightness: 50 });
    expect(hexToHsl('#808080')).toEqual({ hue: 0, saturation: 0, lightness: 50 });
    expect(hexToHsl('#0b5cad')).toEqual({ hue: 210, saturation: 88, lightness: 36 });
  });
});

describe('accentOnWhite', () => {
  it('keeps a colour dark enough to carry white text (40% lightness and below)', () => {
    expect(accentOnWhite('#0b5cad')).toBe('#0b5cad');
    expect(accentOnWhite('#666666')).toBe('#666666');
  });

  it('darkens a lighter one to 38% lightness, keeping its hue', () => {
    expect(accentOnWhite('#6a6a6a')).toBe('hsl(0, 0%, 38%)');
    expect(accentOnWhite('#ffcc00')).toBe('hsl(48, 100%, 38%)');
  });
});

describe('the accent as CSS', () => {
  it('gives the handbook Starlight’s variables: dark by default, light under data-theme', () => {
    const css = handbookBrandCss('#0b5cad');
    expect(css).toMatch(/^:root\{--sl-color-accent-low:hsl\(210, 54%, 20%\);/);
    expect(css).toContain(":root[data-theme='light']{--sl-color-accent-low:");
    expect(css).toContain('--sl-color-accent:#0b5cad;');
  });

  it('gives the app light by default and dark when the system asks', () => {
    const css = appBrandCss('#0b5cad');
    expect(css).toMatch(
      /^:root\{--sl-color-accent-low:hsl\(210, 88%, 92%\);--sl-color-accent:#0b5cad;/,
    );
    expect(css).toContain('@media (prefers-color-scheme: dark){:root{');
  });
});
