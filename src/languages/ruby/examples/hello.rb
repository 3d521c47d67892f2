# Hello from Ruby 3.4, interpreted by ruby.wasm on the playground's own WASI host.
puts "Hello, WebAssembly!"
puts "Ruby #{RUBY_VERSION} on #{RUBY_PLATFORM}"
squares = (1..10).map { |n| n * n }
puts "squares: #{squares.inspect} sum: #{squares.sum}"
