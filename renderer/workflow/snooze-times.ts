/** The snooze menu's ready-made times, from `now` in the agent's own time zone. */
export function snoozeChoices(now: Date): { key: 'snoozeOneHour' | 'snoozeTomorrow' | 'snoozeNextWeek'; at: Date }[] {
  const inAnHour = new Date(now.getTime() + 60 * 60 * 1000);
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  const daysToMonday = (8 - now.getDay()) % 7 || 7;
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysToMonday, 9, 0);
  return [
    { key: 'snoozeOneHour', at: inAnHour },
    { key: 'snoozeTomorrow', at: tomorrow },
    { key: 'snoozeNextWeek', at: monday },
  ];
}

/** A date as a `datetime-local` input's value (local time, to the minute). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
