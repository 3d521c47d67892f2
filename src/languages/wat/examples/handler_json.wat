;; A JSON echo: the request body (stdin) comes back as the response, typed application/json.
;; Send a POST with a JSON body, e.g. {"hello": "wasm"}.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "Content-Type: application/json\n\n")

  ;; Writes len bytes at ptr to stdout (iovec at 0, count at 8).
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $main (export "_start")
    (local $n i32)
    (call $print (i32.const 64) (i32.const 32))
    (loop $chunks
      ;; read up to 60 KiB at 1024 (iovec at 16, count at 24); 0 bytes = end of the body
      (i32.store (i32.const 16) (i32.const 1024))
      (i32.store (i32.const 20) (i32.const 61440))
      (br_if 1 (call $fd_read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24)))
      (local.set $n (i32.load (i32.const 24)))
      (br_if 1 (i32.eqz (local.get $n)))
      (call $print (i32.const 1024) (local.get $n))
      (br $chunks)))
)
