// Renders the Mandelbrot set to mandelbrot.ppm (binary PPM, P6), the classic image format of C
// graphics programs. After the run, click the file in the tree to see it; Keep adds it to the project.
#include <stdio.h>

#define W 480
#define H 320
#define MAX_ITER 200

static unsigned char pixels[H][W][3];

int main(void) {
  for (int y = 0; y < H; y++) {
    for (int x = 0; x < W; x++) {
      double cr = -2.2 + 3.2 * x / W, ci = -1.1 + 2.2 * y / H;
      double zr = 0, zi = 0;
      int i = 0;
      while (i < MAX_ITER && zr * zr + zi * zi < 4) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        i++;
      }
      unsigned char *p = pixels[y][x];
      if (i == MAX_ITER) {
        p[0] = p[1] = p[2] = 0;
      } else {
        double t = (double)i / MAX_ITER;
        p[0] = (unsigned char)(9 * (1 - t) * t * t * t * 255);
        p[1] = (unsigned char)(15 * (1 - t) * (1 - t) * t * t * 255);
        p[2] = (unsigned char)(8.5 * (1 - t) * (1 - t) * (1 - t) * t * 255);
      }
    }
  }
  FILE *f = fopen("mandelbrot.ppm", "wb");
  if (!f) {
    perror("mandelbrot.ppm");
    return 1;
  }
  fprintf(f, "P6\n%d %d\n255\n", W, H);
  fwrite(pixels, 1, sizeof pixels, f);
  fclose(f);
  printf("wrote mandelbrot.ppm (%d x %d, %zu bytes of pixels)\n", W, H, sizeof pixels);
  return 0;
}
