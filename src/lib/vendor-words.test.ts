import { describe, expect, test } from 'vitest';
import { peopleWords, sameWord, saysMore } from './vendor-words';

describe("the vendors' words in people's words (issue 10 §12)", () => {
  test('each spelling of a known word (v1.0 PascalCase, v2 snake_case) meets one entry', () => {
    expect(peopleWords('AgentDisconnected')).toBe('The agent lost its connection to the backup service');
    expect(peopleWords('agent_disconnected')).toBe(peopleWords('AgentDisconnected'));
    expect(peopleWords('DestinationUnavailable')).toBe('The destination machine stopped answering');
    expect(peopleWords('CompletedWithErrors')).toBe('Completed with errors');
    expect(peopleWords('completed_with_errors')).toBe('Completed with errors');
    expect(peopleWords('file_or_folder_missing')).toBe('File or folder not found');
  });

  test('an unknown code is spelt out in words; a sentence stays as the vendor wrote it', () => {
    expect(peopleWords('QuotaExceeded')).toBe('Quota exceeded');
    expect(peopleWords('quota_exceeded')).toBe('Quota exceeded');
    const sentence = 'The proxy could not reach the organization.';
    expect(peopleWords(sentence)).toBe(sentence);
    expect(saysMore(sentence)).toBe(false);
    expect(saysMore('AgentDisconnected')).toBe(true);
  });

  test('sameWord ignores case, spaces and underscores', () => {
    expect(sameWord('CompletedWithErrors', 'completed with errors')).toBe(true);
    expect(sameWord('Failed', 'Stopped')).toBe(false);
  });
});
