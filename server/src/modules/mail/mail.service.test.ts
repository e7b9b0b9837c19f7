import { describe, expect, it } from 'vitest';
import { pooledByDefault } from './mail.service.js';

describe('the SMTP transport URL', () => {
  it('pools three connections unless the URL says otherwise', () => {
    const pooled = new URL(pooledByDefault('smtp://user:secret@mail.example.vn:587'));
    expect(pooled.searchParams.get('pool')).toBe('true');
    expect(pooled.searchParams.get('maxConnections')).toBe('3');
    expect(pooled.password).toBe('secret');
    expect(new URL(pooledByDefault('smtp://mail.example.vn?maxConnections=8')).searchParams.get('maxConnections')).toBe('8');
    const single = new URL(pooledByDefault('smtp://mail.example.vn?pool=false'));
    expect(single.searchParams.get('pool')).toBe('false');
    expect(single.searchParams.has('maxConnections')).toBe(false);
  });
});
