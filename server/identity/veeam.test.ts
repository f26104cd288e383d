import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAnswerSchema, tokenErrorSchema } from '../../src/api/veeam-v5/wire';
import type { VeeamTestService } from '../veeam-v5/testing';
import { signIn, startVeeam } from '../veeam-v5/testing';

/** `POST /v5/Token`: the password and refresh_token grants, OAuth errors, throttling. */

let t: VeeamTestService;
beforeAll(async () => {
  t = await startVeeam();
});
afterAll(() => t.service.close());

function token(body: string, contentType = 'application/x-www-form-urlencoded', path = '/v5/Token') {
  return t.service.app.request(path, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function expectTokenError(res: Response, error: string, pattern: RegExp, status = 400): Promise<void> {
  expect(res.status).toBe(status);
  const body = tokenErrorSchema.parse(await res.json());
  expect(body.error).toBe(error);
  expect(body.error_description).toMatch(pattern);
}

describe('the password grant', () => {
  it('answers the token, its lifetime and the role', async () => {
    const res = await signIn(t.service, 'support');
    expect(res.status).toBe(200);
    const body = tokenAnswerSchema.parse(await res.json());
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 86400,
      userName: 'support',
      role: 'support',
    });
    expect(Date.parse(body['.expires']) - Date.parse(body['.issued'] ?? '')).toBe(86400 * 1000);
    expect(body['.issued']).toBe(new Date(t.clock.now()).toUTCString());
    const jobs = await t.service.app.request('/v5/Jobs', {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(jobs.status).toBe(200);
  });

  it('takes the path in any case and the extra fields real scripts send', async () => {
    // VeeamHub's Grafana script: …&refresh_token=%27%27 to /v5/token.
    const res = await token(
      'grant_type=password&username=viewer&password=demo&refresh_token=%27%27',
      undefined,
      '/V5/TOKEN',
    );
    expect(res.status).toBe(200);
    expect(tokenAnswerSchema.parse(await res.json()).role).toBe('viewer');
    const charset = await token(
      'grant_type=password&username=admin&password=demo',
      'application/x-www-form-urlencoded; charset=UTF-8',
      '/v5/token',
    );
    expect(charset.status).toBe(200);
  });

  it('refuses bad credentials with invalid_grant', async () => {
    await expectTokenError(
      await token('grant_type=password&username=admin&password=nope'),
      'invalid_grant',
      /user name or password is incorrect/,
    );
    await expectTokenError(
      await token('grant_type=password&username=nobody&password=demo'),
      'invalid_grant',
      /user name or password is incorrect/,
    );
  });

  it('slows down repeated failures for a user name: 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await token(`grant_type=password&username=slow&password=x${i}`);
    const held = await token('grant_type=password&username=slow&password=x3');
    expect(held.headers.get('retry-after')).toBe('1');
    await expectTokenError(
      held,
      'temporarily_unavailable',
      /Too many wrong sign-ins: try again in 1 second/,
      429,
    );
  });
});

describe('the refresh_token grant', () => {
  it('renews the session once per refresh token', async () => {
    const first = tokenAnswerSchema.parse(await (await signIn(t.service, 'admin')).json());
    const res = await token(`grant_type=refresh_token&refresh_token=${first.refresh_token}`);
    expect(res.status).toBe(200);
    const second = tokenAnswerSchema.parse(await res.json());
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.role).toBe('admin');
    await expectTokenError(
      await token(`grant_type=refresh_token&refresh_token=${first.refresh_token}`),
      'invalid_grant',
      /refresh token was already used/,
    );
  });

  it('does not take an access token as a refresh token', async () => {
    await expectTokenError(
      await token(`grant_type=refresh_token&refresh_token=${t.tokens.admin}`),
      'invalid_grant',
      /not valid/,
    );
  });
});

describe('bad requests', () => {
  it('refuses a JSON body with a clear description', async () => {
    await expectTokenError(
      await token(
        JSON.stringify({ grant_type: 'password', username: 'admin', password: 'demo' }),
        'application/json',
      ),
      'invalid_request',
      /form \(Content-Type: application\/x-www-form-urlencoded\).*sent "application\/json"/,
    );
  });

  it.each([
    ['username=admin&password=demo', 'invalid_request', /grant_type is missing/],
    ['grant_type=client_credentials', 'unsupported_grant_type', /"client_credentials" is not supported/],
    [
      'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&client_id=x&assertion=y',
      'unsupported_grant_type',
      /not supported/,
    ],
    ['grant_type=password&username=admin', 'invalid_request', /needs username and password/],
    ['grant_type=refresh_token', 'invalid_request', /needs refresh_token/],
  ])('%s → %s', async (body, error, pattern) => {
    await expectTokenError(await token(body), error, pattern);
  });
});
