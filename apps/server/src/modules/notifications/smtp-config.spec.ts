import { ConfigError, loadConfig } from '../../config/app-config.js';

// The SMTP part of app-config.ts, tested beside the feature that uses it.
const defaults = { cwd: '/srv/kapitel', webDist: null };

describe('SMTP configuration', () => {
  it('is off without SMTP_URL', () => {
    expect(loadConfig({}, defaults).smtp).toBeNull();
    expect(loadConfig({ SMTP_URL: '', SMTP_FROM: 'x@example.org' }, defaults).smtp).toBeNull();
  });

  it.each([
    ['smtp://kapitel:geheim@mail.example.org:587', 'kapitel@example.org'],
    ['smtps://mail.example.org:465', 'Kapitel <kapitel@example.org>'],
  ])('reads %s with the sender %s', (url, from) => {
    expect(loadConfig({ SMTP_URL: url, SMTP_FROM: from }, defaults).smtp).toEqual({ url, from });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.org', SMTP_FROM: 'a@example.org' }, /^SMTP_URL must look like smtp:/],
    [{ SMTP_URL: 'nicht eine url', SMTP_FROM: 'a@example.org' }, /^SMTP_URL must look like smtp:/],
    [{ SMTP_URL: 'smtp://mail.example.org' }, /^SMTP_FROM must be a sender/],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: 'kein-absender' }, /^SMTP_FROM must be a sender/],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: 'a@example.org\r\nBcc: b@example.org' }, /^SMTP_FROM must be a sender/],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });

  it('does not echo an SMTP password in its error', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://u:topsecret@h', SMTP_FROM: 'a@example.org' }, defaults)).toThrow(
      /^(?!.*topsecret)SMTP_URL/,
    );
  });
});
