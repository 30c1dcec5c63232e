import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint configuration's own test: the dependency rules in eslint.config.js refuse imports that
 * run against the allowed direction. Files are linted as if they stood at the given paths (type
 * information is switched off for these virtual files; the import rules do not need it).
 */
const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }],
});

async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency rules', () => {
  it('refuses an import from rooms into meetings (meetings depends on rooms, not the reverse)', async () => {
    const errors = await importErrors(
      'packages/server/src/modules/rooms/bad.ts',
      "import type { MeetingService } from '../meetings/service.js';\nexport type X = MeetingService;\n",
    );
    expect(errors).toEqual([expect.stringContaining('modules/rooms may import only')]);
  });

  it('allows meetings to use the rooms service', async () => {
    expect(
      await importErrors(
        'packages/server/src/modules/meetings/ok.ts',
        "import type { RoomService } from '../rooms/service.js';\nexport type X = RoomService;\n",
      ),
    ).toEqual([]);
  });

  it("refuses another module's repo even where the module itself is allowed", async () => {
    const errors = await importErrors(
      'packages/server/src/modules/meetings/bad.ts',
      "import type { RoomRepo } from '../rooms/repo.js';\nexport type X = RoomRepo;\n",
    );
    expect(errors).toEqual([expect.stringContaining("owning module's service")]);
  });

  it('refuses the wiring inside a module and modules inside infrastructure', async () => {
    expect(
      await importErrors(
        'packages/server/src/modules/webhooks/bad.ts',
        "import type { Container } from '../../container.js';\nexport type X = Container;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'packages/server/src/jobs/bad.ts',
        "import type { MeetingRepo } from '../modules/meetings/repo.js';\nexport type X = MeetingRepo;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps packages apart: fakes import nothing of ours, platforms not the server', async () => {
    expect(
      await importErrors(
        'packages/fakes/src/bad.ts',
        "import type { PlatformAdapter } from '@meetbridge/platforms';\nexport type X = PlatformAdapter;\n",
      ),
    ).toHaveLength(1);
    expect(
      await importErrors('packages/platforms/src/bad.ts', "import type { Server } from '@meetbridge/server';\nexport type X = Server;\n"),
    ).toHaveLength(1);
    expect(
      await importErrors(
        'packages/server/src/modules/rooms/ok.ts',
        "import type { PlatformCatalog } from '@meetbridge/platforms';\nexport type X = PlatformCatalog;\n",
      ),
    ).toEqual([]);
  });
});
