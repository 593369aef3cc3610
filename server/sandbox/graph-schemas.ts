import { z } from 'zod';
import type { MediaType, PhoneDetail } from '../../shared/protocol/sandbox.js';
import { MAX_TEXT_LENGTH } from '../../shared/protocol/messages.js';
import { GraphApiError, invalidParameter } from './graph-errors.js';

/*
 * What `POST /<PHONE_NUMBER_ID>/messages` accepts, with the limits of the reference (§2.1).
 * A body either sends a message or marks one read; anything else is a Graph error 100 whose
 * message says which parameter is wrong, as Meta's do.
 */

const text = (max: number) => z.object({ text: z.string().min(1).max(max) });
const HeaderSchema = z.object({
  type: z.enum(['text', 'image', 'video', 'document']),
  text: z.string().max(60).optional(),
});
const ReplyButtonSchema = z.object({
  type: z.literal('reply'),
  reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
});
const ListRowSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(24),
  description: z.string().max(72).optional(),
});

const InteractiveSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('button'),
    header: HeaderSchema.optional(),
    body: text(1024),
    footer: text(60).optional(),
    action: z.object({ buttons: z.array(ReplyButtonSchema).min(1).max(3) }),
  }),
  z.object({
    type: z.literal('list'),
    header: HeaderSchema.optional(),
    body: text(4096),
    footer: text(60).optional(),
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(z.object({ title: z.string().max(24).optional(), rows: z.array(ListRowSchema).min(1) }))
        .min(1)
        .max(10)
        .refine((sections) => sections.flatMap((s) => s.rows).length <= 10, 'at most 10 rows in total'),
    }),
  }),
  z.object({
    type: z.literal('cta_url'),
    header: HeaderSchema.optional(),
    body: text(1024),
    footer: text(60).optional(),
    action: z.object({
      name: z.literal('cta_url'),
      parameters: z.object({ display_text: z.string().min(1).max(20), url: z.url() }),
    }),
  }),
  z.object({
    type: z.literal('product'),
    body: text(1024).optional(),
    footer: text(60).optional(),
    action: z.object({ catalog_id: z.string().min(1), product_retailer_id: z.string().min(1) }),
  }),
  z.object({
    type: z.literal('product_list'),
    header: z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }),
    body: text(1024),
    footer: text(60).optional(),
    action: z.object({
      catalog_id: z.string().min(1),
      sections: z
        .array(
          z.object({
            title: z.string().min(1).max(24),
            product_items: z.array(z.object({ product_retailer_id: z.string().min(1) })).min(1),
          }),
        )
        .min(1)
        .max(10)
        .refine((sections) => sections.flatMap((s) => s.product_items).length <= 30, 'at most 30 products in total'),
    }),
  }),
  z.object({
    type: z.literal('catalog_message'),
    body: text(1024),
    footer: text(60).optional(),
    action: z.object({
      name: z.literal('catalog_message'),
      parameters: z.object({ thumbnail_product_retailer_id: z.string().min(1) }).optional(),
    }),
  }),
]);

const MediaSchema = z
  .object({
    id: z.string().min(1).optional(),
    link: z.url().optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .refine((media) => media.id !== undefined || media.link !== undefined, 'either id or link is required');

const TemplateParameterSchema = z
  .object({
    type: z.string(),
    text: z.string().optional(),
    currency: z.object({ fallback_value: z.string() }).optional(),
    date_time: z.object({ fallback_value: z.string() }).optional(),
  })
  .loose();

const TemplateSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.object({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z
    .array(z.object({ type: z.string(), parameters: z.array(TemplateParameterSchema).optional() }).loose())
    .optional(),
});

const coordinate = (limit: number) => z.coerce.number().min(-limit).max(limit);

const TYPE_SCHEMAS = {
  text: z.object({ body: z.string().min(1).max(MAX_TEXT_LENGTH), preview_url: z.boolean().optional() }),
  image: MediaSchema,
  video: MediaSchema,
  audio: MediaSchema,
  document: MediaSchema,
  sticker: MediaSchema,
  location: z.object({
    latitude: coordinate(90),
    longitude: coordinate(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
  reaction: z.object({ message_id: z.string().min(1), emoji: z.string().max(16) }),
  interactive: InteractiveSchema,
  template: TemplateSchema,
} as const;

type SimulatedType = keyof typeof TYPE_SCHEMAS;
/** Types Meta accepts that this sandbox does not simulate: 131051, so the relay sees a clear no. */
const UNSIMULATED_TYPES = new Set(['contacts']);
const ALL_TYPES = [...Object.keys(TYPE_SCHEMAS), ...UNSIMULATED_TYPES].sort();

const EnvelopeSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    /** A phone number; `recipient` (a business-scoped user id) when there is none. `to` wins. */
    to: z.string().min(1).optional(),
    recipient: z.string().min(1).optional(),
    type: z.string().default('text'),
    context: z.object({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(512).optional(),
  })
  .loose();

const MarkReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

export interface ParsedShopMessage {
  to?: string;
  recipient?: string;
  type: SimulatedType;
  text: string;
  detail?: PhoneDetail;
  contextId?: string;
  bizOpaqueCallbackData?: string;
  /** Templates are the only messages allowed outside the customer-service window. */
  isTemplate: boolean;
  /** Reactions the business sends only ever get a `sent` status. */
  isReaction: boolean;
}

export type ParsedRequest =
  { kind: 'send'; message: ParsedShopMessage } | { kind: 'markRead'; messageId: string; typing: boolean };

/** `['text','body']` → `text['body']`, Meta's way of naming nested parameters. */
function paramName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? 'body'}${rest.map((part) => `['${part}']`).join('')}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first problem of `input` (found at `prefix` of the body), in Meta's phrasing. */
function describe(error: z.ZodError, input: unknown, prefix: readonly string[]): GraphApiError {
  const issue = error.issues[0];
  if (!issue) return invalidParameter('Invalid parameter');
  const name = paramName([...prefix, ...issue.path]);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(input, issue.path) === undefined) {
    return invalidParameter(`The parameter ${name} is required.`);
  }
  switch (issue.code) {
    case 'invalid_type':
      return invalidParameter(`Param ${name} must be a ${issue.expected}.`);
    case 'invalid_value':
      return invalidParameter(`Param ${name} must be one of {${issue.values.map(String).join(', ')}}.`);
    case 'too_big':
      return invalidParameter(
        issue.origin === 'string'
          ? `Param ${name} must be at most ${issue.maximum} characters long.`
          : `Param ${name} must have at most ${issue.maximum} items.`,
      );
    case 'too_small':
      return invalidParameter(
        issue.origin === 'string' && Number(issue.minimum) <= 1
          ? `Param ${name} must be a non-empty string.`
          : `Param ${name} must have at least ${issue.minimum} ${issue.origin === 'string' ? 'characters' : 'items'}.`,
      );
    default:
      return invalidParameter(`Param ${name} is invalid: ${issue.message}.`);
  }
}

export function parseGraphRequest(body: unknown): ParsedRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('The request body must be a JSON object.');
  }
  if ('status' in body) {
    const read = MarkReadSchema.safeParse(body);
    if (!read.success) throw describe(read.error, body, []);
    return { kind: 'markRead', messageId: read.data.message_id, typing: read.data.typing_indicator !== undefined };
  }
  const envelope = EnvelopeSchema.safeParse(body);
  if (!envelope.success) throw describe(envelope.error, body, []);
  const { type, to, recipient, context } = envelope.data;
  if (to === undefined && recipient === undefined) {
    throw invalidParameter('The parameter to or recipient is required.');
  }
  if (UNSIMULATED_TYPES.has(type)) {
    throw new GraphApiError(131051, `The sandbox does not simulate ${type} messages.`);
  }
  if (!(type in TYPE_SCHEMAS)) {
    throw invalidParameter(`Param type must be one of {${ALL_TYPES.join(', ')}} - got "${type}".`);
  }
  const simulated = type as SimulatedType;
  const payload = (body as Record<string, unknown>)[simulated];
  const parsed = TYPE_SCHEMAS[simulated].safeParse(payload);
  if (!parsed.success) throw describe(parsed.error, payload, [simulated]);
  return {
    kind: 'send',
    message: {
      ...(to === undefined ? {} : { to }),
      ...(recipient === undefined ? {} : { recipient }),
      type: simulated,
      ...presentation(simulated, parsed.data),
      ...(context ? { contextId: context.message_id } : {}),
      ...(envelope.data.biz_opaque_callback_data === undefined
        ? {}
        : { bizOpaqueCallbackData: envelope.data.biz_opaque_callback_data }),
      isTemplate: simulated === 'template',
      isReaction: simulated === 'reaction',
    },
  };
}

type Parsed<T extends SimulatedType> = z.infer<(typeof TYPE_SCHEMAS)[T]>;

/** The text and detail the customer's phone shows for a message. */
function presentation(type: SimulatedType, data: unknown): { text: string; detail?: PhoneDetail } {
  switch (type) {
    case 'text':
      return { text: (data as Parsed<'text'>).body };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = data as Parsed<'image'>;
      return {
        text: media.caption ?? '',
        detail: {
          kind: 'media',
          mediaType: type satisfies MediaType,
          ...(media.id === undefined ? {} : { mediaId: media.id }),
          ...(media.link === undefined ? {} : { link: media.link }),
          ...(media.filename === undefined ? {} : { filename: media.filename }),
        },
      };
    }
    case 'location': {
      const { latitude, longitude, name, address } = data as Parsed<'location'>;
      return { text: name ?? '', detail: { kind: 'location', latitude, longitude, name, address } };
    }
    case 'reaction': {
      const reaction = data as Parsed<'reaction'>;
      const emoji = reaction.emoji === '' ? null : reaction.emoji;
      return { text: emoji ?? '', detail: { kind: 'reaction', targetId: reaction.message_id, emoji } };
    }
    case 'interactive':
      return interactivePresentation(data as Parsed<'interactive'>);
    case 'template': {
      const template = data as Parsed<'template'>;
      const parameters = (template.components ?? [])
        .flatMap((component) => component.parameters ?? [])
        .map((p) => p.text ?? p.currency?.fallback_value ?? p.date_time?.fallback_value)
        .filter((value): value is string => value !== undefined);
      return {
        text: parameters.join(' · '),
        detail: { kind: 'template', name: template.name, language: template.language.code, parameters },
      };
    }
  }
}

function interactivePresentation(message: Parsed<'interactive'>): { text: string; detail: PhoneDetail } {
  const body = message.body?.text ?? '';
  const footer = message.footer?.text;
  const header = 'header' in message ? message.header?.text : undefined;
  const frame = { ...(header === undefined ? {} : { header }), ...(footer === undefined ? {} : { footer }) };
  const products = (catalogId: string, sections: { title?: string; retailerIds: string[] }[]) => ({
    text: body,
    detail: { kind: 'products' as const, ...frame, catalogId, sections },
  });
  switch (message.type) {
    case 'button':
      return {
        text: body,
        detail: { kind: 'buttons', ...frame, buttons: message.action.buttons.map((b) => b.reply) },
      };
    case 'list':
      return {
        text: body,
        detail: { kind: 'list', ...frame, button: message.action.button, sections: message.action.sections },
      };
    case 'cta_url':
      return {
        text: body,
        detail: {
          kind: 'link',
          ...frame,
          displayText: message.action.parameters.display_text,
          url: message.action.parameters.url,
        },
      };
    case 'product':
      return products(message.action.catalog_id, [{ retailerIds: [message.action.product_retailer_id] }]);
    case 'product_list':
      return products(
        message.action.catalog_id,
        message.action.sections.map((s) => ({
          title: s.title,
          retailerIds: s.product_items.map((item) => item.product_retailer_id),
        })),
      );
    case 'catalog_message': {
      const thumbnail = message.action.parameters?.thumbnail_product_retailer_id;
      return {
        text: body,
        detail: { kind: 'products', ...frame, sections: [{ retailerIds: thumbnail ? [thumbnail] : [] }] },
      };
    }
  }
}
