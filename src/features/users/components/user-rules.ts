/**
 * What the console server accepts for a user (server/console/users.ts), checked before sending so
 * that a form says what is wrong at once; the server checks again and its word is final.
 */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function usernameProblem(username: string): string | null {
  if (username.trim() === '') return 'Enter a user name.';
  return USERNAME.test(username)
    ? null
    : 'A user name is 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.';
}

export function passwordProblem(password: string): string | null {
  if (password === '') return 'Enter a password.';
  if (password.length < MIN_PASSWORD_LENGTH)
    return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export function confirmationProblem(password: string, confirmation: string): string | null {
  if (confirmation === '') return 'Enter the password again.';
  return confirmation === password ? null : 'The two passwords differ.';
}
