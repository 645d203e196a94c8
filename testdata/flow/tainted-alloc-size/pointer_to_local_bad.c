/* sample loader: the sound file header gives the sample count */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_SAMPLES (48000u * 600u)

int16_t *load_samples(FILE *fp, size_t *count_out)
{
    size_t count = 0;
    size_t *pcount = &count;
    int16_t *pcm;

    if (fscanf(fp, "samples %zu\n", pcount) != 1)
        return NULL;
    pcm = calloc(*pcount, sizeof *pcm); // flaw
    if (!pcm)
        return NULL;
    *count_out = fread(pcm, sizeof *pcm, count, fp);
    return pcm;
}
