// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { runOf } from '../api/run-parts';
import { RunProgress } from './run-progress';
import { StatusBadge } from './status-badge';
import { renderUi } from './test-render';
import { VendorWord } from './vendor-word';

afterEach(cleanup);

test("a reason reads in people's words, the vendor's word kept in the title and the details (issue 10 §12)", () => {
  renderUi(<VendorWord word="AgentDisconnected" detail />);
  const words = screen.getByText('The agent lost its connection to the backup service');
  expect(words.getAttribute('title')).toBe("The service's word: AgentDisconnected");
  expect(screen.getByText(/\(the service's word: AgentDisconnected\)/)).toBeTruthy();
});

test("a state badge's title says the vendor's state in words, then the word itself", () => {
  renderUi(<StatusBadge state="warning" vendorState="CompletedWithErrors" />);
  expect(screen.getByText('Warning').closest('[title]')?.getAttribute('title')).toBe(
    "Warning: completed with errors (the service's word: CompletedWithErrors)",
  );
});

test("a run's progress without counters falls back to its state in people's words", () => {
  const run = runOf({
    connectionId: 'rackspace-dfw',
    kind: 'backup',
    id: '1',
    parentId: '2',
    parentName: 'Daily',
    state: 'warning',
    vendorState: 'CompletedWithErrors',
  });
  renderUi(<RunProgress run={run} />);
  expect(screen.getByText('Completed with errors')).toBeTruthy();
  expect(screen.queryByText('CompletedWithErrors')).toBeNull();
});
