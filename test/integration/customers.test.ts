import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageListResponseSchema } from '../../shared/protocol/messages.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { envelope, newWamid, postWebhook } from '../helpers/webhooks.js';

/*
 * Customers as WhatsApp knows them in 2026 (reference §1.7): by business-scoped user id, by phone,
 * or both; with a username that may hide the number. Real relay, signed webhooks, real files.
 */

const BSUID = 'BE.13491208655302741918';
const seconds = (ms: number) => String(Math.floor(ms / 1000));

/** A customer's text as Meta sends it, with only the identifiers given. */
function textFrom(
  who: { waId?: string; userId?: string; username?: string; name?: string },
  body: string,
  wamid = newWamid(),
) {
  return envelope({
    contacts: [
      {
        profile: { ...(who.name ? { name: who.name } : {}), ...(who.username ? { username: who.username } : {}) },
        ...(who.waId ? { wa_id: who.waId } : {}),
        ...(who.userId ? { user_id: who.userId } : {}),
      },
    ],
    messages: [
      {
        ...(who.waId ? { from: who.waId } : {}),
        ...(who.userId ? { from_user_id: who.userId } : {}),
        id: wamid,
        timestamp: seconds(Date.now()),
        type: 'text',
        text: { body },
      },
    ],
  });
}

async function conversations(h: Harness, query = '') {
  const response = await api(h, h.adminToken, 'GET', `/api/v1/conversations${query}`);
  return ConversationListResponseSchema.parse(response.body).conversations;
}

async function messagesOf(h: Harness, id: string) {
  const response = await api(h, h.adminToken, 'GET', `/api/v1/conversations/${id}/messages`);
  return MessageListResponseSchema.parse(response.body).messages;
}

describe('customers known by business-scoped user id', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('takes a message from a customer with only a BSUID and a username, and replies to the BSUID', async () => {
    const response = await postWebhook(
      h.url,
      textFrom({ userId: BSUID, username: 'lotte.shops', name: 'Lotte' }, 'Hoi!'),
    );
    expect(response.status).toBe(200);
    const [conversation] = await conversations(h);
    expect(conversation?.contact).toEqual({ waId: null, userId: BSUID, username: 'lotte.shops', name: 'Lotte' });

    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
      text: 'Dag Lotte',
    });
    await h.relay.idle();
    const send = h.graph.requests.find((r) => r.body['type'] === 'text');
    expect(send?.body).toMatchObject({ recipient: BSUID, text: { body: 'Dag Lotte' } });
    expect(send?.body).not.toHaveProperty('to');

    // Its ticks come back by BSUID alone.
    const client = await connectClient(h.url, h.adminToken);
    const sent = (await messagesOf(h, conversation?.id ?? '')).at(-1);
    const read = client.next('message:update', (p) => p.message.status === 'read');
    const status = envelope({
      statuses: [{ id: sent?.waMessageId, status: 'read', timestamp: seconds(Date.now()), recipient_user_id: BSUID }],
    });
    expect((await postWebhook(h.url, status)).status).toBe(200);
    await read;
    client.close();
  });

  it('keeps one conversation for a customer seen first by phone, then by both, then by BSUID only', async () => {
    await postWebhook(h.url, textFrom({ waId: '32470998877', name: 'Jef' }, 'one'));
    await postWebhook(h.url, textFrom({ waId: '32470998877', userId: BSUID, name: 'Jef' }, 'two'));
    await postWebhook(h.url, textFrom({ userId: BSUID, username: 'jef', name: 'Jef' }, 'three'));
    const list = await conversations(h);
    expect(list).toHaveLength(1);
    expect(list[0]?.contact).toEqual({ waId: '32470998877', userId: BSUID, username: 'jef', name: 'Jef' });
    expect((await messagesOf(h, list[0]?.id ?? '')).map((m) => m.text)).toEqual(['one', 'two', 'three']);
    // With the number known, replies still go to the phone (Meta: `to` wins).
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${list[0]?.id ?? ''}/messages`, { text: 'ok' });
    await h.relay.idle();
    expect(h.graph.requests.find((r) => r.body['type'] === 'text')?.body).toMatchObject({ to: '+32470998877' });
  });

  it('also works the other way round: BSUID first, the phone learnt later', async () => {
    await postWebhook(h.url, textFrom({ userId: BSUID, name: 'Mia' }, 'first'));
    await postWebhook(h.url, textFrom({ waId: '31611223344', userId: BSUID, name: 'Mia' }, 'second'));
    await postWebhook(h.url, textFrom({ waId: '31611223344', name: 'Mia' }, 'third'));
    const list = await conversations(h);
    expect(list).toHaveLength(1);
    expect(list[0]?.contact).toMatchObject({ waId: '31611223344', userId: BSUID });
  });

  it('updates the ids on user_changed_number and user_changed_user_id, keeping the conversation and saying so', async () => {
    await postWebhook(h.url, textFrom({ waId: '32470111111', userId: BSUID, name: 'Noor' }, 'hallo'));
    const changedNumber = envelope({
      messages: [
        {
          from: '32470111111',
          id: newWamid(),
          timestamp: seconds(Date.now()),
          type: 'system',
          system: {
            body: 'User Noor changed from 32470111111 to 32470222222',
            type: 'user_changed_number',
            wa_id: '32470222222',
            user_id: 'BE.99887766554433',
          },
        },
      ],
    });
    expect((await postWebhook(h.url, changedNumber)).status).toBe(200);
    // A repeat of the same system message changes nothing more.
    expect((await postWebhook(h.url, changedNumber)).status).toBe(200);
    const changedId = envelope({
      messages: [
        {
          from_user_id: 'BE.99887766554433',
          id: newWamid(),
          timestamp: seconds(Date.now()),
          type: 'system',
          system: { body: 'User Noor changed their user id', type: 'user_changed_user_id', user_id: 'BE.11112222' },
        },
      ],
    });
    expect((await postWebhook(h.url, changedId)).status).toBe(200);

    const [conversation] = await conversations(h);
    expect(conversation?.contact).toEqual({ waId: '32470222222', userId: 'BE.11112222', username: null, name: 'Noor' });
    expect(conversation?.lastMessage?.text).toBe('hallo');
    const lines = await messagesOf(h, conversation?.id ?? '');
    expect(lines.map((m) => [m.type, m.content?.kind === 'system' ? m.content.event : null])).toEqual([
      ['text', null],
      ['system', 'contact_number_changed'],
      ['system', 'contact_user_id_changed'],
    ]);
    expect(lines[1]?.text).toBe('Noor changed their number from +32470111111 to +32470222222');
    // The customer writing from the new number lands in the same conversation.
    await postWebhook(h.url, textFrom({ waId: '32470222222', name: 'Noor' }, 'nieuw nummer'));
    expect(await conversations(h)).toHaveLength(1);
  });

  it('refuses a message from nobody (no phone, no BSUID) and stores nothing', async () => {
    const payload = envelope({
      contacts: [{ profile: { name: 'Ghost' } }, { profile: { name: 'Other' } }],
      messages: [{ id: newWamid(), timestamp: seconds(Date.now()), type: 'text', text: { body: 'boo' } }],
    });
    const response = await postWebhook(h.url, payload);
    expect(response.status).toBe(400);
    expect(await conversations(h)).toEqual([]);
  });

  it('finds a BSUID-only customer by username and name, through the socket sync too', async () => {
    await postWebhook(h.url, textFrom({ userId: BSUID, username: 'fien_vds', name: 'Fien' }, 'yo'));
    await postWebhook(h.url, textFrom({ waId: '32470555000', name: 'Karel' }, 'hi'));
    for (const q of ['fien_vds', '@fien_vds', 'Fien', 'fien', BSUID]) {
      expect((await conversations(h, `?q=${encodeURIComponent(q)}`)).map((c) => c.contact.name)).toEqual(['Fien']);
    }
    for (const q of ['+32 470 555 000', '32470555', 'karel']) {
      expect((await conversations(h, `?q=${encodeURIComponent(q)}`)).map((c) => c.contact.name)).toEqual(['Karel']);
    }
    const client = await connectClient(h.url, h.adminToken);
    const snapshot = await command(client.socket, 'inbox:sync');
    expect(snapshot.conversations.find((c) => c.contact.name === 'Fien')?.contact).toMatchObject({
      waId: null,
      username: 'fien_vds',
    });
    client.close();
  });
});
