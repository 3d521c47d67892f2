import { describe, expect, it } from 'vitest';
import { tabForKey } from './tabKeys';

describe('tabForKey', () => {
  const tabs = ['a', 'b', 'c'];
  it('moves with the arrows, wrapping, and jumps with Home/End', () => {
    expect(tabForKey(tabs, 'a', 'ArrowRight')).toBe('b');
    expect(tabForKey(tabs, 'c', 'ArrowRight')).toBe('a');
    expect(tabForKey(tabs, 'a', 'ArrowLeft')).toBe('c');
    expect(tabForKey(tabs, 'b', 'Home')).toBe('a');
    expect(tabForKey(tabs, 'b', 'End')).toBe('c');
    expect(tabForKey(tabs, 'b', 'Enter')).toBeNull();
  });
});
