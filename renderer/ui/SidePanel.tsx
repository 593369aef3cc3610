import { ActionIcon, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './SidePanel.module.css';

interface Props {
  /** The panel's title, also its accessible name (a complementary landmark). */
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** A column beside the conversation (the catalog, the contact): a title, a close button, its content. */
export function SidePanel({ title, closeLabel, onClose, children }: Props) {
  return (
    <aside className={classes.panel} aria-label={title}>
      <header className={classes.header}>
        <Text fw={650} size="sm">
          {title}
        </Text>
        <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={closeLabel}>
          <span aria-hidden>×</span>
        </ActionIcon>
      </header>
      {children}
    </aside>
  );
}
