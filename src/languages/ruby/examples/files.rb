# Reads data/scores.csv from the project and writes report.txt next to it
# (it appears in the file tree after the run).
rows = File.readlines("data/scores.csv", chomp: true).drop(1).map do |line|
  name, score = line.split(",")
  [name, Integer(score)]
end

rows.sort_by! { |_, score| -score }
File.open("report.txt", "w") do |out|
  rows.each.with_index(1) { |(name, score), rank| out.puts format("%d. %-8s %3d", rank, name, score) }
  out.puts format("average: %.1f", rows.sum { |_, s| s } / rows.size.to_f)
end

print File.read("report.txt")
