;; Hello world as a WASI command: write one line to stdout with fd_write.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello, WebAssembly!\n")

  (func $main (export "_start")
    ;; an iovec at address 0: { buf = 16, len = 20 }
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 20))
    ;; fd 1 = stdout, 1 iovec, bytes written go to address 8
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
)
