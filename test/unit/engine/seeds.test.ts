import { describe, it } from 'vitest';
import { assess } from '../../../lib/engine';
import { SEED_CASES } from './seed-cases';

describe('cases from the seed documents', () => {
  it.each(SEED_CASES.map((s) => [s.name, s] as const))('%s', (_name, s) => s.check(assess(s.c, s.policy, s.now)));
});
