// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderUi } from '../../../components/test-render';
import { ExploreForm } from './explore-form';

const jobs = [
  { connectionId: 'veeam', id: 'j1', name: 'Mailboxes', organizationName: 'Contoso' },
  { connectionId: 'veeam', id: 'j2', name: 'Sites', organizationName: 'Fabrikam' },
];

describe('ExploreForm', () => {
  afterEach(cleanup);

  it('sends the chosen job, point in time, Explorer and switches', () => {
    const onSubmit = vi.fn();
    renderUi(
      <ExploreForm
        jobs={jobs}
        initialJob={{ connectionId: 'veeam', id: 'j2' }}
        pending={false}
        onSubmit={onSubmit}
      />,
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Job' }).value).toBe('veeam/j2');
    fireEvent.change(screen.getByLabelText(/Point in time/), { target: { value: '2026-11-20T08:30' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Teams' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show all versions' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open restore session' }));
    expect(onSubmit).toHaveBeenCalledWith('veeam', {
      jobId: 'j2',
      pointInTime: new Date('2026-11-20T08:30').toISOString(),
      type: 'vet',
      showDeleted: false,
      showAllVersions: true,
    });
  });

  it('refuses an empty point in time with a message', () => {
    const onSubmit = vi.fn();
    renderUi(<ExploreForm jobs={jobs} pending={false} onSubmit={onSubmit} />);
    const when = screen.getByLabelText(/Point in time/);
    fireEvent.change(when, { target: { value: '' } });
    fireEvent.submit(when.closest('form')!);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/Enter a date and time/)).toBeTruthy();
  });
});
