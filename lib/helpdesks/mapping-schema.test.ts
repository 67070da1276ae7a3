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

describe('the outage selection (availability)', () => {
  it('accepts a tag, a type, or a field with or without a value', () => {
    for (const outage of [
      { tag: 'platform_down' },
      { type: 'incident' },
      { field: '360000042', value: 'platform' },
      { field: 'optionalFields1.text1' },
      { tag: 'down', type: 'incident' },
    ])
      expect(HostMappingSchema.parse({ outage })).toEqual({ outage });
  });

  it('refuses an empty selection, a value without its field, and unknown keys', () => {
    const empty = HostMappingSchema.safeParse({ outage: {} });
    expect(empty.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [['outage'], 'Give a tag, a type or a field that marks an outage ticket (or leave outage out)'],
    ]);
    const value = HostMappingSchema.safeParse({ outage: { tag: 'x', value: 'platform' } });
    expect(value.error!.issues.map((i) => i.path)).toEqual([['outage', 'field']]);
    expect(HostMappingSchema.safeParse({ outage: { tags: ['x'] } }).success).toBe(false);
  });
});
