import { describe, expect, it } from 'vitest';
import { HostMappingSchema } from './mapping-schema';

describe('the host mapping schema', () => {
  it('accepts a Zendesk view id made of digits', () => {
    expect(HostMappingSchema.parse({ queue: { viewId: '360001234567' } })).toEqual({
      queue: { viewId: '360001234567' },
    });
  });

  it('refuses a view id that is not a number, saying where and what a view id looks like', () => {
    const r = HostMappingSchema.safeParse({ queue: { viewId: 'unsolved tickets' } });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['queue', 'viewId']);
    expect(issue.message).toMatch(/view id is a number.*\/agent\/filters\//);
  });
});
