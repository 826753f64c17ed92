import { resetLink, resetLinkOrigin } from './password-reset-link.js';

describe('resetLinkOrigin()', () => {
  const host = (hostname: string, port = '3000') => ({ protocol: 'http', host: `${hostname}:${port}`, hostname });

  it('takes PUBLIC_ORIGIN whatever host the request names', () => {
    expect(resetLinkOrigin('https://kapitel.example.org', host('evil.example'))).toBe('https://kapitel.example.org');
  });

  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'])('without it, takes the request’s own host when that is this machine (%s)', (name) => {
    expect(resetLinkOrigin(null, host(name))).toBe(`http://${name}:3000`);
  });

  it.each(['evil.example', 'kapitel.example.org', '192.168.1.10', 'localhost.evil.example', '127.0.0.1.evil.example'])(
    'without it, refuses any other host (%s): a Host header is the caller’s choice',
    (name) => {
      expect(resetLinkOrigin(null, host(name))).toBeNull();
    },
  );
});

describe('resetLink()', () => {
  it('opens the web app’s reset page with the token', () => {
    expect(resetLink('https://kapitel.example.org', 'abc-_123')).toBe('https://kapitel.example.org/reset-password?token=abc-_123');
  });
});
