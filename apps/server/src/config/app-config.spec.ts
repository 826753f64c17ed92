import { ConfigError, loadConfig } from './app-config.js';

const defaults = { cwd: '/srv/kapitel', webDist: '/srv/kapitel/apps/web/dist' };

describe('loadConfig()', () => {
  it('starts with sensible defaults: port 3000, embedded database in ./data', () => {
    const config = loadConfig({}, defaults);
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/kapitel/data', publicOrigin: null });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://kapitel:secret@db:5432/kapitel',
        DATA_DIR: '/var/lib/kapitel',
        PUBLIC_ORIGIN: 'https://kapitel.example.org/',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
      },
      defaults,
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://kapitel:secret@db:5432/kapitel',
      dataDir: '/var/lib/kapitel',
      publicOrigin: 'https://kapitel.example.org',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: true,
      logLevel: 'warn',
    });
  });

  it('reads the collaboration limits, the tick and its fan-out budget included', () => {
    const config = loadConfig({ COLLAB_TICK_MS: '20', COLLAB_FANOUT_FRAMES_PER_SECOND: '50000', COLLAB_MESSAGE_BURST: '10' }, defaults);
    expect(config.collab).toMatchObject({ tickMs: 20, fanOutFramesPerSecond: 50_000, messageBurst: 10 });
    expect(loadConfig({}, defaults).collab).toMatchObject({ tickMs: 15, fanOutFramesPerSecond: 40_000 });
  });

  it('bounds the export renderer process by memory and idle time', () => {
    expect(loadConfig({}, defaults)).toMatchObject({ exportRendererMaxMib: 384, exportRendererIdleSeconds: 60 });
    expect(loadConfig({ EXPORT_RENDERER_MAX_MIB: '1024', EXPORT_RENDERER_IDLE_SECONDS: '5' }, defaults)).toMatchObject({
      exportRendererMaxMib: 1024,
      exportRendererIdleSeconds: 5,
    });
  });

  it('limits uploaded images to 10 MiB unless told otherwise', () => {
    expect(loadConfig({}, defaults).imageMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ IMAGE_MAX_BYTES: '2097152' }, defaults).imageMaxBytes).toBe(2 * 1024 * 1024);
  });

  it('keeps unused images 30 days unless told otherwise (0 keeps them all)', () => {
    expect(loadConfig({}, defaults).imageRetentionDays).toBe(30);
    expect(loadConfig({ IMAGE_RETENTION_DAYS: '0' }, defaults).imageRetentionDays).toBe(0);
  });

  it.each([
    [{ IMAGE_MAX_BYTES: '10MB' }, /^IMAGE_MAX_BYTES must be a whole number from 1024 to 268435456/],
    [{ IMAGE_RETENTION_DAYS: '-1' }, /^IMAGE_RETENTION_DAYS must be a whole number from 0 to 3650/],
    [{ EXPORT_RENDERER_MAX_MIB: '10' }, /^EXPORT_RENDERER_MAX_MIB must be a whole number from 64/],
    [{ COLLAB_FANOUT_FRAMES_PER_SECOND: '0' }, /^COLLAB_FANOUT_FRAMES_PER_SECOND must be a whole number/],
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must look like postgres:/],
    [{ PUBLIC_ORIGIN: 'kapitel.example.org' }, /^PUBLIC_ORIGIN must be an origin/],
    [{ PUBLIC_ORIGIN: 'https://kapitel.example.org/path' }, /^PUBLIC_ORIGIN must be an origin/],
    [{ ALLOWED_ORIGINS: 'https://ok.example,ftp://x' }, /^ALLOWED_ORIGINS must be an origin/],
    [{ TRUST_PROXY: 'yes' }, /^TRUST_PROXY must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });

  it('does not echo a database password in its error', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://u:topsecret@h/db' }, defaults);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^DATABASE_URL/);
    expect(message).not.toContain('topsecret');
  });
});
