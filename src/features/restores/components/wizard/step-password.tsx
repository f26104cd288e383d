import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import { PasswordInput, Stack, Text } from '@mantine/core';

/** Step four, for encrypted vaults only. The password goes into the start request and nowhere else. */
export function StepPassword({
  password,
  onChange,
}: {
  password: string;
  onChange: (password: string) => void;
}) {
  return (
    <Stack gap="xs" maw={520}>
      <Text size="sm">This backup is encrypted. Its vault password is needed to read the files.</Text>
      <PasswordInput
        label="Vault password"
        description="Sent only with the request that starts this restore; it is not stored."
        autoComplete="off"
        required
        value={password}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </Stack>
  );
}
