import { selectAgentsById, selectMeId } from '../accounts/accounts-state';
import { useInbox } from '../inbox/inbox-context';
import { selectActivity } from './activity-state';

/** The names of the colleagues (never oneself) viewing and typing in a conversation. */
export function useOthersInConversation(conversationId: string): { viewing: string[]; typing: string[] } {
  const activity = useInbox((s) => selectActivity(s, conversationId));
  const meId = useInbox(selectMeId);
  const agentsById = useInbox(selectAgentsById);
  const names = (ids: readonly string[] | undefined): string[] =>
    (ids ?? []).filter((id) => id !== meId).flatMap((id) => agentsById.get(id)?.name ?? []);
  return { viewing: names(activity?.viewerIds), typing: names(activity?.typingIds) };
}
