import { createHash } from 'node:crypto';
import { newNumericId } from './ids.js';
import { placeholderPng } from './png.js';

/*
 * The sandbox's media: the customer's sample photos. Like Meta, each inbound media message gets
 * its own media id, which the relay resolves through the fake Graph API (`GET /<MEDIA_ID>`, then
 * the download URL with the same bearer token).
 */

export interface StoredMedia {
  id: string;
  mimeType: string;
  /** Base64, as in Meta's webhooks. */
  sha256: string;
  bytes: Buffer;
  label: string;
}

const SAMPLES = [
  { label: 'Shop window', top: [120, 170, 220], bottom: [40, 70, 110], disc: [250, 220, 140] },
  { label: 'Parcel on the doorstep', top: [225, 205, 170], bottom: [150, 110, 70], disc: [245, 240, 230] },
  { label: 'Flowers', top: [250, 200, 210], bottom: [120, 160, 90], disc: [230, 80, 110] },
] as const;

export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();
  private readonly sampleIds: string[] = [];

  constructor() {
    for (const sample of SAMPLES) {
      const bytes = placeholderPng(480, 360, sample.top, sample.bottom, sample.disc);
      this.sampleIds.push(this.put(bytes, 'image/png', sample.label).id);
    }
  }

  samples(): StoredMedia[] {
    return this.sampleIds.map((id) => this.items.get(id)).filter((m): m is StoredMedia => m !== undefined);
  }

  get(id: string): StoredMedia | undefined {
    return this.items.get(id);
  }

  /** A fresh media id for one message, holding the bytes of `sourceId` (or of the first sample). */
  issueFor(sourceId?: string): StoredMedia | undefined {
    const source = sourceId === undefined ? this.samples()[0] : this.items.get(sourceId);
    return source ? this.put(source.bytes, source.mimeType, source.label) : undefined;
  }

  private put(bytes: Buffer, mimeType: string, label: string): StoredMedia {
    const media = {
      id: newNumericId(),
      mimeType,
      sha256: createHash('sha256').update(bytes).digest('base64'),
      bytes,
      label,
    };
    this.items.set(media.id, media);
    return media;
  }
}
