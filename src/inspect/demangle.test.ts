import { describe, expect, it } from 'vitest';
import { demangle } from './demangle';

describe('demangle', () => {
  it('reads the Itanium names clang gives C++ functions', () => {
    expect(demangle('_Z6divideii')).toBe('divide(…)');
    expect(demangle('_Z4mainv')).toBe('main()');
    expect(demangle('_ZNK3geo6Circle4areaEv')).toBe('geo::Circle::area() const');
    expect(demangle('_ZN3geo6CircleC2Ed')).toBe('geo::Circle::Circle(…)');
    expect(demangle('_ZN3geo6CircleD0Ev')).toBe('geo::Circle::~Circle()');
    expect(demangle('_ZNSt3__26vectorIiNS_9allocatorIiEEE9push_backEOi')).toBe(
      'std::__2::vector<…>::push_back(…)',
    );
  });
  it('leaves other names alone', () => {
    expect(demangle('main')).toBe('main');
    expect(demangle('__original_main')).toBe('__original_main');
    expect(demangle('_Zoops')).toBe('_Zoops');
  });
});
