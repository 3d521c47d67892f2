;; An HTTP handler, as Spin's WAGI executor runs one: every request starts a fresh instance;
;; print CGI headers, an empty line, then the body. The whole handler is a few hundred bytes.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "Content-Type: text/plain\n\nHello from a fresh WebAssembly instance (WAT)!\n")

  (func $main (export "_start")
    ;; one iovec at 0: the 73 bytes at 64; bytes written go to 8
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 73))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
)
