// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Run, RunProgress as Progress } from '../api/domain';
import { emptyProgress } from '../api/run-parts';
import { RunProgress } from './run-progress';
import { renderUi } from './test-render';

const progress = (over: Partial<Progress> = {}): Progress => ({ ...emptyProgress(), ...over });

const run = (over: Partial<Run> = {}): Run => ({
  connectionId: 'c',
  kind: 'backup',
  id: '1',
  parentId: 'p',
  parentName: 'Web files',
  machineName: 'web01',
  state: 'succeeded',
  vendorState: 'completed',
  startedAt: '2026-11-21T02:00:00Z',
  endedAt: '2026-11-21T02:04:00Z',
  updatedAt: '2026-11-21T02:04:00Z',
  progress: progress(),
  errorCount: 0,
  reason: null,
  restorable: true,
  encrypted: false,
  initiatedBy: null,
  ...over,
});

describe('RunProgress', () => {
  afterEach(cleanup);

  it("moves a running run's stripes with the compositor's transform, not Mantine's repainting animation", () => {
    const sections = () => [...document.querySelectorAll('.mantine-Progress-section')];
    renderUi(<RunProgress run={run({ state: 'running', endedAt: null })} />);
    renderUi(
      <RunProgress run={run({ state: 'running', endedAt: null, progress: progress({ percent: 40 }) })} />,
    );
    expect(sections()).toHaveLength(2);
    for (const section of sections()) {
      // Mantine's `animated` (data-animated) animates background-position: a main-thread paint a frame.
      expect(section.hasAttribute('data-animated')).toBe(false);
      expect(section.className).toMatch(/moving/);
    }
    cleanup();
    renderUi(<RunProgress run={run({ progress: progress({ percent: 100 }) })} />);
    expect(sections()[0]?.className).not.toMatch(/moving/);
  });

  it('counts what a Veeam job session processes as objects, a Rackspace backup as files', () => {
    const counted = progress({ percent: 100, filesDone: 1234, bytesDone: 5_000_000 });
    renderUi(<RunProgress run={run({ kind: 'job-session', vendorState: 'Success', progress: counted })} />);
    expect(screen.getByText(/1,234 objects/)).toBeTruthy();
    expect(screen.queryByText(/files/)).toBeNull();
    cleanup();
    renderUi(<RunProgress run={run({ progress: counted })} />);
    expect(screen.getByText(/1,234 files/)).toBeTruthy();
  });

  it('says one object, not one objects', () => {
    renderUi(<RunProgress run={run({ kind: 'job-session', progress: progress({ filesDone: 1 }) })} />);
    expect(screen.getByText(/\b1 object\b(?!s)/)).toBeTruthy();
  });

  // What the v2 adapter makes of a missed or skipped scheduled backup: ended, 100%, nothing moved.
  it.each([
    ['missed', 'Missed'],
    ['skipped', 'Skipped'],
  ] as const)('a %s run did no work: only its state, no bar and no figures', (state, label) => {
    const nothing = progress({
      percent: 100,
      filesDone: 0,
      bytesDone: 0,
      filesSearched: 0,
      bytesSearched: 0,
    });
    renderUi(<RunProgress run={run({ state, vendorState: state, progress: nothing })} />);
    expect(screen.getByText(label)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByText(/100%|0 B|files|taken/)).toBeNull();
  });

  it('an ended run that did work keeps its figures', () => {
    renderUi(
      <RunProgress run={run({ progress: progress({ percent: 100, bytesDone: 2048, filesDone: 3 }) })} />,
    );
    expect(screen.getByRole('progressbar', { name: 'Progress of Web files' })).toBeTruthy();
    expect(screen.getByText('100%')).toBeTruthy();
    expect(screen.getByText(/2.0 KB done · 3 files · 4 min taken/)).toBeTruthy();
  });
});
