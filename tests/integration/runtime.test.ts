import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  // npm scripts put node_modules/.bin first on PATH, where the `node` dev dependency installs
  // Node 24: the tests, `npm start` and the scripts run on it even where the system has Node 20.
  it('runs on Node.js 24 LTS', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
