import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/db/client.js';
import { toProblem } from '../src/plugins/errors.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
/** Drizzle wraps the driver's error in `cause`. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a terminated backend (57P01)', wrapped(pgError('57P01', 'terminating connection due to administrator command'))],
    ['a server starting up (57P03)', pgError('57P03')],
    ['a connection exception (08006)', wrapped(pgError('08006'))],
    ['too many connections (53300)', pgError('53300')],
    ['a refused socket', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a dual-stack refused connect', new AggregateError([pgError('ECONNREFUSED')], '')],
    ['a connection terminated mid-query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['an ended pool', new Error('Cannot use a pool after calling end on the pool')],
    ['a closed PGlite', wrapped(new Error('PGlite is closed'))],
  ])('is true for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const problem = toProblem(error);
    expect(problem.status).toBe(503);
    expect(problem.type).toBe('urn:meetbridge:problem:database_unavailable');
  });

  it.each([
    ['a unique violation', wrapped(pgError('23505'))],
    ['a syntax error', pgError('42601')],
    ['a plain bug', new TypeError('undefined is not a function')],
  ])('is false for %s (still a 500)', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toProblem(error).status).toBe(500);
  });
});
