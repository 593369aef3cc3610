import { z } from 'zod';
import { ErrorBodySchema } from '../../shared/protocol/result.js';
import {
  AgentListResponseSchema,
  AgentResponseSchema,
  CreateAgentRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  PresenceRequestSchema,
  UpdateAgentRequestSchema,
} from '../../shared/protocol/accounts.js';
import { AssignRequestSchema } from '../../shared/protocol/assignment.js';
import { UpdateConversationRequestSchema } from '../../shared/protocol/workflow.js';
import {
  CreateLabelRequestSchema,
  LabelListResponseSchema,
  LabelResponseSchema,
  SetLabelsRequestSchema,
  SettingsResponseSchema,
  UpdateLabelRequestSchema,
  UpdateSettingsRequestSchema,
} from '../../shared/protocol/labels.js';
import {
  CreateProductRequestSchema,
  ImportResponseSchema,
  PatchProductRequestSchema,
  ProductListResponseSchema,
  ProductResponseSchema,
  SendProductsRequestSchema,
  BuyButtonResponseSchema,
  ShopProductsResponseSchema,
} from '../../shared/protocol/catalog.js';
import { CartResponseSchema, SetCartQuantitySchema } from '../../shared/protocol/carts.js';
import { ConversationListResponseSchema, ConversationResponseSchema } from '../../shared/protocol/conversations.js';
import { AddNoteRequestSchema, NoteResponseSchema } from '../../shared/protocol/notes.js';
import { ContactHistorySchema } from '../../shared/protocol/contacts.js';
import { FloorResponseSchema } from '../../shared/protocol/floor.js';
import {
  CannedReplyListResponseSchema,
  CannedReplyResponseSchema,
  CreateCannedReplyRequestSchema,
  UpdateCannedReplyRequestSchema,
} from '../../shared/protocol/canned-replies.js';
import {
  MessageListResponseSchema,
  MessageResponseSchema,
  SendTextRequestSchema,
} from '../../shared/protocol/messages.js';
import {
  OrderListResponseSchema,
  OrderResponseSchema,
  PaymentLinkRequestSchema,
} from '../../shared/protocol/orders.js';

/*
 * The OpenAPI 3.1 description, generated from the same zod schemas the routes parse with,
 * so the document cannot drift from what the relay accepts. Add a route here when you add one.
 */

interface Operation {
  summary: string;
  auth?: boolean;
  request?: z.ZodType;
  requestType?: string;
  responses: Record<number, { description: string; schema?: z.ZodType; text?: boolean }>;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description: string }[];
}

const idParam = { name: 'id', in: 'path' as const, required: true, description: 'Conversation id' };
const errors = {
  400: { description: 'Invalid input', schema: ErrorBodySchema },
  401: { description: 'Missing, unknown or expired token', schema: ErrorBodySchema },
};
const visible = {
  404: { description: 'No such conversation, or not one the caller may see', schema: ErrorBodySchema },
};

const routes: Record<string, Record<string, Operation>> = {
  '/api/v1/auth/login': {
    post: {
      summary: 'Sign in with email and password',
      request: LoginRequestSchema,
      responses: { 200: { description: 'A session token', schema: LoginResponseSchema }, ...errors },
    },
  },
  '/api/v1/agents': {
    get: {
      summary: 'All agents and supervisors',
      auth: true,
      responses: { 200: { description: 'Agents', schema: AgentListResponseSchema }, ...errors },
    },
    post: {
      summary: 'Create an agent or supervisor (supervisors only)',
      auth: true,
      request: CreateAgentRequestSchema,
      responses: {
        201: { description: 'Created', schema: AgentResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        409: { description: 'Email already used', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/agents/{id}': {
    patch: {
      summary:
        'Change an agent (supervisors only): name, role, capacity, active, password. Deactivating or a new password ends their sessions and sockets at once',
      auth: true,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Agent id' }],
      request: UpdateAgentRequestSchema,
      responses: {
        200: { description: 'The agent after the change', schema: AgentResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        404: { description: 'No such agent', schema: ErrorBodySchema },
        409: { description: 'It would leave the shop without an active supervisor', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/me/presence': {
    put: {
      summary: "The caller's own presence: online or away (offline is when no app of theirs is connected)",
      auth: true,
      request: PresenceRequestSchema,
      responses: {
        200: { description: 'The caller as everyone now sees them', schema: AgentResponseSchema },
        ...errors,
      },
    },
  },
  '/api/v1/conversations': {
    get: {
      summary:
        "Conversations the caller may see (agents: unassigned and their own; supervisors: all), each with the caller's own unreadCount",
      auth: true,
      parameters: [
        { name: 'view', in: 'query', description: 'mine, unassigned or all (the default: all the caller may see)' },
        { name: 'status', in: 'query', description: 'open, pending, snoozed or resolved' },
        { name: 'label', in: 'query', description: 'A label id' },
        { name: 'q', in: 'query', description: 'Customer name, number or username' },
      ],
      responses: {
        200: { description: 'Conversations, newest activity first', schema: ConversationListResponseSchema },
        ...errors,
      },
    },
  },
  '/api/v1/conversations/{id}': {
    patch: {
      summary:
        'Set the status: open, pending, snoozed (with snoozedUntil, a future time) or resolved; recorded as a system line. A snoozed chat reopens at its time or when the customer writes; a pending or resolved one when the customer writes',
      auth: true,
      parameters: [idParam],
      request: UpdateConversationRequestSchema,
      responses: {
        200: { description: 'The conversation after the change', schema: ConversationResponseSchema },
        ...errors,
        ...visible,
      },
    },
  },
  '/api/v1/conversations/{id}/labels': {
    put: {
      summary: "Sets the conversation's labels (all of them, by id)",
      auth: true,
      parameters: [idParam],
      request: SetLabelsRequestSchema,
      responses: {
        200: { description: 'The conversation after the change', schema: ConversationResponseSchema },
        ...errors,
        ...visible,
      },
    },
  },
  '/api/v1/labels': {
    get: {
      summary: 'Every label',
      auth: true,
      responses: { 200: { description: 'Labels', schema: LabelListResponseSchema }, ...errors },
    },
    post: {
      summary: 'Create a label (supervisors only)',
      auth: true,
      request: CreateLabelRequestSchema,
      responses: {
        201: { description: 'Created', schema: LabelResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        409: { description: 'A label with that name exists', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/labels/{id}': {
    patch: {
      summary: 'Rename or recolour a label (supervisors only)',
      auth: true,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Label id' }],
      request: UpdateLabelRequestSchema,
      responses: {
        200: { description: 'The label after the change', schema: LabelResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        404: { description: 'No such label', schema: ErrorBodySchema },
        409: { description: 'A label with that name exists', schema: ErrorBodySchema },
      },
    },
    delete: {
      summary: 'Delete a label and take it off every conversation (supervisors only)',
      auth: true,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Label id' }],
      responses: {
        204: { description: 'Deleted' },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        404: { description: 'No such label', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/settings': {
    get: {
      summary: "The shop's settings",
      auth: true,
      responses: { 200: { description: 'Settings', schema: SettingsResponseSchema }, ...errors },
    },
    patch: {
      summary:
        'Change settings (supervisors only). autoAssign: new or reopened chats go to the online agent under capacity who has waited longest; otherwise they wait in Unassigned, oldest first',
      auth: true,
      request: UpdateSettingsRequestSchema,
      responses: {
        200: { description: 'The settings after the change', schema: SettingsResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/conversations/{id}/read': {
    post: {
      summary:
        "Marks the conversation read for the caller only (their unreadCount becomes 0) and sends WhatsApp's read receipt for the customer's last message once",
      auth: true,
      parameters: [idParam],
      responses: {
        200: { description: 'The conversation as the caller sees it', schema: ConversationResponseSchema },
        ...errors,
        ...visible,
      },
    },
  },
  '/api/v1/conversations/{id}/messages': {
    get: {
      summary: 'Messages of a conversation, oldest first, paged backwards with `before`',
      auth: true,
      parameters: [
        idParam,
        { name: 'before', in: 'query', description: 'Return messages before this message id' },
        { name: 'limit', in: 'query', description: '1–500, default 100' },
      ],
      responses: { 200: { description: 'Messages', schema: MessageListResponseSchema }, ...errors, ...visible },
    },
    post: {
      summary: 'Send a WhatsApp text as the caller; delivery continues in the background',
      auth: true,
      parameters: [idParam],
      request: SendTextRequestSchema,
      responses: {
        201: {
          description: 'Stored as pending; status changes arrive as message:update events',
          schema: MessageResponseSchema,
        },
        ...errors,
        403: { description: 'Assigned to someone else', schema: ErrorBodySchema },
        409: {
          description:
            'ASSIGNED_TO_OTHER: a supervisor replying to a chat assigned to someone else without confirmAssignedToOther',
          schema: ErrorBodySchema,
        },
        ...visible,
        422: { description: 'Outside the 24-hour customer service window', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/floor': {
    get: {
      summary:
        "The supervisor's floor (supervisors only): queue, each agent's presence and open chats, first-response and resolution times per agent and day",
      auth: true,
      responses: {
        200: { description: 'The floor', schema: FloorResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/canned-replies': {
    get: {
      summary: 'The canned replies (text may hold {{firstName}}, {{name}}, {{agentName}})',
      auth: true,
      responses: { 200: { description: 'Canned replies', schema: CannedReplyListResponseSchema }, ...errors },
    },
    post: {
      summary: 'Add a canned reply (supervisors only)',
      auth: true,
      request: CreateCannedReplyRequestSchema,
      responses: {
        201: { description: 'Created', schema: CannedReplyResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        409: { description: 'The shortcut is taken', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/canned-replies/{id}': {
    patch: {
      summary: 'Change a canned reply (supervisors only)',
      auth: true,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Canned reply id' }],
      request: UpdateCannedReplyRequestSchema,
      responses: {
        200: { description: 'The canned reply after the change', schema: CannedReplyResponseSchema },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        404: { description: 'No such canned reply', schema: ErrorBodySchema },
        409: { description: 'The shortcut is taken', schema: ErrorBodySchema },
      },
    },
    delete: {
      summary: 'Delete a canned reply (supervisors only)',
      auth: true,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Canned reply id' }],
      responses: {
        204: { description: 'Deleted' },
        ...errors,
        403: { description: 'Not a supervisor', schema: ErrorBodySchema },
        404: { description: 'No such canned reply', schema: ErrorBodySchema },
      },
    },
  },
  '/api/v1/conversations/{id}/notes': {
    post: {
      summary: 'Add a private note (never sent to WhatsApp); @Name of a colleague who may see the chat mentions them',
      auth: true,
      parameters: [idParam],
      request: AddNoteRequestSchema,
      responses: { 201: { description: 'The note', schema: NoteResponseSchema }, ...errors, ...visible },
    },
  },
  '/api/v1/conversations/{id}/contact': {
    get: {
      summary:
        "The contact panel: the customer's name, number or username, first contact, labels, earlier conversations (each stretch of the thread until it was resolved) and orders",
      auth: true,
      parameters: [idParam],
      responses: {
        200: { description: 'The contact and their history', schema: ContactHistorySchema },
        ...errors,
        ...visible,
      },
    },
  },
  '/api/v1/conversations/{id}/assign': {
    post: {
      summary: 'Assign (supervisors), claim or hand back (agents); agentId null unassigns',
      auth: true,
      parameters: [idParam],
      request: AssignRequestSchema,
      responses: {
        200: { description: 'The conversation after the change', schema: ConversationResponseSchema },
        ...errors,
        403: { description: 'Not allowed to make this assignment', schema: ErrorBodySchema },
        ...visible,
      },
    },
  },
  ...catalogRoutes(),
  ...sellingRoutes(),
  '/webhooks/whatsapp': {
    get: {
      summary: "Meta's verification handshake",
      parameters: [
        { name: 'hub.mode', in: 'query', required: true, description: 'Always "subscribe"' },
        { name: 'hub.verify_token', in: 'query', required: true, description: 'WHATSAPP_VERIFY_TOKEN' },
        { name: 'hub.challenge', in: 'query', required: true, description: 'Echoed back' },
      ],
      responses: {
        200: { description: 'The challenge, as text', text: true },
        403: { description: 'Wrong token', schema: ErrorBodySchema },
      },
    },
    post: {
      summary: 'Cloud API events (messages, statuses), signed with X-Hub-Signature-256',
      parameters: [
        { name: 'X-Hub-Signature-256', in: 'header', required: true, description: 'sha256=<hex HMAC of the raw body>' },
      ],
      requestType: 'application/json',
      responses: {
        200: { description: 'Stored durably (repeated wamids change nothing)', text: true },
        400: { description: 'Not a Cloud API payload', schema: ErrorBodySchema },
        401: { description: 'Missing or invalid signature: nothing stored', schema: ErrorBodySchema },
        413: { description: 'Larger than 3 MB', schema: ErrorBodySchema },
      },
    },
  },
  '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: '{ok:true}' } } } },
};

function catalogRoutes(): Record<string, Record<string, Operation>> {
  const productParam = { name: 'id', in: 'path' as const, required: true, description: 'Product id' };
  const supervisors = { 403: { description: 'Not a supervisor', schema: ErrorBodySchema } };
  const noProduct = { 404: { description: 'No such product', schema: ErrorBodySchema } };
  const skuTaken = { 409: { description: 'Another product has this SKU', schema: ErrorBodySchema } };
  return {
    '/api/v1/products': {
      get: {
        summary: 'The catalog (active products; `includeArchived=true` for all), or those matching `q`',
        auth: true,
        parameters: [
          { name: 'q', in: 'query', description: 'Part of a name or SKU (case and accents ignored)' },
          { name: 'includeArchived', in: 'query', description: '"true" to include archived products' },
        ],
        responses: { 200: { description: 'Products', schema: ProductListResponseSchema }, ...errors },
      },
      post: {
        summary: 'Create a product (supervisors only); price in minor units, VAT included',
        auth: true,
        request: CreateProductRequestSchema,
        responses: {
          201: { description: 'Created', schema: ProductResponseSchema },
          ...errors,
          ...supervisors,
          ...skuTaken,
        },
      },
    },
    '/api/v1/products/{id}': {
      get: {
        summary: 'One product, archived or not',
        auth: true,
        parameters: [productParam],
        responses: { 200: { description: 'The product', schema: ProductResponseSchema }, ...errors, ...noProduct },
      },
      patch: {
        summary: 'Change a product (supervisors only); `stock: null` stops tracking stock',
        auth: true,
        parameters: [productParam],
        request: PatchProductRequestSchema,
        responses: {
          200: { description: 'The product after the change', schema: ProductResponseSchema },
          ...errors,
          ...supervisors,
          ...noProduct,
          ...skuTaken,
        },
      },
      delete: {
        summary: 'Archive a product (supervisors only): orders and carts keep their lines',
        auth: true,
        parameters: [productParam],
        responses: {
          200: { description: 'The archived product', schema: ProductResponseSchema },
          ...errors,
          ...supervisors,
          ...noProduct,
        },
      },
    },
    '/api/v1/conversations/{id}/products': {
      post: {
        summary:
          'Send products as the caller: native product / product_list with WHATSAPP_CATALOG_ID, else an image with a caption or a text with links',
        auth: true,
        parameters: [{ name: 'id', in: 'path', required: true, description: 'Conversation id' }],
        request: SendProductsRequestSchema,
        responses: {
          201: { description: 'Stored as pending; ticks follow as message:update', schema: MessageResponseSchema },
          ...errors,
          403: { description: 'Assigned to someone else', schema: ErrorBodySchema },
          404: { description: 'No such conversation, or not one the caller may see', schema: ErrorBodySchema },
          422: { description: 'Outside the 24-hour customer service window', schema: ErrorBodySchema },
        },
      },
    },
    '/api/v1/products/{id}/buy-button': {
      get: {
        summary: 'The HTML of an "Order on WhatsApp" button for this product, to paste on the shop\'s own site',
        auth: true,
        parameters: [productParam],
        responses: { 200: { description: 'The snippet', schema: BuyButtonResponseSchema }, ...errors, ...noProduct },
      },
    },
    '/api/v1/products/{id}/images': {
      post: {
        summary: 'Upload a product image (supervisors only): JPEG, PNG or WebP bytes as the body, up to 10 MiB',
        auth: true,
        parameters: [productParam],
        requestType: 'image/jpeg,image/png,image/webp',
        responses: {
          201: { description: 'The product, the image first (`imageUrl`)', schema: ProductResponseSchema },
          ...errors,
          ...supervisors,
          ...noProduct,
          413: { description: 'Over 10 MiB or 40 megapixels', schema: ErrorBodySchema },
          415: { description: 'Not a JPEG, PNG or WebP image', schema: ErrorBodySchema },
        },
      },
    },
    '/media/products/{imageId}/{file}': {
      get: {
        summary: 'An uploaded image variant (thumb.webp, card.webp, large.jpg), public, cached for a year',
        parameters: [
          { name: 'imageId', in: 'path', required: true, description: 'The image id' },
          { name: 'file', in: 'path', required: true, description: 'thumb.webp, card.webp or large.jpg' },
        ],
        responses: {
          200: { description: 'The image' },
          404: { description: 'No such image', schema: ErrorBodySchema },
        },
      },
    },
    '/shop': {
      get: {
        summary: 'The hosted public shop (HTML), 48 products a page',
        parameters: [{ name: 'page', in: 'query', description: 'Page number, from 1' }],
        responses: { 200: { description: 'The page (text/html)' } },
      },
    },
    '/shop/products.json': {
      get: {
        summary: 'Public facts (name, price, image, page) of active products by SKU, as the shop shows them',
        parameters: [{ name: 'sku', in: 'query', required: true, description: 'A SKU; repeat for up to 30' }],
        responses: {
          200: { description: 'Products found (unknown and archived left out)', schema: ShopProductsResponseSchema },
        },
      },
    },
    '/shop/p/{sku}': {
      get: {
        summary: 'One product\'s public page (HTML) with its "Order on WhatsApp" button',
        parameters: [{ name: 'sku', in: 'path', required: true, description: 'The SKU' }],
        responses: {
          200: { description: 'The page (text/html)' },
          404: { description: 'Unknown or archived: a not-found page (text/html)' },
        },
      },
    },
    '/api/v1/products/import': {
      post: {
        summary: "Import a catalog feed in Meta's CSV/TSV format (supervisors only); re-import updates by SKU",
        auth: true,
        requestType: 'text/csv,text/tab-separated-values',
        responses: {
          200: {
            description: 'Counts, and each row that could not be read (`line`: the header is line 1)',
            schema: ImportResponseSchema,
          },
          ...errors,
          ...supervisors,
          413: { description: 'Larger than 64 MB', schema: ErrorBodySchema },
          415: { description: 'Not text/csv or text/tab-separated-values', schema: ErrorBodySchema },
        },
      },
    },
  };
}

/** Carts, orders, payment links and the payment providers' webhooks. */
function sellingRoutes(): Record<string, Record<string, Operation>> {
  const productParam = { name: 'productId', in: 'path' as const, required: true, description: 'Product id' };
  const orderParam = { name: 'orderId', in: 'path' as const, required: true, description: 'Order id (ord_…)' };
  const conflict = {
    409: {
      description: 'Not possible with this cart (empty, archived product, other currency)',
      schema: ErrorBodySchema,
    },
  };
  return {
    '/api/v1/conversations/{id}/cart': {
      get: {
        summary: "The conversation's cart: lines, total and VAT split, every amount in minor units",
        auth: true,
        parameters: [idParam],
        responses: { 200: { description: 'The cart', schema: CartResponseSchema }, ...errors, ...visible },
      },
    },
    '/api/v1/conversations/{id}/cart/items/{productId}': {
      put: {
        summary: "Sets one product's quantity in the cart (0 removes it); live as cart:update",
        auth: true,
        parameters: [idParam, productParam],
        request: SetCartQuantitySchema,
        responses: {
          200: { description: 'The cart after the change', schema: CartResponseSchema },
          ...errors,
          404: { description: 'No such conversation (or not visible), or no such product', schema: ErrorBodySchema },
          ...conflict,
        },
      },
    },
    '/api/v1/conversations/{id}/payment-link': {
      post: {
        summary:
          'Turns the cart into an order, creates its payment (idempotently: the same cart again is the same order) and sends the customer the stable link as a cta_url message',
        auth: true,
        parameters: [idParam],
        request: PaymentLinkRequestSchema,
        responses: {
          201: {
            description: 'The order; `paymentUrl` is the checkout, `payLink` the stable link',
            schema: OrderResponseSchema,
          },
          ...errors,
          403: { description: 'Assigned to someone else', schema: ErrorBodySchema },
          ...visible,
          ...conflict,
          422: {
            description: 'Outside the 24-hour window: only a template could carry the link',
            schema: ErrorBodySchema,
          },
          503: { description: 'The payment provider could not be reached', schema: ErrorBodySchema },
        },
      },
    },
    '/api/v1/orders': {
      get: {
        summary: 'Orders of the conversations the caller may see, newest first',
        auth: true,
        parameters: [
          { name: 'conversationId', in: 'query', description: "Only this conversation's orders" },
          { name: 'status', in: 'query', description: 'awaiting_payment, paid, expired, canceled or failed' },
        ],
        responses: { 200: { description: 'Orders', schema: OrderListResponseSchema }, ...errors },
      },
    },
    '/pay/{orderId}': {
      get: {
        summary: "The customer's stable payment link: 303 to a live checkout (a fresh one when the last expired)",
        parameters: [orderParam],
        responses: {
          303: { description: 'To the checkout' },
          200: { description: 'A page: paid already, link closed, or payment in progress' },
          404: { description: 'No such order (an HTML page)' },
        },
      },
    },
    '/webhooks/mollie': {
      post: {
        summary: 'Mollie payment status changes: `id=tr_…` (form-encoded); the payment is fetched from Mollie',
        requestType: 'application/x-www-form-urlencoded',
        responses: {
          200: { description: 'Applied, or not one of ours (nothing changes)' },
          400: { description: 'No id', schema: ErrorBodySchema },
          503: { description: 'Mollie unreachable: Mollie retries', schema: ErrorBodySchema },
        },
      },
    },
    '/webhooks/stripe': {
      post: {
        summary: 'Stripe Checkout Session events, verified by Stripe-Signature (with a tolerance)',
        parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, description: 't=…,v1=…' }],
        requestType: 'application/json',
        responses: {
          200: { description: 'Applied, or not one of ours (nothing changes)' },
          400: { description: 'Forged, stale or malformed: nothing changes', schema: ErrorBodySchema },
        },
      },
    },
  };
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, methods] of Object.entries(routes)) {
    paths[path] = {};
    for (const [method, op] of Object.entries(methods)) {
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        responses[status] = {
          description: response.description,
          ...(response.schema
            ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
            : {}),
          ...(response.text ? { content: { 'text/plain': { schema: { type: 'string' } } } } : {}),
        };
      }
      paths[path][method] = {
        summary: op.summary,
        ...(op.auth ? { security: [{ bearer: [] }] } : {}),
        ...(op.parameters ? { parameters: op.parameters.map((p) => ({ ...p, schema: { type: 'string' } })) } : {}),
        ...(op.request
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(op.request, 'input') } },
              },
            }
          : {}),
        ...(op.requestType
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  op.requestType
                    .split(',')
                    .map((type) => [type, { schema: { type: type.endsWith('json') ? 'object' : 'string' } }]),
                ),
              },
            }
          : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Toonbank relay',
      version: '1',
      description:
        'The REST side of the Toonbank relay. Live updates use Socket.IO on the same port; its events are typed in shared/protocol/events.ts and listed in the README.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
