import type { FeatureHandlers } from '../realtime/caller.js';
import type { NoteService } from './note-service.js';

export function noteHandlers(notes: NoteService): FeatureHandlers<'note:add' | 'mention:list' | 'mention:dismiss'> {
  return {
    'note:add': (p, { agent }) => notes.add(agent, p.conversationId, p.text),
    'mention:list': (_p, { agent }) => ({ mentions: notes.mentionsOf(agent) }),
    'mention:dismiss': async (p, { agent }) => ({ mentions: await notes.dismiss(agent, p.ids) }),
  };
}
