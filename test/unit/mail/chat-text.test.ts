import { describe, expect, it } from 'vitest';
import { escapeChatText } from '../../../src/server/mail/chat-sender.ts';

describe('text typed by a person, in a chat message', () => {
  it('cannot ping the group or disguise a link: Slack’s control characters are escaped', () => {
    expect(escapeChatText('<!channel> veja <https://evil.example|Aprovação urgente> & já')).toBe(
      '&lt;!channel&gt; veja &lt;https://evil.example|Aprovação urgente&gt; &amp; já',
    );
  });

  it('escapes an ampersand first, so an escape typed on purpose stays literal', () => {
    expect(escapeChatText('&lt;!here&gt;')).toBe('&amp;lt;!here&amp;gt;');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeChatText('Novo banner (prazo: 2026-03-13) *já*')).toBe(
      'Novo banner (prazo: 2026-03-13) *já*',
    );
  });
});
