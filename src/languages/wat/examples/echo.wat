;; Interactive echo: prints a prompt, waits for a line typed in the terminal, answers it.
;; Ctrl+D (end of input) ends the program.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "> ")
  (data (i32.const 80) "echo: ")
  (data (i32.const 96) "bye\n")

  ;; Writes len bytes at ptr to stdout (iovec at 0, count at 8).
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $main (export "_start")
    (local $n i32)
    (loop $lines
      (call $print (i32.const 64) (i32.const 2))
      ;; read up to 4096 bytes at 1024 (iovec at 16, count at 24)
      (i32.store (i32.const 16) (i32.const 1024))
      (i32.store (i32.const 20) (i32.const 4096))
      (if (call $fd_read (i32.const 0) (i32.const 16) (i32.const 1) (i32.const 24))
        (then (return)))
      (local.set $n (i32.load (i32.const 24)))
      (if (i32.eqz (local.get $n))
        (then
          (call $print (i32.const 96) (i32.const 4))
          (return)))
      (call $print (i32.const 80) (i32.const 6))
      (call $print (i32.const 1024) (local.get $n))
      (br $lines)))
)
