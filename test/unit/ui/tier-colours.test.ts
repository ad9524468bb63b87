// The urgency colours are defined once (lib/ui/tier-colours.ts); the stylesheet every extension page
// imports cannot import TypeScript, so this keeps its variables equal to that definition.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIER_COLOUR, UNREAD_COLOUR } from '../../../lib/ui/tier-colours';

const css = readFileSync('lib/ui/tokens.css', 'utf8');
const variable = (name: string) => new RegExp(`--ar-${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();

describe('the urgency colours', () => {
  it.each(Object.entries(TIER_COLOUR))('the pages show %s in the colour of the row badges', (tier, colour) => {
    expect(variable(tier)).toBe(colour);
  });
  it('a countdown whose state was not read is the same slate on the pages as on the row badges', () => {
    expect([variable('unread'), variable('unread-urgent')]).toEqual([UNREAD_COLOUR.calm, UNREAD_COLOUR.urgent]);
  });
  it('no source file but the definition spells a tier colour', async () => {
    const { execSync } = await import('node:child_process');
    const hits = execSync(`grep -rlic -e '#c9302c' -e '#d4540b' -e '#b7791f' -e '#2f7d32' lib entrypoints || true`)
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(hits.sort()).toEqual(['lib/ui/tier-colours.ts', 'lib/ui/tokens.css']);
  });
});
