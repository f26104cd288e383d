import { useNavigate, useSearchParams } from 'react-router';
import { apiRuntime } from '../../api/runtime';
import { ConsoleSignInPage } from '../../features/session/components/console-sign-in-page';
import { SignInPage } from '../../features/session/components/sign-in-page';
import { acknowledgeExpired, safeNext, signedIn } from '../shell/session-gate';

/**
 * /sign-in?next=<where the person was>&reason=expired (&error=<why a sign-in failed>&username=<the
 * name the browser's own sending of the form gave>): the console server's sign-in in console mode,
 * otherwise one form for every vendor.
 */
export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const expired = params.get('reason') === 'expired';
  const onDone = () => {
    acknowledgeExpired();
    signedIn();
    void navigate(next, { replace: true });
  };
  return apiRuntime().consoleMode ? (
    <ConsoleSignInPage
      expired={expired}
      next={next}
      error={params.get('error')}
      username={params.get('username') ?? ''}
      onDone={onDone}
    />
  ) : (
    <SignInPage expired={expired} onDone={onDone} />
  );
}
