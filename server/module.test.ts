import { describe, expect, it } from 'vitest';
import { modules } from './app';
import type { ServiceModule } from './module';
import { checkModules } from './module';

describe('the registry of service modules', () => {
  it('the built-in modules claim distinct APIs and token kinds', () => {
    expect(() => checkModules(modules)).not.toThrow();
    expect(modules.flatMap((m) => m.tokenKinds.map((k) => k.name)).sort()).toEqual([
      'rackspace',
      'veeam-access',
      'veeam-refresh',
    ]);
  });

  it("a module that claims another's token kind or API stops the service from being built", () => {
    const [rackspace, veeam] = modules as [ServiceModule, ServiceModule];
    const thief: ServiceModule = {
      ...veeam,
      name: 'thief',
      apis: [],
      tokenKinds: [rackspace.tokenKinds[0]!],
    };
    expect(() => checkModules([rackspace, thief])).toThrow(
      'Service modules "rackspace" and "thief" both claim the token kind "rackspace".',
    );
    const twin: ServiceModule = { ...veeam, name: 'twin', tokenKinds: [] };
    expect(() => checkModules([veeam, twin])).toThrow(/"veeam" and "twin" both claim the API "veeam-v5"/);
  });
});
