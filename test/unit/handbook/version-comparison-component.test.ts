// What changed between versions, rendered as the piece page and the client's link render it.
// With the handbook's component tests: this project is the one that compiles .astro.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import VersionComparison from '../../../src/components/VersionComparison.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import {
  type ComparableVersion,
  compareVersions,
} from '../../../src/server/approvals/version-comparison.ts';

const t = createTranslator('pt-BR');
const version = (number: number, text: string, contentType = 'image/png'): ComparableVersion => ({
  number,
  contentType,
  width: contentType === 'application/pdf' ? null : 1080,
  height: contentType === 'application/pdf' ? null : 1350,
  text,
});
const fileUrl = (number: number) => `/api/approval/tok/versions/${number}/file`;

describe('the comparison of two versions', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (previous: ComparableVersion, current: ComparableVersion) =>
    container.renderToString(VersionComparison, {
      props: { comparison: compareVersions(previous, current), fileUrl, title: 'Cartaz', t },
    });

  it('labels both images, keeps their size, and offers the slider to the script', async () => {
    const html = await render(version(1, 'a'), version(2, 'a'));
    expect(html).toContain('O que mudou da versão 1 para a 2');
    expect(html).toMatch(/<figcaption[^>]*>Versão 1<\/figcaption>/);
    expect(html).toMatch(/<figcaption[^>]*>Versão 2<\/figcaption>/);
    expect(html).toContain(`src="${fileUrl(1)}"`);
    expect(html).toContain('width="1080"');
    expect(html).toContain('height="1350"');
    expect(html).toContain('data-version-compare="overlay"');
    expect(html).toContain('data-slider="Mostrar a versão 2 sobre a 1"');
    expect(html).toContain('src="/version-compare.js"');
    expect(html).toContain('O texto não mudou.');
  });

  it('marks the caption’s changes in words as well as in <ins> and <del>, escaping the text', async () => {
    const html = await render(
      version(1, 'Promo <b>verão</b>'),
      version(2, 'Promo <b>inverno</b> & cia'),
    );
    expect(html).toMatch(
      /<del[^>]*><span class="visually-hidden[^"]*">removido: <\/span>verão<\/del>/,
    );
    expect(html).toMatch(
      /<ins[^>]*><span class="visually-hidden[^"]*">adicionado: <\/span>inverno<\/ins>/,
    );
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('shows PDFs side by side in frames with links, and no slider', async () => {
    const html = await render(version(1, '', 'application/pdf'), version(2, ''));
    expect(html).not.toContain('data-version-compare="overlay"');
    expect(html).toMatch(/<iframe src="\/api\/approval\/tok\/versions\/1\/file"/);
    expect(html).toContain('Abrir o PDF (Versão 1)');
    expect(html).not.toContain('version-compare.js');
    expect(html).toContain(`src="${fileUrl(2)}"`);
  });
});
