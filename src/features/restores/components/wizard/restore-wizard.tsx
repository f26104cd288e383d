import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Stepper.css';
import { Alert, Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Connection } from '../../../../api/domain';
import { PageHeader } from '../../../../components/page-header';
import { restoreQueries } from '../../queries';
import { restorePath } from '../restores-table';
import { DraftNotice } from './draft-notice';
import { StepConfiguration } from './step-configuration';
import { StepDestination } from './step-destination';
import { StepPassword } from './step-password';
import { StepPoint } from './step-point';
import { StepReview } from './step-review';
import { useWizardStart } from './use-wizard-start';
import type { StepId, WizardChoices, WizardLink } from './wizard-state';
import {
  EMPTY_CHOICES,
  choose,
  configurationNotFound,
  openLink,
  restoreInput,
  stepProblem,
  wizardSteps,
} from './wizard-state';

const LABELS: Record<StepId, { label: string; description: string }> = {
  configuration: { label: 'Configuration', description: 'What to restore from' },
  point: { label: 'Restore point', description: 'Which backup' },
  destination: { label: 'Destination', description: 'Where to' },
  password: { label: 'Vault password', description: 'Encrypted backup' },
  review: { label: 'Review', description: 'Check and start' },
};

/**
 * The restore wizard: configuration → restore point → destination → vault password (encrypted
 * backups only) → review → start. The password lives in this component's state only, and goes into
 * the one request that needs it (see useWizardStart).
 */
export function RestoreWizard({
  connections,
  initial,
}: {
  /** Rackspace connections on which the person may restore. */
  connections: readonly Connection[];
  /**
   * A pre-filled link (?connection=&configuration=&backup=): the configuration is chosen once the
   * connection's list shows it, the backup once its points load.
   */
  initial?: WizardLink;
}) {
  const navigate = useNavigate();
  // A link's configuration (and backup) count as chosen once the connection's configurations show it:
  // a link may name one deleted since, or a connection the person cannot restore on. Till then the
  // wizard stays on its first step, whose list is loading the same configurations.
  const [fromLink] = useState(() => openLink(connections, initial ?? {}));
  const [choices, setChoices] = useState<WizardChoices>(() => ({
    ...EMPTY_CHOICES,
    connectionId: fromLink.connectionId,
  }));
  const [link, setLink] = useState(fromLink.pending);
  const [linkProblem, setLinkProblem] = useState(fromLink.problem);
  const [password, setPassword] = useState('');
  // A link from a backup opens at the restore point step, that backup chosen for the person to check.
  const [preset, setPreset] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const linked = useQuery({
    ...restoreQueries.configurations(choices.connectionId ?? ''),
    enabled: link !== null,
  });
  if (link !== null && linked.data) {
    setLink(null);
    setProblem(null);
    if (linked.data.some((c) => c.id === link.configurationId)) {
      setChoices((c) => choose(c, { configurationId: link.configurationId }));
      setPreset(link.backupId);
      if (link.backupId) setActive(1);
    } else {
      const on = connections.find((c) => c.id === choices.connectionId);
      setLinkProblem(configurationNotFound(link.configurationId, on?.label ?? choices.connectionId ?? ''));
    }
  }
  const presetPoints = useQuery({
    ...restoreQueries.restorePoints(choices.connectionId ?? '', choices.configurationId),
    enabled: preset !== null,
  });
  if (preset !== null && (presetPoints.data || presetPoints.isError)) {
    const point = presetPoints.data?.find((p) => p.backupId === preset);
    setPreset(null);
    if (point) setChoices((c) => choose(c, { point }));
    else if (presetPoints.data)
      setProblem(`Backup ${preset} is not a restore point of this configuration: choose one of these.`);
  }
  const steps = wizardSteps(choices);
  const step = steps[Math.min(active, steps.length - 1)] ?? 'configuration';
  const last = step === 'review';
  const connection = connections.find((c) => c.id === choices.connectionId);
  const encrypted = choices.point?.encrypted ?? false;
  const starter = useWizardStart((restore) => {
    setPassword('');
    notifications.show({ color: 'green', message: 'The restore has started.', autoClose: 4000 });
    void navigate(restorePath(restore));
  });
  const onPassword = (p: string) => {
    setProblem(null);
    setPassword(p);
  };

  const onChoose = (change: Partial<WizardChoices>) => {
    setProblem(null);
    setPreset(null);
    setLink(null);
    setLinkProblem(null);
    starter.forget();
    setChoices((c) => choose(c, change));
    if (change.connectionId !== undefined || change.configurationId !== undefined) setPassword('');
  };
  // A step that the person moves to takes the focus (its section), as a new page would: the button
  // pressed may be gone or be another one now (Next becomes Start restore), and a second press of the
  // key must not act on the next step unseen.
  const stepMoved = useRef(false);
  const moveTo = (to: number) => {
    if (to === active || to < 0 || to >= steps.length) return;
    stepMoved.current = true;
    setActive(to);
  };
  const focusIfMoved = (section: HTMLElement | null) => {
    if (!section || !stepMoved.current) return;
    stepMoved.current = false;
    section.focus();
  };
  const next = () => {
    const p = stepProblem(step, choices, password);
    setProblem(p);
    if (!p) moveTo(active + 1);
  };
  const start = () => {
    const input = restoreInput(choices);
    if (!input || !choices.connectionId) return;
    const p = encrypted ? stepProblem('password', choices, password) : null;
    setProblem(p);
    if (!p) starter.run(choices.connectionId, input, encrypted ? password : null);
  };

  const body = (id: StepId) => {
    const cid = choices.connectionId ?? '';
    switch (id) {
      case 'configuration':
        return (
          <>
            {linkProblem && (
              <Alert color="orange" title={linkProblem.title} maw={720}>
                {linkProblem.text}
              </Alert>
            )}
            <StepConfiguration connections={connections} choices={choices} onChoose={onChoose} />
          </>
        );
      case 'point':
        return (
          <StepPoint
            connectionId={cid}
            configurationId={choices.configurationId ?? ''}
            point={choices.point}
            onChoose={(point) => onChoose({ point })}
          />
        );
      case 'destination':
        return <StepDestination connectionId={cid} choices={choices} onChoose={onChoose} />;
      case 'password':
        return <StepPassword password={password} onChange={onPassword} />;
      case 'review':
        return (
          <>
            <StepReview connectionLabel={connection?.label ?? cid} choices={choices} />
            {starter.unstarted && (
              <DraftNotice
                unstarted={starter.unstarted}
                encrypted={encrypted}
                password={password}
                onPasswordChange={onPassword}
              />
            )}
          </>
        );
    }
  };

  return (
    <>
      <PageHeader
        title="New restore"
        description="Restore files from a Rackspace Cloud Backup to a machine."
      />
      <Stack gap="lg">
        <Stepper
          active={active}
          onStepClick={(i) => i < active && moveTo(i)}
          allowNextStepsSelect={false}
          size="sm"
        >
          {steps.map((id) => (
            <Stepper.Step key={id} label={LABELS[id].label} description={LABELS[id].description}>
              <Stack
                gap="md"
                pt="md"
                component="section"
                aria-label={LABELS[id].label}
                tabIndex={-1}
                ref={focusIfMoved}
                style={{ outline: 'none' }}
              >
                {body(id)}
              </Stack>
            </Stepper.Step>
          ))}
        </Stepper>
        {problem && (
          <Text c="red" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setProblem(null);
              moveTo(active - 1);
            }}
            disabled={active === 0 || starter.pending}
          >
            Back
          </Button>
          {/* Two buttons, not one that changes its words and its action under the person's key. */}
          {last ? (
            <Button key="start" onClick={start} loading={starter.pending}>
              Start restore
            </Button>
          ) : (
            <Button key="next" onClick={next}>
              Next
            </Button>
          )}
        </Group>
      </Stack>
    </>
  );
}
