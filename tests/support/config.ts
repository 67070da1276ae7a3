/**
 * Test support only: a small policy validator with the engine's result shape, used where a test is
 * about the options pipeline rather than the policy format (the real `validatePolicy` is used by
 * the broken-policy catalogue).
 */
import { z } from 'zod';
import type { PolicyValidator } from '../../lib/config/importPolicy';

const Duration = z.strictObject({
  amount: z.number().positive().optional(),
  unit: z.string(),
  text: z.string().optional(),
});
const Target = z.strictObject({
  due: Duration,
  goal: Duration.extend({ percent: z.number() }).optional(),
  source: z.string().optional(),
});

const StubPolicy = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    priorities: z.array(
      z.strictObject({ id: z.string(), label: z.record(z.string(), z.string()).optional() }),
    ),
    calendars: z.record(z.string(), z.unknown()).optional(),
    targets: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.record(z.string(), Target)))),
    compliance: z.record(z.string(), z.number()).optional(),
  })
  .superRefine((p, ctx) => {
    const known = p.priorities.map((x) => x.id);
    for (const [type, tiers] of Object.entries(p.targets))
      for (const [tier, prios] of Object.entries(tiers))
        for (const prio of Object.keys(prios))
          if (!known.includes(prio))
            ctx.addIssue({
              code: 'custom',
              path: ['targets', type, tier, prio],
              message: `unknown priority "${prio}" (known: ${known.join(', ')})`,
            });
  });

export const stubValidate: PolicyValidator = (json) => {
  const r = StubPolicy.safeParse(json);
  return r.success
    ? { ok: true, policy: r.data }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path, message: i.message })) };
};

export function stubMextra(): Record<string, unknown> {
  const bh = (amount: number) => ({ amount, unit: 'business-hours' });
  const bd = (amount: number) => ({ amount, unit: 'business-days' });
  return {
    id: 'mextra',
    name: 'Mextra',
    priorities: [{ id: 'urgent' }, { id: 'high' }, { id: 'normal' }, { id: 'low' }],
    calendars: {
      sw1: {
        zone: 'Europe/Amsterdam',
        windows: { mon: [['09:00', '17:30']], tue: [['09:00', '17:30']], wed: [['09:00', '17:30']] },
        holidays: ['nl-public'],
      },
    },
    targets: {
      incident: {
        standard: {
          urgent: { resolution: { due: bh(6), goal: { ...bh(4), percent: 90 } } },
          high: { resolution: { due: bd(2), goal: { ...bd(1), percent: 90 } } },
        },
      },
    },
    compliance: { urgent: 90 },
  };
}
