import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n/use-t';
import { previewOf } from './message-preview';

const t = ((key: string) =>
  ({ 'messageType.interactive': 'Reply', 'messageType.image': 'Photo' })[key] ?? key) as Translate;
const last = (type: 'interactive' | 'image', direction: 'in' | 'out', text: string) =>
  ({ type, direction, text, status: direction === 'in' ? 'received' : 'sent' }) as const;

describe('previewOf', () => {
  it("shows the shop's own product cards and payment buttons by their text, a customer's reply as a reply", () => {
    expect(previewOf(last('interactive', 'out', 'Coffee beans\n€12.50'), t)).toBe('Coffee beans €12.50');
    expect(previewOf(last('interactive', 'in', 'Yes please'), t)).toBe('Reply · Yes please');
    expect(previewOf(last('image', 'out', 'Our new mug'), t)).toBe('Photo · Our new mug');
  });
});
