# Reads a number from stdin (type it in the terminal) and prints its factors.
print "A whole number: "
n = $stdin.gets.to_i
factors = (1..n).select { |d| (n % d).zero? }
puts "#{n} has #{factors.size} factors: #{factors.inspect}"
puts factors.size == 2 ? "prime!" : "not prime"
