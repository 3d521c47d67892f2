import { describe, expect, it } from 'vitest';
import { formatWat } from './watFormat';

describe('formatWat', () => {
  it('indents by parenthesis depth and keeps comments and strings', () => {
    const src = `(module
(import "wasi" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
    ;; a comment (with a paren
(data (i32.const 8) "a ( string ;; not a comment")
(func $main (export "_start")
(drop (call $w
(i32.const 1)
(i32.const 0)))
)
)`;
    expect(formatWat(src)).toBe(`(module
  (import "wasi" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  ;; a comment (with a paren
  (data (i32.const 8) "a ( string ;; not a comment")
  (func $main (export "_start")
    (drop (call $w
        (i32.const 1)
        (i32.const 0)))
  )
)
`);
  });

  it('indents flat block/loop/if … end, with else and $names that look like keywords', () => {
    const src = `(func $f (param $loop i32)
block $block
loop $loop
local.get $loop
br_if $block
br $loop
end
end
local.get 0
if (result i32)
i32.const 1
else
i32.const 2
end
drop)`;
    expect(formatWat(src, 4)).toBe(`(func $f (param $loop i32)
    block $block
        loop $loop
            local.get $loop
            br_if $block
            br $loop
        end
    end
    local.get 0
    if (result i32)
        i32.const 1
    else
        i32.const 2
    end
    drop)
`);
  });

  it('leaves block comments alone and squeezes blank lines', () => {
    const src = `(module\n(;  keep\n   this  as is ;)\n\n\n\n(memory 1))\n\n`;
    expect(formatWat(src)).toBe(`(module\n  (;  keep\n   this  as is ;)\n\n  (memory 1))\n`);
  });

  it('is idempotent on its own output', () => {
    const once = formatWat('(module\n(func\n(nop)))');
    expect(formatWat(once)).toBe(once);
  });
});
