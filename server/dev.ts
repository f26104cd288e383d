import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the reference service on SERVICE_PORT (8081) and Vite with hot reload on PORT (8080),
 * which forwards every API path to the service.
 */
const servicePort = process.env.SERVICE_PORT ?? '8081';
const env = { ...process.env, SERVICE_URL: `http://127.0.0.1:${servicePort}` };
const children = [
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', servicePort], {
    stdio: 'inherit',
    env,
  }),
  spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', '--port', process.env.PORT ?? '8080', '--strictPort'],
    {
      stdio: 'inherit',
      env,
    },
  ),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const child of children) child.on('exit', (code) => (stop(), process.exit(code ?? 0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
