import { parseArgs } from 'node:util';
import { openConsoleDb } from './store';
import { addUser, listUsers, setPassword } from './users';

/**
 * `npm run console -- <command>`: the console's users from the command line, for the first
 * administrator of a console without the demo data set, and for getting back in.
 *
 *   add-user <name> --role viewer|support|admin    a new user
 *   reset-password <name>                          a new password for a user
 *   list-users                                     names, roles, disabled
 *
 * The password comes from CONSOLE_PASSWORD or from standard input (typed without echo on a
 * terminal, or piped), never from the command line, where other users of the machine see it.
 * `--data-dir` (or DATA_DIR, default ./.data) names the folder of the console's database.
 */

const USAGE = `usage: npm run console -- add-user <name> --role viewer|support|admin
       npm run console -- reset-password <name>
       npm run console -- list-users
options: --data-dir DIR (or DATA_DIR; default ./.data)
The password is read from CONSOLE_PASSWORD or from standard input, never from the command line.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Everything piped in, without its final line break. */
async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += (chunk as Buffer).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

/** A line typed on the terminal, not echoed. */
function readTyped(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(username: string): Promise<string> {
  const fromEnv = process.env.CONSOLE_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) return readPiped();
  const first = await readTyped(`Password for ${username}: `);
  const again = await readTyped('Again: ');
  if (first !== again) fail('The two passwords differ: nothing changed.');
  return first;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { role: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, name, ...extra] = positionals;
  if (values.help || !command) fail(USAGE);
  if (extra.length)
    fail(`Unexpected ${extra.join(' ')} (a password is never given on the command line).\n${USAGE}`);
  const db = openConsoleDb(values['data-dir'] ?? process.env.DATA_DIR ?? './.data');
  try {
    if (command === 'list-users') {
      for (const u of listUsers(db))
        process.stdout.write(`${u.username}\t${u.role}${u.disabled ? '\tdisabled' : ''}\n`);
      return;
    }
    if (!name) fail(`${command} needs a user name.\n${USAGE}`);
    if (command === 'add-user') {
      if (!values.role) fail(`add-user needs --role viewer, support or admin.\n${USAGE}`);
      const added = await addUser(
        db,
        { username: name, role: values.role, password: await readPassword(name) },
        Date.now(),
      );
      if (!added.ok) fail(added.message);
      process.stdout.write(`Added ${added.value.username} (${added.value.role}).\n`);
      return;
    }
    if (command === 'reset-password') {
      const done = await setPassword(db, name, await readPassword(name), Date.now());
      if (!done.ok) fail(done.message);
      process.stdout.write(`New password set for ${done.value.username}.\n`);
      return;
    }
    fail(`Unknown command ${command}.\n${USAGE}`);
  } finally {
    db.close();
  }
}

void main();
