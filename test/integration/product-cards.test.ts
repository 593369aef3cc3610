import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS } from '../../shared/domain/conversation.js';
import type { ProductView } from '../../shared/protocol/catalog.js';
import { ConversationListResponseSchema } from '../../shared/protocol/conversations.js';
import { MessageResponseSchema } from '../../shared/protocol/messages.js';
import { api, command, connectClient, startHarness, type Harness } from '../helpers/relay-harness.js';
import { orderText } from '../../server/shop/wa-link.js';
import { inboundText, postWebhook } from '../helpers/webhooks.js';

const bram = { waId: '31612345678', name: 'Bram de Vries' };

async function setUp(catalogId?: string) {
  let clock = Date.now();
  const h = await startHarness({
    now: () => clock,
    config: { publicUrl: 'https://shop.example', shop: { locale: 'nl-BE', ...(catalogId ? { catalogId } : {}) } },
  });
  await postWebhook(h.url, inboundText(bram, 'Hebben jullie koffie?', { at: clock }));
  const list = ConversationListResponseSchema.parse((await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body);
  const conversationId = list.conversations[0]?.id ?? '';
  const add = async (sku: string, name: string, amount: number) =>
    (
      (await api(h, h.adminToken, 'POST', '/api/v1/products', { sku, name, price: { amount, currency: 'EUR' } }))
        .body as { product: ProductView }
    ).product;
  const products = [await add('KOFFIE-250', 'Koffie Arabica', 1250), await add('THEE-1', 'Groene thee', 390)];
  return { h, conversationId, products, advance: (ms: number) => (clock += ms) };
}

describe('product cards in the conversation', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('with WHATSAPP_CATALOG_ID: a native product message for one, product_list for several, exact Cloud API payloads', async () => {
    const setup = await setUp('1234567890');
    h = setup.h;
    const { conversationId, products } = setup;
    const [koffie, thee] = products as [ProductView, ProductView];
    const client = await connectClient(h.url, h.adminToken);

    const one = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/products`, {
      productIds: [koffie.id],
    });
    expect(one.status).toBe(201);
    const { message } = MessageResponseSchema.parse(one.body);
    expect(message).toMatchObject({
      type: 'interactive',
      status: 'pending',
      content: { kind: 'products', format: 'product', catalogId: '1234567890', items: [{ sku: 'KOFFIE-250' }] },
    });
    await h.relay.idle();
    expect(h.graph.sends().at(-1)?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+31612345678',
      type: 'interactive',
      interactive: { type: 'product', action: { catalog_id: '1234567890', product_retailer_id: 'KOFFIE-250' } },
    });

    const listed = await command(client.socket, 'catalog:send', {
      conversationId,
      productIds: [koffie.id, thee.id],
      clientId: 'list-1',
    });
    expect(listed.message.content).toMatchObject({ format: 'product_list' });
    await h.relay.idle();
    expect(h.graph.sends().at(-1)?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+31612345678',
      type: 'interactive',
      interactive: {
        type: 'product_list',
        header: { type: 'text', text: 'Producten voor jou' },
        body: { text: 'Bekijk ze hier' },
        action: {
          catalog_id: '1234567890',
          sections: [
            {
              title: 'Producten voor jou',
              product_items: [{ product_retailer_id: 'KOFFIE-250' }, { product_retailer_id: 'THEE-1' }],
            },
          ],
        },
      },
    });
    // The card's ticks come back like any reply's.
    const thread = (await api(h, h.adminToken, 'GET', `/api/v1/conversations/${conversationId}/messages`)).body as {
      messages: { type: string; status: string }[];
    };
    expect(thread.messages.filter((m) => m.type === 'interactive').map((m) => m.status)).toEqual(['sent', 'sent']);
    client.close();
  });

  it('without a catalog: an image with name, price and shop link as the caption, or a text with links', async () => {
    const setup = await setUp();
    h = setup.h;
    const { conversationId, products } = setup;
    const [koffie, thee] = products as [ProductView, ProductView];
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#6b4226' } })
      .png()
      .toBuffer();
    const uploaded = await fetch(`${h.url}/api/v1/products/${koffie.id}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.adminToken}`, 'content-type': 'image/png' },
      body: new Uint8Array(png),
    });
    const image = ((await uploaded.json()) as { product: ProductView }).product.images[0];
    const imageId = image?.source === 'upload' ? image.id : '';

    const one = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/products`, {
      productIds: [koffie.id],
      text: 'Deze is vers gebrand',
    });
    expect(one.status).toBe(201);
    await h.relay.idle();
    expect(h.graph.sends().at(-1)?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+31612345678',
      type: 'image',
      image: {
        link: `https://shop.example/media/products/${imageId}/large.jpg`,
        caption: 'Deze is vers gebrand\n\nKoffie Arabica: €\u00a012,50\nhttps://shop.example/shop/p/KOFFIE-250',
      },
    });

    const several = await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/products`, {
      productIds: [thee.id, koffie.id],
    });
    expect(several.status).toBe(201);
    await h.relay.idle();
    expect(h.graph.sends().at(-1)?.body).toMatchObject({
      type: 'text',
      text: {
        body: [
          'Producten voor jou',
          'Groene thee: €\u00a03,90\nhttps://shop.example/shop/p/THEE-1',
          'Koffie Arabica: €\u00a012,50\nhttps://shop.example/shop/p/KOFFIE-250',
        ].join('\n\n'),
        preview_url: true,
      },
    });
  });

  it('follows the rules of any reply: visibility, assignment, archived products, the 24-hour window', async () => {
    const setup = await setUp();
    h = setup.h;
    const { conversationId, products } = setup;
    const [koffie] = products as [ProductView];
    const path = `/api/v1/conversations/${conversationId}/products`;
    const ann = await h.addAgent('Ann');
    const piet = await h.addAgent('Piet');
    await api(h, h.adminToken, 'POST', `/api/v1/conversations/${conversationId}/assign`, { agentId: ann.agent.id });
    // Piet cannot see Ann's chat: 404, whatever the products.
    expect((await api(h, piet.token, 'POST', path, { productIds: ['nope'] })).status).toBe(404);
    expect((await api(h, ann.token, 'POST', path, { productIds: [] })).status).toBe(400);
    expect((await api(h, ann.token, 'POST', path, { productIds: ['nope'] })).status).toBe(400);
    const tooMany = Array.from({ length: 31 }, (_, i) => `p${i}`);
    expect((await api(h, ann.token, 'POST', path, { productIds: tooMany })).status).toBe(400);
    await api(h, h.adminToken, 'DELETE', `/api/v1/products/${koffie.id}`);
    expect((await api(h, ann.token, 'POST', path, { productIds: [koffie.id] })).body).toMatchObject({
      error: { code: 'BAD_REQUEST', message: 'Koffie Arabica is archived' },
    });
    await api(h, h.adminToken, 'PATCH', `/api/v1/products/${koffie.id}`, { visibility: 'active' });
    const sendsBefore = h.graph.sends().length;
    setup.advance(SERVICE_WINDOW_MS + 1000);
    expect(await api(h, ann.token, 'POST', path, { productIds: [koffie.id] })).toMatchObject({
      status: 422,
      body: { error: { code: 'WINDOW_CLOSED' } },
    });
    await h.relay.idle();
    expect(h.graph.sends()).toHaveLength(sendsBefore);
  });

  it('shows the agent the product a customer asks about through a shop link, once, after their message', async () => {
    const setup = await setUp();
    h = setup.h;
    const [koffie] = setup.products as [ProductView];
    const client = await connectClient(h.url, h.adminToken);
    const anna = { waId: '32470111222', name: 'Anna Peeters' };
    const noted = client.next('message:new', (e) => e.message.content?.kind === 'product_mention');
    const webhook = inboundText(anna, orderText(koffie, 'nl'), { wamid: 'wamid.ASK1' });
    await postWebhook(h.url, webhook);
    const { message, conversationId } = await noted;
    await postWebhook(h.url, webhook); // Meta retries: nothing new
    expect(message).toMatchObject({
      type: 'system',
      text: 'Asked about Koffie Arabica',
      content: { kind: 'product_mention', product: { sku: 'KOFFIE-250', price: { amount: 1250, currency: 'EUR' } } },
    });
    const thread = (await api(h, h.adminToken, 'GET', `/api/v1/conversations/${conversationId}/messages`)).body as {
      messages: { type: string; text: string }[];
    };
    expect(thread.messages.map((m) => m.type)).toEqual(['text', 'system']);
    // The list still shows what the customer wrote.
    const list = ConversationListResponseSchema.parse(
      (await api(h, h.adminToken, 'GET', '/api/v1/conversations')).body,
    );
    const row = list.conversations.find((c) => c.id === conversationId);
    expect(JSON.stringify(row)).toContain('KOFFIE-250');
    client.close();
  });
});
