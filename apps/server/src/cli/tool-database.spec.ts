import { parsePostmasterPid } from './tool-database.js';

describe('parsePostmasterPid()', () => {
  it('reads pid and port of a running PostgreSQL', () => {
    const file = ['4242', '/srv/kapitel/data/pg', '1764900000', '41234', '', '127.0.0.1', '  1234567   98', 'ready', ''].join('\n');
    expect(parsePostmasterPid(file)).toEqual({ pid: 4242, port: 41234 });
  });

  it.each(['', '4242\n/srv/pg\n', 'x\n/srv/pg\n1\n5432\n', '4242\n/srv/pg\n1\n70000\n'])('refuses what is not such a file (%j)', (file) => {
    expect(parsePostmasterPid(file)).toBeNull();
  });
});
