import { describe, expect, it } from 'vitest';
import { theme } from './theme';

describe('theme', () => {
  it('never lets a badge cut its word ("RUNNI…"): the column around it gives way instead', () => {
    const styles = theme.components?.Badge?.styles as Record<string, Record<string, string>> | undefined;
    expect(styles?.root).toMatchObject({ overflow: 'visible', width: 'max-content', flexShrink: 0 });
    expect(styles?.label).toMatchObject({ overflow: 'visible', textOverflow: 'clip' });
  });
});
