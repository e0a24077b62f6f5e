// A tag whose colours keep WCAG AA contrast (antd's green, orange and gold presets do not).
import { Tag } from 'antd';
import type { ReactNode } from 'react';

export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

export function StatusTag({ tone, icon, children }: { tone: Tone; icon?: ReactNode; children: ReactNode }) {
  return (
    <Tag className={`custos-tag custos-tag-${tone}`} icon={icon}>
      {children}
    </Tag>
  );
}
