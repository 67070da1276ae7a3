/**
 * The built-in seed policies, validated once at load. The extension offers them as built-ins;
 * admins can disable them or import their own (validated with `validatePolicy`).
 */
import { validatePolicy, type Policy } from '../lib/sla/schema.ts';
import membro from './membro.json' with { type: 'json' };
import mextra from './mextra.json' with { type: 'json' };
import scope4mation from './scope4mation.json' with { type: 'json' };
import workspace365 from './workspace365.json' with { type: 'json' };
import zmanda from './zmanda.json' with { type: 'json' };

export const BUILTIN_POLICY_IDS = ['workspace365', 'mextra', 'scope4mation', 'membro', 'zmanda'] as const;
export type BuiltinPolicyId = (typeof BUILTIN_POLICY_IDS)[number];

function load(json: unknown, file: string): Policy {
  const r = validatePolicy(json);
  if (!r.ok)
    throw new Error(`policies/${file}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return r.policy;
}

/** The five seed policies, in a stable order. */
export const BUILTIN_POLICIES: readonly Policy[] = [
  load(workspace365, 'workspace365.json'),
  load(mextra, 'mextra.json'),
  load(scope4mation, 'scope4mation.json'),
  load(membro, 'membro.json'),
  load(zmanda, 'zmanda.json'),
];

export function getBuiltinPolicy(id: string): Policy | undefined {
  return BUILTIN_POLICIES.find((p) => p.id === id);
}
