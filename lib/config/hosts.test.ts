import { describe, expect, it } from 'vitest';
import {
  assignmentHost,
  contentScriptMatches,
  contentScriptRegistration,
  normaliseHost,
  originPattern,
  removeHost,
  upsertHost,
} from './hosts';

describe('normaliseHost', () => {
  it.each([
    ['https://helpdesk.example.nl/tas/secure/login', 'helpdesk.example.nl'],
    ['helpdesk.example.nl', 'helpdesk.example.nl'],
    ['  HelpDesk.Example.NL.  ', 'helpdesk.example.nl'],
    ['https://support.acme.com/', 'support.acme.com'],
  ])('turns %j into the host %s', (input, host) => {
    expect(normaliseHost(input, 'topdesk')).toEqual({ ok: true, entry: { host, helpdesk: 'topdesk' } });
  });

  it.each([
    ['', 'empty'],
    ['http://helpdesk.example.nl', 'not-https'],
    ['ftp://helpdesk.example.nl', 'not-https'],
    ['https://user:pw@helpdesk.example.nl', 'has-credentials'],
    ['https://helpdesk.example.nl:8443', 'has-port'],
    ['https://10.0.0.1', 'ip-address'],
    ['localhost', 'invalid'],
    ['https://exa mple.nl', 'invalid'],
    ['https://acme.zendesk.com', 'builtin'],
    ['scope4mation.topdesk.net', 'builtin'],
  ])('refuses %j with code %s', (input, code) => {
    const r = normaliseHost(input, 'zendesk');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message.length).toBeGreaterThan(10);
    }
  });
});

describe('permission and content-script patterns', () => {
  it('requests https://host/* as the optional host permission', () => {
    expect(originPattern('helpdesk.example.nl')).toBe('https://helpdesk.example.nl/*');
  });

  it('registers Zendesk on /agent/* and TOPdesk on /tas/* in all frames', () => {
    expect(contentScriptMatches({ host: 'support.acme.com', helpdesk: 'zendesk' })).toEqual([
      'https://support.acme.com/agent/*',
    ]);
    expect(contentScriptRegistration({ host: 'td.acme.nl', helpdesk: 'topdesk' })).toEqual({
      id: 'selfhosted-topdesk-td.acme.nl',
      matches: ['https://td.acme.nl/tas/*'],
      allFrames: true,
      helpdesk: 'topdesk',
    });
  });

  it('keeps one entry per host when a host is added twice, and removes it by host', () => {
    const one = upsertHost([], { host: 'b.example.nl', helpdesk: 'zendesk' });
    const two = upsertHost(upsertHost(one, { host: 'a.example.nl', helpdesk: 'topdesk' }), {
      host: 'b.example.nl',
      helpdesk: 'topdesk',
    });
    expect(two).toEqual([
      { host: 'a.example.nl', helpdesk: 'topdesk' },
      { host: 'b.example.nl', helpdesk: 'topdesk' },
    ]);
    expect(removeHost(two, 'a.example.nl')).toEqual([{ host: 'b.example.nl', helpdesk: 'topdesk' }]);
  });
});

describe('assignmentHost', () => {
  it('accepts built-in and self-hosted hosts, also as pasted ticket URLs', () => {
    expect(assignmentHost('https://Mextra.zendesk.com/agent/tickets/1')).toBe('mextra.zendesk.com');
    expect(assignmentHost('helpdesk.example.nl')).toBe('helpdesk.example.nl');
    expect(assignmentHost('not a host')).toBeNull();
    expect(assignmentHost('http://mextra.zendesk.com')).toBeNull();
  });
});
