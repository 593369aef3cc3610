import type { Label, Settings } from '../../shared/domain/label.js';
import type { InboxAction, InboxState } from '../inbox/inbox-store';

/* The team's labels and the shop's settings, as the relay last said (loaded at every connect). */

export interface LabelsState {
  labels: readonly Label[];
  byId: ReadonlyMap<string, Label>;
  settings: Settings;
}

export type LabelsAction = { type: 'labels:loaded'; labels: Label[]; settings: Settings };

export const initialLabelsState: LabelsState = { labels: [], byId: new Map(), settings: { autoAssign: false } };

const withLabels = (state: LabelsState, labels: readonly Label[]): LabelsState => ({
  ...state,
  labels,
  byId: new Map(labels.map((l) => [l.id, l])),
});

export function reduceLabels(state: LabelsState, action: InboxAction): LabelsState {
  switch (action.type) {
    case 'labels:loaded':
      return { ...withLabels(state, action.labels), settings: action.settings };
    case 'label:upsert': {
      const label = action.event;
      const known = state.byId.has(label.id);
      return withLabels(
        state,
        known ? state.labels.map((l) => (l.id === label.id ? label : l)) : [...state.labels, label],
      );
    }
    case 'label:remove':
      return state.byId.has(action.event.id)
        ? withLabels(
            state,
            state.labels.filter((l) => l.id !== action.event.id),
          )
        : state;
    case 'settings:update':
      return { ...state, settings: action.event };
    default:
      return state;
  }
}

export const selectLabels = (state: InboxState): readonly Label[] => state.labels.labels;
export const selectLabelsById = (state: InboxState): ReadonlyMap<string, Label> => state.labels.byId;
export const selectAutoAssign = (state: InboxState): boolean => state.labels.settings.autoAssign;
