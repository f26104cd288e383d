import { useNavigate, useSearchParams } from 'react-router';
import { SignInPage } from '../../features/session/components/sign-in-page';
import { acknowledgeExpired, safeNext, signedIn } from '../shell/session-gate';

/** /sign-in?next=<where the person was>&reason=expired */
export function Component() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  return (
    <SignInPage
      expired={params.get('reason') === 'expired'}
      onDone={() => {
        acknowledgeExpired();
        signedIn();
        void navigate(next, { replace: true });
      }}
    />
  );
}
