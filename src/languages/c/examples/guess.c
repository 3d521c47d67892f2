// Guess the number: a game to play in the terminal. The program waits for each answer.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
  srand((unsigned)time(NULL));
  int secret = rand() % 100 + 1;
  printf("I am thinking of a number between 1 and 100.\n");
  for (int tries = 1;; tries++) {
    printf("Your guess? ");
    int guess;
    int got = scanf("%d", &guess);
    if (got == EOF) {
      printf("\nGiving up? It was %d.\n", secret);
      return 1;
    }
    if (got != 1) {
      scanf("%*[^\n]"); // skip what is not a number
      printf("\x1b[33mThat is not a number.\x1b[0m\n");
      continue;
    }
    if (guess < secret) {
      printf("\x1b[34mHigher!\x1b[0m\n");
    } else if (guess > secret) {
      printf("\x1b[35mLower!\x1b[0m\n");
    } else {
      printf("\x1b[1;32mYes! %d it is, in %d %s.\x1b[0m\n", secret, tries,
             tries == 1 ? "try" : "tries");
      return 0;
    }
  }
}
