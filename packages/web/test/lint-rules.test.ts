import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/** The web app's import rules (eslint.config.js, `WEB_LAYERS`), on files linted as if they stood at the given paths. */
const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }],
});

async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, 'packages/web/src', path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'meetbridge/web-layers' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('web app layers (app → features → platforms → shared)', () => {
  it('refuses a feature importing another feature, relative or through @/', async () => {
    expect(
      await layerErrors(
        'features/rooms/components/x.tsx',
        "import { enterRoom } from '../../meetings/api/enter-room';\nexport const x = enterRoom;\n",
      ),
    ).toEqual([expect.stringContaining('features/rooms may not import features/meetings')]);
    expect(
      await layerErrors(
        'features/rooms/components/x.tsx',
        "import { enterRoom } from '@/features/meetings/api/enter-room';\nexport const x = enterRoom;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses imports up the layers', async () => {
    expect(
      await layerErrors('lib/x.ts', "import { RoomsList } from '@/features/rooms/components/rooms-list';\nexport const x = RoomsList;\n"),
    ).toEqual([expect.stringContaining('src/shared may import only shared')]);
    expect(
      await layerErrors('features/meetings/x.ts', "import { AppRouter } from '@/app/router';\nexport const x = AppRouter;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors(
        'platforms/mock/x.tsx',
        "import { RoomContainer } from '@/features/meetings/components/room-container';\nexport const x = RoomContainer;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses one platform room importing another, and any import of another workspace package', async () => {
    expect(await layerErrors('platforms/daily/x.tsx', "import MockRoom from '../mock/room';\nexport const x = MockRoom;\n")).toEqual([
      expect.stringContaining('no cross-platform imports'),
    ]);
    expect(await layerErrors('lib/x.ts', "import { buildApp } from '@meetbridge/server';\nexport const x = buildApp;\n")).toHaveLength(1);
  });

  it('allows the one-way imports: app → features, features → platforms and shared, the registry → every platform', async () => {
    expect(
      await layerErrors(
        'app/routes/x.tsx',
        "import { RoomsList } from '@/features/rooms/components/rooms-list';\nexport const x = RoomsList;\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'features/meetings/x.ts',
        "import { roomModules } from '@/platforms/registry';\nimport { api } from '@/lib/api/client';\nexport const x = [roomModules, api];\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('platforms/registry.ts', "export const m = { mock: () => import('./mock/room') };\n")).toEqual([]);
    expect(
      await layerErrors(
        'platforms/mock/x.tsx',
        "import type { RoomProps } from '../types';\nimport { Button } from '@/components/ui/button';\nexport type X = RoomProps;\nexport const b = Button;\n",
      ),
    ).toEqual([]);
  });
});
