import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Agent } from '../../shared/domain/agent.js';
import type { Floor, FloorDay } from '../../shared/protocol/floor.js';
import { userLocale } from '../i18n';
import { formatDuration } from '../i18n/format';
import { useT } from '../i18n/use-t';
import classes from './Floor.module.css';

const COLORS = ['#0f8a7e', '#e8590c', '#4263eb', '#ae3ec9', '#2f9e44', '#f08c00', '#1098ad', '#d6336c'];

type Metric = 'firstResponseMs' | 'resolutionMs';

/** Per day, each agent's average in seconds: what the bars show (the axis words them in s, min or h). */
function chartData(floor: Floor, agents: readonly Agent[], metric: Metric): Record<string, string | number>[] {
  const byKey = new Map<string, FloorDay>(floor.stats.map((s) => [`${s.agentId}|${s.day}`, s]));
  return floor.days.map((day) => {
    const row: Record<string, string | number> = { day: day.slice(5) };
    for (const agent of agents) {
      const ms = byKey.get(`${agent.id}|${day}`)?.[metric];
      if (ms !== null && ms !== undefined) row[agent.name] = Math.round(ms / 100) / 10;
    }
    return row;
  });
}

export function FloorChart({ floor, agents, metric }: { floor: Floor; agents: readonly Agent[]; metric: Metric }) {
  const t = useT();
  const withFigures = agents.filter((a) => floor.stats.some((s) => s.agentId === a.id && s[metric] !== null));
  const title = metric === 'firstResponseMs' ? t('floor.firstResponse') : t('floor.resolution');
  const locale = userLocale();
  const seconds = (value: unknown) => formatDuration(Number(value) * 1_000, locale);
  return (
    <figure className={classes.chart} aria-label={title}>
      <figcaption className={classes.chartTitle}>{title}</figcaption>
      {withFigures.length === 0 ? (
        <p className={classes.noData}>{t('floor.noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={chartData(floor, withFigures, metric)} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis fontSize={11} width={64} tickFormatter={seconds} />
            <Tooltip formatter={seconds} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {withFigures.map((agent, i) => (
              <Bar key={agent.id} dataKey={agent.name} fill={COLORS[i % COLORS.length]} radius={[3, 3, 0, 0]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
