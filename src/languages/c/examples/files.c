// The project folder is the program's world: it reads data/scores.csv and writes report.txt.
// Both paths are relative to the project; "/data/scores.csv" names the same file.
#include <stdio.h>
#include <string.h>

int main(void) {
  FILE *in = fopen("data/scores.csv", "r");
  if (!in) {
    perror("data/scores.csv");
    return 1;
  }
  char line[256], best_name[64] = "";
  int best = -1, count = 0, total = 0;
  fgets(line, sizeof line, in); // header
  while (fgets(line, sizeof line, in)) {
    char name[64];
    int score;
    if (sscanf(line, "%63[^,],%d", name, &score) != 2) continue;
    count++;
    total += score;
    if (score > best) {
      best = score;
      strcpy(best_name, name);
    }
  }
  fclose(in);

  FILE *out = fopen("report.txt", "w");
  fprintf(out, "players: %d\naverage: %.1f\nbest: %s (%d)\n", count, (double)total / count,
          best_name, best);
  fclose(out);
  printf("read %d scores, wrote report.txt\n", count);
  return 0;
}
